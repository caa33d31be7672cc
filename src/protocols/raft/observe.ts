/** The observable state, named after raft.tla's variables. Cheap: it shares the context's
 * immutable arrays instead of copying them. */
import type { Snapshot } from 'xstate';
import type { RaftContext, RaftDurable } from './context';
import type { Entry, NodeId } from './messages';

export type RaftRole = 'follower' | 'candidate' | 'leader';

export interface RaftObservable {
  [key: string]: unknown;
  role: RaftRole;
  currentTerm: number;
  votedFor: NodeId | null;
  log: readonly Entry[];
  commitIndex: number;
  leaderId: NodeId | null;
  votesGranted?: readonly NodeId[];
  nextIndex?: Readonly<Record<NodeId, number>>;
  matchIndex?: Readonly<Record<NodeId, number>>;
}

interface RaftSnapshot {
  value: unknown;
  context: RaftContext;
}

export function observe(snapshot: Snapshot<unknown>): RaftObservable {
  const { value, context: c } = snapshot as unknown as RaftSnapshot;
  const role = value as RaftRole;
  const state: RaftObservable = {
    role,
    currentTerm: c.currentTerm,
    votedFor: c.votedFor,
    log: c.log,
    commitIndex: c.commitIndex,
    leaderId: c.leaderId,
  };
  if (role === 'candidate') state.votesGranted = c.votesGranted;
  if (role === 'leader') {
    state.nextIndex = c.nextIndex;
    state.matchIndex = c.matchIndex;
  }
  return state;
}

/** Figure 2's persistent state: what a restart keeps. */
export function durable(snapshot: Snapshot<unknown>): RaftDurable {
  const { context: c } = snapshot as unknown as RaftSnapshot;
  return { currentTerm: c.currentTerm, votedFor: c.votedFor, log: c.log };
}
