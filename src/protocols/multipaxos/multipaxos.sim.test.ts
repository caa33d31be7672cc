/**
 * Simulation properties: many seeds of random crashes, restarts, partitions, one-way cuts,
 * pauses, skew, forced timeouts, drops, duplicates and delays, over clusters of 3 to 9
 * replicas with a stream of client requests, with every invariant checked after every step.
 * A failure prints the seed and the scenario JSON, which `faultline run` replays exactly.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runScenario } from '../../sim/simulation';
import { randomScenario, type ExploreOptions } from '../../check/explore';
import { Rng } from '../../sim/rng';
import type { Action, Scenario } from '../../scenario/types';
import { multipaxos } from '.';
import type { MultiPaxosObservable } from './observe';

const SEEDS = Number(process.env.FAULTLINE_SEEDS ?? 200);

function explain(s: Scenario, violations: unknown): string {
  return `seed ${s.seed} broke Multi-Paxos:\n${JSON.stringify(violations, null, 2)}\nreplay with: npm run faultline -- run <file> where <file> holds\n${JSON.stringify(s)}`;
}

/**
 * The explorer's scenario, plus a request every 5–50 ms at a random replica (so some reach
 * a leader, and logs grow to dozens of slots), a few delayed messages, and a restart after
 * most crashes so that nodes come back with their durable state and contend again.
 */
export function explore(seed: number, opts: ExploreOptions = {}): Scenario {
  const base = randomScenario(multipaxos, seed, { nodes: 3 + (seed % 7), until: 2000, faultEvery: 80, ...opts });
  const rng = Rng.fromSeed(seed ^ 0x3a1705);
  const extra: Action[] = [];
  let n = 0;
  for (let at = rng.int(0, 30); at < base.until; at += rng.int(5, 50)) extra.push({ at, do: 'request', node: rng.pick(base.nodes), command: `${rng.pick(['x', 'y', 'z'])}=${++n}` });
  for (let at = rng.int(50, 300); at < base.until; at += rng.int(200, 500)) extra.push({ at, do: 'delay', message: rng.int(1, 40 * (at / 10)), by: rng.int(20, 200) });
  base.actions.forEach((a, i) => {
    if (a.do !== 'crash' || rng.chance(0.2)) return;
    const node = (a as { node: string }).node;
    const next = base.actions.slice(i + 1).find((b) => (b.do === 'restart' || b.do === 'crash') && (b as { node: string }).node === node);
    if (next?.do !== 'restart') extra.push({ at: Math.min(base.until, a.at + rng.int(20, 300)), do: 'restart', node });
  });
  const actions = [...base.actions, ...extra].sort((a, b) => a.at - b.at);
  // A slow heartbeat leaves lost Accepts unsent for longer: gaps for the next leader to fill.
  const params = { ...base.params, heartbeatInterval: rng.pick([30, 50, 120]) };
  return { ...base, params, actions };
}

describe('Multi-Paxos under random faults', () => {
  it(`keeps every invariant over ${SEEDS} random fault schedules`, () => {
    const seen = { events: 0, committed: 0, leaderChanges: 0, restarts: 0, ok: 0, fail: 0, info: 0, preempted: 0, bigClusters: 0, maxSlots: 0 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const s = explore(seed);
        const sim = runScenario(multipaxos, s);
        if (sim.violations.length > 0) throw new Error(explain(s, sim.violations));
        seen.events += sim.events.length;
        if (s.nodes.length >= 8) seen.bigClusters++;
        const leaders = new Set<number>();
        for (const e of sim.events) {
          const st = e.state as MultiPaxosObservable | undefined;
          if (st?.role === 'leading') leaders.add(st.balPrepared);
          if (e.kind === 'restart' && !e.reason) seen.restarts++;
          if (e.kind === 'deliver' && e.message!.type === 'Preempted') seen.preempted++;
          for (const r of multipaxos.clientHistory!(e)) if (r.kind === 'ok' || r.kind === 'fail' || r.kind === 'info') seen[r.kind]++;
        }
        seen.leaderChanges += Math.max(0, leaders.size - 1);
        let best = 0;
        for (const v of sim.current.views.values()) best = Math.max(best, (v.state as MultiPaxosObservable).commitUpTo);
        seen.committed += best;
        seen.maxSlots = Math.max(seen.maxSlots, best);
      }),
      { numRuns: SEEDS, seed: 20261207 },
    );
    if (process.env.MULTIPAXOS_STATS) console.log(seen);
    // The schedules must exercise the protocol, or "no violation" means nothing.
    expect(seen.events).toBeGreaterThan(SEEDS * 300);
    expect(seen.committed).toBeGreaterThan(SEEDS * 5);
    expect(seen.leaderChanges).toBeGreaterThan(SEEDS);
    expect(seen.restarts).toBeGreaterThan(SEEDS);
    expect(seen.ok).toBeGreaterThan(SEEDS * 5);
    expect(seen.fail).toBeGreaterThan(SEEDS);
    expect(seen.info).toBeGreaterThan(0);
    expect(seen.preempted).toBeGreaterThan(SEEDS);
    expect(seen.bigClusters).toBeGreaterThan(SEEDS * 0.1);
  });

  it('keeps every invariant under heavy loss and duplication', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const s = explore(seed, { until: 1500, drop: 0.3, duplicate: 0.3 });
      const sim = runScenario(multipaxos, s);
      expect(sim.violations, explain(s, sim.violations)).toEqual([]);
    }
  });
});

describe('each bug switch is caught under random faults', () => {
  const caught = (bug: string, limit: number) => {
    for (let seed = 1; seed <= limit; seed++) {
      const sim = runScenario(multipaxos, explore(seed, { until: 2000, bugs: [bug] }));
      if (sim.violations.length > 0) return { seed, invariants: sim.violations.map((v) => v.invariant) };
    }
    return null;
  };
  it.each(multipaxos.bugs.map((b) => [b.id, b.breaks] as const))('%s, through the invariants it is known to break', (bug, breaks) => {
    const found = caught(bug, 100);
    expect(found, `no seed in 100 exposed ${bug}`).not.toBeNull();
    for (const inv of found!.invariants) expect(breaks).toContain(inv);
  });
});
