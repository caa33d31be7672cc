/**
 * The smallest counterexamples known for the three Zab switches whose shrinks ran over 12
 * actions (issue 12, docs/explorer.md "Shrinking, what limits it"): each must break its
 * invariant, and no single action may go (1-minimal). `npx tsx bench/zabMinimal.ts`.
 */
import { protocols } from '../src/protocols/registry';
import { breaksAt } from '../src/check/explorer/shrink';
import type { Action, Scenario } from '../src/scenario/types';

const zab = protocols.get('zab')!;
const base = (bug: string, seed: number, latency: [number, number], extra: Record<string, unknown>, until: number, actions: Action[], drop = 0): Scenario => ({
  format: 'faultline-scenario',
  version: 3,
  protocol: 'zab',
  nodes: ['n1', 'n2', 'n3'],
  seed,
  params: { bugs: [bug], ...extra },
  network: { latency, drop, duplicate: 0 },
  schedule: 'auto',
  actions,
  until,
});
const A = (at: number, act: string, node: string, command?: string): Action => ({ at, do: act, node, ...(command ? { command } : {}) }) as Action;

const cases: { name: string; invariant: string; s: Scenario }[] = [
  {
    // Explorer seed 1's shrink (16 before this session's passes): n1 down while n2 and n3
    // commit (1,1); n2 crashes, n1 returns and syncs with n3 in a new epoch, takes its
    // currentEpoch from NEWLEADER and crashes before logging; n3 crashes; n1 and n2 return and
    // n1 wins on its epoch with an empty log.
    name: 'epoch-before-log (seed 1, shrunk)',
    invariant: 'leader-log-completeness',
    s: base('epoch-before-log', 3982675984, [3, 30], { notifyTimeout: [100, 150], flushDelay: [5, 10] }, 5434, [
      A(0, 'crash', 'n1'), A(250, 'request', 'n2', 'x=9'), A(4550, 'crash', 'n2'), A(4550, 'restart', 'n1'),
      A(4990, 'crash', 'n3'), A(5020, 'crash', 'n1'), A(5330, 'restart', 'n1'), A(5330, 'restart', 'n2'),
    ]),
  },
  {
    // Explorer seed 1's shrink: the leader n3 logs a txn and pauses; the others elect and
    // commit; n3 returns and gets a DIFF without TRUNC.
    name: 'diff-without-trunc (seed 1, shrunk)',
    invariant: 'prefix-consistency',
    s: base('diff-without-trunc', 3589537285, [6, 15], { notifyTimeout: [100, 105], flushDelay: [5, 6] }, 2388, [
      A(100, 'request', 'n3', 'x=98'), A(780, 'pause', 'n3'), A(2100, 'resume', 'n3'), A(2100, 'request', 'n3', 'x=59'), A(2100, 'request', 'n1', 'x=71'),
    ]),
  },
  {
    // Hand-made from explorer seed 4's 13 (same seed and network): n3 starts paused, joins
    // the first epoch late, and two writes commit between its NEWLEADER and its ACKLD.
    name: 'commitld-ack-zxid (seed 4, by hand)',
    invariant: 'should-not-be-triggered',
    s: base('commitld-ack-zxid', 1544531354, [4, 30], { notifyTimeout: [100, 150], flushDelay: [5, 10] }, 3000, [
      A(0, 'pause', 'n3'), A(950, 'resume', 'n3'), A(1035, 'request', 'n2', 'x=19'), A(1065, 'request', 'n2', 'x=1'),
    ]),
  },
];

for (const c of cases) {
  const at = breaksAt(zab, c.s, c.invariant);
  const needed = c.s.actions.map((_, i) => breaksAt(zab, { ...c.s, actions: c.s.actions.filter((_, j) => j !== i) }, c.invariant) < 0);
  console.log(`${c.name}: ${c.s.actions.length} actions, ${at >= 0 ? `breaks ${c.invariant} at ${at} ms` : 'DOES NOT BREAK'}, ${needed.every(Boolean) ? '1-minimal' : `removable: ${needed.map((n, i) => (n ? '' : i)).filter((x) => x !== '').join(' ')}`}`);
}
