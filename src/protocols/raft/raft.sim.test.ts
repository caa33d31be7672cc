/**
 * Simulation properties: many seeds of random crashes, restarts, partitions, cuts, pauses,
 * skew, drops and duplicates, with every invariant checked after every step. A failure
 * prints the seed and the scenario JSON, which `faultline run` replays exactly.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomScenario } from '../../check/explore';
import { runScenario } from '../../sim/simulation';
import type { Scenario } from '../../scenario/types';
import { raft } from '.';
import { buildHistory } from '../../check/history';
import { withClients } from './testClients';

const SEEDS = Number(process.env.FAULTLINE_SEEDS ?? 240);

function explain(s: Scenario, violations: unknown): string {
  return `seed ${s.seed} broke Raft:\n${JSON.stringify(violations, null, 2)}\nreplay with: npm run faultline -- run <file> where <file> holds\n${JSON.stringify(s)}`;
}

/** Seeds that once found bugs stay here as regressions. */
const REGRESSION_SEEDS: number[] = [];

describe('raft under random faults', () => {
  it(`keeps every invariant over ${SEEDS} random fault schedules`, () => {
    let events = 0;
    let leaders = 0;
    let commits = 0;
    let okWrites = 0;
    let okReads = 0;
    let failedOrPending = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const s = withClients(randomScenario(raft, seed, { until: 2500 }));
        const sim = runScenario(raft, s);
        events += sim.events.length;
        if (sim.events.some((e) => (e.state as { role?: string } | undefined)?.role === 'leader')) leaders++;
        if ([...sim.current.views.values()].some((v) => (v.state as { commitIndex: number }).commitIndex > 0)) commits++;
        if (sim.violations.length > 0) throw new Error(explain(s, sim.violations));
        // The linearizability invariant ran live over this history; count what it judged.
        for (const op of buildHistory(raft, sim.events).ops) {
          if (op.status === 'ok' && op.f === 'get') okReads++;
          else if (op.status === 'ok') okWrites++;
          else failedOrPending++;
        }
      }),
      { numRuns: SEEDS, seed: 20261122, examples: REGRESSION_SEEDS.map((s) => [s]) },
    );
    // The schedules must actually exercise the protocol, or "no violation" means nothing.
    expect(events).toBeGreaterThan(SEEDS * 300);
    expect(leaders).toBeGreaterThan(SEEDS * 0.8);
    expect(commits).toBeGreaterThan(SEEDS * 0.3);
    // Clients were answered both ways, so "linearizable" was a real question every time.
    expect(okWrites).toBeGreaterThan(SEEDS * 3);
    expect(okReads).toBeGreaterThan(SEEDS * 3);
    expect(failedOrPending).toBeGreaterThan(SEEDS * 3);
  });

  it('keeps every invariant under heavy message loss and duplication', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const s = randomScenario(raft, seed, { until: 2000, drop: 0.3, duplicate: 0.3 });
      const sim = runScenario(raft, s);
      expect(sim.violations, explain(s, sim.violations)).toEqual([]);
    }
  });
});

describe('each bug switch is caught under random faults', () => {
  it('ack-on-append and stale-read break linearizability under random faults with busy clients', () => {
    for (const bug of ['ack-on-append', 'stale-read']) {
      let found: number | null = null;
      for (let seed = 1; seed <= 100 && found === null; seed++) {
        const sim = runScenario(raft, withClients(randomScenario(raft, seed, { until: 2500, bugs: [bug] })));
        if (sim.violations.some((v) => v.invariant === 'linearizable')) found = seed;
      }
      expect(found, `no seed in 100 exposed ${bug}`).not.toBeNull();
    }
  });

  const caught = (bug: string, opts: Parameters<typeof randomScenario>[2]) => {
    for (let seed = 1; seed <= 300; seed++) {
      const sim = runScenario(raft, randomScenario(raft, seed, { ...opts, bugs: [bug] }));
      if (sim.violations.length > 0) return { seed, invariants: sim.violations.map((v) => v.invariant) };
    }
    return null;
  };

  it('forget-vote-on-restart breaks the one-vote rule', () => {
    const found = caught('forget-vote-on-restart', { until: 3000, faultEvery: 60, pauses: false });
    expect(found, 'no seed in 300 exposed the bug').not.toBeNull();
    expect(found!.invariants).toContain('one-vote-per-term');
  });

  it('commit-previous-term is caught by Figure 8 under any seed and latency jitter', () => {
    // Random schedules almost never build Figure 8's six-fault interleaving (0 in 4,000 tried),
    // so the bug is hunted where it lives: the scenario, over seeds and jittered links.
    const bug = raft.scenarios.find((s) => s.name === 'figure-8-bug')!;
    const safe = raft.scenarios.find((s) => s.name === 'figure-8')!;
    for (const latency of [[10, 10], [9, 11], [8, 12]] as [number, number][]) {
      for (let seed = 1; seed <= 20; seed++) {
        const broken = runScenario(raft, { ...bug, seed, network: { ...bug.network, latency } });
        expect(broken.violations.map((v) => v.invariant), `seed ${seed}, latency ${latency}`).toContain('state-machine-safety');
        expect(runScenario(raft, { ...safe, seed, network: { ...safe.network, latency } }).violations).toEqual([]);
      }
    }
  });
});
