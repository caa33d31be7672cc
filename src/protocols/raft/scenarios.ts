/** Curated Raft scenarios: the happy path and the classic failures. Their outcomes are
 * asserted in scenarios.test.ts; docs/protocols/raft.md explains each with its source. */
import type { Action, Scenario } from '../../scenario/types';

const nodes = (n: number): string[] => Array.from({ length: n }, (_, i) => `n${i + 1}`);

function scenario(s: Pick<Scenario, 'name' | 'title' | 'description' | 'actions' | 'until'> & Partial<Scenario>): Scenario {
  return {
    format: 'faultline-scenario',
    version: 2,
    protocol: 'raft',
    nodes: nodes(5),
    seed: 1,
    params: { bugs: [], electionTimeout: [150, 300], heartbeatInterval: 50 },
    network: { latency: [10, 30], drop: 0, duplicate: 0 },
    schedule: 'auto',
    ...s,
  };
}

const request = (at: number, node: string, command: string): Action => ({ at, do: 'request', node, command });

export const happyPath = scenario({
  name: 'happy-path',
  title: 'Election and three writes',
  description: 'n1 times out first, wins the election in term 1 and replicates three writes; each commits once a majority holds it.',
  actions: [{ at: 0, do: 'timeout', node: 'n1' }, request(200, 'n1', 'x=1'), request(250, 'n1', 'y=2'), request(300, 'n1', 'z=3')],
  until: 1000,
});

export const leaderCrash = scenario({
  name: 'leader-crash',
  title: 'The leader crashes',
  description: 'n1 leads term 1 and commits x=1, then crashes. Followers time out, a new leader wins a higher term with x=1 in its log, and n1 rejoins as a follower.',
  actions: [{ at: 0, do: 'timeout', node: 'n1' }, request(100, 'n1', 'x=1'), { at: 300, do: 'crash', node: 'n1' }, { at: 1200, do: 'restart', node: 'n1' }],
  until: 2000,
});

export const splitVote = scenario({
  name: 'split-vote',
  title: 'A split vote',
  description: 'n1, n3 and n5 time out together in term 1. Slow links make n2 hear n1 first and n4 hear n3 first, so nobody gets three votes; randomized timeouts settle it in a later term.',
  network: {
    latency: [10, 10],
    drop: 0,
    duplicate: 0,
    links: [
      { from: 'n3', to: 'n2', latency: [40, 40] },
      { from: 'n5', to: 'n2', latency: [40, 40] },
      { from: 'n1', to: 'n4', latency: [40, 40] },
      { from: 'n5', to: 'n4', latency: [40, 40] },
    ],
  },
  actions: [
    { at: 0, do: 'timeout', node: 'n1' },
    { at: 0, do: 'timeout', node: 'n3' },
    { at: 0, do: 'timeout', node: 'n5' },
  ],
  until: 1500,
});

export const staleLeader = scenario({
  name: 'stale-leader',
  title: 'A stale leader in a minority partition',
  description: 'n1 leads term 1 when the network splits {n1,n2} | {n3,n4,n5}. n1 still accepts writes but can never commit them; the majority elects n3 and commits. After the heal, n1 steps down and its uncommitted entries are overwritten.',
  network: { latency: [10, 10], drop: 0, duplicate: 0 },
  actions: [
    { at: 0, do: 'timeout', node: 'n1' },
    { at: 100, do: 'partition', groups: [['n1', 'n2'], ['n3', 'n4', 'n5']] },
    request(120, 'n1', 'a=stale'),
    request(140, 'n1', 'b=stale'),
    { at: 150, do: 'timeout', node: 'n3' },
    request(250, 'n3', 'c=fresh'),
    { at: 600, do: 'heal' },
  ],
  until: 1200,
});

/**
 * Figure 8 of the paper, step by step. Terms are shifted by one from the figure (our first
 * leader is in term 1), the structure is the same:
 * (a) n1 leads and puts y at index 2 on n1 and n2 only; (b) n1 crashes, n5 leads a new term
 * and appends z at index 2 alone; (c) n5 crashes, n1 comes back and leads term 3, and
 * replicates y to a majority; (d) n1 crashes, n5 wins term 4 with votes from n2, n3 and n4
 * (its last term, 2, beats their 1) and overwrites index 2 with z.
 * With the bug switch, n1 commits y in (c) by counting replicas, and (d) overwrites a
 * committed entry. Without it, y was never committed and (d) is safe.
 */
function figure8(withBug: boolean): Scenario {
  return scenario({
    name: withBug ? 'figure-8-bug' : 'figure-8',
    title: withBug ? 'Figure 8 with the commit-previous-term bug' : 'Figure 8: why a leader only counts replicas of its own term',
    description: withBug
      ? 'The leader of term 3 commits an entry of term 1 because a majority holds it. A later leader overwrites it: State Machine Safety and Leader Completeness break. The leader no-op of section 8 is off, as in the figure.'
      : 'The leader of term 3 replicates an entry of term 1 to a majority but may not commit it by counting (section 5.4.2). When a later leader overwrites it, nothing committed is lost. The leader no-op of section 8 is off, as in the figure: with it, the no-op would commit the entry first.',
    // The figure has no no-op entries: with section 8's no-op, the leader of term 3 would commit
    // its no-op and with it (by Log Matching) the term-1 entry, and (d) could not happen.
    params: { bugs: withBug ? ['commit-previous-term'] : [], electionTimeout: [150, 300], heartbeatInterval: 50, leaderNoop: false },
    network: { latency: [10, 10], drop: 0, duplicate: 0 },
    actions: [
      // (a)
      { at: 0, do: 'timeout', node: 'n1' },
      request(40, 'n1', 'x=1'),
      { at: 100, do: 'crash', node: 'n3' },
      { at: 100, do: 'crash', node: 'n4' },
      { at: 100, do: 'crash', node: 'n5' },
      request(110, 'n1', 'y=2'),
      // (b)
      { at: 150, do: 'crash', node: 'n1' },
      { at: 150, do: 'restart', node: 'n3' },
      { at: 150, do: 'restart', node: 'n4' },
      { at: 150, do: 'restart', node: 'n5' },
      { at: 160, do: 'timeout', node: 'n5' },
      { at: 185, do: 'partition', groups: [['n5'], ['n1', 'n2', 'n3', 'n4']] },
      request(190, 'n5', 'z=3'),
      { at: 200, do: 'crash', node: 'n5' },
      { at: 205, do: 'heal' },
      // (c)
      { at: 210, do: 'restart', node: 'n1' },
      { at: 220, do: 'timeout', node: 'n1' },
      { at: 260, do: 'timeout', node: 'n1' },
      // (d)
      { at: 350, do: 'crash', node: 'n1' },
      { at: 360, do: 'restart', node: 'n5' },
      { at: 370, do: 'timeout', node: 'n5' },
      { at: 420, do: 'timeout', node: 'n5' },
    ],
    notes: [
      { at: 0, text: '(a) n1 leads and replicates x=1 everywhere, then y=2 only to n2.' },
      { at: 150, text: '(b) n1 crashes; n5 leads a new term and appends z=3 alone.' },
      { at: 210, text: '(c) n1 returns, leads term 3 and copies y=2 to a majority.' },
      { at: 350, text: '(d) n1 crashes; n5 wins term 4 and overwrites index 2.' },
    ],
    until: 700,
  });
}

export const figure8Safe = figure8(false);
export const figure8Bug = figure8(true);

/**
 * A vote asked for twice in one term: n2 votes for n1 in term 1, crashes and restarts, then
 * n3 asks for its vote in the same term. With votedFor persisted (Figure 2) it refuses; with the
 * forget-vote-on-restart bug it votes again and term 1 gets two leaders.
 */
function forgetVote(withBug: boolean): Scenario {
  return scenario({
    name: withBug ? 'forget-vote-bug' : 'forget-vote',
    title: withBug ? 'A vote forgotten across a restart (bug switch on)' : 'A vote remembered across a restart',
    description: withBug
      ? 'n2 votes for n1 in term 1, restarts, and is asked again by n3 in term 1. votedFor was not persisted, so it votes twice: term 1 gets two leaders.'
      : 'n2 votes for n1 in term 1, restarts, and is asked again by n3 in term 1. votedFor survived on disk, so n2 refuses and n3 cannot win.',
    nodes: nodes(3),
    params: { bugs: withBug ? ['forget-vote-on-restart'] : [], electionTimeout: [150, 300], heartbeatInterval: 50 },
    network: { latency: [10, 10], drop: 0, duplicate: 0 },
    actions: [
      { at: 0, do: 'partition', groups: [['n1', 'n2'], ['n3']] },
      { at: 0, do: 'timeout', node: 'n1' },
      { at: 30, do: 'crash', node: 'n2' },
      { at: 40, do: 'restart', node: 'n2' },
      { at: 50, do: 'partition', groups: [['n1'], ['n2', 'n3']] },
      { at: 50, do: 'timeout', node: 'n3' },
    ],
    until: 120,
  });
}

export const forgetVoteSafe = forgetVote(false);
export const forgetVoteBug = forgetVote(true);

const read = (at: number, node: string, key: string): Action => ({ at, do: 'read', node, key });

/**
 * A leader cut off in a minority with `ack-on-append`: it tells a client its write of x took
 * effect, the majority elects a new leader that never saw it, and a read through the new
 * leader after the heal returns nothing. The checker names the acknowledged write and the read.
 */
export const ackOnAppendBug = scenario({
  name: 'ack-on-append-bug',
  title: 'A write acknowledged on append, then lost (bug switch on)',
  description: 'n1 leads term 1 when the network splits {n1,n2} | {n3,n4,n5}. With ack-on-append, n1 answers x=stale as soon as it appends it, though it can never commit it. n3 leads term 2; after the heal n1 steps down, the entry is overwritten, and a read of x returns nothing: an acknowledged write was lost, and only the client history shows it.',
  params: { bugs: ['ack-on-append'], electionTimeout: [150, 300], heartbeatInterval: 50 },
  network: { latency: [10, 10], drop: 0, duplicate: 0 },
  actions: [
    { at: 0, do: 'timeout', node: 'n1' },
    { at: 100, do: 'partition', groups: [['n1', 'n2'], ['n3', 'n4', 'n5']] },
    request(120, 'n1', 'x=stale'),
    { at: 150, do: 'timeout', node: 'n3' },
    { at: 600, do: 'heal' },
    read(800, 'n3', 'x'),
  ],
  until: 1000,
});

/**
 * A deposed leader with `stale-read`: n1 still believes it leads after the majority elected n3
 * and committed x=2, and it answers a read of x from its own state: 1, a value already
 * overwritten before the read began.
 */
export const staleReadBug = scenario({
  name: 'stale-read-bug',
  title: 'A stale read from a deposed leader (bug switch on)',
  description: 'n1 leads term 1 and commits x=1. The network splits {n1,n2} | {n3,n4,n5}; n3 leads term 2 and commits x=2, and the client is told. With stale-read, n1 answers a read of x from its own state without a heartbeat round: 1, older than a write that had already finished.',
  params: { bugs: ['stale-read'], electionTimeout: [150, 300], heartbeatInterval: 50 },
  network: { latency: [10, 10], drop: 0, duplicate: 0 },
  actions: [
    { at: 0, do: 'timeout', node: 'n1' },
    request(60, 'n1', 'x=1'),
    { at: 150, do: 'partition', groups: [['n1', 'n2'], ['n3', 'n4', 'n5']] },
    { at: 170, do: 'timeout', node: 'n3' },
    request(260, 'n3', 'x=2'),
    read(400, 'n1', 'x'),
    { at: 600, do: 'heal' },
  ],
  until: 900,
});

/**
 * Lease reads (dissertation section 6.4.1). n1's last heartbeat round before the split, sent at
 * 120, was acknowledged by a majority, so its lease runs to 120 + 300 / 1.2 = 370. Within the
 * bound, n4 and n5 heard from n1 at 130 and ignore RequestVote until 430 (section 4.2.3), so n3
 * cannot win before n1's lease is over: its write is redirected and n1's read of 1 is current.
 * With n3 to n5's clocks three times fast, beyond the bound, their window closes at 230: n3
 * wins, commits x=2 and answers, and n1, still inside its lease, reads 1.
 */
const leaseActions = (skew: boolean): Action[] => [
  { at: 0, do: 'timeout', node: 'n1' },
  request(60, 'n1', 'x=1'),
  ...(skew ? (['n3', 'n4', 'n5'] as const).map((node): Action => ({ at: 100, do: 'skew', node, rate: 3 })) : []),
  { at: 145, do: 'partition', groups: [['n1', 'n2'], ['n3', 'n4', 'n5']] },
  { at: 235, do: 'timeout', node: 'n3' },
  request(280, 'n3', 'x=2'),
  read(330, 'n1', 'x'),
  { at: 500, do: 'heal' },
];
const leaseScenario = (skew: boolean, name: string, title: string, description: string): Scenario =>
  scenario({
    name,
    title,
    description,
    params: { bugs: [], electionTimeout: [300, 600], heartbeatInterval: 50, leaseReads: true, leaseDriftBound: 1.2 },
    network: { latency: [10, 10], drop: 0, duplicate: 0 },
    actions: leaseActions(skew),
    until: 900,
  });

export const leaseRead = leaseScenario(
  false,
  'lease-read',
  'A lease read, clocks within the bound',
  "Lease reads on, assuming no clock runs more than 1.2 times faster than another. n1 leads term 1 and commits x=1; the network splits {n1,n2} | {n3,n4,n5}. n1's last acknowledged round holds its lease until 370. n4 and n5 heard from n1 at 130 and ignore n3's RequestVote until 430, so n3 cannot lead before n1's lease is over: its write is redirected, and n1 answers a read of x from its lease: 1, which is current.",
);

export const leaseReadSkew = leaseScenario(
  true,
  'lease-read-skew',
  'A stale lease read: clock skew beyond the bound',
  "The same run as the lease read, but n3, n4 and n5's clocks run three times fast, beyond the 1.2 bound the lease assumes (no bug switch: this is the documented price of leases). Their minimum election timeout after n1's last heartbeat ends at 230 instead of 430, so n3 wins term 2 and commits x=2, and the client is told, while n1's lease runs to 370. n1 answers a read of x from its lease: 1, older than a write that had already finished. The linearizability check catches it.",
);

export const raftScenarios: Scenario[] = [happyPath, leaderCrash, splitVote, staleLeader, figure8Safe, figure8Bug, forgetVoteSafe, forgetVoteBug, ackOnAppendBug, staleReadBug, leaseRead, leaseReadSkew];
