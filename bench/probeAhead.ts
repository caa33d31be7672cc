/**
 * The cost of the first V (next violation) with nothing recorded ahead (issue 17 item 4), in
 * events simulated, before and after the search learnt to branch from the run's last
 * checkpoint and to splice what it finds. Counts do not depend on the machine; times are
 * taken side by side, in the same process, and are noisy on a loaded machine.
 *
 * "Before" is the search as it was (store/probeAhead.ts at 3a685a2): a scratch copy replays
 * the run from its start to the head, searches, and on a find the run records the same events
 * again. "After" is the store's `probeAhead`, read through its `probeWork` counters.
 *
 *   npx tsx bench/probeAhead.ts
 */
import { protocols } from '../src/protocols/registry';
import { Simulation } from '../src/sim/simulation';
import type { Scenario } from '../src/scenario/types';
import type { TraceEvent } from '../src/sim/types';
import { freeCluster, DEFAULT_SETTINGS } from '../src/store/settings';
import { probeAhead, probeWork } from '../src/store/probeAhead';
import { AHEAD_EVENTS } from '../src/views/timeline/navigate';

const violated = (_: TraceEvent, v: boolean) => v;

function played(scenario: Scenario, steps: number): Simulation {
  const sim = new Simulation(protocols.get(scenario.protocol)!, scenario);
  if (steps === 0) sim.advanceTo(0);
  while (sim.eventCount < steps && sim.step());
  return sim;
}

/** The old search, step for step: replay from the start, search, record the find again. */
function before(run: Simulation): { simulated: number; found: boolean; ms: number } {
  const t0 = performance.now();
  const scratch = new Simulation(run.module, run.scenario, { checkpointEvery: 0 });
  let simulated = 0;
  while (scratch.eventCount < run.eventCount && scratch.step()) simulated++;
  let found = false;
  for (let i = 0; i < AHEAD_EVENTS && !found; i++) {
    const seen = scratch.violations.length;
    if (!scratch.step()) break;
    simulated++;
    found = scratch.violations.length > seen;
  }
  if (found) while (run.eventCount < scratch.eventCount && run.step()) simulated++;
  return { simulated, found, ms: performance.now() - t0 };
}

function after(run: Simulation): { simulated: number; replayed: number; found: boolean; ms: number } {
  const w0 = { ...probeWork };
  const t0 = performance.now();
  const r = probeAhead(run, violated, AHEAD_EVENTS);
  return { simulated: probeWork.simulated - w0.simulated, replayed: probeWork.replayed - w0.replayed, found: r.found, ms: performance.now() - t0 };
}

const fmt = (n: number) => n.toLocaleString('en-US');
const cases: [string, Scenario, number][] = [
  ['raft:figure-8-bug, just opened', protocols.get('raft')!.scenarios.find((s) => s.name === 'figure-8-bug')!, 0],
  ['raft free play (5 nodes), 100k events played', freeCluster(DEFAULT_SETTINGS), 100_000],
];

function print(label: string, b: ReturnType<typeof before>, a: ReturnType<typeof after>): void {
  console.log(`  ${label}`);
  console.log(`    before: ${fmt(b.simulated).padStart(9)} events simulated                          ${b.found ? 'found' : 'nothing found'}, ${b.ms.toFixed(0)} ms`);
  console.log(`    after:  ${fmt(a.simulated).padStart(9)} events simulated, ${fmt(a.replayed).padStart(7)} recorded events re-checked  ${a.found ? 'found' : 'nothing found'}, ${a.ms.toFixed(0)} ms`);
}

console.log('V with nothing recorded ahead: events simulated (and fed to the invariants from the record)');
for (const [label, scenario, steps] of cases) {
  const old = played(scenario, steps);
  const now = played(scenario, steps);
  print(`${label}: first V`, before(old), after(now));
  // Pressed again from where the first find left the cursor (the run's new head).
  if (old.violations.length > 0) print(`${label}: second V`, before(old), after(now));
}
