/**
 * Curated single-decree Paxos scenarios (protocols.md section 1.7, after Paxos Made Simple and
 * Paxos.tla): outcomes asserted in scenarios.test.ts, explained in docs/protocols/paxos.md.
 * Nodes are named for their parts: p1, p2 propose (ballots 1, 3, 5, … and 2, 4, 6, …), a1…
 * accept, l1 learns. Links take exactly 10 ms unless a script says otherwise.
 */
import type { Action, LinkOverride, Scenario } from '../../scenario/types';

const THREE = ['p1', 'p2', 'a1', 'a2', 'a3', 'l1'];

function scenario(s: Pick<Scenario, 'name' | 'title' | 'description' | 'actions' | 'until'> & Partial<Scenario>): Scenario {
  return {
    format: 'faultline-scenario',
    version: 2,
    protocol: 'paxos',
    nodes: THREE,
    seed: 1,
    params: { bugs: [] },
    network: { latency: [10, 10], drop: 0, duplicate: 0 },
    schedule: 'auto',
    ...s,
  };
}

const propose = (at: number, node: string, value: string): Action => ({ at, do: 'propose', node, value });
const cut = (at: number, from: string, to: string): Action => ({ at, do: 'cut', from, to });
const bugs = (...b: string[]) => ({ params: { bugs: b } });

export const happyPath = scenario({
  name: 'happy-path',
  title: 'One proposer, one value chosen',
  description: 'p1 proposes v1 in ballot 1. Every acceptor promises, p1 sends 2a(1, v1), a majority votes, and the learner l1 learns v1 from two distinct acceptors.',
  actions: [propose(0, 'p1', 'v1')],
  until: 300,
});

/** Links of unequal length, the same both ways: each proposer's phase 1 reaches the nearer
 * acceptors in time to preempt the other's phase 2. */
const DUEL_LINKS: LinkOverride[] = (
  [
    ['p1', 'a1', 3],
    ['p1', 'a2', 15],
    ['p1', 'a3', 24],
    ['p2', 'a1', 1],
    ['p2', 'a2', 18],
    ['p2', 'a3', 29],
  ] as const
).flatMap(([p, a, ms]) => [
  { from: p, to: a, latency: [ms, ms] as [number, number] },
  { from: a, to: p, latency: [ms, ms] as [number, number] },
]);

export const dueling = scenario({
  name: 'dueling-proposers',
  title: 'Dueling proposers: livelock, then a value',
  description:
    'p1 and p2 propose 5 ms apart over links of unequal length, with a tiny backoff. Each one’s new phase 1 keeps preempting the other’s phase 2 (Nacks), so ballot after ballot passes with nothing chosen — and nothing unsafe (Paxos Made Simple 2.4). The random backoff doubles with each preemption; once one proposer waits long enough for the other to finish both phases, a value is chosen, in ballot 11.',
  network: { latency: [10, 10], drop: 0, duplicate: 0, links: DUEL_LINKS },
  params: { bugs: [], backoff: [0, 2] },
  seed: 4,
  actions: [propose(0, 'p1', 'v1'), propose(5, 'p2', 'v2')],
  until: 600,
});

/** p1 gets v1 voted by a1 and a2 (or a1 only) while l1 hears nothing and p1 crashes; then p2
 * runs ballot 2 with a2 and a3, a1 cut off. */
function adopt(name: string, title: string, description: string, onlyA1: boolean, bug?: string): Scenario {
  return scenario({
    name,
    title,
    description,
    ...bugs(...(bug ? [bug] : [])),
    actions: [
      propose(0, 'p1', 'v1'),
      ...(onlyA1 ? [cut(15, 'p1', 'a2')] : []),
      cut(15, 'p1', 'a3'),
      cut(15, 'a1', 'l1'),
      cut(15, 'a2', 'l1'),
      { at: 35, do: 'crash', node: 'p1' },
      { at: 45, do: 'heal' },
      { at: 45, do: 'partition', groups: [['a1'], ['p1', 'p2', 'a2', 'a3', 'l1']] },
      propose(50, 'p2', 'v2'),
    ],
    until: 300,
  });
}

export const adoptChosen = adopt(
  'adopt-chosen',
  'A new proposer must adopt the chosen value',
  'a1 and a2 vote for v1 in ballot 1, so v1 is chosen, but l1 hears nothing and p1 crashes. p2 runs ballot 2 with a2 and a3; a2’s promise reports its vote (1, v1), so p2 proposes v1, not its own v2. l1 learns v1 and p2’s client is told v1.',
  false,
);

export const acceptedNotChosen = adopt(
  'accepted-not-chosen',
  'Accepted is not chosen',
  'Only a1 votes for v1 in ballot 1: accepted by a minority, not chosen. p2 runs ballot 2 with a2 and a3, which report no vote, so p2 proposes its own v2, and v2 is chosen. a1 still holds v1 — harmless, since v1 was never chosen.',
  true,
);

export const ignoreVotesBug = adopt(
  'ignore-promised-votes-bug',
  'A proposer that ignores reported votes (bug switch on)',
  'The adopt-chosen script with ignore-promised-votes: p2 hears a2 report (1, v1) and proposes its own v2 anyway. “{inv:votes-safe}” fires at a2’s vote for v2 in ballot 2, before anything else goes wrong; a3’s vote then makes v2 chosen too, and “{inv:consensus}” breaks.',
  false,
  'ignore-promised-votes',
);

/** v1 is chosen by a1 and a2; a2 crashes and restarts; p2 runs ballot 2 with a2 and a3. */
function restart(withBug: boolean): Scenario {
  return scenario({
    name: withBug ? 'forget-vote-bug' : 'acceptor-restart',
    title: withBug ? 'An acceptor that forgets its vote (bug switch on)' : 'An acceptor crashes and restarts',
    description: withBug
      ? 'a1 and a2 choose v1 in ballot 1; a2 crashes and restarts without its vote (maxVBal, maxVal). p2 runs ballot 2 with a2 and a3, hears no vote, and proposes v2. “{inv:votes-safe}” fires at a2’s vote for v2, and “{inv:consensus}” breaks when a3’s vote makes v2 chosen.'
      : 'a1 and a2 choose v1 in ballot 1 and l1 learns it. a2 crashes and restarts: maxBal, maxVBal and maxVal come back from disk. p2 runs ballot 2 with a2 and a3 (a1 cut off); a2 reports (1, v1), so p2 proposes v1 again.',
    ...bugs(...(withBug ? ['forget-vote'] : [])),
    actions: [
      propose(0, 'p1', 'v1'),
      cut(15, 'p1', 'a3'),
      { at: 45, do: 'crash', node: 'a2' },
      { at: 60, do: 'restart', node: 'a2' },
      { at: 70, do: 'heal' },
      { at: 70, do: 'partition', groups: [['a1'], ['p1', 'p2', 'a2', 'a3', 'l1']] },
      propose(80, 'p2', 'v2'),
    ],
    until: 300,
  });
}

export const acceptorRestart = restart(false);
export const forgetVoteBug = restart(true);

export const forgetPromiseBug = scenario({
  name: 'forget-promise-bug',
  title: 'An acceptor that forgets its promise (bug switch on)',
  description:
    'p2 runs ballot 2: a2 and a3 promise, but only a3 gets the 2a and votes v2. a2 crashes and restarts without its promise (only its vote, of which it has none, was on disk): “{inv:promise-monotone}” fires, and so does “{inv:votes-safe}”, since a3’s vote leans on a2’s promise. p1 then runs ballot 1 with a1 and a2, and they choose v1. When its links to a2 come back, p2 retries with ballot 4 on a2 and a3, hears of a3’s vote (2, v2) — the highest reported — and gets v2 chosen: Consensus breaks.',
  ...bugs('forget-promise'),
  actions: [
    cut(0, 'p1', 'a3'),
    cut(0, 'p2', 'a1'),
    propose(0, 'p2', 'v2'),
    cut(15, 'p2', 'a2'),
    { at: 40, do: 'crash', node: 'a2' },
    { at: 50, do: 'restart', node: 'a2' },
    propose(60, 'p1', 'v1'),
    { at: 150, do: 'heal' },
    cut(150, 'p2', 'a1'),
  ],
  until: 600,
});

const FIVE = ['p1', 'p2', 'a1', 'a2', 'a3', 'a4', 'a5', 'l1', 'l2'];
function minority(withBug: boolean): Scenario {
  return scenario({
    name: withBug ? 'minority-quorum-bug' : 'minority-partition',
    title: withBug ? 'Quorums of ⌊n/2⌋ (bug switch on)' : 'A minority partition chooses nothing',
    description: withBug
      ? 'The minority-partition script where two of five acceptors make a quorum. p1 gets v1 voted by a1 and a2 and believes it chosen; l1 learns v1 on its side while l2 learns v2 on the other. Learn-sound fires: two acceptors of five are not a majority.'
      : 'Five acceptors; the network splits {p1, a1, a2, l1} | {p2, a3, a4, a5, l2}. p1 gathers only two promises and never sends 2a; p2 gets v2 chosen by a3, a4 and a5. After the heal p1 retries with a higher ballot, hears of v2, and proposes v2: its client is told v2.',
    nodes: FIVE,
    params: { bugs: withBug ? ['minority-quorum'] : [], learners: 2 },
    actions: [
      { at: 0, do: 'partition', groups: [['p1', 'a1', 'a2', 'l1'], ['p2', 'a3', 'a4', 'a5', 'l2']] },
      propose(5, 'p1', 'v1'),
      propose(5, 'p2', 'v2'),
      { at: 400, do: 'heal' },
    ],
    until: 1200,
  });
}

export const minorityPartition = minority(false);
export const minorityQuorumBug = minority(true);

function duplicate2b(withBug: boolean): Scenario {
  return scenario({
    name: withBug ? 'learner-counts-messages-bug' : 'duplicate-2b',
    title: withBug ? 'A learner that counts messages (bug switch on)' : 'A duplicated 2b at the learner',
    description: withBug
      ? 'The duplicate-2b script with learner-counts-messages: l1 counts a1’s 2b and its copy as two acceptances and learns v1, which only a1 voted for. Learn-sound fires; later v2 is chosen.'
      : 'Only a1 votes for v1, and the link a1 → l1 delivers every message twice. l1 counts distinct acceptors, so a1’s two copies are one acceptance and v1 is not learned. p2 then gets v2 chosen with a2 and a3, and l1 learns v2 only.',
    network: { latency: [10, 10], drop: 0, duplicate: 0, links: [{ from: 'a1', to: 'l1', duplicate: 1 }] },
    ...bugs(...(withBug ? ['learner-counts-messages'] : [])),
    actions: [cut(0, 'p2', 'a1'), propose(0, 'p1', 'v1'), cut(15, 'p1', 'a2'), cut(15, 'p1', 'a3'), { at: 35, do: 'crash', node: 'p1' }, propose(50, 'p2', 'v2')],
    until: 300,
  });
}

export const duplicate2bScenario = duplicate2b(false);
export const learnerCountsBug = duplicate2b(true);

export const paxosScenarios: Scenario[] = [
  happyPath,
  dueling,
  adoptChosen,
  acceptedNotChosen,
  acceptorRestart,
  minorityPartition,
  duplicate2bScenario,
  ignoreVotesBug,
  forgetPromiseBug,
  forgetVoteBug,
  minorityQuorumBug,
  learnerCountsBug,
];
