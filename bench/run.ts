/**
 * `npm run bench`: prints speed and memory figures; asserts nothing timed.
 * Targets (issue 2): ≥ 100,000 events/s with invariants on, seek ≤ 16 ms, heap ≤ 200 MB.
 */
import { raft } from '../src/protocols/raft';
import { randomScenario } from '../src/check/explore';
import { Simulation } from '../src/sim/simulation';
import { Rng } from '../src/sim/rng';

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function heapUsed(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

/** A long 5-node Raft run under random faults, drops and duplicates. */
const scenario = randomScenario(raft, 2026, { nodes: 5, until: 2_000_000, faultEvery: 400, drop: 0.02, duplicate: 0.02 });

function throughput(label: string, invariants: boolean, record: boolean): void {
  // Warm up the JIT, then take the best of three.
  new Simulation(raft, scenario, { invariants, record }).run(20_000);
  let best = 0;
  let events = 0;
  for (let i = 0; i < 3; i++) {
    const sim = new Simulation(raft, scenario, { invariants, record });
    const t0 = performance.now();
    sim.run(100_000);
    const dt = performance.now() - t0;
    events = sim.eventCount;
    best = Math.max(best, events / (dt / 1000));
  }
  console.log(`  ${label.padEnd(38)} ${Math.round(best).toLocaleString('en-US').padStart(9)} events/s  (${events.toLocaleString('en-US')} events)`);
}

console.log('Raft, 5 nodes, random crashes/partitions/pauses/skew, 2% drop and duplicate');
console.log('simulation speed:');
throughput('trace + invariants', true, true);
throughput('trace, no invariants', false, true);
throughput('no trace, invariants', true, false);
throughput('no trace, no invariants', false, false);

const before = heapUsed();
const big = new Simulation(raft, scenario, { invariants: true, record: true });
big.run(100_000);
const heap = heapUsed() - before;
console.log(`100,000-event run: ${big.eventCount.toLocaleString('en-US')} events to t=${big.current.time} ms, ${big.violations.length} violations`);
console.log(`  heap used by the run (trace, checkpoints every 128 events): ${mb(heap)}${gc ? '' : ' (no --expose-gc: rough)'}`);

const rng = Rng.fromSeed(42);
const times: number[] = [];
for (let i = 0; i < 20; i++) big.seek(rng.int(0, big.eventCount - 1)); // warm-up
for (let i = 0; i < 300; i++) {
  const k = rng.int(0, big.eventCount - 1);
  const t0 = performance.now();
  big.seek(k);
  times.push(performance.now() - t0);
}
const sorted = [...times].sort((a, b) => a - b);
console.log(
  `  seek at 300 random steps: median ${median(times).toFixed(2)} ms, p99 ${sorted[Math.floor(sorted.length * 0.99)]!.toFixed(2)} ms, max ${sorted.at(-1)!.toFixed(2)} ms (the max includes young-generation GC pauses)`,
);
