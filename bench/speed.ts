/**
 * Explorer speed (issue 12): events per CPU-second of a Raft run with every invariant checked
 * and no trace or checkpoints, over 1M events, for 3 and 5 nodes. Rates are per CPU-second of
 * this process (on a shared machine, wall time measures the neighbours), read per 10k-event
 * slice. Load only ever slows a slice, so the fastest slice of a 100k chunk is the stable
 * figure: the drift compares the first chunk with the last by it, and by their plain rates.
 * The figures that do not depend on the load at all are printed after (bench/speedCounts.ts).
 */
import { loadavg } from 'node:os';
import { raft } from '../src/protocols/raft';
import { Simulation } from '../src/sim/simulation';
import { stepperFor } from '../src/sim/effects';
import { speedCountLines, speedScenario } from './speedCounts';

/** CPU time of this process in ms. */
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const CHUNK = 100_000;
const SLICE = 10_000;
const f = (x: number) => Math.round(x).toLocaleString('en-US').padStart(9);
const load = () => loadavg()[0]!.toFixed(1);
const pct = (x: number, base: number) => {
  const d = ((x - base) / base) * 100;
  return `${d >= 0 ? '+' : ''}${d.toFixed(1)}%`;
};

interface Chunk {
  /** Events per CPU-second over the chunk. */
  rate: number;
  /** The fastest 10k-event slice's rate. */
  best: number;
  /** XState `transition()` calls per event: how much work the chunk's events were. */
  transitions: number;
}

export function benchSpeed(total = 1_000_000, nodesList = [3, 5], withCounts = true): void {
  console.log('Raft with every invariant, no trace, no checkpoints (random faults, 2% drop and duplicate), events per CPU-second:');
  console.log(`  nodes  ${'first 100k'.padStart(10)}  ${`all ${total / 1000}k`.padStart(9)}  ${'last 100k'.padStart(9)}  drift  | best 10k of: first  last  drift  |  load1 before/after  violations`);
  const perChunk: string[] = [];
  const counts = stepperFor(raft.machine('server'), null).counts;
  for (const nodes of nodesList) {
    const scenario = speedScenario(nodes);
    new Simulation(raft, scenario, { record: false, checkpointEvery: 0 }).run(Number(process.env.WARMUP ?? 30_000)); // warm-up
    // The warm-up's garbage is collected now, not inside the first measured chunk (with
    // --expose-gc, as `npm run bench` runs; otherwise the first chunk pays for it).
    (globalThis as { gc?: () => void }).gc?.();
    const loadBefore = load();
    const sim = new Simulation(raft, scenario, { record: false, checkpointEvery: 0 });
    const chunks: Chunk[] = [];
    const t0 = cpuNow();
    let last = t0;
    while (sim.eventCount < total && !sim.done) {
      const chunkStart = last;
      const from = sim.eventCount;
      const calls = counts.transitions;
      let best = 0;
      for (let s = 0; s < CHUNK / SLICE && !sim.done; s++) {
        const at = sim.eventCount;
        sim.run(SLICE);
        const now = cpuNow();
        best = Math.max(best, (sim.eventCount - at) / ((now - last) / 1000));
        last = now;
      }
      const n = sim.eventCount - from;
      chunks.push({ rate: n / ((last - chunkStart) / 1000), best, transitions: (counts.transitions - calls) / n });
    }
    const first = chunks[0]!;
    const end = chunks.at(-1)!;
    const all = sim.eventCount / ((last - t0) / 1000);
    console.log(
      `  ${String(nodes).padStart(5)}  ${f(first.rate).padStart(10)}  ${f(all)}  ${f(end.rate)}  ${pct(end.rate, first.rate).padStart(6)}  |  ${f(first.best).padStart(17)} ${f(end.best)}  ${pct(end.best, first.best).padStart(6)} |  ${`${loadBefore} / ${load()}`.padStart(18)}  ${sim.violations.length}`,
    );
    perChunk.push(`    ${nodes} nodes per 100k chunk, rate (best 10k slice) transition() per event: ${chunks.map((c) => `${Math.round(c.rate / 1000)}k (${Math.round(c.best / 1000)}k) ${c.transitions.toFixed(2)}`).join(', ')}`);
  }
  console.log(perChunk.join('\n'));
  if (withCounts) process.stdout.write(speedCountLines());
}

if (process.argv[1]?.endsWith('speed.ts')) benchSpeed(Number(process.argv[2] ?? 1_000_000), (process.argv[3] ?? '3,5').split(',').map(Number), process.argv[4] !== 'nocounts');
