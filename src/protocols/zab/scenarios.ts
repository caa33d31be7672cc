/**
 * Curated Zab scenarios: the happy path, the classic recoveries, and one trace per bug switch
 * after the JIRA issue (or protocol-spec issue) that reported it. Each `<bug>-bug` scenario has
 * the bug on; the same script without it stays safe (scenarios.test.ts asserts both).
 * Servers n1 < n2 < n3 by id; links are 10 ms unless a scenario says otherwise.
 */
import type { Action, Scenario } from '../../scenario/types';

const servers = (n: number): string[] => Array.from({ length: n }, (_, i) => `n${i + 1}`);

function scenario(s: Pick<Scenario, 'name' | 'title' | 'description' | 'actions' | 'until'> & Partial<Scenario>): Scenario {
  return {
    format: 'faultline-scenario',
    version: 2,
    protocol: 'zab',
    nodes: servers(3),
    seed: 1,
    params: { bugs: [] },
    network: { latency: [10, 10], drop: 0, duplicate: 0 },
    schedule: 'auto',
    ...s,
  };
}

const write = (at: number, node: string, command: string): Action => ({ at, do: 'request', node, command });
const crash = (at: number, node: string): Action => ({ at, do: 'crash', node });
const restart = (at: number, node: string): Action => ({ at, do: 'restart', node });
const cut = (at: number, from: string, to: string): Action => ({ at, do: 'cut', from, to });
const heal = (at: number): Action => ({ at, do: 'heal' });
const withBug = (s: Scenario, bug: string, title: string, description: string): Scenario => ({ ...s, name: `${bug}-bug`, title, description, params: { ...s.params, bugs: [bug] } });

/** n3 leads epoch 1 (elected on its id) and commits (1,1), (1,2), (1,3) on every server. */
const epochOne = (): Action[] => [write(150, 'n3', 'a=1'), write(160, 'n3', 'b=2'), write(170, 'n3', 'c=3')];

export const happyPath = scenario({
  name: 'happy-path',
  title: 'Election, discovery, sync and three writes',
  description: 'Every server starts at epoch 0 with an empty log, so n3 wins the election on its id. n1 and n2 send CEPOCH(0), n3 picks epoch 1, they answer ACKEPOCH, sync with an empty DIFF and NEWLEADER, and n3 enters broadcast. Three writes are proposed, acknowledged and committed in zxid order (1,1), (1,2), (1,3); a write sent to n1 is forwarded to the leader and answered by n1 once it delivers it.',
  actions: [write(300, 'n3', 'x=1'), write(320, 'n1', 'y=2'), write(340, 'n3', 'z=3')],
  until: 700,
});

export const leaderCrash = scenario({
  name: 'leader-crash',
  title: 'The leader crashes mid-broadcast',
  description: 'n3 commits (1,1)–(1,3). Its PROPOSE of (1,4) reaches n2 only; n2\'s ACK commits it at n3, but the COMMITs are cut. n3 logs (1,5), which reaches nobody, and crashes. n2 has the highest zxid and leads epoch 2: its initial history keeps (1,4), and n1 gets it by DIFF. n3 comes back and follows n2; its (1,5) is not in n2\'s log, so n2 sends TRUNC to (1,4) and then (2,1). (1,4) is delivered everywhere, (1,5) nowhere.',
  actions: [
    ...epochOne(),
    cut(250, 'n3', 'n1'),
    write(260, 'n3', 'd=4'),
    cut(275, 'n3', 'n2'),
    write(280, 'n3', 'e=5'),
    crash(290, 'n3'),
    heal(295),
    write(700, 'n2', 'f=6'),
    restart(800, 'n3'),
  ],
  until: 1200,
});

/** ZOOKEEPER-1154, after its description: the leader logs a txn alone and the whole ensemble
 * crashes; the others form a new epoch and commit; the old leader returns with its txn. */
const ghostTxn = scenario({
  name: 'zk-1154',
  title: 'ZOOKEEPER-1154: an old-epoch txn meets a DIFF',
  description: 'n3 leads epoch 1, commits (1,1)–(1,3), and logs (1,4) alone: its PROPOSEs are cut. The whole ensemble crashes. n1 and n2 come back, n2 leads epoch 2 and commits (2,1). n3 returns with (1,4) in its log; (1,4) lies between the leader\'s smallest and largest zxid but is not in its log, so the leader sends TRUNC to (1,3) before (2,1).',
  actions: [
    ...epochOne(),
    cut(250, 'n3', 'n1'),
    cut(250, 'n3', 'n2'),
    write(260, 'n3', 'ghost=4'),
    crash(280, 'n1'),
    crash(280, 'n2'),
    crash(280, 'n3'),
    heal(285),
    restart(300, 'n1'),
    restart(300, 'n2'),
    write(500, 'n2', 'd=81'),
    restart(600, 'n3'),
    write(900, 'n2', 'e=82'),
  ],
  until: 1200,
});
export const zk1154 = ghostTxn;
export const zk1154Bug = withBug(
  ghostTxn,
  'diff-without-trunc',
  'ZOOKEEPER-1154: DIFF without truncation (bug switch on)',
  'The ZOOKEEPER-1154 trace with the pre-fix sync: the leader sends n3 a DIFF with (2,1) but no TRUNC, so n3 keeps the old-epoch (1,4) under it. COMMITLD makes n3 deliver (1,4) at the index where everyone else delivered (2,1): prefix consistency, agreement and total order break.',
);

/** Epoch fencing: n1 accepts epoch 2 from n2, which establishes it and crashes before n1 gets
 * NEWLEADER. n3 then wins on its id with a lower accepted epoch and must still pick epoch 3. */
const fencing = scenario({
  name: 'epoch-fencing',
  title: 'Epoch fencing: acceptedEpoch runs ahead of currentEpoch',
  description: 'n3 leads epoch 1 and crashes. n2 wins the next election; n1 accepts NEWEPOCH(2) (acceptedEpoch 2) and n2 establishes epoch 2, but its NEWLEADER to n1 is cut and n2 crashes. n1 is left with acceptedEpoch 2 and currentEpoch 1. n3 returns and wins on its id (FLE compares currentEpoch and zxid, which are equal), yet the new epoch must exceed every CEPOCH it hears: n1 says 2, so n3 picks 3.',
  actions: [write(150, 'n3', 'a=1'), crash(200, 'n3'), cut(455, 'n2', 'n1'), crash(458, 'n2'), heal(700), restart(700, 'n3'), write(1100, 'n3', 'b=2')],
  until: 1300,
});
export const epochFencing = fencing;
export const epochFencingBug = withBug(
  fencing,
  'new-epoch-from-self',
  'Epoch fencing without the followers\' epochs (bug switch on)',
  'The epoch-fencing trace, but n3 picks its new epoch as its own acceptedEpoch + 1 = 2. n1 has accepted epoch 2 and Zab.tla accepts any NEWEPOCH ≥ acceptedEpoch, so n3 establishes epoch 2, which n2 had already established: one leader per epoch breaks.',
);

/** Protocol-spec issue 3's trace: n3 joins late; a txn commits between NEWLEADER and its ACKLD. */
const lateJoiner = scenario({
  name: 'late-joiner',
  title: 'A late joiner during broadcast',
  description: 'n3 is down while n1 and n2 elect n2 and commit (1,1). n3 starts, learns from their answers that n2 leads, and syncs: DIFF with (1,1) and NEWLEADER. Right after, the client writes (1,2); n2 proposes it to n1 and to n3, which has NEWLEADER (protocol-spec issue 1). n3\'s link to n2 is slow, so n1\'s ACK commits (1,2) first; n2 then answers n3\'s ACKLD with COMMITLD((1,2)), its own lastCommitted (issue 3), and the next write commits everywhere.',
  params: { bugs: [], flushDelay: [1, 1] },
  network: { latency: [10, 10], drop: 0, duplicate: 0, links: [{ from: 'n3', to: 'n2', latency: [30, 30] }] },
  actions: [crash(0, 'n3'), write(150, 'n2', 'a=1'), restart(200, 'n3'), write(315, 'n2', 'b=2'), write(400, 'n2', 'c=3')],
  until: 700,
});
export const lateJoin = lateJoiner;
export const commitLdBug = withBug(
  lateJoiner,
  'commitld-ack-zxid',
  'COMMITLD with the follower\'s zxid (bug switch on)',
  'Protocol-spec issue 3: the late-joiner trace, but n2 answers n3\'s ACKLD((1,1)) with COMMITLD((1,1)), the zxid n3 acknowledged. (1,2) was committed meanwhile and its COMMIT went only to n1, so n3 never delivers it; the COMMIT of (1,3) then names a txn that is not n3\'s next: an impossible arrival.',
);

/** Protocol-spec issue 1's trace: the leader processes the joiner's ACKLD before n1's ACK. */
const issueOne = scenario({
  name: 'propose-window',
  title: 'A proposal between NEWLEADER and its acknowledgement',
  description: 'Protocol-spec issue 1\'s trace: n3 joins late and gets NEWLEADER with (1,1); the client writes (1,2) before n3 acknowledges. n3 flushes at once, so n2 handles n3\'s ACKLD first and then n1\'s ACK, and sends COMMIT (1,2) to both. n3 was sent the PROPOSE because it had NEWLEADER, so the COMMIT finds (1,2) in its log.',
  params: { bugs: [], flushDelay: [1, 1] },
  actions: [crash(0, 'n3'), write(200, 'n2', 'a=1'), restart(350, 'n3'), write(412, 'n2', 'b=2')],
  until: 800,
});
export const proposeWindow = issueOne;
export const proposeBug = withBug(
  issueOne,
  'propose-to-ackld-only',
  'PROPOSE only to acknowledged followers (bug switch on)',
  'Protocol-spec issue 1: PROPOSE goes only to followers that acknowledged NEWLEADER, so n3 never receives (1,2). n2 handles n3\'s ACKLD, then n1\'s ACK commits (1,2), and the COMMIT sent to n3 names a txn it does not have: an impossible arrival.',
);

/** ZOOKEEPER-4646 (Z6a): followers acknowledge NEWLEADER before the synced txn is on disk. */
const zk4646 = scenario({
  name: 'zk-4646',
  title: 'ZOOKEEPER-4646: crash between NEWLEADER and the flush',
  description: 'n3 leads epoch 1 with (1,1)–(1,3) everywhere, logs (1,4), and n1 and n2 crash before its PROPOSE arrives. n3 loses its quorum and goes back to election; n1 and n2 return and re-elect n3, whose zxid (1,4) is highest. Both get (1,4) by DIFF into their buffer and NEWLEADER; the flush is slow (60 ms) and both crash before it. With the correct order they had not acknowledged NEWLEADER, so n3 never committed (1,4) and nothing is lost when n3 crashes too and n1 and n2 elect a new leader.',
  params: { bugs: [], flushDelay: [60, 60] },
  actions: [...epochOne(), write(250, 'n3', 'd=4'), crash(255, 'n1'), crash(255, 'n2'), restart(500, 'n1'), restart(500, 'n2'), crash(628, 'n1'), crash(628, 'n2'), crash(640, 'n3'), restart(700, 'n1'), restart(700, 'n2')],
  until: 1100,
});
export const zk4646Safe = zk4646;
export const zk4646Bug = withBug(
  zk4646,
  'ack-newleader-before-flush',
  'ZOOKEEPER-4646: ACK of NEWLEADER before the flush (bug switch on)',
  'The ZOOKEEPER-4646 trace with the pre-fix follower: n1 and n2 set currentEpoch and acknowledge NEWLEADER while (1,4) is only in memory. n3 reaches broadcast and commits (1,4); n1 and n2 deliver it and crash before the flush. After n3 crashes, n1 and n2 elect a leader without (1,4): a committed txn is lost (leader log completeness, total order).',
);

/** ZOOKEEPER-4643 (Z6b): currentEpoch is written before the synced txn. */
const zk4643 = scenario({
  name: 'zk-4643',
  title: 'ZOOKEEPER-4643: crash between currentEpoch and the log',
  description: 'n3 leads epoch 1 with (1,1)–(1,3) everywhere. n1 crashes; (1,4) is committed by n2 and n3. Then n2 and n3 crash; n1 and n3 return and n3 leads epoch 2 with n1, sending (1,4) by DIFF. n1 crashes before the flush. With the correct order n1 still has currentEpoch 1, so when n1 and n2 return, n2 wins on its zxid (1,4) and nothing is lost.',
  params: { bugs: [], flushDelay: [60, 60] },
  actions: [...epochOne(), crash(250, 'n1'), write(260, 'n3', 'd=4'), crash(300, 'n2'), crash(300, 'n3'), restart(350, 'n1'), restart(350, 'n3'), crash(440, 'n1'), crash(460, 'n3'), restart(500, 'n1'), restart(500, 'n2')],
  until: 900,
});
export const zk4643Safe = zk4643;
export const zk4643Bug = withBug(
  zk4643,
  'epoch-before-log',
  'ZOOKEEPER-4643: currentEpoch before the log (bug switch on)',
  'The ZOOKEEPER-4643 trace with the pre-fix follower: n1 writes currentEpoch 2 on NEWLEADER, then crashes before (1,4) is logged. When n1 and n2 return, n1 wins the election on epoch 2 > 1 with a log that lacks the committed (1,4), and truncates n2 to (1,3): leader log completeness breaks.',
);

/** Compare mode: the leader-crash script under Raft, side by side. A forced timeout at 0 makes
 * n3 Raft's first leader too (in Zab it only fires n3's first notification early). */
export const compareRaft = scenario({
  name: 'compare-raft-leader-crash',
  title: 'Zab and Raft: the leader crashes mid-broadcast',
  description: 'The leader-crash script under Zab (left) and Raft (right). Both leaders commit three writes, then a fourth reaches one follower only and a fifth reaches nobody before the leader crashes. Zab elects the server with the highest zxid and truncates the returning leader\'s unseen txn with TRUNC; Raft elects a server whose log is at least as up to date and overwrites the unseen entry through AppendEntries. Neither loses the committed fourth write.',
  actions: [
    { at: 0, do: 'timeout', node: 'n3' },
    ...leaderCrash.actions.filter((a) => a.do !== 'request'),
    ...leaderCrash.actions.filter((a) => a.do === 'request'),
    write(710, 'n1', 'g=7'),
  ].sort((a, b) => a.at - b.at),
  until: 1200,
  compare: { protocol: 'raft', params: { bugs: [], electionTimeout: [150, 300], heartbeatInterval: 50 } },
});

export const zabScenarios: Scenario[] = [
  happyPath,
  leaderCrash,
  epochFencing,
  lateJoin,
  proposeWindow,
  zk1154,
  zk4646Safe,
  zk4643Safe,
  zk1154Bug,
  zk4646Bug,
  zk4643Bug,
  epochFencingBug,
  proposeBug,
  commitLdBug,
  compareRaft,
];
