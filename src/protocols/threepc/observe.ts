/** The observable and durable state of both roles. `state` holds Skeen's local state per
 * transaction; `termination` shows where a site is in the termination protocol. */
import type { Snapshot } from 'xstate';
import type { TransactionHints } from '../types';
import type { CoordinatorContext, CoordinatorDurable } from './coordinator';
import type { ParticipantContext, ParticipantDurable, Termination } from './participant';
import type { NodeId, Site, TxId } from './messages';

export type Phase = Termination['phase'];

export interface CoordinatorObservable {
  [key: string]: unknown;
  role: 'coordinator';
  state: Readonly<Record<TxId, Site>>;
  yes: Readonly<Record<TxId, readonly NodeId[]>>;
  acks: Readonly<Record<TxId, readonly NodeId[]>>;
  termination: Readonly<Record<TxId, Phase>>;
}

export interface ParticipantObservable {
  [key: string]: unknown;
  role: 'participant';
  state: Readonly<Record<TxId, Site>>;
  termination: Readonly<Record<TxId, Phase>>;
  /** Set by `vote-no` without a transaction: the next CanCommit gets a No. */
  abortNext: boolean;
}

export type ThreePcObservable = CoordinatorObservable | ParticipantObservable;

type Context = CoordinatorContext | ParticipantContext;
const contextOf = (snapshot: Snapshot<unknown>) => (snapshot as unknown as { context: Context }).context;
const isCoordinator = (c: Context): c is CoordinatorContext => 'participants' in c;

export function observe(snapshot: Snapshot<unknown>): ThreePcObservable {
  const c = contextOf(snapshot);
  if (isCoordinator(c)) {
    const termination = Object.fromEntries(Object.keys(c.recovering).map((tx): [TxId, Phase] => [tx, 'recovering']));
    return { role: 'coordinator', state: c.state, yes: c.yes, acks: c.acks, termination };
  }
  const termination = Object.fromEntries(Object.entries(c.termination).map(([tx, t]): [TxId, Phase] => [tx, t.phase]));
  return { role: 'participant', state: c.state, termination, abortNext: c.abortNext };
}

/** Every site logs its state transitions (and the coordinator its id counter). */
export function durable(snapshot: Snapshot<unknown>): CoordinatorDurable | ParticipantDurable {
  const c = contextOf(snapshot);
  return isCoordinator(c) ? { nextTx: c.nextTx, state: c.state } : { state: c.state };
}

/** The transaction table's reading of a site: Skeen's local state. In w and p a participant has
 * voted Yes and holds its locks without having committed. */
export const transactionHints: TransactionHints = {
  states: (state) => (state as unknown as ThreePcObservable).state,
  kinds: { q: 'active', w: 'uncertain', p: 'uncertain', c: 'committed', a: 'aborted' },
  absent: { coordinator: 'q', participant: 'q' },
  lockHolders: ['participant'],
};
