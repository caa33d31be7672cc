/**
 * What the kernel's part of a seek costs, in counts that do not depend on the load (issue 17,
 * item 5's p99; printed, never asserted): the browser bench's run (bench/seek.ts, Raft, 5 nodes,
 * 129,206 events) recorded in Node as the store records it, then the bench's 200 seeded seeks
 * as `Simulation.seek`: per seek, the events replayed from the checkpoint, the bytes allocated
 * (exact: a child with a new space larger than a seek's allocation, so no scavenge falls inside
 * one; `v8.GCProfiler` says when one did) and, for reference only, the time back to back. Also
 * the checkpoints' count and their retained size.
 *
 *   npx tsx bench/seekReplay.ts
 */
import { spawnSync } from 'node:child_process';
import { GCProfiler, getHeapStatistics } from 'node:v8';
import { randomScenario } from '../src/check/explore';
import { raft } from '../src/protocols/raft';
import { Simulation } from '../src/sim/simulation';

const SEMI_MB = 256;
const SEEKS = 200;

function quantiles(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  const f = (x: number) => (Number.isInteger(x) ? x.toLocaleString('en-US') : x.toFixed(2));
  return `median ${f(q(0.5))}, p98 ${f(q(0.98))}, p99 ${f(q(0.99))}, max ${f(s.at(-1)!)}`;
}

function child(): void {
  const gc = (globalThis as { gc?: () => void }).gc!;
  const scenario = randomScenario(raft, 2026, { nodes: 5, until: 2_000_000, faultEvery: 400, drop: 0.02, duplicate: 0.02 });
  gc();
  const heap0 = getHeapStatistics().used_heap_size;
  const sim = new Simulation(raft, scenario);
  sim.run();
  gc();
  const heap1 = getHeapStatistics().used_heap_size;
  const head = sim.eventCount;
  const stats = sim.checkpointStats;
  console.log(`run: ${head.toLocaleString('en-US')} events, heap after recording ${((heap1 - heap0) / 1e6).toFixed(1)} MB; checkpoints ${stats.count.toLocaleString('en-US')}, their queue/in-flight/pending entries ${stats.entries.toLocaleString('en-US')}`);
  // bench/seek.ts's generator: the same 200 steps.
  let x = 2026;
  const next = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 4294967296;
  const replayed: number[] = [];
  const bytes: number[] = [];
  const ms: number[] = [];
  let spoiled = 0;
  const rows: { k: number; replayed: number; bytes: number }[] = [];
  for (let i = 0; i < SEEKS; i++) {
    const k = Math.floor(next() * (head + 1));
    if (k >= head) continue;
    gc();
    const profiler = new GCProfiler();
    profiler.start();
    const before = getHeapStatistics().used_heap_size;
    const t0 = performance.now();
    const world = sim.seek(k - 1);
    const t1 = performance.now();
    const after = getHeapStatistics().used_heap_size;
    if (world.eventCount !== k) throw new Error(`seek to ${k} landed on ${world.eventCount}`);
    const n = sim.lastSeekReplayed;
    replayed.push(n);
    ms.push(t1 - t0);
    if (profiler.stop().statistics.length > 0) spoiled++;
    else {
      bytes.push(after - before);
      rows.push({ k, replayed: n, bytes: after - before });
    }
  }
  console.log(`seeks: ${replayed.length} (${spoiled} with a GC inside, left out of the bytes)`);
  console.log(`  events replayed from the checkpoint: ${quantiles(replayed)}`);
  console.log(`  bytes allocated by the seek: ${quantiles(bytes)}`);
  console.log(`  time back to back, ms (load-dependent): ${quantiles(ms)}`);
  const worst = rows.sort((a, b) => b.bytes - a.bytes).slice(0, 4);
  console.log(`  most allocating (step: events replayed, KB): ${worst.map((r) => `${r.k}: ${r.replayed}, ${(r.bytes / 1024).toFixed(0)}`).join('; ')}`);
}

if (process.argv[2] === 'child') child();
else {
  const out = spawnSync(process.execPath, [`--min-semi-space-size=${SEMI_MB}`, `--max-semi-space-size=${SEMI_MB}`, '--expose-gc', '--import', 'tsx', new URL(import.meta.url).pathname, 'child'], {
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  process.exitCode = out.status ?? 1;
}
