/**
 * The Paxos learner (Paxos Made Simple section 2.3). It learns v once a quorum of distinct
 * acceptors sent 2b for v in one ballot: Voting.tla's ChosenAt(b, v). It counts acceptors,
 * never messages: a duplicated 2b must not count twice (`learner-counts-messages` does).
 * Volatile: a restarted learner has forgotten, and learns again from later 2b messages.
 */
import { assign, setup } from 'xstate';
import { tallyAdd, tallyCount, type Tally } from '../kit/ballots';
import type { Incoming, M2b, NodeId, Value } from './messages';

export interface LearnerInput {
  id: NodeId;
  quorum: number;
  countMessages: boolean;
}

export interface LearnerContext extends LearnerInput {
  learned: Value | null;
  /** 2b senders by "ballot:value". */
  acceptances: Tally;
}

const key = (m: M2b) => `${m.bal}:${m.val}`;

export const learnerMachine = setup({
  types: { context: {} as LearnerContext, events: {} as Incoming, input: {} as LearnerInput },
  actions: {
    'count the acceptance': assign(({ context, event }) => {
      const m = event as Incoming<M2b>;
      const acceptances = tallyAdd(context.acceptances, key(m), m.acc, context.countMessages);
      // Learned is final: the first quorum decides (another can only name the same value).
      const learned = context.learned ?? (tallyCount(acceptances, key(m)) >= context.quorum ? m.val : null);
      return { acceptances, learned };
    }),
  },
}).createMachine({
  id: 'paxos-learner',
  context: ({ input }) => ({ ...input, learned: null, acceptances: {} }),
  initial: 'learning',
  states: { learning: { on: { '2b': { actions: 'count the acceptance' } } } },
});
