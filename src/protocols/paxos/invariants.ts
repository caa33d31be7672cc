/**
 * Single-decree Paxos's safety properties, checked after every step. "Chosen" is a global fact
 * no node sees: each checker keeps its own ghost ledger of votes, fed from the 2b messages
 * acceptors send (ghost.ts), and judges with a true majority of the acceptors whatever quorum
 * the nodes use. Crashes never reset the ledger. Sources in docs/protocols/paxos.md.
 */
import type { Invariant, InvariantCheck, InvariantInput, NodeId, ProtocolConfig } from '../types';
import { majority, NO_BALLOT, type Ballot } from '../kit/ballots';
import { VoteLedger } from '../kit/votes';
import { castFor } from './config';
import { proposalsIn, votesIn } from './ghost';
import type { AcceptorObservable, LearnerObservable, PaxosObservable, ProposerObservable } from './observe';
import type { ProposeReply, Value } from './messages';

/** A checker with a ghost ledger fed before `judge` sees the event. */
function withLedger(cfg: ProtocolConfig, judge: (ledger: VoteLedger, input: InvariantInput, acceptors: readonly NodeId[]) => ReturnType<InvariantCheck>): InvariantCheck {
  const { acceptors } = castFor(cfg);
  const accs = new Set(acceptors);
  const ledger = new VoteLedger(acceptors, majority(acceptors.length));
  return (input) => {
    for (const v of votesIn(input.event, accs)) ledger.record(v.acc, v.bal, v.val, input.event.seq, input.event.time);
    return judge(ledger, input, acceptors);
  };
}

const maxBalOf = (nodes: InvariantInput['nodes']) => (acc: NodeId): Ballot => {
  const s = nodes.get(acc)?.state as AcceptorObservable | undefined;
  return typeof s?.maxBal === 'number' ? s.maxBal : NO_BALLOT;
};

const consensus: Invariant = {
  id: 'consensus',
  name: 'At most one value is chosen',
  description: 'At most one value is ever chosen (a quorum of acceptors voted for it in one ballot).',
  source: 'Consensus.tla, Inv (Cardinality(chosen) ≤ 1), with chosen from Voting.tla (ChosenAt)',
  everyEvent: true,
  create: (cfg) =>
    withLedger(cfg, (ledger) => {
      const chosen = ledger.chosen();
      if (chosen.length < 2) return null;
      const [a, b] = chosen as [(typeof chosen)[0], (typeof chosen)[0]];
      return { message: `two values chosen: ${a.value} in ballot ${a.ballot} (by ${a.voters.join(', ')}) and ${b.value} in ballot ${b.ballot} (by ${b.voters.join(', ')})`, nodes: [...new Set([...a.voters, ...b.voters])] };
    }),
};

const oneValuePerBallot: Invariant = {
  id: 'one-value-per-ballot',
  name: 'One value per ballot',
  description: 'No two acceptors vote for different values in the same ballot.',
  source: 'Voting.tla, OneValuePerBallot (implies OneVote); Paxos.tla, Inv (one 2a per ballot)',
  everyEvent: true,
  create: (cfg) =>
    withLedger(cfg, (ledger) => {
      const bad = ledger.twoValuesInOneBallot();
      if (!bad) return null;
      const voters = bad.values.flatMap((v) => [...(ledger.ballot(bad.bal).get(v) ?? [])]);
      return { message: `ballot ${bad.bal} has votes for ${bad.values.join(' and ')}`, nodes: [...new Set(voters)] };
    }),
};

const votesSafe: Invariant = {
  id: 'votes-safe',
  name: 'Every vote is safe',
  description: 'Every vote is safe at its ballot: no other value was or can still be chosen in a lower ballot.',
  source: 'Voting.tla, VotesSafe, SafeAt, NoneOtherChoosableAt, CannotVoteAt',
  everyEvent: true,
  create(cfg): InvariantCheck {
    let version = -1;
    const last = new Map<NodeId, Ballot>();
    return withLedger(cfg, (ledger, { nodes }, acceptors) => {
      // SafeAt only weakens when a vote is added or some maxBal falls (a promise forgotten).
      const maxBal = maxBalOf(nodes);
      let fell = false;
      for (const a of acceptors) {
        const now = maxBal(a);
        if (now < (last.get(a) ?? NO_BALLOT)) fell = true;
        last.set(a, now);
      }
      if (!fell && ledger.version === version) return null;
      version = ledger.version;
      const bad = ledger.unsafeVote(maxBal);
      if (!bad) return null;
      return { message: `${bad.acc}'s vote for ${bad.val} in ballot ${bad.bal} is not safe: in ballot ${bad.below} no majority voted for ${bad.val} or can no longer vote`, nodes: [bad.acc] };
    });
  },
};

const promiseMonotone: Invariant = {
  id: 'promise-monotone',
  name: 'Promises never go back',
  description: "An acceptor's maxBal never decreases, across restarts too.",
  source: 'Paxos Made Simple, section 2.2 (an acceptor remembers its promise through failures); Voting.tla, IncreaseMaxBal and VoteFor only raise maxBal',
  create(): InvariantCheck {
    const high = new Map<NodeId, Ballot>();
    return ({ event, nodes }) => {
      const v = event.node === undefined ? undefined : nodes.get(event.node);
      const s = v?.state as PaxosObservable | undefined;
      if (!v || s?.role !== 'acceptor') return null;
      const before = high.get(v.id) ?? NO_BALLOT;
      if (s.maxBal < before) return { message: `${v.id} had promised ballot ${before}, then ${s.maxBal < 0 ? 'forgot that promise' : `its promise went back to ballot ${s.maxBal}`}`, nodes: [v.id] };
      high.set(v.id, s.maxBal);
      return null;
    };
  },
};

const learnSound: Invariant = {
  id: 'learn-sound',
  name: 'Learn only what is chosen',
  description: 'A learner (or a proposer, or its client) knows a value is chosen only if it is.',
  source: 'Paxos Made Simple, section 2.1 ("a process never learns that a value has been chosen unless it actually has been")',
  everyEvent: true,
  create: (cfg) =>
    withLedger(cfg, (ledger, { event, nodes }) => {
      // What a proposer tells its clients is what it claims to know: an answer sent before a
      // quorum voted breaks the promise even if the proposer's own state never says "chosen".
      for (const r of (event.output ?? []) as ProposeReply[]) {
        if (r.type === 'chosen' && !ledger.isChosen(r.value)) return { message: `${event.node} told its client ${r.value} is chosen, which no majority of acceptors voted for in one ballot`, nodes: event.node === undefined ? [] : [event.node] };
      }
      const v = event.node === undefined ? undefined : nodes.get(event.node);
      const s = v?.state as LearnerObservable | ProposerObservable | undefined;
      if (!v || !s) return null;
      const known: Value | null = s.role === 'learner' ? s.learned : s.role === 'proposer' ? s.chosen : null;
      if (known === null || ledger.isChosen(known)) return null;
      const what = s.role === 'learner' ? 'learned' : 'believes chosen';
      return { message: `${v.id} ${what} ${known}, which no majority of acceptors voted for in one ballot`, nodes: [v.id] };
    }),
};

const validity: Invariant = {
  id: 'validity',
  name: 'Only a proposed value is chosen',
  description: 'Every chosen value was handed to some proposer by a propose command.',
  source: 'Paxos Made Simple, section 2.1 ("only a value that has been proposed may be chosen"); Consensus.tla',
  everyEvent: true,
  create(cfg): InvariantCheck {
    const proposed = new Set<Value>();
    return withLedger(cfg, (ledger, { event }) => {
      for (const v of proposalsIn(event)) proposed.add(v);
      const bad = ledger.chosen().find((c) => !proposed.has(c.value));
      return bad ? { message: `${bad.value} is chosen (ballot ${bad.ballot}) but nobody proposed it` } : null;
    });
  },
};

export const paxosInvariants: Invariant[] = [consensus, oneValuePerBallot, votesSafe, promiseMonotone, learnSound, validity];
