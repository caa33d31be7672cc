/**
 * The transaction manager of two-phase commit (TwoPhase.tla's TM, with the Prepare and RM
 * abort messages the spec elides, and presumed abort for recovery). One machine runs every
 * transaction: per-transaction state lives in `tmState` and `tmPrepared`, named after the spec,
 * kept as persistent records so that an event costs what it changed, not a copy of every
 * transaction (issue 10).
 */
import { assign, enqueueActions, setup } from 'xstate';
import type { CancelTimerParams, OutputParams, SendParams, SetTimerParams } from '../types';
import type { Decision, Incoming, NodeId, TmEvent, TmState, TxId } from './messages';
import { persistent, withKey } from '../../sim/precord';
import { cancelTimer, effects, reply, send, setTimer, timerName, txOf, entry } from './kernel';

/** What the TM forces to its log: its decisions and the id counter (so ids are never reused). */
export interface TmDurable {
  nextTx: number;
  decisions: Readonly<Record<TxId, Decision>>;
}

export interface TmInput {
  id: NodeId;
  rms: readonly NodeId[];
  voteTimeout: number;
  durable?: TmDurable;
}

export interface TmContext {
  id: NodeId;
  rms: readonly NodeId[];
  tmState: Readonly<Record<TxId, TmState>>;
  tmPrepared: Readonly<Record<TxId, readonly NodeId[]>>;
  nextTx: number;
  voteTimeout: number;
}

const VOTE = 'voteTimeout';

// ── pure helpers ───────────────────────────────────────────────────────────────

/** The id `begin` with an empty tx gets: t<n> for the next n not already in use. */
export function nextTxId(ctx: Pick<TmContext, 'nextTx' | 'tmState'>): { tx: TxId; nextTx: number } {
  let n = ctx.nextTx + 1;
  while (Object.hasOwn(ctx.tmState, `t${n}`)) n++;
  return { tx: `t${n}`, nextTx: n };
}

const stateOf = (ctx: TmContext, tx: TxId): TmState | undefined => entry(ctx.tmState, tx);
const decisionMessage = (d: Decision, tx: TxId) => (d === 'committed' ? { type: 'Commit' as const, tx } : { type: 'Abort' as const, tx });

// ── the machine ────────────────────────────────────────────────────────────────

export const coordinatorMachine = setup({
  types: {
    context: {} as TmContext,
    events: {} as TmEvent,
    input: {} as TmInput,
  },
  actions: {
    send: (_, _params: SendParams) => {},
    setTimer: (_, _params: SetTimerParams) => {},
    cancelTimer: (_, _params: CancelTimerParams) => {},
    output: (_, _params: OutputParams) => {},
    // A recovered TM repeats what its log says, so RMs that missed the decision learn it.
    'resend logged decisions': enqueueActions(({ context, enqueue }) => {
      for (const [tx, s] of Object.entries(context.tmState)) {
        if (s === 'init') continue;
        for (const rm of context.rms) effects(enqueue)(send(rm, decisionMessage(s, tx)));
      }
    }),
    'begin transaction': enqueueActions(({ context, event, enqueue }) => {
      const asked = txOf(event);
      const { tx, nextTx } = asked === '' ? nextTxId(context) : { tx: asked, nextTx: context.nextTx };
      enqueue.assign({
        nextTx,
        tmState: withKey(context.tmState, tx, 'init'),
        tmPrepared: withKey(context.tmPrepared, tx, []),
      });
      for (const rm of context.rms) effects(enqueue)(send(rm, { type: 'Prepare', tx }));
      effects(enqueue)(setTimer(timerName(VOTE, tx), context.voteTimeout));
      effects(enqueue)(reply({ type: 'begun', tx }));
    }),
    'refuse begin': enqueueActions(({ event, enqueue }) => {
      effects(enqueue)(reply({ type: 'refused', reason: `transaction ${txOf(event)} already exists` }));
    }),
    'refuse vote-no': enqueueActions(({ enqueue }) => {
      effects(enqueue)(reply({ type: 'refused', reason: 'only a resource manager (participant) votes' }));
    }),
    // TMRcvPrepared.
    'record prepared vote': assign(({ context, event }) => {
      const m = event as Incoming;
      const had = entry(context.tmPrepared, m.tx) ?? [];
      return had.includes(m.from) ? {} : { tmPrepared: withKey(context.tmPrepared, m.tx, [...had, m.from]) };
    }),
    // TMCommit: the decision is logged (durable) in the same step as it is sent.
    commit: enqueueActions(({ context, event, enqueue }) => {
      const tx = txOf(event);
      enqueue.assign({ tmState: withKey(context.tmState, tx, 'committed') });
      effects(enqueue)(cancelTimer(timerName(VOTE, tx)));
      for (const rm of context.rms) effects(enqueue)(send(rm, { type: 'Commit', tx }));
    }),
    // TMAbort, on a no vote or on the vote timeout.
    abort: enqueueActions(({ context, event, enqueue }) => {
      const tx = txOf(event);
      enqueue.assign({ tmState: withKey(context.tmState, tx, 'aborted') });
      effects(enqueue)(cancelTimer(timerName(VOTE, tx)));
      for (const rm of context.rms) effects(enqueue)(send(rm, { type: 'Abort', tx }));
    }),
    // Presumed abort: no logged decision means the transaction never committed. The answer
    // is logged, so the TM can never later commit it.
    'presume abort': enqueueActions(({ context, event, enqueue }) => {
      const m = event as Incoming;
      enqueue.assign({ tmState: withKey(context.tmState, m.tx, 'aborted') });
      effects(enqueue)(send(m.from, { type: 'Abort', tx: m.tx }));
    }),
    'repeat decision to sender': enqueueActions(({ context, event, enqueue }) => {
      const m = event as Incoming;
      const s = stateOf(context, m.tx);
      if (s && s !== 'init') effects(enqueue)(send(m.from, decisionMessage(s, m.tx)));
    }),
  },
  guards: {
    'transaction id is taken': ({ context, event }) => txOf(event) !== '' && stateOf(context, txOf(event)) !== undefined,
    'transaction is unknown': ({ context, event }) => stateOf(context, txOf(event)) === undefined,
    'transaction is in init': ({ context, event }) => stateOf(context, txOf(event)) === 'init',
    'transaction is decided': ({ context, event }) => {
      const s = stateOf(context, txOf(event));
      return s === 'committed' || s === 'aborted';
    },
    // TMCommit's enabling condition, tmPrepared = RM, reached by this vote.
    'this vote completes the prepared set': ({ context, event }) => {
      const m = event as Incoming;
      if (stateOf(context, m.tx) !== 'init') return false;
      const prepared = new Set([...(entry(context.tmPrepared, m.tx) ?? []), m.from]);
      return context.rms.every((rm) => prepared.has(rm));
    },
  },
}).createMachine({
  id: 'twopc-tm',
  context: ({ input }) => ({
    id: input.id,
    rms: input.rms,
    tmState: persistent(input.durable?.decisions ?? {}),
    tmPrepared: persistent({}),
    nextTx: input.durable?.nextTx ?? 0,
    voteTimeout: input.voteTimeout,
  }),
  initial: 'managing',
  states: {
    managing: {
      entry: 'resend logged decisions',
      on: {
        Begin: [{ guard: 'transaction id is taken', actions: 'refuse begin' }, { actions: 'begin transaction' }],
        VoteNo: { actions: 'refuse vote-no' },
        Prepared: [
          // Only a restarted TM can hear of a transaction it does not know.
          { guard: 'transaction is unknown', actions: 'presume abort' },
          { guard: 'transaction is decided', actions: 'repeat decision to sender' },
          { guard: 'this vote completes the prepared set', actions: ['record prepared vote', 'commit'] },
          { actions: 'record prepared vote' },
        ],
        Aborted: { guard: 'transaction is in init', actions: 'abort' },
        DecisionRequest: [
          { guard: 'transaction is unknown', actions: 'presume abort' },
          { guard: 'transaction is decided', actions: 'repeat decision to sender' },
          // In init the TM says nothing: its vote timeout decides soon, and the RM asks again.
        ],
        'voteTimeout.*': { guard: 'transaction is in init', actions: 'abort' },
      },
    },
  },
});
