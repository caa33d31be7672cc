/**
 * Four ways to place keys on servers, behind one interface, so the views and the benchmark
 * can run the same keys and the same membership changes through each:
 *
 * - `ring`: consistent hashing with v virtual nodes (Karger et al. 1997), through ring.ts;
 * - `rendezvous`: highest random weight (Thaler and Ravishankar 1998), O(N) per key;
 * - `jump`: jump consistent hash (Lamping and Veach 2014), O(ln N) per key, no memory, but
 *   servers are numbered buckets: only the last one can go without extra moves;
 * - `mod`: naive `hash mod N`, the baseline that moves almost every key.
 *
 * Pure TypeScript over typed arrays: no DOM, no clock, no randomness. Key hashes are
 * murmur3 of the key names (hash.ts), the same positions the ring uses.
 */
import { fmix32, murmur3 } from './hash';

export { fmix32 };
import { buildRing, successor } from './ring';

export type SchemeId = 'ring' | 'rendezvous' | 'jump' | 'mod';
export const SCHEME_IDS: readonly SchemeId[] = ['ring', 'rendezvous', 'jump', 'mod'];

/** Places keys `from`..`to` (exclusive) of `hashes` into `out`, as indices into the servers
 * it was prepared for; -1 when there is no server. Lets a worker report progress by chunks. */
export type Placer = (hashes: Uint32Array, out: Int32Array, from: number, to: number) => void;

export interface Scheme {
  id: SchemeId;
  /** The once-per-membership work (building the ring, hashing server names). */
  prepare(servers: readonly string[]): Placer;
  /** The owner of every key, as an index into `servers`. */
  place(hashes: Uint32Array, servers: readonly string[]): Int32Array;
}

/** A membership change, as the comparison replays it under every scheme. */
export type Change = { kind: 'join'; server: string } | { kind: 'leave'; server: string };

function scheme(id: SchemeId, prepare: (servers: readonly string[]) => Placer): Scheme {
  return {
    id,
    prepare,
    place(hashes, servers) {
      const out = new Int32Array(hashes.length);
      prepare(servers)(hashes, out, 0, hashes.length);
      return out;
    },
  };
}

const none: Placer = (_h, out, from, to) => out.fill(-1, from, to);

/** Consistent hashing: a key belongs to the server of the first token clockwise from it. */
export function ringScheme(vnodes: number): Scheme {
  return scheme('ring', (servers) => {
    const ring = buildRing(servers, vnodes);
    if (ring.tokens.length === 0) return none;
    const owner = ring.owner;
    return (hashes, out, from, to) => {
      for (let i = from; i < to; i++) out[i] = owner[successor(ring, hashes[i]!)]!;
    };
  });
}

/** The weight of server `s` (hashed name) for a key (hash): two finalizer rounds, so the
 * weights of one key across servers behave as independent draws. */
export function rendezvousWeight(serverHash: number, keyHash: number): number {
  return fmix32(fmix32(keyHash ^ 0x9e3779b9) ^ serverHash);
}

/** Rendezvous hashing: every server draws a weight for the key; the highest wins. Ties (two
 * servers with the same name hash) go to the lower index. */
export const rendezvousScheme: Scheme = scheme('rendezvous', (servers) => {
  const n = servers.length;
  if (n === 0) return none;
  // Int32 words and int32 arithmetic throughout (the hot loop runs K·N times): the finalizer
  // inlined, and the unsigned order of weights kept by flipping the sign bit.
  const sh = Int32Array.from(servers, (s) => murmur3(s) | 0);
  return (hashes, out, from, to) => {
    for (let i = from; i < to; i++) {
      const k = fmix32(hashes[i]! ^ 0x9e3779b9) | 0;
      let best = 0;
      let bestW = 0;
      for (let s = 0; s < n; s++) {
        let h = k ^ sh[s]!;
        h ^= h >>> 16;
        h = Math.imul(h, 0x85ebca6b);
        h ^= h >>> 13;
        h = Math.imul(h, 0xc2b2ae35);
        h ^= h >>> 16;
        const w = h ^ -0x80000000;
        if (s === 0 || w > bestW) {
          bestW = w;
          best = s;
        }
      }
      out[i] = best;
    }
  };
});

/** C = 2862933555777941757, the LCG multiplier of the paper, as two 32-bit halves. */
const C_HI = 0x27bb2ee6;
const C_LO = 0x87b0b0fd;
const TWO_31 = 2147483648;

/**
 * Jump consistent hash of the 64-bit key `hi`·2³² + `lo` into `buckets` buckets, exactly as
 * the paper's C++ (Lamping and Veach 2014, figure 1):
 *
 *     key = key * 2862933555777941757ULL + 1;
 *     j = (b + 1) * (double(1LL << 31) / double((key >> 33) + 1));
 *
 * The 64-bit product is done in 32-bit halves (Math.imul for the low words, 16-bit limbs
 * for the carry), so the loop needs no BigInt. The double arithmetic is the same IEEE
 * arithmetic as C's, so results match bit for bit.
 */
export function jumpHash(lo: number, hi: number, buckets: number): number {
  lo >>>= 0;
  hi >>>= 0;
  let b = -1;
  let j = 0;
  while (j < buckets) {
    b = j;
    // (hi, lo) * C mod 2^64: lo*C_LO in full, plus the cross terms into the high word.
    const a0 = lo & 0xffff;
    const a1 = lo >>> 16;
    const p01 = a0 * (C_LO >>> 16);
    const p10 = a1 * (C_LO & 0xffff);
    const mid = ((a0 * (C_LO & 0xffff)) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
    const carry = a1 * (C_LO >>> 16) + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
    hi = (carry + Math.imul(hi, C_LO) + Math.imul(lo, C_HI)) >>> 0;
    lo = (Math.imul(lo, C_LO) + 1) >>> 0;
    if (lo === 0) hi = (hi + 1) >>> 0; // the + 1 carried out of the low word
    j = Math.floor((b + 1) * (TWO_31 / ((hi >>> 1) + 1)));
  }
  return b;
}

/** Jump hash: the key hash is the 64-bit key (high word 0); bucket i is servers[i]. */
export const jumpScheme: Scheme = scheme('jump', (servers) => {
  const n = servers.length;
  if (n === 0) return none;
  return (hashes, out, from, to) => {
    for (let i = from; i < to; i++) out[i] = jumpHash(hashes[i]!, 0, n);
  };
});

/** Naive modulo: bucket hash mod N is servers[bucket]. */
export const modScheme: Scheme = scheme('mod', (servers) => {
  const n = servers.length;
  if (n === 0) return none;
  return (hashes, out, from, to) => {
    for (let i = from; i < to; i++) out[i] = hashes[i]! % n;
  };
});

/** The four schemes, the ring with `vnodes` tokens per server. */
export function schemes(vnodes: number): Record<SchemeId, Scheme> {
  return { ring: ringScheme(vnodes), rendezvous: rendezvousScheme, jump: jumpScheme, mod: modScheme };
}

/**
 * The server list after a change, under a scheme. A join appends. A leave removes the server
 * and keeps the order, except under jump hash, whose servers are numbered buckets: there the
 * last server takes the leaver's number (the usual remedy; the last server's keys move too).
 * Rings and rendezvous depend only on the set of names, so the order never matters to them.
 */
export function applyChange(id: SchemeId, servers: readonly string[], change: Change): string[] {
  if (change.kind === 'join') return servers.includes(change.server) ? [...servers] : [...servers, change.server];
  const at = servers.indexOf(change.server);
  if (at < 0) return [...servers];
  if (id === 'jump') {
    const out = servers.slice(0, -1);
    if (at < out.length) out[at] = servers[servers.length - 1]!;
    return out;
  }
  return servers.filter((_, i) => i !== at);
}

/** murmur3 of every key name, the position of each key on the ring. */
export function hashKeys(keys: readonly string[]): Uint32Array {
  const out = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = murmur3(keys[i]!);
  return out;
}

/** The synthetic key names of the comparisons and the scale run: `key-0`, `key-1`, … */
export function syntheticKeys(count: number, from = 0, out = new Uint32Array(count)): Uint32Array {
  for (let i = 0; i < count; i++) out[i] = murmur3(`key-${from + i}`);
  return out;
}
