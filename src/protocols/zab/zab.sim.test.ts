/**
 * Simulation properties: many seeds of random crashes, restarts, partitions, cuts, pauses,
 * skew, drops, duplicates and delays, with every invariant checked after every step. A failure
 * prints the seed and the scenario JSON, which `faultline run` replays exactly.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomScenario } from '../../check/explore';
import { Simulation, runScenario } from '../../sim/simulation';
import { Rng } from '../../sim/rng';
import type { Scenario } from '../../scenario/types';
import { zab } from '.';
import type { ZabObservable } from './observe';

const SEEDS = Number(process.env.FAULTLINE_SEEDS ?? 200);

function explain(s: Scenario, violations: unknown): string {
  return `seed ${s.seed} broke Zab:\n${JSON.stringify(violations, null, 2)}\nreplay with: npm run faultline -- run <file> where <file> holds\n${JSON.stringify(s)}`;
}

/** Seeds that once found bugs stay here as regressions. */
const REGRESSION_SEEDS: number[] = [];

describe('zab under random faults', () => {
  it(`keeps every invariant over ${SEEDS} random fault schedules`, () => {
    let events = 0;
    let broadcast = 0;
    let commits = 0;
    let recoveries = 0;
    const modes = { DIFF: 0, TRUNC: 0, SNAP: 0 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const s = randomScenario(zab, seed, { until: 2500 });
        const sim = runScenario(zab, s);
        events += sim.events.length;
        const epochs = new Set<number>();
        for (const e of sim.events) {
          const st = e.state as ZabObservable | undefined;
          if (st?.state === 'LEADING' && st.zabState === 'BROADCAST') epochs.add(st.currentEpoch);
        }
        for (const m of ['TRUNC', 'SNAP'] as const) if (sim.events.some((e) => e.kind === 'deliver' && e.message?.type === m)) modes[m]++;
        if (sim.events.some((e) => e.kind === 'deliver' && e.message?.type === 'DIFF' && (e.message.payload.mtxns as unknown[]).length > 0)) modes.DIFF++;
        if (epochs.size > 0) broadcast++;
        if (epochs.size > 1) recoveries++;
        if ([...sim.current.views.values()].some((v) => (v.state as ZabObservable).lastCommitted > 0)) commits++;
        if (sim.violations.length > 0) throw new Error(explain(s, sim.violations));
      }),
      { numRuns: SEEDS, seed: 20261207, examples: REGRESSION_SEEDS.map((s) => [s]) },
    );
    // The schedules must exercise the protocol, or "no violation" means nothing: leaders reach
    // broadcast, writes commit, and many runs recover into a second epoch.
    expect(events).toBeGreaterThan(SEEDS * 300);
    expect(broadcast).toBeGreaterThan(SEEDS * 0.6);
    expect(commits).toBeGreaterThan(SEEDS * 0.3);
    expect(recoveries).toBeGreaterThan(SEEDS * 0.2);
    // Recovery with history to move happens: DIFF with txns and SNAP. (TRUNC needs a leader
    // that logged txns nobody else did and came back: the leader nemesis below builds that.)
    expect(Math.min(modes.DIFF, modes.SNAP), JSON.stringify(modes)).toBeGreaterThan(SEEDS * 0.02);
  });

  it('keeps every invariant under heavy message loss, duplication and reordering', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const s = randomScenario(zab, seed, { until: 2000, drop: 0.3, duplicate: 0.3 });
      const sim = runScenario(zab, { ...s, network: { ...s.network, latency: [1, 60] } });
      expect(sim.violations, explain(s, sim.violations)).toEqual([]);
    }
  });

  it('keeps every invariant on 5 and 7 servers', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const s = randomScenario(zab, seed, { until: 2000, nodes: seed % 2 ? 5 : 7 });
      const sim = runScenario(zab, s);
      expect(sim.violations, explain(s, sim.violations)).toEqual([]);
    }
  });
});

/** Runs a random schedule and, every few events, drops, duplicates or delays one message in
 * flight, chosen by a seeded generator. The faults join the scenario, so it replays exactly. */
function withMessageFaults(s: Scenario, seed: number): { sim: Simulation; applied: number } {
  const sim = new Simulation(zab, s);
  const rng = Rng.fromSeed(seed ^ 0x3e55a6e);
  let applied = 0;
  while (sim.step()) {
    if (!rng.chance(0.04)) continue;
    const flying = sim.current.inFlight();
    if (flying.length === 0) continue;
    const message = rng.pick(flying).id;
    const kind = rng.pick(['drop', 'duplicate', 'delay'] as const);
    sim.append(kind === 'delay' ? { do: 'delay', message, by: rng.int(5, 80) } : { do: kind, message });
    applied++;
  }
  return { sim, applied };
}

describe('single-message faults', () => {
  it('keeps every invariant when single messages in flight are dropped, duplicated or delayed', () => {
    let applied = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const { sim, applied: n } = withMessageFaults(randomScenario(zab, seed, { until: 2000 }), seed);
      applied += n;
      expect(sim.violations, explain(sim.scenario, sim.violations)).toEqual([]);
      // The scenario with the appended faults replays to the same run.
      if (seed <= 3) expect(runScenario(zab, sim.scenario).events.length).toBe(sim.events.length);
    }
    expect(applied).toBeGreaterThan(300);
  });
});

/**
 * A nemesis that aims at the leader: it writes to whoever leads, cuts the leader off from a
 * random follower just before some writes, crashes it right after others (its proposal
 * reaching some followers or none), and restarts it later, so recovery must truncate, diff
 * and snapshot divergent histories. Seeded, appended to the scenario, replayable.
 */
function leaderNemesis(seed: number, bugs: string[] = []): Simulation {
  const rng = Rng.fromSeed(seed ^ 0x1eade5);
  const nodes = ['n1', 'n2', 'n3', 'n4', 'n5'].slice(0, rng.pick([3, 3, 5]));
  const s: Scenario = { format: 'faultline-scenario', version: 1, protocol: 'zab', name: `nemesis-${seed}`, nodes, seed, params: { bugs }, network: { latency: [rng.int(2, 8), rng.int(10, 25)], drop: 0, duplicate: 0 }, schedule: 'auto', actions: [], until: 4000 };
  const sim = new Simulation(zab, s);
  const down = new Map<string, number>();
  let k = 0;
  for (let t = 200; t < 3800; t += rng.int(40, 120)) {
    sim.advanceTo(t);
    for (const [n, back] of down) {
      if (t < back) continue;
      sim.append({ do: 'restart', node: n });
      down.delete(n);
    }
    const leader = [...sim.current.views.values()].find((v) => v.up && (v.state as ZabObservable).state === 'LEADING' && (v.state as ZabObservable).zabState === 'BROADCAST');
    if (!leader) continue;
    const roll = rng.int(0, 9);
    if (roll < 3) sim.append({ do: 'cut', from: leader.id, to: rng.pick(nodes.filter((n) => n !== leader.id)) });
    sim.append({ do: 'request', node: leader.id, command: `k=${k++}` });
    if (roll < 5 && down.size < Math.floor((nodes.length - 1) / 2)) {
      sim.advanceTo(t + rng.int(0, 12));
      sim.append({ do: 'crash', node: leader.id });
      sim.append({ do: 'heal' });
      down.set(leader.id, t + rng.int(300, 700));
    }
  }
  sim.run();
  return sim;
}

describe('leader nemesis', () => {
  it('keeps every invariant while leaders crash mid-proposal and come back with divergent logs', () => {
    const modes = { DIFF: 0, TRUNC: 0, SNAP: 0 };
    let epochs = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const sim = leaderNemesis(seed);
      expect(sim.violations, explain(sim.scenario, sim.violations)).toEqual([]);
      for (const m of ['TRUNC', 'SNAP'] as const) if (sim.events.some((e) => e.kind === 'deliver' && e.message?.type === m)) modes[m]++;
      if (sim.events.some((e) => e.kind === 'deliver' && e.message?.type === 'DIFF' && (e.message.payload.mtxns as unknown[]).length > 0)) modes.DIFF++;
      epochs += Math.max(...[...sim.current.views.values()].map((v) => (v.state as ZabObservable).currentEpoch));
    }
    if (process.env.ZAB_PRINT) console.log('nemesis sync modes over 40 runs', modes, 'mean last epoch', epochs / 40);
    expect(Math.min(modes.DIFF, modes.TRUNC, modes.SNAP), JSON.stringify(modes)).toBeGreaterThan(3);
    expect(epochs / 40).toBeGreaterThan(3);
  });
});

describe('bug switches under random faults', () => {
  for (const [bug, invariant] of [['diff-without-trunc', 'prefix-consistency'], ['commitld-ack-zxid', 'should-not-be-triggered']] as const) {
    it(`the leader nemesis finds ${bug}`, () => {
      let found: string[] | null = null;
      for (let seed = 1; seed <= 40 && !found; seed++) {
        const sim = leaderNemesis(seed, [bug]);
        if (sim.violations.length > 0) found = sim.violations.map((v) => v.invariant);
      }
      expect(found, 'no seed in 40 exposed the bug').not.toBeNull();
      expect(found).toContain(invariant);
    });
  }
  it('propose-to-ackld-only is found by random schedules with frequent writes and faults', () => {
    let found: string[] | null = null;
    for (let seed = 1; seed <= 100 && !found; seed++) {
      const sim = runScenario(zab, randomScenario(zab, seed, { until: 3000, faultEvery: 60, bugs: ['propose-to-ackld-only'] }));
      if (sim.violations.length > 0) found = sim.violations.map((v) => v.invariant);
    }
    expect(found, 'no seed in 100 exposed the bug').not.toBeNull();
    expect(found).toContain('should-not-be-triggered');
  });
  // The other three need one precise interleaving each (a crash between NEWLEADER and the
  // flush, a NEWLEADER lost right after NEWEPOCH was accepted), which neither random schedules
  // (150 seeds) nor the leader nemesis (40) built; their curated traces catch them
  // (scenarios.test.ts).
});
