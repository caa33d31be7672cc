/** The observable and durable state of both roles, named after TwoPhase.tla's variables. */
import type { Snapshot } from 'xstate';
import type { TransactionHints } from '../types';
import type { TmContext, TmDurable } from './coordinator';
import type { RmContext, RmDurable } from './participant';
import type { Decision, NodeId, RmState, TmState, TxId } from './messages';

export interface TmObservable {
  [key: string]: unknown;
  role: 'coordinator';
  tmState: Readonly<Record<TxId, TmState>>;
  tmPrepared: Readonly<Record<TxId, readonly NodeId[]>>;
}

export interface RmObservable {
  [key: string]: unknown;
  role: 'participant';
  rmState: Readonly<Record<TxId, RmState>>;
  /** Set by `vote-no` without a transaction: the next Prepare gets an abort vote. */
  abortNext: boolean;
}

export type TwoPcObservable = TmObservable | RmObservable;

type Context = TmContext | RmContext;
const contextOf = (snapshot: Snapshot<unknown>) => (snapshot as unknown as { context: Context }).context;
const isTm = (c: Context): c is TmContext => 'tmState' in c;

/** Shares the context's immutable maps instead of copying them. */
export function observe(snapshot: Snapshot<unknown>): TwoPcObservable {
  const c = contextOf(snapshot);
  if (isTm(c)) return { role: 'coordinator', tmState: c.tmState, tmPrepared: c.tmPrepared };
  return { role: 'participant', rmState: c.rmState, abortNext: c.abortNext };
}

/** What a restart keeps: the TM's decisions and id counter; each RM's votes and decisions.
 * The TM's `init` and `tmPrepared` are volatile: under presumed abort nothing is logged before
 * the decision. */
export function durable(snapshot: Snapshot<unknown>): TmDurable | RmDurable {
  const c = contextOf(snapshot);
  if (!isTm(c)) return { rmState: c.rmState };
  const decisions = Object.fromEntries(Object.entries(c.tmState).filter((e): e is [TxId, Decision] => e[1] !== 'init'));
  return { nextTx: c.nextTx, decisions };
}

/** The transaction table's reading of a node: the TM's `tmState` or the RM's `rmState`. A
 * prepared RM has voted and holds its locks without knowing the outcome. */
export const transactionHints: TransactionHints = {
  states: (state) => {
    const s = state as unknown as TwoPcObservable;
    return s.role === 'coordinator' ? s.tmState : s.rmState;
  },
  kinds: { working: 'active', init: 'active', prepared: 'uncertain', committed: 'committed', aborted: 'aborted' },
  absent: { coordinator: 'init', participant: 'working' },
  lockHolders: ['participant'],
};
