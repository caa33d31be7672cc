/**
 * The speed bench's figures that do not depend on the machine's load (issue 12): per event of
 * the same Raft runs as bench/speed.ts, XState `transition()` calls, events skipped as ignored,
 * steps answered from the stepper's memo (src/sim/stepMemo.ts), invariant check calls, node views replaced (each one wakes the node's invariants), and the
 * bytes allocated on V8's heap. Allocation is read exactly, not sampled: this runs in a child
 * with a new space larger than a slice's allocation, so no scavenge falls inside a slice
 * (`v8.GCProfiler` confirms it), and the heap's growth over the slice is what it allocated.
 *
 *   npx tsx bench/speedCounts.ts [events=200000]
 */
import { spawnSync } from 'node:child_process';
import { GCProfiler, getHeapStatistics } from 'node:v8';
import type { ProtocolModule } from '../src/protocols/types';
import { raft } from '../src/protocols/raft';
import { randomScenario } from '../src/check/explore';
import { Simulation } from '../src/sim/simulation';
import { stepperFor } from '../src/sim/effects';

/** The speed bench's scenario: random faults and 2 % drop and duplicate, no pauses. */
export function speedScenario(nodes: number) {
  const scenario = randomScenario(raft, 2026, { nodes, until: 50_000_000, faultEvery: 400, drop: 0.02, duplicate: 0.02 });
  scenario.actions = scenario.actions.filter((a) => a.do !== 'pause' && a.do !== 'resume');
  return scenario;
}

/** Raft with each of its own invariants' checks counted (the history check runs every event). */
function counted(calls: { n: number }): ProtocolModule {
  return {
    ...raft,
    invariants: raft.invariants.map((inv) => ({
      ...inv,
      create(cfg) {
        const check = inv.create(cfg);
        return (args) => {
          calls.n++;
          return check(args);
        };
      },
    })),
  };
}

const SEMI_MB = 512;
const SLICE = 5_000;
const LATE = 900_000;

export interface SpeedCounts {
  nodes: number;
  events: number;
  transitions: number;
  skipped: number;
  remembered: number;
  checks: number;
  views: number;
  /** Bytes allocated per event: the median slice, and the lowest and highest. */
  bytes: { median: number; min: number; max: number };
  /** Slices a scavenge fell in (left out of the bytes). */
  spoiled: number;
}

/** Counts over the run's next `total` events. */
function measure(sim: Simulation, calls: { n: number }, total: number): Omit<SpeedCounts, 'nodes'> {
  const counts = stepperFor(raft.machine('server'), null).counts;
  const c0 = { ...counts, checks: calls.n };
  const start = sim.eventCount;
  let views = 0;
  const last = new Map(sim.current.views);
  const perEvent: number[] = [];
  let spoiled = 0;
  const gc = (globalThis as { gc?: () => void }).gc!;
  while (sim.eventCount - start < total && !sim.done) {
    gc();
    const profiler = new GCProfiler();
    profiler.start();
    const from = sim.eventCount;
    const before = getHeapStatistics().used_heap_size;
    for (let i = 0; i < SLICE; i++) {
      const ev = sim.step();
      if (!ev) break;
      // A node's view is replaced only when it changes, and only then do its invariants run.
      const v = ev.node === undefined ? undefined : sim.current.views.get(ev.node);
      if (v !== undefined && last.get(ev.node!) !== v) {
        views++;
        last.set(ev.node!, v);
      }
    }
    const after = getHeapStatistics().used_heap_size;
    if (profiler.stop().statistics.length > 0) spoiled++;
    else perEvent.push((after - before) / (sim.eventCount - from));
  }
  const events = sim.eventCount - start;
  perEvent.sort((a, b) => a - b);
  return {
    events,
    transitions: (counts.transitions - c0.transitions) / events,
    skipped: (counts.skipped - c0.skipped) / events,
    remembered: (counts.remembered - c0.remembered) / events,
    checks: (calls.n - c0.checks) / events,
    views: views / events,
    bytes: { median: perEvent[perEvent.length >> 1] ?? NaN, min: perEvent[0] ?? NaN, max: perEvent.at(-1) ?? NaN },
    spoiled,
  };
}

/** Early (after a 50k warm-up) and late (the last 100k of 1M) counts: the drift's causes. */
function measureRun(nodes: number, total: number): { early: SpeedCounts; late: SpeedCounts } {
  const calls = { n: 0 };
  const sim = new Simulation(counted(calls), speedScenario(nodes), { record: false, checkpointEvery: 0 });
  sim.run(50_000); // warm-up: the code is optimized and the run is past its start
  const early = { nodes, ...measure(sim, calls, total) };
  sim.run(LATE - sim.eventCount);
  return { early, late: { nodes, ...measure(sim, calls, 100_000) } };
}

/** Runs the counts in a child with a large new space and `gc` exposed; returns its lines. */
export function speedCountLines(total = 200_000): string {
  const child = spawnSync(
    process.execPath,
    [`--min-semi-space-size=${SEMI_MB}`, `--max-semi-space-size=${SEMI_MB}`, '--expose-gc', '--import', 'tsx', new URL(import.meta.url).pathname, String(total)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return child.stdout;
}

function report(total: number): void {
  const f = (x: number) => x.toFixed(3).padStart(7);
  console.log(`Costs per event that do not depend on the load, early and late in a 1M-event run (bytes: exact heap growth per ${SLICE / 1000}k-event slice, median [min–max]):`);
  console.log('  nodes  events     transition()  skipped  remembered  own invariant checks  views replaced  bytes allocated');
  const row = (c: SpeedCounts, at: string) => {
    const b = c.bytes;
    console.log(
      `  ${String(c.nodes).padStart(5)}  ${at.padEnd(9)}  ${f(c.transitions).padStart(12)}  ${f(c.skipped)}  ${f(c.remembered).padStart(10)}  ${f(c.checks).padStart(20)}  ${f(c.views).padStart(14)}  ${Math.round(b.median).toLocaleString('en-US').padStart(6)} B [${Math.round(b.min)}–${Math.round(b.max)}]${c.spoiled ? ` (${c.spoiled} slices with a GC left out)` : ''}`,
    );
  };
  for (const nodes of [3, 5]) {
    const { early, late } = measureRun(nodes, total);
    row(early, `50k-${(50_000 + total) / 1000}k`);
    row(late, `${LATE / 1000}k-1M`);
  }
}

if (process.argv[1]?.endsWith('speedCounts.ts')) {
  const total = Number(process.argv[2] ?? 200_000);
  if ((globalThis as { gc?: unknown }).gc) report(total);
  else process.stdout.write(speedCountLines(total));
}
