/**
 * The Paxos acceptor (Paxos.tla's Phase1b and Phase2b). Its three variables are the whole of
 * its state and all of it is durable: Paxos Made Simple section 2.5, "An acceptor records its
 * intended response in stable storage before actually sending the response". Here the record
 * and the send are one transition, and a crash takes `durable()` of the state after it, so a
 * message is never out before what it depends on is on disk.
 */
import { enqueueActions, setup } from 'xstate';
import type { SendParams } from '../types';
import { NO_BALLOT, type Ballot } from '../kit/ballots';
import type { Incoming, M1a, M2a, NodeId, Value } from './messages';
import { effects, send } from './kernel';

export interface AcceptorDurable {
  maxBal: Ballot;
  maxVBal: Ballot;
  maxVal: Value | null;
}

export interface AcceptorInput {
  id: NodeId;
  learners: readonly NodeId[];
  /** Refuse stale ballots out loud (the optional Nack). */
  nack: boolean;
  durable?: AcceptorDurable;
}

export interface AcceptorContext extends AcceptorDurable {
  id: NodeId;
  learners: readonly NodeId[];
  nack: boolean;
}

type AcceptorEvent = Incoming | { type: 'Propose' };

export const acceptorMachine = setup({
  types: { context: {} as AcceptorContext, events: {} as AcceptorEvent, input: {} as AcceptorInput },
  actions: {
    send: (_, _params: SendParams) => {},
    // Phase1b: maxBal[a] := m.bal, then 1b with the acceptor's latest vote.
    promise: enqueueActions(({ context, event, enqueue }) => {
      const m = event as Incoming<M1a>;
      enqueue.assign({ maxBal: m.bal });
      effects(enqueue)(send(m.from, { type: '1b', acc: context.id, bal: m.bal, mbal: context.maxVBal, mval: context.maxVal }));
    }),
    // Phase2b: vote for m.val in m.bal; the 2b goes to every learner and to the proposer.
    vote: enqueueActions(({ context, event, enqueue }) => {
      const m = event as Incoming<M2a>;
      enqueue.assign({ maxBal: m.bal, maxVBal: m.bal, maxVal: m.val });
      const to = context.learners.includes(m.from) ? context.learners : [m.from, ...context.learners];
      for (const n of to) effects(enqueue)(send(n, { type: '2b', acc: context.id, bal: m.bal, val: m.val }));
    }),
    refuse: enqueueActions(({ context, event, enqueue }) => {
      const m = event as Incoming<M1a | M2a>;
      effects(enqueue)(send(m.from, { type: 'Nack', acc: context.id, bal: m.bal, maxBal: context.maxBal }));
    }),
  },
  guards: {
    // Phase1b's enabling condition, m.bal > maxBal[a]: strictly, so a duplicated 1a is ignored.
    'ballot is above the promise': ({ context, event }) => (event as Incoming<M1a>).bal > context.maxBal,
    // Phase2b's, m.bal \geq maxBal[a].
    'ballot is at least the promise': ({ context, event }) => (event as Incoming<M2a>).bal >= context.maxBal,
    'ballot is below the promise and nacks are on': ({ context, event }) => context.nack && (event as Incoming<M1a>).bal < context.maxBal,
  },
}).createMachine({
  id: 'paxos-acceptor',
  context: ({ input }) => ({
    id: input.id,
    learners: input.learners,
    nack: input.nack,
    maxBal: input.durable?.maxBal ?? NO_BALLOT,
    maxVBal: input.durable?.maxVBal ?? NO_BALLOT,
    maxVal: input.durable?.maxVal ?? null,
  }),
  initial: 'accepting',
  states: {
    accepting: {
      on: {
        '1a': [{ guard: 'ballot is above the promise', actions: 'promise' }, { guard: 'ballot is below the promise and nacks are on', actions: 'refuse' }],
        '2a': [{ guard: 'ballot is at least the promise', actions: 'vote' }, { guard: 'ballot is below the promise and nacks are on', actions: 'refuse' }],
      },
    },
  },
});
