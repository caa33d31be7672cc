/**
 * The Paxos proposer (Paxos.tla's Phase1a and Phase2a; Paxos Made Simple section 2.2). It runs
 * ballots from its own disjoint set (section 2.5), remembers the highest it tried in stable
 * storage, and when preempted (a Nack, or no quorum before `retryTimeout`) waits a random,
 * seeded backoff that doubles with each consecutive preemption before trying a higher ballot:
 * dueling proposers may livelock for a while (section 2.4), and the growing random wait lets
 * one of them finish.
 *
 * phase: idle → p1 (preparing) → p2 (accepting) → done, with backoff between attempts.
 */
import { assign, enqueueActions, setup } from 'xstate';
import type { CancelTimerParams, OutputParams, SendParams, SetTimerParams } from '../types';
import { NO_BALLOT, nextBallot, tallyAdd, tallyCount, type Ballot, type Tally } from '../kit/ballots';
import type { Incoming, M1b, M2b, Nack, NodeId, Propose, Value } from './messages';
import { cancelTimer, effects, reply, send, setRandomTimer, setTimer } from './kernel';

/** Paxos Made Simple 2.5: "the highest-numbered proposal it has tried to issue", plus the
 * client-operation counter, so operation ids stay unique across restarts. */
export interface ProposerDurable {
  highestTried: Ballot;
  ops: number;
}

export interface ProposerInput {
  id: NodeId;
  /** This proposer's place among the proposers (its ballot set) and how many there are. */
  index: number;
  proposers: number;
  acceptors: readonly NodeId[];
  quorum: number;
  /** First backoff window [min, max] in ms; max doubles per consecutive preemption (×16 at most). */
  backoff: readonly [number, number];
  retryTimeout: number;
  /** Bug switch `ignore-promised-votes`. */
  ignoreVotes: boolean;
  durable?: ProposerDurable;
}

/** A 1b as the proposer keeps it: who promised, and its latest vote. */
export interface Promise1b {
  acc: NodeId;
  mbal: Ballot;
  mval: Value | null;
}

export interface ProposerContext extends ProposerDurable, Omit<ProposerInput, 'durable'> {
  curBal: Ballot;
  /** The client's value: proposed only when no promise reports a vote. */
  value: Value | null;
  /** The 1b messages received for curBal (distinct acceptors). */
  promises: readonly Promise1b[];
  /** The value sent in 2a for curBal. */
  proposedVal: Value | null;
  /** 2b replies, by "ballot:value", as distinct acceptors. */
  accepts: Tally;
  /** The highest ballot a Nack reported. */
  maxSeen: Ballot;
  /** Consecutive preemptions: the backoff window doubles with each. */
  attempts: number;
  /** The value this proposer knows is chosen (a quorum of 2b for one ballot). */
  chosen: Value | null;
  /** Client operations waiting for the outcome. */
  pending: readonly string[];
}

// ── pure helpers ───────────────────────────────────────────────────────────────

/** The ballot the next attempt uses: above everything tried or heard of. */
export function ballotAfter(ctx: Pick<ProposerContext, 'index' | 'proposers' | 'highestTried' | 'maxSeen'>): Ballot {
  return nextBallot(ctx.index, ctx.proposers, Math.max(ctx.highestTried, ctx.maxSeen));
}

/** Phase2a's heart: the value of the highest-ballot vote reported by the quorum's 1b messages,
 * or the proposer's own when none voted. */
export function valueToPropose(promises: readonly Promise1b[], own: Value): Value {
  let best: Promise1b | null = null;
  for (const p of promises) if (p.mbal >= 0 && p.mval !== null && (!best || p.mbal > best.mbal)) best = p;
  return best ? best.mval! : own;
}

/** The backoff window after `attempts` consecutive preemptions. */
export function backoffWindow(backoff: readonly [number, number], attempts: number): [number, number] {
  const [lo, hi] = backoff;
  return [lo, lo + (hi - lo) * 2 ** Math.min(Math.max(attempts - 1, 0), 4)];
}

/** `n1@40#3`: the proposer, the command's time and its durable operation counter, so ids stay
 * unique per run across restarts (and even after one that lost the disk: the time moved on). */
const opId = (ctx: ProposerContext, at: number): string => `${ctx.id}@${at}#${ctx.ops + 1}`;

const acceptKey = (bal: Ballot, val: Value) => `${bal}:${val}`;

// ── the machine ────────────────────────────────────────────────────────────────

export const proposerMachine = setup({
  types: {
    context: {} as ProposerContext,
    events: {} as Propose | Incoming | { type: 'retry' } | { type: 'backoff' },
    input: {} as ProposerInput,
  },
  actions: {
    send: (_, _params: SendParams) => {},
    setTimer: (_, _params: SetTimerParams) => {},
    cancelTimer: (_, _params: CancelTimerParams) => {},
    output: (_, _params: OutputParams) => {},
    'take the value': enqueueActions(({ context, event, enqueue }) => {
      const e = event as Propose;
      const op = opId(context, e.at);
      enqueue.assign({ value: context.value ?? e.value, ops: context.ops + 1, pending: [...context.pending, op] });
      effects(enqueue)(reply({ type: 'proposing', op, value: e.value }));
    }),
    'answer at once': enqueueActions(({ context, event, enqueue }) => {
      const op = opId(context, (event as Propose).at);
      enqueue.assign({ ops: context.ops + 1 });
      effects(enqueue)(reply({ type: 'proposing', op, value: (event as Propose).value }));
      effects(enqueue)(reply({ type: 'chosen', ops: [op], value: context.chosen! }));
    }),
    // Phase1a: highestTried is written in the same step as the 1a leaves.
    'start a ballot': enqueueActions(({ context, enqueue }) => {
      const b = ballotAfter(context);
      enqueue.assign({ curBal: b, highestTried: b, promises: [], proposedVal: null });
      for (const a of context.acceptors) effects(enqueue)(send(a, { type: '1a', bal: b }));
      effects(enqueue)(setTimer('retry', context.retryTimeout));
    }),
    'keep the promise': assign(({ context, event }) => {
      const m = event as Incoming<M1b>;
      if (context.promises.some((p) => p.acc === m.acc)) return {};
      return { promises: [...context.promises, { acc: m.acc, mbal: m.mbal, mval: m.mval }] };
    }),
    // Phase2a(b, v), once a quorum promised.
    'send 2a': enqueueActions(({ context, enqueue }) => {
      const v = context.ignoreVotes ? context.value! : valueToPropose(context.promises, context.value!);
      enqueue.assign({ proposedVal: v });
      for (const a of context.acceptors) effects(enqueue)(send(a, { type: '2a', bal: context.curBal, val: v }));
      effects(enqueue)(setTimer('retry', context.retryTimeout));
    }),
    'count the acceptance': assign(({ context, event }) => {
      const m = event as Incoming<M2b>;
      return { accepts: tallyAdd(context.accepts, acceptKey(m.bal, m.val), m.acc) };
    }),
    'learn it is chosen': enqueueActions(({ context, event, enqueue }) => {
      const m = event as Incoming<M2b>;
      enqueue.assign({ chosen: m.val, pending: [], attempts: 0 });
      effects(enqueue)(cancelTimer('retry'));
      if (context.pending.length > 0) effects(enqueue)(reply({ type: 'chosen', ops: [...context.pending], value: m.val }));
    }),
    'note the higher ballot': assign(({ context, event }) => ({ maxSeen: Math.max(context.maxSeen, (event as Incoming<Nack>).maxBal) })),
    'wait a random backoff': enqueueActions(({ context, enqueue }) => {
      const attempts = context.attempts + 1;
      const [lo, hi] = backoffWindow(context.backoff, attempts);
      enqueue.assign({ attempts });
      effects(enqueue)(cancelTimer('retry'));
      effects(enqueue)(setRandomTimer('backoff', lo, hi));
    }),
  },
  guards: {
    'the promise is for this ballot': ({ context, event }) => (event as Incoming<M1b>).bal === context.curBal,
    'this promise completes a quorum': ({ context, event }) => {
      const m = event as Incoming<M1b>;
      if (m.bal !== context.curBal) return false;
      const accs = new Set([...context.promises.map((p) => p.acc), m.acc]);
      return accs.size >= context.quorum;
    },
    'this acceptance completes a quorum': ({ context, event }) => {
      const m = event as Incoming<M2b>;
      return tallyCount(tallyAdd(context.accepts, acceptKey(m.bal, m.val), m.acc), acceptKey(m.bal, m.val)) >= context.quorum;
    },
    'the nack preempts this ballot': ({ context, event }) => {
      const m = event as Incoming<Nack>;
      return m.bal === context.curBal && m.maxBal > context.curBal;
    },
  },
}).createMachine({
  id: 'paxos-proposer',
  context: ({ input }) => {
    const { durable, ...rest } = input;
    return {
      ...rest,
      highestTried: durable?.highestTried ?? NO_BALLOT,
      ops: durable?.ops ?? 0,
      curBal: NO_BALLOT,
      value: null,
      promises: [],
      proposedVal: null,
      accepts: {},
      maxSeen: NO_BALLOT,
      attempts: 0,
      chosen: null,
      pending: [],
    };
  },
  initial: 'idle',
  on: {
    '2b': [{ guard: 'this acceptance completes a quorum', target: '.done', actions: ['count the acceptance', 'learn it is chosen'] }, { actions: 'count the acceptance' }],
    Nack: [{ guard: 'the nack preempts this ballot', target: '.backoff', actions: 'note the higher ballot' }, { actions: 'note the higher ballot' }],
    Propose: { actions: 'take the value' },
  },
  states: {
    idle: {
      on: { Propose: { target: 'p1', actions: 'take the value' }, Nack: { actions: 'note the higher ballot' } },
    },
    p1: {
      entry: 'start a ballot',
      on: {
        '1b': [
          { guard: 'this promise completes a quorum', target: 'p2', actions: 'keep the promise' },
          { guard: 'the promise is for this ballot', actions: 'keep the promise' },
        ],
        retry: 'backoff',
      },
    },
    p2: {
      entry: 'send 2a',
      on: { retry: 'backoff' },
    },
    backoff: {
      entry: 'wait a random backoff',
      // The other acceptors' Nacks for the same ballot do not restart the wait.
      on: { backoff: 'p1', Nack: { actions: 'note the higher ballot' } },
    },
    done: {
      on: { Propose: { actions: 'answer at once' }, '2b': {}, Nack: {} },
    },
  },
});
