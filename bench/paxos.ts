/**
 * Paxos speed, printed, never asserted: a single decree settles in a few round trips, so the
 * figure is the events of 300 random fault schedules (6 nodes: 2 proposers, 3 acceptors,
 * 1 learner; crashes, partitions, drops, duplicates; proposes at the proposers) over the time
 * they took, with and without the invariants. Also runnable alone: `npx tsx bench/paxos.ts`.
 */
import { paxos } from '../src/protocols/paxos';
import { randomScenario } from '../src/check/explore';
import { Simulation } from '../src/sim/simulation';
import type { Action, Scenario } from '../src/scenario/types';

function schedules(count: number): Scenario[] {
  return Array.from({ length: count }, (_, seed) => {
    const s = randomScenario(paxos, seed, { nodes: 6, until: 3000, faultEvery: 60, drop: 0.05, duplicate: 0.05 });
    // Proposes go to the proposers (n1, n2), each with its own value.
    const actions = s.actions.map((a, i): Action => (a.do === 'propose' ? ({ ...a, node: i % 2 ? 'n1' : 'n2', value: `v${i}` } as Action) : a));
    return { ...s, actions: [{ at: 0, do: 'propose', node: 'n1', value: 'w1' }, { at: 3, do: 'propose', node: 'n2', value: 'w2' }, ...actions] };
  });
}

export function benchPaxos(): void {
  const runs = schedules(300);
  const measure = (invariants: boolean) => {
    for (const s of runs.slice(0, 30)) new Simulation(paxos, s, { invariants }).run(); // warm-up
    let best = 0;
    let events = 0;
    let violations = 0;
    for (let k = 0; k < 3; k++) {
      events = 0;
      violations = 0;
      const t0 = performance.now();
      for (const s of runs) {
        const sim = new Simulation(paxos, s, { invariants }).run();
        events += sim.eventCount;
        violations += sim.violations.length;
      }
      best = Math.max(best, events / ((performance.now() - t0) / 1000));
    }
    return { best, events, violations };
  };
  console.log('Paxos, 6 nodes (2 proposers, 3 acceptors, 1 learner), 300 random fault schedules of 3 s');
  for (const invariants of [true, false]) {
    const r = measure(invariants);
    console.log(`  ${(invariants ? 'trace + invariants' : 'trace, no invariants').padEnd(38)} ${Math.round(r.best).toLocaleString('en-US').padStart(9)} events/s  (${r.events.toLocaleString('en-US')} events${invariants ? `, ${r.violations} violations` : ''})`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) benchPaxos();
