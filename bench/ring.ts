/**
 * Placement benchmark (issue 6), printed, never asserted: 1,000,000 keys on 1,000 servers ×
 * 200 virtual nodes under each scheme, then one join, recomputed from scratch and, for the
 * ring and rendezvous, incrementally (only what moves). The same computeScale the page's
 * worker runs. Also runnable alone: `npx tsx bench/ring.ts`.
 */
import { computeScale, type ScaleInput } from '../src/views/ring/scale';
import { SCHEME_IDS } from '../src/protocols/chash/schemes';

const NAMES = { ring: 'consistent hashing', rendezvous: 'rendezvous (HRW)', jump: 'jump hash', mod: 'hash mod N' } as const;
const ms = (x: number | null) => (x === null ? '—' : x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x).toLocaleString('en-US')} ms`);

export function benchRing(input: ScaleInput = { servers: 1000, vnodes: 200, keys: 1_000_000 }): void {
  // Warm the JIT on a small run first, so the figures are steady-state code.
  computeScale({ servers: 50, vnodes: 20, keys: 50_000 }, { now: () => performance.now(), fullJoin: true });
  const r = computeScale(input, { now: () => performance.now(), fullJoin: true });
  console.log(`consistent hashing: ${input.servers.toLocaleString('en-US')} servers × ${input.vnodes} virtual nodes, ${input.keys.toLocaleString('en-US')} keys, then one join`);
  console.log(`  hashing the keys (murmur3 of key-i): ${ms(r.hashMs)}`);
  console.log(`  ${'scheme'.padEnd(20)} ${'place'.padStart(9)} ${'join: full'.padStart(11)} ${'join: incr.'.padStart(12)} ${'moved'.padStart(9)} ${'expected'.padStart(9)} ${'max/mean'.padStart(9)} ${'CV'.padStart(7)}`);
  for (const id of SCHEME_IDS) {
    const s = r.schemes.find((x) => x.id === id)!;
    console.log(
      `  ${NAMES[id].padEnd(20)} ${ms(s.placeMs).padStart(9)} ${ms(s.joinMs).padStart(11)} ${ms(s.joinIncrementalMs).padStart(12)} ${(s.moved * 100).toFixed(3).padStart(8)}% ${(s.expectedMoved * 100).toFixed(3).padStart(8)}% ${s.after.maxOverMean.toFixed(3).padStart(9)} ${s.after.cv.toFixed(4).padStart(7)}`,
    );
  }
  console.log(`  theory: ring CV √((N−1)/(Nv+1)) = ${r.theoryCv.toFixed(4)} before the join; key sampling adds √((N−1)/K) ≈ ${Math.sqrt((input.servers - 1) / input.keys).toFixed(4)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) benchRing();
