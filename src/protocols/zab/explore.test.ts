/** Zab's explorer hints: where its fault points fire, and that the explorer, given only them,
 * finds each durability bug from scratch (fixed seeds and a run budget: runs to find do not
 * depend on the machine) and nothing with every switch off. */
import { describe, expect, it } from 'vitest';
import { Search, localExecutor } from '../../check/explorer/search';
import { Simulation } from '../../sim/simulation';
import type { Scenario } from '../../scenario/types';
import type { ProtocolFault, TraceEvent } from '../types';
import { zab } from '.';
import { zabExplore } from './explore';

/** Every fault the hints propose over a curated scenario, with the event that proposed it. */
function proposals(name: string): { e: TraceEvent; f: ProtocolFault }[] {
  const s: Scenario = zab.scenarios.find((x) => x.name === name)!;
  const sim = new Simulation(zab, s, { record: false, checkpointEvery: 0 });
  const out: { e: TraceEvent; f: ProtocolFault }[] = [];
  for (let e = sim.step(); e; e = sim.step()) for (const f of zabExplore.faults!(e, sim.current.views, { nodes: s.nodes, params: s.params })) out.push({ e, f });
  return out;
}
const crashed = (xs: { f: ProtocolFault }[]) => xs.map(({ f }) => (f.fault === 'crash' ? f.node : '')).sort();

describe('zab fault points', () => {
  it('crash a follower between NEWLEADER and its flush, and a leader once its quorum acknowledged', () => {
    const proposed = proposals('zk-4646');
    const flush = proposed.filter(({ e }) => e.message?.type === 'NEWLEADER');
    // n1 and n2 each get (1,4) by DIFF into their buffer, then NEWLEADER; n3's epoch 2 has
    // everyone, so its crash is not proposed there.
    expect(crashed(flush)).toEqual(['n1', 'n2']);
    expect(proposed.some(({ e, f }) => e.message?.type === 'ACKLD' && f.fault === 'crash' && f.node === e.node)).toBe(true);
  });

  it('crash each follower a PROPOSE is on its way to, and the acker of a txn a server lacks', () => {
    const proposed = proposals('zk-4643');
    // n3's writes in epoch 1 go to n1 and n2 while both are up.
    const inFlight = proposed.filter(({ e }) => e.node === 'n3' && e.sent?.some((m) => m.type === 'PROPOSE'));
    expect(crashed(inFlight.slice(0, 2))).toEqual(['n1', 'n2']);
    // (1,4) is written while n1 is down: n2's ACK of it is counted with a laggard.
    const acked = proposed.filter(({ e }) => e.message?.type === 'ACK' && e.time > 250);
    expect(acked.map(({ f }) => f.fault === 'crash' && f.node)).toContain('n2');
    expect(acked.every(({ e }) => e.time < 300)).toBe(true);
  });

  it('crash the leader too when its epoch left a server out and the follower has not flushed', () => {
    const proposed = proposals('zk-4643');
    // n3 leads epoch 2 with n1 only (n2 is down); n1 gets (1,4) by DIFF, then NEWLEADER (and
    // crashes at 440 ms: what follows is the recovery).
    const flush = proposed.filter(({ e }) => e.message?.type === 'NEWLEADER' && e.time < 440);
    expect(crashed(flush)).toEqual(['n1', 'n3']);
    const leader = flush.find(({ f }) => f.fault === 'crash' && f.node === 'n3')!.f;
    expect(leader.heal[0]).toBeGreaterThan(700);
  });
});

describe('the explorer finds the durability bugs from scratch', () => {
  it.each([
    ['ack-newleader-before-flush', 2],
    ['epoch-before-log', 2],
  ] as const)('%s (explorer seed %i)', async (bug, seed) => {
    const search = new Search(zab, { protocol: 'zab', bugs: [bug], seed });
    const exec = localExecutor(zab);
    let hit;
    while (!hit && search.runs < 64) hit = await search.step(exec);
    expect(hit, `not found in ${search.runs} runs`).toBeDefined();
    expect(['leader-log-completeness', 'total-order']).toContain(hit!.violation.invariant);
  }, 120_000);

  it('finds nothing with every switch off: the points are where the protocol is, not a bug', async () => {
    const search = new Search(zab, { protocol: 'zab', bugs: [], seed: 2 });
    const exec = localExecutor(zab);
    let hit;
    while (!hit && search.runs < 64) hit = await search.step(exec);
    expect(hit?.violation).toBeUndefined();
  }, 120_000);
});
