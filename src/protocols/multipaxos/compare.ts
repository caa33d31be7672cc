/**
 * Multi-Paxos beside Raft on one fault script (compare mode, docs/formats.md): the same nodes,
 * seed, network and actions, with Raft by its id only (a protocol never imports another) and
 * the same timeouts. Outcomes asserted in src/store/ tests, which may load both protocols.
 */
import type { Scenario } from '../../scenario/types';

// Raft's leader no-op (section 8) is off on the Raft side: leader-crash shows the bare rule the
// no-op exists for, and both logs then hold the same client commands slot for slot.
const againstRaft = { protocol: 'raft', params: { bugs: [], electionTimeout: [150, 300], heartbeatInterval: 50, leaderNoop: false } };

function base(s: Pick<Scenario, 'name' | 'title' | 'description' | 'actions' | 'until'>): Scenario {
  return {
    format: 'faultline-scenario',
    version: 2,
    protocol: 'multipaxos',
    nodes: ['n1', 'n2', 'n3'],
    seed: 1,
    params: { bugs: [], electionTimeout: [150, 300], heartbeatInterval: 50 },
    network: { latency: [10, 10], drop: 0, duplicate: 0 },
    schedule: 'auto',
    compare: againstRaft,
    ...s,
  };
}

export const compareLeaderCrash = base({
  name: 'compare-leader-crash',
  title: 'Multi-Paxos against Raft: the leader crashes with an entry in flight',
  description:
    'n1 leads and commits x=1; y=2 then reaches n2 only, and n1 crashes. n3, which lacks y=2, times out first. Multi-Paxos (left): any replica may lead; n3’s one Prepare learns n2’s vote for y=2 and proposes it again, so y=2 commits in slot 2 under n3. Raft (right): n2 refuses to vote for n3, whose log is behind (the election restriction), so only n2 can win; y=2 is in its log, but a Raft leader commits an entry of an earlier term only once an entry of its own term is committed above it — here z=3 — which is why real Raft leaders append a no-op on election (turned off on this side to show the rule).',
  actions: [
    { at: 0, do: 'timeout', node: 'n1' },
    { at: 60, do: 'request', node: 'n1', command: 'x=1' },
    { at: 150, do: 'cut', from: 'n1', to: 'n3' },
    { at: 150, do: 'request', node: 'n1', command: 'y=2' },
    { at: 165, do: 'crash', node: 'n1' },
    { at: 180, do: 'timeout', node: 'n3' },
    { at: 700, do: 'request', node: 'n2', command: 'z=3' },
    { at: 700, do: 'request', node: 'n3', command: 'z=3' },
  ],
  until: 1100,
});

export const compareStaleLeader = base({
  name: 'compare-stale-leader',
  title: 'Multi-Paxos against Raft: a stale leader in a minority',
  description:
    'n1 leads and commits a=1; a partition isolates it, n2 takes over and commits w=6, and n1, still believing it leads, takes x=9. Both protocols keep x=9 uncommitted and lose it after the heal. Multi-Paxos (left): n1’s Accept carries ballot 1, below every promise on the other side, so it is refused (Preempted) and n1’s vote in slot 2 is overruled by the commit notice for w=6. Raft (right): n1 appends x=9 to its log at term 1; on hearing term 2 it steps down and the new leader’s AppendEntries truncate its log, replacing x=9 by w=6 (log matching). The Raft side runs without its leader no-op, so both logs hold the same client commands.',
  actions: [
    { at: 0, do: 'timeout', node: 'n1' },
    { at: 60, do: 'request', node: 'n1', command: 'a=1' },
    { at: 150, do: 'partition', groups: [['n1'], ['n2', 'n3']] },
    { at: 160, do: 'timeout', node: 'n2' },
    { at: 260, do: 'request', node: 'n2', command: 'w=6' },
    { at: 270, do: 'request', node: 'n1', command: 'x=9' },
    { at: 500, do: 'heal' },
  ],
  until: 900,
});
