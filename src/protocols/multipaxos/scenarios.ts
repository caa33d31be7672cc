/**
 * Curated Multi-Paxos scenarios (protocols.md section 2.7, after Paxos Made Simple section 3,
 * PMMC and MultiPaxos-SMR): outcomes asserted in scenarios.test.ts, explained in
 * docs/protocols/multipaxos.md. Nodes n1…n3 (n1…n5 where said) own the ballots 1, 4, 7, … /
 * 2, 5, 8, … / 3, 6, 9, … (five nodes: 1, 6, … / 2, 7, … / …). Links take exactly 10 ms unless
 * a script says otherwise; n1 is made to time out at 0 and leads ballot 1 from 20 ms.
 */
import type { Action, LinkOverride, Scenario } from '../../scenario/types';
import { compareLeaderCrash, compareStaleLeader } from './compare';

const nodes = (n: number): string[] => Array.from({ length: n }, (_, i) => `n${i + 1}`);

export function scenario(s: Pick<Scenario, 'name' | 'title' | 'description' | 'actions' | 'until'> & Partial<Scenario>): Scenario {
  return {
    format: 'faultline-scenario',
    version: 2,
    protocol: 'multipaxos',
    nodes: nodes(3),
    seed: 1,
    params: { bugs: [], electionTimeout: [150, 300], heartbeatInterval: 50 },
    network: { latency: [10, 10], drop: 0, duplicate: 0 },
    schedule: 'auto',
    ...s,
  };
}

export const request = (at: number, node: string, command: string): Action => ({ at, do: 'request', node, command });
export const timeout = (at: number, node: string): Action => ({ at, do: 'timeout', node });
const cut = (at: number, from: string, to: string): Action => ({ at, do: 'cut', from, to });
const withBug = (s: Scenario, bug: string, title: string, description: string): Scenario => ({ ...s, name: `${bug}-bug`, title, description, params: { ...s.params, bugs: [bug] } });

export const steadyState = scenario({
  name: 'steady-state',
  title: 'Steady state: one Prepare, many commands',
  description:
    'n1 runs phase 1 once, for every slot (one Prepare to each peer), then puts eight client commands in slots 1–8 with phase 2 alone, pipelined: each slot commits when a majority has voted for it, and every replica applies the slots in order (Paxos Made Simple, section 3).',
  actions: [timeout(0, 'n1'), ...['a=1', 'b=2', 'c=3', 'a=4', 'b=5', 'c=6', 'a=7', 'b=8'].map((c, i) => request(30 + 5 * i, 'n1', c))],
  until: 400,
});

/** M2: n1 commits slots 1 and 2, gets w=3 voted by n2 only in slot 3, and crashes before anyone
 * hears it committed; n3 takes over. */
const m2Actions: Action[] = [timeout(0, 'n1'), request(30, 'n1', 'x=1'), request(40, 'n1', 'y=2'), cut(100, 'n1', 'n3'), request(100, 'n1', 'w=3'), { at: 115, do: 'crash', node: 'n1' }, timeout(130, 'n3'), request(170, 'n3', 'w=4'), { at: 300, do: 'heal' }, { at: 400, do: 'restart', node: 'n1' }];

export const leaderChange = scenario({
  name: 'leader-change',
  title: 'A leader change with a slot in flight',
  description:
    'n1 commits x=1 and y=2, then sends w=3 for slot 3; only n2 votes for it (the Accept to n3 is cut), which with n1’s own vote makes w=3 chosen, and n1 crashes before any commit notice. n3 never saw w=3, yet its one Prepare reaches n2, whose reply reports the vote ⟨1, slot 3, w=3⟩: n3 proposes w=3 again in slot 3 with ballot 3, and the next command, w=4, goes to slot 4. n1 restarts and catches up.',
  actions: m2Actions,
  until: 700,
});

export const ignorePrepareVotesBug = withBug(
  leaderChange,
  'ignore-prepare-votes',
  'Bug: the new leader ignores the votes in the Prepare replies',
  'The leader change of the scenario before, with the new leader ignoring what the Prepare replies report. n3 thinks slot 3 is free and puts w=4 there with ballot 3, although w=3 is already chosen in it: its own vote breaks A5 at once, and when n2 votes too, two commands are chosen in slot 3.',
);

export const acceptorRestart = scenario({
  name: 'acceptor-restart',
  title: 'An acceptor crashes and restarts with its votes on disk',
  description:
    'The leader change again, but n2 crashes right after voting for w=3 in slot 3 and restarts before n3’s Prepare arrives. Its vote was written to disk before its AcceptReply left, so its Prepare reply still reports ⟨1, slot 3, w=3⟩ and the outcome is the same: w=3 in slot 3 everywhere.',
  actions: [...m2Actions.slice(0, 6), { at: 116, do: 'crash', node: 'n2' }, { at: 125, do: 'restart', node: 'n2' }, ...m2Actions.slice(6)],
  until: 700,
});

export const gapNoop = scenario({
  name: 'gap-noop',
  title: 'A gap filled with a no-op',
  description:
    'n1 commits x=1 in slot 1. Its Accept for slot 2 (x=4) is lost on every link; its Accept for slot 3 (y=5) reaches n2 only, so y=5 is chosen in slot 3 while slot 2 is empty, and n1 crashes. n2 takes over: its Prepare replies report y=5 in slot 3 and nothing in slot 2, so it proposes a no-op for slot 2 and y=5 for slot 3 (Paxos Made Simple, section 3). Nobody applies y=5 before slot 2 is decided.',
  actions: [timeout(0, 'n1'), request(25, 'n1', 'x=1'), cut(50, 'n1', 'n2'), cut(50, 'n1', 'n3'), request(50, 'n1', 'x=4'), { at: 61, do: 'heal' }, cut(61, 'n1', 'n3'), request(62, 'n1', 'y=5'), { at: 69, do: 'crash', node: 'n1' }, timeout(100, 'n2'), { at: 200, do: 'heal' }],
  until: 400,
});

/** Pipelining: slot 2's Accepts are lost, slot 3 commits first; the leader resends slot 2 with
 * its next heartbeat. */
export const outOfOrder = scenario({
  name: 'out-of-order-commit',
  title: 'Slots commit out of order, replicas apply in order',
  description:
    'n1 leads. The Accepts for slot 2 (x=2) are lost; slot 3 (x=3) commits first. Replicas hold x=3 committed but unapplied until n1 resends slot 2 with its next heartbeat and it commits: then slots 2 and 3 are applied in order, and x ends at 3.',
  actions: [timeout(0, 'n1'), request(25, 'n1', 'x=1'), cut(50, 'n1', 'n2'), cut(50, 'n1', 'n3'), request(50, 'n1', 'x=2'), { at: 61, do: 'heal' }, request(62, 'n1', 'x=3')],
  until: 300,
});

export const executeAcrossGapBug = withBug(
  outOfOrder,
  'execute-across-gap',
  'Bug: a replica executes across a gap',
  'The out-of-order commit of the scenario before, with replicas applying a slot as soon as it commits. n1 applies x=3 from slot 3 while slot 2 is still open: its applied state is no longer the fold of slots 1..commitUpTo (PMMC R3), and after slot 2 commits x ends at 2 on every replica instead of 3.',
);

const m4Actions: Action[] = [timeout(0, 'n1'), request(30, 'n1', 'a=1'), { at: 100, do: 'partition', groups: [['n1'], ['n2', 'n3']] }, timeout(110, 'n2'), request(150, 'n2', 'w=6'), request(160, 'n1', 'x=9'), { at: 300, do: 'heal' }];

export const staleLeader = scenario({
  name: 'stale-leader',
  title: 'Two leaders: a stale one in a minority',
  description:
    'n1 leads ballot 1 and commits a=1. A partition isolates it; n2 and n3 go on with ballot 2 and commit w=6 in slot 2. n1 still believes it leads and puts x=9 in slot 2 with ballot 1, but no majority can vote for it. After the heal, n1 hears ballot 2, steps down and learns w=6 in slot 2; x=9 is never acknowledged.',
  actions: m4Actions,
  until: 500,
});

export const commitQuorumMinusOneBug = withBug(
  staleLeader,
  'commit-quorum-minus-one',
  'Bug: commit with a quorum minus one',
  'The stale leader of the scenario before, counting a majority minus one. Alone in its minority, n1 commits x=9 in slot 2 on its own vote and tells its client so, although nothing is chosen there; ballot 2 then commits w=6 in slot 2 on the majority side, and the two replicas disagree about slot 2.',
);

const LIVELOCK_LINKS: LinkOverride[] = [
  { from: 'n1', to: 'n2', latency: [60, 60] },
  { from: 'n2', to: 'n1', latency: [60, 60] },
];

export const livelock = scenario({
  name: 'livelock',
  title: 'Livelock: two would-be leaders preempt each other',
  description:
    'n1 and n2 hear each other only over a slow link (60 ms), longer than their election timeouts (30–40 ms). Each prepares a higher ballot through n3, which preempts the other’s phase 2, so a new Prepare goes out every 60–80 ms and ballots climb from 1 to 16: the duel of PMMC section 3 (figure 9). x=1 slips through in one short reign of n1; y=2, taken by n2, is never committed, and nothing unsafe happens. Randomized timeouts are too short to break the pattern here; only n2’s crash at 600 ms ends it.',
  params: { bugs: [], electionTimeout: [30, 40], heartbeatInterval: 20 },
  network: { latency: [10, 10], drop: 0, duplicate: 0, links: LIVELOCK_LINKS },
  actions: [timeout(0, 'n1'), timeout(5, 'n2'), request(100, 'n1', 'x=1'), request(100, 'n2', 'y=2'), { at: 600, do: 'crash', node: 'n2' }],
  until: 900,
});

export const acceptBelowPromiseBug = scenario({
  name: 'accept-below-promise-bug',
  title: 'Bug: an acceptor accepts below its promise',
  description:
    'n1’s link to n3 is slow (70 ms). n1 leads ballot 1, commits x=1, then puts x=9 in slot 2 with only its own vote (its Accept to n2 is cut) and crashes. n2 leads ballot 2 through n3 and commits y=2 in slot 2. Then n1’s old Accepts reach n3, which takes them although it promised ballot 2: its balMaxKnown falls back to 1, and its vote makes x=9 chosen in slot 2 at ballot 1, beside y=2.',
  params: { bugs: ['accept-below-promise'], electionTimeout: [150, 300], heartbeatInterval: 50 },
  network: { latency: [10, 10], drop: 0, duplicate: 0, links: [{ from: 'n1', to: 'n3', latency: [70, 70] }] },
  actions: [timeout(0, 'n1'), request(30, 'n1', 'x=1'), cut(55, 'n1', 'n2'), request(56, 'n1', 'x=9'), { at: 60, do: 'crash', node: 'n1' }, timeout(70, 'n2'), request(95, 'n2', 'y=2')],
  until: 300,
});

export const bareCommitNoticeBug = scenario({
  name: 'bare-commit-notice-bug',
  title: 'Bug: a commit notice without its command',
  description:
    'Five replicas. n1 leads ballot 1 and gets X voted by n2 only in slot 1, then crashes. n3 leads ballot 3 through n3, n4 and n5 (which saw no vote), and commits Y in slot 1. Its notice reaches n2, which missed both the Prepare and the Accept of ballot 3. With a notice that carries only the slot, n2 commits its own last vote, X: two replicas disagree, and n2 committed a command that is not chosen.',
  nodes: nodes(5),
  params: { bugs: ['bare-commit-notice'], electionTimeout: [150, 300], heartbeatInterval: 50 },
  actions: [timeout(0, 'n1'), cut(30, 'n1', 'n3'), cut(30, 'n1', 'n4'), cut(30, 'n1', 'n5'), request(31, 'n1', 'X=x'), { at: 45, do: 'crash', node: 'n1' }, cut(50, 'n3', 'n2'), timeout(50, 'n3'), request(75, 'n3', 'Y=y'), { at: 90, do: 'heal' }],
  until: 300,
});

export const multiPaxosScenarios: Scenario[] = [
  steadyState,
  leaderChange,
  acceptorRestart,
  gapNoop,
  outOfOrder,
  staleLeader,
  livelock,
  ignorePrepareVotesBug,
  commitQuorumMinusOneBug,
  acceptBelowPromiseBug,
  executeAcrossGapBug,
  bareCommitNoticeBug,
  compareLeaderCrash,
  compareStaleLeader,
];
