import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { protocols } from '../protocols/registry';
import { randomScenario } from '../check/explore';
import { Simulation } from '../sim/simulation';
import type { Scenario } from '../scenario/types';
import type { TraceEvent } from '../sim/types';
import { probeAhead, probeWork } from './probeAhead';

const hash = (sim: Simulation) => createHash('sha256').update(JSON.stringify(sim.trace())).digest('hex');
const violated = (_: TraceEvent, v: boolean) => v;

/** The run as plain play records it: `steps` events, or to its end. */
function plain(scenario: Scenario, steps = Infinity): Simulation {
  const sim = new Simulation(protocols.get(scenario.protocol)!, scenario);
  while (sim.eventCount < steps && sim.step());
  return sim;
}

/** A run played to `from`, then searched ahead for its next violation (as V does). */
function probed(scenario: Scenario, from: number, budget = 1e6): { run: Simulation; found: boolean } {
  const run = plain(scenario, from);
  const r = probeAhead(run, violated, budget);
  return { run, found: r.found };
}

describe('V searches ahead on a branch and splices what it finds (issue 17 item 4)', () => {
  const curated = [...protocols.values()].flatMap((m) => m.scenarios.map((s) => [`${m.id}:${s.name}`, s] as const));

  it.each(curated)('%s: from a fresh load, lands where plain play meets the violation, byte for byte', (_, scenario) => {
    const whole = plain(scenario);
    const first = whole.violations[0];
    const { run, found } = probed(scenario, scenario.nodes.length);
    expect(found).toBe(first !== undefined);
    if (!first) {
      // Nothing to find: the run itself is untouched.
      expect(run.eventCount).toBe(scenario.nodes.length);
      return;
    }
    expect(run.eventCount).toBe(first.seq + 1);
    expect(hash(run)).toBe(hash(plain(scenario, first.seq + 1)));
    // V again and again: each lands on plain play's next violation step; from the second on,
    // the invariants the run had before the splice are fed only the events since.
    const steps = [...new Set(whole.violations.map((v) => v.seq + 1))];
    for (const want of steps.slice(1)) {
      const head = run.eventCount;
      const w0 = { ...probeWork };
      expect(probeAhead(run, violated, 1e6)).toEqual({ found: true, adopted: true });
      expect(run.eventCount).toBe(want);
      expect(probeWork.replayed - w0.replayed).toBeLessThan(head);
    }
    // The spliced run goes on exactly as plain play (its world and invariants are the branch's).
    run.run();
    expect(hash(run)).toBe(hash(whole));
  });

  const buggy = curated.filter(([, s]) => plain(s).violations.length > 0);

  it.each(buggy)('%s: from a third and two thirds of the way, the same: invariants fed the recorded events judge as the live ones did', (_, scenario) => {
    const whole = plain(scenario);
    for (const part of [1 / 3, 2 / 3]) {
      const from = Math.max(scenario.nodes.length, Math.floor(whole.violations[0]!.seq * part));
      const { run, found } = probed(scenario, from);
      expect(found).toBe(true);
      expect(run.eventCount).toBe(whole.violations[0]!.seq + 1);
      expect(hash(run)).toBe(hash(plain(scenario, run.eventCount)));
      run.run();
      expect(hash(run)).toBe(hash(whole));
    }
  });

  it('random runs with a bug switch on, from halfway: the same', () => {
    let compared = 0;
    for (const module of protocols.values()) {
      if (module.bugs.length === 0) continue;
      for (let seed = 1; seed <= 12; seed++) {
        const scenario = randomScenario(module, seed * 7919, { bugs: [module.bugs[seed % module.bugs.length]!.id], until: 6000 });
        const whole = plain(scenario);
        if (whole.violations.length === 0) continue;
        const { run, found } = probed(scenario, Math.max(scenario.nodes.length, Math.floor(whole.violations[0]!.seq / 2)));
        expect(found).toBe(true);
        expect(hash(run)).toBe(hash(plain(scenario, run.eventCount)));
        run.run();
        expect(hash(run)).toBe(hash(whole));
        compared++;
      }
    }
    // Seeds 1–12 of every protocol give 3 runs with a violation (deterministic).
    expect(compared).toBeGreaterThanOrEqual(3);
  });

  it('a long run: the branch from a checkpoint goes on as the run would, 20,000 events in', () => {
    const scenario = { ...protocols.get('raft')!.scenarios.find((s) => s.name === 'happy-path')!, until: 600_000 };
    const run = plain(scenario, 20_000);
    expect(probeAhead(run, (ev) => ev.seq === 21_499, 5000)).toEqual({ found: true, adopted: true });
    expect(hash(run)).toBe(hash(plain(scenario, 21_500)));
  });

  it('simulates only from the last checkpoint, and a second press goes on from where the first stopped', () => {
    const scenario = { ...protocols.get('raft')!.scenarios.find((s) => s.name === 'happy-path')!, until: 600_000 };
    const run = plain(scenario, 3000);
    const before = { ...probeWork };
    expect(probeAhead(run, violated, 2000)).toMatchObject({ found: false, done: false });
    // The world caught up from the last checkpoint (under 200 events), then searched 2,000.
    expect(probeWork.simulated - before.simulated).toBeLessThan(2000 + 200);
    expect(probeWork.simulated - before.simulated).toBeGreaterThanOrEqual(2000);
    expect(probeWork.replayed - before.replayed).toBe(3000);
    expect(run.eventCount).toBe(3000);
    const again = { ...probeWork };
    probeAhead(run, violated, 1000);
    expect(probeWork.simulated - again.simulated).toBe(1000);
    expect(probeWork.replayed - again.replayed).toBe(0);
  });

  it('a fault the branch already ran past (searching for a violation) is found by reading, and the run records up to it', () => {
    const scenario = protocols.get('raft')!.scenarios.find((s) => s.name === 'leader-crash')!;
    const run = plain(scenario, scenario.nodes.length);
    expect(probeAhead(run, violated, 1e6)).toMatchObject({ found: false, done: true });
    const before = { ...probeWork };
    const r = probeAhead(run, (ev) => ev.kind === 'crash', 1e6);
    expect(r).toEqual({ found: true, adopted: false });
    expect(probeWork.simulated).toBe(before.simulated);
    expect(run.eventCount).toBe(scenario.nodes.length);
  });
});
