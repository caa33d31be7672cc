/**
 * Simulation properties. Three-phase commit is safe when failures are crashes and failure
 * detection is accurate (Skeen 1981): random crash and restart schedules, no message loss, no
 * partitions, and no forced timeouts (a forced timeout is a false suspicion). With partitions
 * it is not, and random schedules find that too. A failure prints the seed and the scenario
 * JSON, which `faultline run` replays exactly.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomScenario, type ExploreOptions } from '../../check/explore';
import { runScenario, type Simulation } from '../../sim/simulation';
import type { Action, Scenario } from '../../scenario/types';
import { Rng } from '../../sim/rng';
import { threepc } from '.';
import type { ThreePcObservable } from './observe';

const SEEDS = Number(process.env.FAULTLINE_SEEDS ?? 200);

function explain(s: Scenario, violations: unknown): string {
  return `seed ${s.seed} broke 3PC:\n${JSON.stringify(violations, null, 2)}\nreplay with: npm run faultline -- run <file> where <file> holds\n${JSON.stringify(s)}`;
}

/** As for 2PC: begins go to the coordinator with auto-numbered ids (every fourth stays on its
 * random node), and most vote-nos become begins, the rest name "the next transaction". */
function sensibleCommands(s: Scenario): Scenario {
  const actions = s.actions.map((a, i): Action => {
    if (a.do === 'begin') return { ...a, node: i % 4 === 0 ? a.node : 'n1', tx: '' } as Action;
    if (a.do === 'vote-no') return (i % 3 === 0 ? { ...a, tx: '' } : { ...a, do: 'begin', node: 'n1', tx: '' }) as Action;
    return a;
  });
  return { ...s, actions };
}

const NOT_CRASHES = new Set(['partition', 'cut', 'heal', 'timeout']);

/** Crashes, restarts and commands only, on a network that loses nothing but what a down node misses. */
function crashOnly(seed: number, opts: ExploreOptions = {}): Scenario {
  const s = sensibleCommands(randomScenario(threepc, seed, { until: 3000, ...opts, drop: 0, duplicate: 0, pauses: false }));
  return { ...s, actions: s.actions.filter((a) => !NOT_CRASHES.has(a.do)) };
}

/**
 * A denser crash-only generator: a transaction begins every 60 to 250 ms, and crashes land at
 * any moment, a third of them on the coordinator, each site coming back after 5 to 500 ms (at
 * least one site stays up). The explorer's schedules rarely crash a coordinator in the few
 * milliseconds between PreCommit and DoCommit; these do, so the termination protocol runs often.
 */
function crashStorm(seed: number): Scenario {
  const rng = Rng.fromSeed(seed ^ 0x3bc);
  const n = rng.int(3, 7);
  const nodes = Array.from({ length: n }, (_, i) => `n${i + 1}`);
  const until = 4000;
  const actions: Action[] = [];
  for (let at = rng.int(0, 50); at < until - 1000; at += rng.int(60, 250)) {
    actions.push(rng.chance(0.1) ? { at, do: 'vote-no', node: rng.pick(nodes.slice(1)), tx: '' } : { at, do: 'begin', node: 'n1', tx: '' });
  }
  const downUntil = new Map<string, number>();
  for (let at = rng.int(0, 100); at < until - 700; at += rng.int(40, 400)) {
    const node = rng.chance(1 / 3) ? 'n1' : rng.pick(nodes.slice(1));
    const down = nodes.filter((x) => (downUntil.get(x) ?? -1) >= at).length;
    if ((downUntil.get(node) ?? -1) >= at || down >= n - 1) continue;
    const back = at + rng.int(5, 500);
    downUntil.set(node, back);
    actions.push({ at, do: 'crash', node }, { at: back, do: 'restart', node });
  }
  actions.sort((a, b) => a.at - b.at);
  return {
    format: 'faultline-scenario',
    version: 1,
    protocol: 'threepc',
    name: `crash-storm-${seed}`,
    nodes,
    seed,
    params: { bugs: [] },
    network: { latency: [rng.int(1, 10), rng.int(10, 40)], drop: 0, duplicate: 0 },
    schedule: 'auto',
    actions,
    until,
  };
}

const outcomes = (sim: Simulation, site: 'c' | 'a') => Object.values((sim.current.views.get('n1')!.state as ThreePcObservable).state).filter((s) => s === site).length;
/** Decisions a participant took as backup (at the end of its window, or on the Acks it
 * collected), or relayed from a StateResp: not answers to a recovering site's DecisionReq. */
const terminationDecisions = (sim: Simulation, type: 'DoCommit' | 'Abort') =>
  sim.events.filter(
    (e) =>
      e.node !== 'n1' &&
      (e.kind === 'timer' || (e.kind === 'deliver' && (e.message!.type === 'Ack' || e.message!.type === 'StateResp'))) &&
      e.sent?.some((m) => m.type === type),
  ).length;
const sentBy = (sim: Simulation, type: string, who: (node: string) => boolean) =>
  sim.events.reduce((n, e) => n + (e.sent ?? []).filter((m) => m.type === type && who(m.from)).length, 0);

describe('3PC under crash-only faults', () => {
  it(`keeps every invariant over ${SEEDS} random crash and restart schedules`, () => {
    const seen = { events: 0, crashes: 0, committed: 0, aborted: 0, seedsCommitting: 0, terminations: 0, backupDecisions: 0, recoveries: 0 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const s = crashOnly(seed);
        const sim = runScenario(threepc, s);
        if (sim.violations.length > 0) throw new Error(explain(s, sim.violations));
        seen.events += sim.events.length;
        seen.crashes += s.actions.filter((a) => a.do === 'crash').length;
        const committed = outcomes(sim, 'c');
        seen.committed += committed;
        seen.aborted += outcomes(sim, 'a');
        if (committed > 0) seen.seedsCommitting++;
        const participant = (n: string) => n !== 'n1';
        seen.terminations += sentBy(sim, 'StateReq', participant);
        seen.backupDecisions += sentBy(sim, 'DoCommit', participant) + sentBy(sim, 'Abort', participant) + sentBy(sim, 'PreCommit', participant);
        seen.recoveries += sentBy(sim, 'DecisionReq', () => true);
      }),
      { numRuns: SEEDS, seed: 20261124 },
    );
    // The schedules must crash sites in the middle of transactions, and the termination
    // protocol must run and decide, or "no violation" means nothing.
    // The explorer's schedules are sparse (the crash storms below are not).
    expect(seen.crashes).toBeGreaterThan(SEEDS);
    expect(seen.events).toBeGreaterThan(SEEDS * 40);
    expect(seen.committed).toBeGreaterThan(SEEDS);
    expect(seen.seedsCommitting).toBeGreaterThan(SEEDS * 0.5);
    expect(seen.aborted).toBeGreaterThan(SEEDS * 0.5);
    expect(seen.terminations).toBeGreaterThan(SEEDS * 0.1);
    expect(seen.backupDecisions).toBeGreaterThan(SEEDS * 0.05);
    expect(seen.recoveries).toBeGreaterThan(SEEDS * 0.1);
  });

  it(`keeps every invariant over ${SEEDS} crash storms, with the termination protocol deciding often`, () => {
    const seen = { committed: 0, aborted: 0, backupCommits: 0, backupAborts: 0, recoveries: 0 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const s = crashStorm(seed);
        const sim = runScenario(threepc, s);
        if (sim.violations.length > 0) throw new Error(explain(s, sim.violations));
        seen.committed += outcomes(sim, 'c');
        seen.aborted += outcomes(sim, 'a');
        seen.backupCommits += terminationDecisions(sim, 'DoCommit');
        seen.backupAborts += terminationDecisions(sim, 'Abort');
        seen.recoveries += sentBy(sim, 'DecisionReq', () => true);
      }),
      { numRuns: SEEDS, seed: 20261125 },
    );
    expect(seen.committed).toBeGreaterThan(SEEDS * 2);
    expect(seen.aborted).toBeGreaterThan(SEEDS * 4);
    // A backup committed: the coordinator had crashed in p.
    expect(seen.backupCommits).toBeGreaterThan(SEEDS * 0.2);
    expect(seen.backupAborts).toBeGreaterThan(SEEDS * 1.5);
    expect(seen.recoveries).toBeGreaterThan(SEEDS * 10);
  });

  it('keeps every invariant with dense crashes on large clusters', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const s = crashOnly(seed, { nodes: 7, faultEvery: 50 });
      const sim = runScenario(threepc, s);
      expect(sim.violations, explain(s, sim.violations)).toEqual([]);
    }
  });
});

describe('3PC under partitions', () => {
  it('random schedules with partitions find the TCConsistent violation of the partition scenario', () => {
    let found: { seed: number; invariants: string[] } | null = null;
    for (let seed = 1; seed <= 400 && !found; seed++) {
      const sim = runScenario(threepc, sensibleCommands(randomScenario(threepc, seed, { until: 3000, faultEvery: 40 })));
      if (sim.violations.length > 0) found = { seed, invariants: sim.violations.map((v) => v.invariant) };
    }
    expect(found, 'no seed in 400 split a transaction').not.toBeNull();
    expect(found!.invariants).toEqual(['tc-consistent']);
  });
});
