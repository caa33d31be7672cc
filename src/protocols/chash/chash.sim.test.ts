/**
 * Simulation properties: many seeds of random crashes, restarts, partitions, cuts, pauses,
 * skew, forced timeouts, drops and duplicates, with joins, leaves and a client workload on top,
 * and every invariant checked after every step. A failure prints the seed and the scenario
 * JSON, which `faultline run` replays exactly.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomScenario, type ExploreOptions } from '../../check/explore';
import { Simulation, runScenario } from '../../sim/simulation';
import { Rng } from '../../sim/rng';
import type { Action, Scenario } from '../../scenario/types';
import { chash } from '.';
import { resolveConfig } from './config';

const SEEDS = Number(process.env.FAULTLINE_SEEDS ?? 80);

function explain(s: Scenario, violations: unknown): string {
  return `seed ${s.seed} broke chash:\n${JSON.stringify(violations, null, 2)}\nreplay with: npm run faultline -- run <file> where <file> holds\n${JSON.stringify(s)}`;
}

/**
 * The explorer sends each command to a random node with string fields like "k1=<n>". Here
 * puts and gets go to a client with keys k0..k9 and joins and leaves to a server, except one
 * in five, kept where the explorer put it to prove a misdirected command harmless. A seeded
 * workload comes on top: a put or get every 10 to 80 ms and a join or leave every 300 to
 * 900 ms, so that writes are acknowledged and moved often enough for the invariants to have
 * something to check.
 */
function withWorkload(s: Scenario): Scenario {
  const c = resolveConfig({ nodes: s.nodes, params: s.params });
  const rng = Rng.fromSeed(s.seed ^ 0xc4a5);
  const key = () => `k${rng.int(0, 9)}`;
  const actions = s.actions.map((a, i): Action => {
    if (i % 5 === 0) return a;
    if (a.do === 'put') return { ...a, node: rng.pick(c.clients), key: key(), value: `v${i}` } as Action;
    if (a.do === 'get') return { ...a, node: rng.pick(c.clients), key: key() } as Action;
    if (a.do === 'join' || a.do === 'leave') return { ...a, node: rng.pick(c.servers) } as Action;
    return a;
  });
  const work: Action[] = [];
  for (let at = rng.int(0, 40); at < s.until; at += rng.int(10, 80)) {
    work.push(rng.chance(0.5) ? { at, do: 'put', node: rng.pick(c.clients), key: key(), value: `w${at}` } : { at, do: 'get', node: rng.pick(c.clients), key: key() });
  }
  for (let at = rng.int(100, 600); at < s.until; at += rng.int(300, 900)) work.push({ at, do: rng.pick(['join', 'leave']), node: rng.pick(c.servers) });
  // A stable sort keeps the explorer's order among actions at the same time.
  return { ...s, actions: [...actions, ...work].sort((x, y) => x.at - y.at) };
}

const explore = (seed: number, opts: ExploreOptions) => withWorkload(randomScenario(chash, seed, opts));
const outputs = (e: { output?: unknown[] }) => (e.output ?? []) as { type: string; value?: string | null }[];

/** Seeds that once found bugs stay here as regressions. */
const REGRESSION_SEEDS: number[] = [];
/** For the held-back-messages property: 845100040 found a late LeaveDone ending a later leave
 * before its handoff (no-loss). */
const ADVERSE_REGRESSION_SEEDS: number[] = [845100040];

describe('chash under random faults', () => {
  it(`keeps every invariant over ${SEEDS} random fault schedules`, () => {
    const seen = { events: 0, acked: 0, reads: 0, moved: 0, changes: 0 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const s = explore(seed, { until: 3000 });
        const sim = runScenario(chash, s);
        if (sim.violations.length > 0) throw new Error(explain(s, sim.violations));
        seen.events += sim.events.length;
        for (const e of sim.events) {
          for (const o of outputs(e)) {
            if (o.type === 'put-ok') seen.acked++;
            if (o.type === 'get' && o.value !== null) seen.reads++;
          }
          if (e.kind === 'deliver' && e.message!.type === 'Transfer' && Object.keys((e.message!.payload as unknown as { entries: object }).entries).length > 0) seen.moved++;
          if (e.kind === 'deliver' && (e.message!.type === 'JoinDone' || e.message!.type === 'LeaveDone')) seen.changes++;
        }
      }),
      { numRuns: SEEDS, seed: 20261122, examples: REGRESSION_SEEDS.map((s) => [s]) },
    );
    // The schedules must exercise the protocol, or "no violation" means nothing.
    expect(seen.events).toBeGreaterThan(SEEDS * 200);
    expect(seen.acked).toBeGreaterThan(SEEDS * 2);
    expect(seen.reads).toBeGreaterThan(SEEDS * 4);
    expect(seen.moved).toBeGreaterThan(SEEDS / 2);
    expect(seen.changes).toBeGreaterThan(SEEDS / 4);
  });

  it('keeps every invariant under heavy message loss and duplication', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const s = explore(seed, { until: 2000, drop: 0.3, duplicate: 0.3, faultEvery: 300 });
        const sim = runScenario(chash, s);
        if (sim.violations.length > 0) throw new Error(explain(s, sim.violations));
      }),
      { numRuns: Math.ceil(SEEDS / 4), seed: 20261123 },
    );
  });

  it('keeps every invariant when in-flight messages are held back or duplicated', () => {
    // The explorer's link latencies reorder messages by tens of ms, never past a whole join or
    // leave. Here an adversary also holds back (up to 2 s) or duplicates a message in flight,
    // favouring the membership ones, so a join's or leave's messages can arrive after the next
    // change of the same server (a stale LeaveDone once ended a later leave before its handoff).
    const ADVERSE = ['JoinRequest', 'LeaveRequest', 'JoinDone', 'LeaveDone'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const rng = Rng.fromSeed(seed ^ 0xad5e);
        const base = explore(seed, { until: 3000, faultEvery: 400, drop: 0.05, duplicate: 0.1 });
        // Churn: a join or leave every 60 to 300 ms, so that one server's changes follow closely.
        const { servers } = resolveConfig({ nodes: base.nodes, params: base.params });
        const churn: Action[] = [];
        for (let at = rng.int(50, 200); at < base.until; at += rng.int(60, 300)) churn.push({ at, do: rng.pick(['join', 'leave']), node: rng.pick(servers) });
        const sim = new Simulation(chash, { ...base, actions: [...base.actions, ...churn].sort((x, y) => x.at - y.at) }, { checkpointEvery: 0 });
        while (sim.step() && sim.violations.length === 0) {
          if (!rng.chance(0.08)) continue;
          const flying = sim.current.inFlight();
          const membership = flying.filter((m) => ADVERSE.includes(m.type));
          const pool = membership.length > 0 && rng.chance(0.9) ? membership : flying;
          if (pool.length === 0) continue;
          const m = rng.pick(pool);
          sim.append(rng.chance(0.5) ? { do: 'delay', message: m.id, by: rng.int(30, 2000) } : { do: 'duplicate', message: m.id });
        }
        if (sim.violations.length > 0) throw new Error(explain(sim.scenario, sim.violations));
      }),
      { numRuns: Math.ceil(SEEDS / 4), seed: 20261124, examples: ADVERSE_REGRESSION_SEEDS.map((s) => [s]) },
    );
  });

  it('no-handoff and drop-before-ack lose copies under random schedules too', () => {
    for (const bug of ['no-handoff', 'drop-before-ack']) {
      let caught = 0;
      for (let seed = 0; seed < 30; seed++) {
        const s = explore(seed, { until: 3000, bugs: [bug], faultEvery: 400, drop: 0, duplicate: 0 });
        const found = runScenario(chash, s).violations.map((v) => v.invariant);
        expect(found.every((id) => chash.bugs.find((b) => b.id === bug)!.breaks.includes(id))).toBe(true);
        if (found.includes('no-loss')) caught++;
      }
      expect(caught, bug).toBeGreaterThan(0);
    }
  });

  it('a restart that loses the disk is a lost copy: no-loss counts it, the settled-ring check reports it', () => {
    const base = chash.scenarios.find((x) => x.name === 'put-get')!;
    const s: Scenario = { ...base, actions: [...base.actions, { at: 200, do: 'crash', node: 'n1' }, { at: 210, do: 'restart', node: 'n1', loseDisk: true }], until: 400 };
    const sim = runScenario(chash, s);
    expect(sim.violations.map((v) => v.invariant)).toEqual(['replicas-after-handoff']);
    expect(sim.violations[0]!.message).toContain('n1 lacks apple');
  });
});
