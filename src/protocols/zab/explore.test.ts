/** Zab's explorer hints: where its fault points fire, and that the explorer, given only them,
 * finds each durability bug from scratch (fixed seeds and a run budget: runs to find do not
 * depend on the machine). */
import { describe, expect, it } from 'vitest';
import { Search, localExecutor } from '../../check/explorer/search';
import { Simulation } from '../../sim/simulation';
import type { ProtocolFault, TraceEvent } from '../types';
import { zab } from '.';
import { zabExplore } from './explore';

describe('zab fault points', () => {
  it('crash a follower between NEWLEADER and its flush, and a leader once its quorum acknowledged', () => {
    const s = zab.scenarios.find((x) => x.name === 'zk-4646')!;
    const sim = new Simulation(zab, s, { record: false, checkpointEvery: 0 });
    const proposed: { e: TraceEvent; f: ProtocolFault }[] = [];
    for (let e = sim.step(); e; e = sim.step()) for (const f of zabExplore.faults!(e, sim.current.views, { nodes: s.nodes, params: s.params })) proposed.push({ e, f });
    const flush = proposed.filter(({ e }) => e.message?.type === 'NEWLEADER');
    // n1 and n2 each get (1,4) by DIFF into their buffer, then NEWLEADER.
    expect(flush.map(({ f }) => f.fault === 'crash' && f.node).sort()).toEqual(['n1', 'n2']);
    expect(proposed.some(({ e, f }) => e.message?.type === 'ACKLD' && f.fault === 'crash' && f.node === e.node)).toBe(true);
  });
});

describe('the explorer finds the durability bugs from scratch', () => {
  it.each([
    ['ack-newleader-before-flush', 1],
    ['epoch-before-log', 1],
  ] as const)('%s (explorer seed %i)', async (bug, seed) => {
    const search = new Search(zab, { protocol: 'zab', bugs: [bug], seed });
    const exec = localExecutor(zab);
    let hit;
    while (!hit && search.runs < 128) hit = await search.step(exec);
    expect(hit, `not found in ${search.runs} runs`).toBeDefined();
    expect(['leader-log-completeness', 'total-order']).toContain(hit!.violation.invariant);
  }, 120_000);
});
