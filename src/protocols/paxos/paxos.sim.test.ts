/**
 * Simulation properties: many seeds of random crashes, restarts, partitions, one-way cuts,
 * pauses, skew, forced timeouts, drops, duplicates and delays, over clusters of 3 to 9 nodes
 * with 1 to 3 proposers, with every invariant checked after every step. A failure prints the
 * seed and the scenario JSON, which `faultline run` replays exactly.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomScenario, type ExploreOptions } from '../../check/explore';
import { runScenario } from '../../sim/simulation';
import { Rng } from '../../sim/rng';
import type { Action, Scenario } from '../../scenario/types';
import { paxos } from '.';
import { castFor } from './config';
import { ledgerOf } from './ghost';

const SEEDS = Number(process.env.FAULTLINE_SEEDS ?? 200);

function explain(s: Scenario, violations: unknown): string {
  return `seed ${s.seed} broke Paxos:\n${JSON.stringify(violations, null, 2)}\nreplay with: npm run faultline -- run <file> where <file> holds\n${JSON.stringify(s)}`;
}

/**
 * The explorer's scenario with a Paxos cast drawn from the seed (1 to 3 proposers, 0 to 2
 * learners), its proposes sent to proposers with short values (every fifth stays on its random
 * node, to prove a misdirected one harmless), a propose at every proposer early on, and every
 * crash followed by a restart: a single decree is settled early, so the faults are dense and
 * nodes come back to contend again.
 */
export function explore(seed: number, opts: ExploreOptions = {}): Scenario {
  const base = randomScenario(paxos, seed, { nodes: 3 + (seed % 7), until: 2000, faultEvery: 50, ...opts });
  const rng = Rng.fromSeed(seed ^ 0x9a705);
  const params = { ...base.params, proposers: rng.int(1, 3), learners: rng.int(0, 2), backoff: [rng.int(0, 20), rng.int(20, 80)], retryTimeout: rng.pick([100, 200, 400]) };
  const { proposers } = castFor({ nodes: base.nodes, params });
  let n = 0;
  const retarget = (a: Action, i: number): Action =>
    a.do === 'propose' ? ({ ...a, node: i % 5 === 0 ? (a as { node: string }).node : rng.pick(proposers), value: `v${++n}` } as Action) : a;
  const early: Action[] = proposers.map((p, i) => ({ at: rng.int(0, 40) + i, do: 'propose', node: p, value: `w${i + 1}` }));
  const restarts: Action[] = [];
  base.actions.forEach((a, i) => {
    if (a.do !== 'crash') return;
    const node = (a as { node: string }).node;
    const next = base.actions.slice(i + 1).find((b) => (b.do === 'restart' || b.do === 'crash') && (b as { node: string }).node === node);
    if (next?.do !== 'restart') restarts.push({ at: a.at + rng.int(10, 300), do: 'restart', node });
  });
  // Stable sort: at equal times the explorer's own order stays.
  const actions = [...early, ...base.actions.map(retarget), ...restarts].sort((a, b) => a.at - b.at);
  return { ...base, params, actions };
}

describe('Paxos under random faults', () => {
  it(`keeps every invariant over ${SEEDS} random fault schedules`, () => {
    const seen = { events: 0, seedsChoosing: 0, nacks: 0, acceptorRestarts: 0, learned: 0, ok: 0, info: 0, preempted: 0, bigClusters: 0 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const s = explore(seed);
        const sim = runScenario(paxos, s);
        if (sim.violations.length > 0) throw new Error(explain(s, sim.violations));
        const cast = castFor(s);
        seen.events += sim.events.length;
        if (ledgerOf(sim.events, cast.acceptors).chosen().length > 0) seen.seedsChoosing++;
        if (s.nodes.length >= 8) seen.bigClusters++;
        for (const e of sim.events) {
          if (e.kind === 'deliver' && e.message!.type === 'Nack') seen.nacks++;
          if (e.kind === 'restart' && !e.reason && cast.acceptors.includes(e.node!)) seen.acceptorRestarts++;
          for (const r of paxos.clientHistory!(e)) if (r.kind === 'ok') seen.ok++;
          else if (r.kind === 'info') seen.info++;
        }
        for (const l of cast.learners) if (sim.current.views.get(l)!.state.learned !== null) seen.learned++;
        seen.preempted += sim.events.filter((e) => e.timer === 'backoff').length;
      }),
      { numRuns: SEEDS, seed: 20261207 },
    );
    if (process.env.PAXOS_STATS) console.log(seen);
    // The schedules must exercise the protocol, or "no violation" means nothing.
    expect(seen.events).toBeGreaterThan(SEEDS * 80);
    expect(seen.seedsChoosing).toBeGreaterThan(SEEDS * 0.7);
    expect(seen.nacks).toBeGreaterThan(SEEDS);
    expect(seen.acceptorRestarts).toBeGreaterThan(SEEDS * 0.5);
    expect(seen.learned).toBeGreaterThan(SEEDS * 0.3);
    expect(seen.ok).toBeGreaterThan(SEEDS);
    expect(seen.info).toBeGreaterThan(0);
    expect(seen.preempted).toBeGreaterThan(SEEDS);
    expect(seen.bigClusters).toBeGreaterThan(SEEDS * 0.1);
  });

  it('keeps every invariant under heavy loss and duplication, without nacks', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const s = explore(seed, { until: 2000, drop: 0.3, duplicate: 0.3 });
      const sim = runScenario(paxos, { ...s, params: { ...s.params, nack: false } });
      expect(sim.violations, explain(s, sim.violations)).toEqual([]);
    }
  });

  it('chooses a value on a calm network', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const s = explore(seed, { until: 2000, drop: 0, duplicate: 0 });
      const sim = runScenario(paxos, { ...s, actions: s.actions.filter((a) => a.do === 'propose') });
      expect(sim.violations).toEqual([]);
      expect(ledgerOf(sim.events, castFor(s).acceptors).chosen(), `seed ${seed}`).toHaveLength(1);
    }
  });
});

describe('each bug switch is caught under random faults', () => {
  const caught = (bug: string, limit: number) => {
    for (let seed = 1; seed <= limit; seed++) {
      const sim = runScenario(paxos, explore(seed, { until: 3000, faultEvery: 60, bugs: [bug] }));
      if (sim.violations.length > 0) return { seed, invariants: sim.violations.map((v) => v.invariant) };
    }
    return null;
  };
  it.each(paxos.bugs.map((b) => [b.id, b.breaks] as const))('%s, through the invariants it is known to break', (bug, breaks) => {
    const found = caught(bug, 150);
    expect(found, `no seed in 150 exposed ${bug}`).not.toBeNull();
    for (const inv of found!.invariants) expect(breaks).toContain(inv);
  });
});
