/**
 * The consistent-hashing ring (Karger et al. 1997) with virtual nodes and a Dynamo-style
 * preference list (DeCandia et al. 2007, sections 4.2 and 4.3). Pure and built on typed arrays
 * so a 1,000-server × 200-token ring and a million lookups stay cheap.
 */
import { murmur3, tokenOf } from './hash';

export interface Ring {
  servers: readonly string[];
  /** Token positions, sorted ascending. */
  tokens: Uint32Array;
  /** Index into `servers` of each token's server. */
  owner: Int32Array;
}

/** Servers a ring can rank: a token times this plus a rank stays an exact float64 (< 2^53). */
const RANK_SPACE = 2 ** 21;

/** Builds the ring of `vnodes` tokens per server. Equal tokens are ordered by server id so the
 * ring is the same whatever order the servers are listed in. */
export function buildRing(servers: readonly string[], vnodes: number): Ring {
  const n = servers.length * Math.max(0, vnodes);
  if (servers.length > RANK_SPACE) throw new Error(`a ring holds at most ${RANK_SPACE} servers`);
  // Rank servers by id; a token and its server's rank pack into one exact float64, so a native
  // numeric sort (no comparator calls) orders by token, then by server id.
  const byId = servers.map((_, i) => i).sort((a, b) => (servers[a]! < servers[b]! ? -1 : servers[a]! > servers[b]! ? 1 : a - b));
  const rank = new Int32Array(servers.length);
  byId.forEach((s, r) => (rank[s] = r));
  const packed = new Float64Array(n);
  let t = 0;
  for (let s = 0; s < servers.length; s++) {
    for (let i = 0; i < vnodes; i++) packed[t++] = tokenOf(servers[s]!, i) * RANK_SPACE + rank[s]!;
  }
  packed.sort();
  const tokens = new Uint32Array(n);
  const owner = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = packed[i]! % RANK_SPACE;
    tokens[i] = (packed[i]! - r) / RANK_SPACE;
    owner[i] = byId[r]!;
  }
  return { servers, tokens, owner };
}

/** Rings with more tokens than this get a bucket index on their first lookup. */
const INDEX_FROM = 4096;
/** Per large ring: for each 2^16-wide bucket of positions, the index of its first token, so a
 * lookup binary-searches a few tokens instead of the whole array (kept beside the ring, not in
 * it, so that Ring stays three plain fields). */
const buckets = new WeakMap<Ring, Uint32Array>();

function bucketsOf(ring: Ring): Uint32Array {
  let start = buckets.get(ring);
  if (start) return start;
  const t = ring.tokens;
  start = new Uint32Array(65537);
  let i = 0;
  for (let b = 0; b <= 65536; b++) {
    while (i < t.length && t[i]! < b * 65536) i++;
    start[b] = i;
  }
  buckets.set(ring, start);
  return start;
}

/** Index of the first token >= h, wrapping to 0 past the last token (binary search). */
export function successor(ring: Ring, h: number): number {
  const t = ring.tokens;
  let lo = 0;
  let hi = t.length;
  if (hi > INDEX_FROM) {
    const start = bucketsOf(ring);
    const b = h >>> 16;
    lo = start[b]!;
    hi = start[b + 1]!;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid]! < h) lo = mid + 1;
    else hi = mid;
  }
  return lo === t.length ? 0 : lo;
}

/** The preference list of a key: the next min(r, servers) distinct servers clockwise from
 * murmur3(key), skipping further tokens of servers already chosen. */
export function replicasOf(ring: Ring, key: string, r: number): string[] {
  return preferenceList(ring, murmur3(key), r);
}

/** The preference list of ring position h (replicasOf for a hash already computed, or for an
 * arc of the ring, named by its end token). */
export function preferenceList(ring: Ring, h: number, r: number): string[] {
  const want = Math.min(r, ring.servers.length);
  const out: string[] = [];
  const n = ring.tokens.length;
  if (want <= 0 || n === 0) return out;
  const seen = new Set<number>();
  let i = successor(ring, h);
  for (let step = 0; step < n && out.length < want; step++, i = i + 1 === n ? 0 : i + 1) {
    const s = ring.owner[i]!;
    if (!seen.has(s)) {
      seen.add(s);
      out.push(ring.servers[s]!);
    }
  }
  return out;
}
