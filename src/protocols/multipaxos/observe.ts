/** The observable state, named after MultiPaxos-SMR's `NodeStates`, and what a crash keeps.
 * Cheap: it shares the context's immutable arrays and records. */
import type { Snapshot } from 'xstate';
import type { Ballot } from '../kit/ballots';
import type { MultiPaxosContext, MultiPaxosDurable } from './context';
import type { Insts, KValue } from './log';
import type { NodeId, Slot } from './messages';

export type Phase = 'follower' | 'preparing' | 'leading';

export interface MultiPaxosObservable {
  [key: string]: unknown;
  role: Phase;
  balMaxKnown: Ballot;
  balPrepared: Ballot;
  leader: NodeId | null;
  insts: Insts;
  commitUpTo: Slot;
  kvalue: KValue;
  /** Client ops taken and not yet applied here. */
  pending: readonly string[];
  /** While preparing: who promised. */
  promised?: readonly NodeId[];
}

interface MultiPaxosSnapshot {
  value: Phase;
  context: MultiPaxosContext;
}

export function observe(snapshot: Snapshot<unknown>): MultiPaxosObservable {
  const { value, context: c } = snapshot as unknown as MultiPaxosSnapshot;
  const s: MultiPaxosObservable = {
    role: value,
    balMaxKnown: c.balMaxKnown,
    balPrepared: c.balPrepared,
    leader: c.leader,
    insts: c.insts,
    commitUpTo: c.commitUpTo,
    kvalue: c.kvalue,
    pending: c.pending,
  };
  if (value === 'preparing') s.promised = c.promised;
  return s;
}

export function durable(snapshot: Snapshot<unknown>): MultiPaxosDurable {
  const { context: c } = snapshot as unknown as MultiPaxosSnapshot;
  return { balMaxKnown: c.balMaxKnown, insts: c.insts, commitUpTo: c.commitUpTo, kvalue: c.kvalue, ops: c.ops };
}
