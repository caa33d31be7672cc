/**
 * Simulation properties: many seeds of random crashes, restarts, partitions, cuts, pauses,
 * skew, forced timeouts, drops and duplicates, with every invariant checked after every step.
 * Two-phase commit is safe under all of them (it may block, never disagree). A failure prints
 * the seed and the scenario JSON, which `faultline run` replays exactly.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomScenario, type ExploreOptions } from '../../check/explore';
import { runScenario, type Simulation } from '../../sim/simulation';
import type { Action, Scenario } from '../../scenario/types';
import { twopc } from '.';
import type { TmObservable } from './observe';

const SEEDS = Number(process.env.FAULTLINE_SEEDS ?? 200);

function explain(s: Scenario, violations: unknown): string {
  return `seed ${s.seed} broke 2PC:\n${JSON.stringify(violations, null, 2)}\nreplay with: npm run faultline -- run <file> where <file> holds\n${JSON.stringify(s)}`;
}

/**
 * The explorer sends a command to a random node and fills string fields with "=<n>". For 2PC
 * that would name transactions nobody begins and send most begins to RMs, so: every begin and
 * most vote-nos become an auto-numbered begin at the TM, and every fourth begin stays on its
 * random node to prove a misdirected one harmless. The remaining vote-nos name no transaction
 * ("the next one"), so they do abort something.
 */
function sensibleCommands(s: Scenario): Scenario {
  const actions = s.actions.map((a, i): Action => {
    if (a.do === 'begin') return { ...a, node: i % 4 === 0 ? a.node : 'n1', tx: '' } as Action;
    if (a.do === 'vote-no') return (i % 3 === 0 ? { ...a, tx: '' } : { ...a, do: 'begin', node: 'n1', tx: '' }) as Action;
    return a;
  });
  return { ...s, actions };
}

const explore = (seed: number, opts: ExploreOptions) => sensibleCommands(randomScenario(twopc, seed, opts));
const decisions = (sim: Simulation, d: string) => Object.values((sim.current.views.get('n1')!.state as TmObservable).tmState).filter((s) => s === d).length;

/** Seeds that once found bugs stay here as regressions. */
const REGRESSION_SEEDS: number[] = [];

describe('2PC under random faults', () => {
  it(`keeps every invariant over ${SEEDS} random fault schedules`, () => {
    const seen = { events: 0, committed: 0, aborted: 0, seedsCommitting: 0, misdirected: 0, peerAnswers: 0 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const s = explore(seed, { until: 3000 });
        const sim = runScenario(twopc, s);
        if (sim.violations.length > 0) throw new Error(explain(s, sim.violations));
        seen.events += sim.events.length;
        const committed = decisions(sim, 'committed');
        seen.committed += committed;
        seen.aborted += decisions(sim, 'aborted');
        if (committed > 0) seen.seedsCommitting++;
        // A begin at an RM is refused by role and changes nothing.
        seen.misdirected += sim.events.filter((e) => e.kind === 'command' && e.detail?.command === 'begin' && e.node !== 'n1' && e.reason?.includes('does not take')).length;
        // Decisions relayed by peers: cooperative termination at work.
        seen.peerAnswers += sim.events.filter((e) => e.kind === 'deliver' && e.message!.from !== 'n1' && (e.message!.type === 'Commit' || e.message!.type === 'Abort')).length;
      }),
      { numRuns: SEEDS, seed: 20261123, examples: REGRESSION_SEEDS.map((s) => [s]) },
    );
    // The schedules must exercise the protocol, or "no violation" means nothing.
    expect(seen.events).toBeGreaterThan(SEEDS * 60);
    expect(seen.committed).toBeGreaterThan(SEEDS * 0.3);
    expect(seen.seedsCommitting).toBeGreaterThan(SEEDS * 0.2);
    expect(seen.aborted).toBeGreaterThan(seen.committed);
    expect(seen.misdirected).toBeGreaterThan(0);
    expect(seen.peerAnswers).toBeGreaterThan(0);
  });

  it('keeps every invariant under heavy message loss and duplication', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const s = explore(seed, { until: 2000, drop: 0.3, duplicate: 0.3 });
      const sim = runScenario(twopc, s);
      expect(sim.violations, explain(s, sim.violations)).toEqual([]);
    }
  });

  it('commits most transactions on a calm network', () => {
    let committed = 0;
    let aborted = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const s = explore(seed, { until: 2000, drop: 0, duplicate: 0 });
      const sim = runScenario(twopc, { ...s, actions: s.actions.filter((a) => a.do === 'begin' || a.do === 'vote-no') });
      expect(sim.violations).toEqual([]);
      committed += decisions(sim, 'committed');
      aborted += decisions(sim, 'aborted');
    }
    expect(committed).toBeGreaterThan(2 * aborted);
  });
});

describe('each bug switch is caught under random faults', () => {
  const caught = (bug: string) => {
    for (let seed = 1; seed <= 300; seed++) {
      const sim = runScenario(twopc, explore(seed, { until: 3000, faultEvery: 60, bugs: [bug] }));
      if (sim.violations.length > 0) return { seed, invariants: sim.violations.map((v) => v.invariant) };
    }
    return null;
  };

  it('tm-no-log: a recovered TM forgets a decision', () => {
    const found = caught('tm-no-log');
    expect(found, 'no seed in 300 exposed the bug').not.toBeNull();
    expect(found!.invariants).toContain('decisions-final');
  });

  it('rm-no-log: a restarted RM aborts what it had prepared', () => {
    const found = caught('rm-no-log');
    expect(found, 'no seed in 300 exposed the bug').not.toBeNull();
    expect(found!.invariants).toContain('abort-only-from-working');
  });

  it('both are caught by their scenarios under any seed and latency jitter', () => {
    for (const [bug, safe, breaks] of [
      ['tm-no-log-bug', 'tm-logs-decision', 'tc-consistent'],
      ['rm-no-log-bug', 'rm-logs-vote', 'tc-consistent'],
    ] as const) {
      const broken = twopc.scenarios.find((s) => s.name === bug)!;
      const fine = twopc.scenarios.find((s) => s.name === safe)!;
      for (const latency of [[10, 10], [9, 11]] as [number, number][]) {
        for (let seed = 1; seed <= 10; seed++) {
          const jitter = (s: Scenario): Scenario => ({ ...s, seed, network: { ...s.network, latency } });
          expect(runScenario(twopc, jitter(broken)).violations.map((v) => v.invariant), `${bug} seed ${seed} ${latency}`).toContain(breaks);
          expect(runScenario(twopc, jitter(fine)).violations, `${safe} seed ${seed} ${latency}`).toEqual([]);
        }
      }
    }
  });
});
