/** The observable state, named after Zab.tla's variables, and what survives a crash. */
import type { Snapshot } from 'xstate';
import type { ZabContext, ZabDurable } from './context';
import { historyOf } from './context';
import type { Anomaly, NodeId, ServerState, SyncMode, Txn, Vote, ZabState } from './types';

export interface ZabObservable {
  [key: string]: unknown;
  state: ServerState;
  /** The shared views' generic role (cluster glyph and tone): LEADING is a leader, FOLLOWING a
   * follower, LOOKING a candidate (it is in an election, proposing a vote). */
  role: 'leader' | 'follower' | 'candidate';
  zabState: ZabState;
  acceptedEpoch: number;
  currentEpoch: number;
  /** In-memory history: the logged txns, then those sync has only buffered. */
  history: readonly Txn[];
  /** How many leading txns of `history` are on disk; the rest is buffered. */
  logged: number;
  lastCommitted: number;
  /** The leader we follow, or lead (Zab.tla `connectInfo`). */
  leader: NodeId | null;
  round: number;
  vote: Vote;
  /** While LOOKING: whom each server's latest notification votes for. */
  votes?: Readonly<Record<NodeId, NodeId>>;
  syncMode?: SyncMode | null;
  cepochRecv?: NodeId[];
  ackeRecv?: NodeId[];
  ackldRecv?: NodeId[];
  anomalies: readonly Anomaly[];
}

interface ZabSnapshot {
  context: ZabContext;
}

export function observe(snapshot: Snapshot<unknown>): ZabObservable {
  const c = (snapshot as unknown as ZabSnapshot).context;
  const o: ZabObservable = {
    state: c.state,
    role: c.state === 'LEADING' ? 'leader' : c.state === 'FOLLOWING' ? 'follower' : 'candidate',
    zabState: c.zabState,
    acceptedEpoch: c.acceptedEpoch,
    currentEpoch: c.currentEpoch,
    history: historyOf(c),
    logged: c.replaceLog ? 0 : c.log.length,
    lastCommitted: c.lastCommitted,
    leader: c.leader,
    round: c.round,
    vote: c.vote,
    anomalies: c.anomalies,
  };
  if (c.state === 'LOOKING') o.votes = Object.fromEntries(Object.entries(c.recvVotes).map(([k, b]) => [k, b.vote.leader]));
  if (c.state === 'FOLLOWING') o.syncMode = c.syncMode;
  if (c.state === 'LEADING') {
    const ids = (p: (l: ZabContext['learners'][string]) => boolean) => [c.id, ...Object.keys(c.learners).filter((k) => p(c.learners[k]!))];
    o.cepochRecv = ids((l) => l.cepoch !== null);
    o.ackeRecv = ids((l) => l.ackepoch !== null);
    o.ackldRecv = ids((l) => l.ackld);
  }
  return o;
}

/** Zab.tla `Restart` keeps acceptedEpoch, currentEpoch and history; only the log is on disk,
 * never the buffer. */
export function durable(snapshot: Snapshot<unknown>): ZabDurable {
  const c = (snapshot as unknown as ZabSnapshot).context;
  return { acceptedEpoch: c.acceptedEpoch, currentEpoch: c.currentEpoch, log: c.log, incarnation: c.incarnation };
}
