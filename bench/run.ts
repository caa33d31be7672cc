/**
 * `npm run bench`: prints speed and memory figures; asserts nothing timed.
 * Targets (issue 2): ≥ 100,000 events/s with invariants on, seek ≤ 16 ms, heap ≤ 200 MB.
 */
import { raft } from '../src/protocols/raft';
import { randomScenario } from '../src/check/explore';
import { Simulation } from '../src/sim/simulation';
import { Rng } from '../src/sim/rng';
import { murmur3 } from '../src/protocols/chash/hash';
import { buildRing, preferenceList, successor, type Ring } from '../src/protocols/chash/ring';

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
(await import('./ring')).benchRing();
(await import('./paxos')).benchPaxos();
(await import('./linearizability')).benchLinearizability();
(await import('./codec')).benchCodec();
(await import('./codec')).benchValidator();

/** The protocol's ring primitives (src/protocols/chash/ring.ts) at issue 6's scale: build,
 * place every key (its owner by successor, and a Dynamo preference list of R = 3), then the
 * same after one join, counting the keys whose owner moved. */
function benchRingPrimitives(servers = 1000, vnodes = 200, keys = 1_000_000): void {
  const ids = Array.from({ length: servers }, (_, i) => `s${i}`);
  const hashes = new Uint32Array(keys);
  for (let i = 0; i < keys; i++) hashes[i] = murmur3(`key-${i}`);
  const timed = <T>(f: () => T): [T, number] => {
    const t0 = performance.now();
    return [f(), performance.now() - t0];
  };
  const owners = (ring: Ring) => {
    const out = new Int32Array(keys);
    for (let i = 0; i < keys; i++) out[i] = ring.owner[successor(ring, hashes[i]!)]!;
    return out;
  };
  owners(buildRing(ids.slice(0, 50), 100)); // warm-up, with a bucket index
  const [ring, buildMs] = timed(() => buildRing(ids, vnodes));
  const [before, placeMs] = timed(() => owners(ring));
  const [, prefMs] = timed(() => {
    for (let i = 0; i < 100_000; i++) preferenceList(ring, hashes[i]!, 3);
  });
  const [joined, rebuildMs] = timed(() => buildRing([...ids, `s${servers}`], vnodes));
  const [after, replaceMs] = timed(() => owners(joined));
  let moved = 0;
  for (let i = 0; i < keys; i++) if (joined.servers[after[i]!] !== ring.servers[before[i]!]) moved++;
  const f = (x: number) => `${x.toFixed(0)} ms`;
  console.log(`ring.ts primitives: ${servers.toLocaleString('en-US')} servers × ${vnodes} tokens, ${keys.toLocaleString('en-US')} keys (hashed beforehand)`);
  console.log(`  buildRing ${f(buildMs)}; owners of all keys by successor ${f(placeMs)}; preference lists (R = 3) of 100,000 keys ${f(prefMs)}`);
  console.log(`  one join: rebuild ${f(rebuildMs)}, owners again ${f(replaceMs)}; ${((moved / keys) * 100).toFixed(3)}% of keys moved (expected ${(100 / (servers + 1)).toFixed(3)}%)`);
}
benchRingPrimitives();
await import('./scale');
// Issue 12: the explorer's per-event speed (flat from 100k to 1M events), then its table.
(await import('./speed')).benchSpeed();
console.log((await import('./speedCeiling')).speedCeilingLines().join('\n'));
if (process.env.EXPLORER_BUDGET !== '0') await (await import('./explorer')).benchExplorer();
