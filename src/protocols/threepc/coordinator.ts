/**
 * Skeen's three-phase commit coordinator (the central-site protocol of Skeen 1981): q → w on
 * begin, w → a on a No vote or a timeout, w → p when every participant voted Yes, p → c once
 * every participant acknowledged PreCommit or the acknowledgement timeout passed (a site that
 * did not answer has failed, and will learn the outcome when it recovers). A coordinator that
 * restarts with a transaction in w or p does not resume it: the others may have terminated it
 * meanwhile, so it asks them.
 */
import { and, enqueueActions, setup } from 'xstate';
import type { CancelTimerParams, OutputParams, SendParams, SetTimerParams } from '../types';
import type { Incoming, NodeId, Site, ThreePcEvent, TxId } from './messages';
import { cancelTimer, effects, reply, send, setTimer, timerName, txOf, entry } from './kernel';

/** Each site logs its state transitions before it sends what they imply (Skeen's stable storage). */
export interface CoordinatorDurable {
  nextTx: number;
  state: Readonly<Record<TxId, Site>>;
}

export interface CoordinatorInput {
  id: NodeId;
  participants: readonly NodeId[];
  voteTimeout: number;
  ackTimeout: number;
  waitTimeout: number;
  durable?: CoordinatorDurable;
}

export interface CoordinatorContext {
  id: NodeId;
  participants: readonly NodeId[];
  state: Readonly<Record<TxId, Site>>;
  /** Who voted Yes (in w) and who acknowledged PreCommit (in p), per transaction. */
  yes: Readonly<Record<TxId, readonly NodeId[]>>;
  acks: Readonly<Record<TxId, readonly NodeId[]>>;
  /** Transactions left in w or p by a crash: the coordinator only asks how they ended. */
  recovering: Readonly<Record<TxId, true>>;
  nextTx: number;
  voteTimeout: number;
  ackTimeout: number;
  waitTimeout: number;
}

const VOTE = 'voteTimeout';
const ACK = 'ackTimeout';
const WAIT = 'waitTimeout';

// ── pure helpers ───────────────────────────────────────────────────────────────

/** The id `begin` with an empty tx gets: t<n> for the next n not already in use. */
export function nextTxId(ctx: Pick<CoordinatorContext, 'nextTx' | 'state'>): { tx: TxId; nextTx: number } {
  let n = ctx.nextTx + 1;
  while (Object.hasOwn(ctx.state, `t${n}`)) n++;
  return { tx: `t${n}`, nextTx: n };
}

const siteOf = (ctx: CoordinatorContext, tx: TxId): Site => entry(ctx.state, tx) ?? 'q';
const isRecovering = (ctx: CoordinatorContext, tx: TxId): boolean => entry(ctx.recovering, tx) === true;
const isUncertain = (s: Site): boolean => s === 'w' || s === 'p';

function without<T>(map: Readonly<Record<TxId, T>>, tx: TxId): Record<TxId, T> {
  const out = { ...map };
  delete out[tx];
  return out;
}

/** A tally completed by this message's sender. */
function completes(ctx: CoordinatorContext, tally: Readonly<Record<TxId, readonly NodeId[]>>, m: Incoming): boolean {
  const have = new Set([...(entry(tally, m.tx) ?? []), m.from]);
  return ctx.participants.every((p) => have.has(p));
}

function added(tally: Readonly<Record<TxId, readonly NodeId[]>>, m: Incoming): Record<TxId, readonly NodeId[]> {
  const had = entry(tally, m.tx) ?? [];
  return had.includes(m.from) ? { ...tally } : { ...tally, [m.tx]: [...had, m.from] };
}

// ── the machine ────────────────────────────────────────────────────────────────

export const coordinatorMachine = setup({
  types: {
    context: {} as CoordinatorContext,
    events: {} as ThreePcEvent,
    input: {} as CoordinatorInput,
  },
  actions: {
    send: (_, _params: SendParams) => {},
    setTimer: (_, _params: SetTimerParams) => {},
    cancelTimer: (_, _params: CancelTimerParams) => {},
    output: (_, _params: OutputParams) => {},
    'ask how uncertain transactions ended': enqueueActions(({ context, enqueue }) => {
      const uncertain = Object.entries(context.state).filter(([, s]) => isUncertain(s)).map(([tx]) => tx);
      for (const tx of uncertain) {
        for (const p of context.participants) effects(enqueue)(send(p, { type: 'DecisionReq', tx }));
        effects(enqueue)(setTimer(timerName(WAIT, tx), context.waitTimeout));
      }
      if (uncertain.length > 0) enqueue.assign({ recovering: Object.fromEntries(uncertain.map((tx): [TxId, true] => [tx, true])) });
    }),
    'ask again': enqueueActions(({ context, event, enqueue }) => {
      const tx = txOf(event);
      for (const p of context.participants) effects(enqueue)(send(p, { type: 'DecisionReq', tx }));
      effects(enqueue)(setTimer(timerName(WAIT, tx), context.waitTimeout));
    }),
    'begin transaction': enqueueActions(({ context, event, enqueue }) => {
      const asked = txOf(event);
      const { tx, nextTx } = asked === '' ? nextTxId(context) : { tx: asked, nextTx: context.nextTx };
      enqueue.assign({ nextTx, state: { ...context.state, [tx]: 'w' }, yes: { ...context.yes, [tx]: [] } });
      for (const p of context.participants) effects(enqueue)(send(p, { type: 'CanCommit', tx }));
      effects(enqueue)(setTimer(timerName(VOTE, tx), context.voteTimeout));
      effects(enqueue)(reply({ type: 'begun', tx }));
    }),
    'refuse begin': enqueueActions(({ event, enqueue }) => {
      effects(enqueue)(reply({ type: 'refused', reason: `transaction ${txOf(event)} already exists` }));
    }),
    'refuse vote-no': enqueueActions(({ enqueue }) => {
      effects(enqueue)(reply({ type: 'refused', reason: 'only a participant votes' }));
    }),
    'record yes vote': enqueueActions(({ context, event, enqueue }) => {
      enqueue.assign({ yes: added(context.yes, event as Incoming) });
    }),
    'record ack': enqueueActions(({ context, event, enqueue }) => {
      enqueue.assign({ acks: added(context.acks, event as Incoming) });
    }),
    // w → p: every participant voted Yes.
    precommit: enqueueActions(({ context, event, enqueue }) => {
      const tx = txOf(event);
      enqueue.assign({ state: { ...context.state, [tx]: 'p' }, acks: { ...context.acks, [tx]: [] } });
      effects(enqueue)(cancelTimer(timerName(VOTE, tx)));
      for (const p of context.participants) effects(enqueue)(send(p, { type: 'PreCommit', tx }));
      effects(enqueue)(setTimer(timerName(ACK, tx), context.ackTimeout));
    }),
    // p → c, on the last Ack or on the Ack timeout.
    commit: enqueueActions(({ context, event, enqueue }) => {
      const tx = txOf(event);
      enqueue.assign({ state: { ...context.state, [tx]: 'c' } });
      effects(enqueue)(cancelTimer(timerName(ACK, tx)));
      for (const p of context.participants) effects(enqueue)(send(p, { type: 'DoCommit', tx }));
    }),
    // w → a, on a No vote or on the vote timeout.
    abort: enqueueActions(({ context, event, enqueue }) => {
      const tx = txOf(event);
      enqueue.assign({ state: { ...context.state, [tx]: 'a' } });
      effects(enqueue)(cancelTimer(timerName(VOTE, tx)));
      for (const p of context.participants) effects(enqueue)(send(p, { type: 'Abort', tx }));
    }),
    // The outcome, from a backup coordinator or in answer to DecisionReq.
    'adopt the outcome': enqueueActions(({ context, event, enqueue }) => {
      const tx = txOf(event);
      enqueue.assign({ state: { ...context.state, [tx]: event.type === 'DoCommit' ? 'c' : 'a' }, recovering: without(context.recovering, tx) });
      for (const t of [VOTE, ACK, WAIT]) effects(enqueue)(cancelTimer(timerName(t, tx)));
    }),
    'answer with the outcome': enqueueActions(({ context, event, enqueue }) => {
      const m = event as Incoming;
      effects(enqueue)(send(m.from, { type: siteOf(context, m.tx) === 'c' ? 'DoCommit' : 'Abort', tx: m.tx }));
    }),
  },
  guards: {
    'transaction id is taken': ({ context, event }) => txOf(event) !== '' && entry(context.state, txOf(event)) !== undefined,
    'is collecting votes': ({ context, event }) => siteOf(context, txOf(event)) === 'w' && !isRecovering(context, txOf(event)),
    'is collecting acks': ({ context, event }) => siteOf(context, txOf(event)) === 'p' && !isRecovering(context, txOf(event)),
    'this vote completes the yes set': ({ context, event }) => completes(context, context.yes, event as Incoming),
    'this ack completes the ack set': ({ context, event }) => completes(context, context.acks, event as Incoming),
    'transaction is undecided': ({ context, event }) => isUncertain(siteOf(context, txOf(event))),
    'transaction is decided': ({ context, event }) => {
      const s = siteOf(context, txOf(event));
      return s === 'c' || s === 'a';
    },
    'is recovering': ({ context, event }) => isRecovering(context, txOf(event)),
  },
}).createMachine({
  id: 'threepc-coordinator',
  context: ({ input }) => ({
    id: input.id,
    participants: input.participants,
    state: input.durable?.state ?? {},
    yes: {},
    acks: {},
    recovering: {},
    nextTx: input.durable?.nextTx ?? 0,
    voteTimeout: input.voteTimeout,
    ackTimeout: input.ackTimeout,
    waitTimeout: input.waitTimeout,
  }),
  initial: 'coordinating',
  states: {
    coordinating: {
      entry: 'ask how uncertain transactions ended',
      on: {
        Begin: [{ guard: 'transaction id is taken', actions: 'refuse begin' }, { actions: 'begin transaction' }],
        VoteNo: { actions: 'refuse vote-no' },
        Yes: [
          { guard: and(['is collecting votes', 'this vote completes the yes set']), actions: ['record yes vote', 'precommit'] },
          { guard: 'is collecting votes', actions: 'record yes vote' },
        ],
        No: { guard: 'is collecting votes', actions: 'abort' },
        'voteTimeout.*': { guard: 'is collecting votes', actions: 'abort' },
        Ack: [
          { guard: and(['is collecting acks', 'this ack completes the ack set']), actions: ['record ack', 'commit'] },
          { guard: 'is collecting acks', actions: 'record ack' },
        ],
        // Skeen's coordinator commits anyway: a participant that did not acknowledge has failed.
        'ackTimeout.*': { guard: 'is collecting acks', actions: 'commit' },
        DoCommit: { guard: 'transaction is undecided', actions: 'adopt the outcome' },
        Abort: { guard: 'transaction is undecided', actions: 'adopt the outcome' },
        DecisionReq: { guard: 'transaction is decided', actions: 'answer with the outcome' },
        'waitTimeout.*': { guard: 'is recovering', actions: 'ask again' },
      },
    },
  },
});
