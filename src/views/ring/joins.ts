/**
 * Incremental joins: how a node that already holds the placement updates it when one server
 * joins, touching only the keys that move (ring: the arcs the joiner's tokens take;
 * rendezvous: keys whose weight the newcomer beats). computeScale checks them against a full
 * placement from scratch when asked.
 */
import type { Ring } from '../../protocols/chash/ring';
import { fmix32 } from '../../protocols/chash/schemes';
import { murmur3 } from '../../protocols/chash/hash';

/** Index of the first element of a sorted array that is >= h. */
function lowerBound(sorted: Uint32Array, h: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < h) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Incremental ring join, as a node that already has the ring does it: only the joiner's v
 * tokens are hashed and placed in the old ring, and only keys in the arcs they take change
 * owner, found by binary search in the keys sorted by hash. The arc of a joiner token T is
 * (previous token of the new ring, T]; at equal positions the lower server id comes first,
 * as in buildRing.
 */
export function ringJoin(before: Int32Array, order: Uint32Array, sorted: Uint32Array, old: Ring, joiner: string, joinerIndex: number, joinerTokens: ArrayLike<number>): Int32Array {
  const after = before.slice();
  const tokens = old.tokens;
  const n = tokens.length;
  const mine = Float64Array.from(joinerTokens).sort();
  const take = (from: number, to: number) => {
    for (let i = from; i < to; i++) after[order[i]!] = joinerIndex;
  };
  for (let j = 0; j < mine.length; j++) {
    const T = mine[j]!;
    const i = lowerBound(tokens, T);
    // An old token at the same position with a lower id comes first and keeps the arc.
    if (i < n && tokens[i] === T && old.servers[old.owner[i]!]! < joiner) continue;
    // The previous token of the new ring: the old one before T or the joiner's own, below
    // zero when it wraps past the top.
    const prevOld = n === 0 ? -Infinity : i > 0 ? tokens[i - 1]! : tokens[n - 1]! - 2 ** 32;
    const prevMine = j > 0 ? mine[j - 1]! : mine[mine.length - 1]! - 2 ** 32;
    const start = Math.max(prevOld, prevMine);
    if (start >= T) continue;
    if (start < 0) {
      take(lowerBound(sorted, start + 2 ** 32 + 1), sorted.length);
      take(0, lowerBound(sorted, T + 1));
    } else take(lowerBound(sorted, start + 1), lowerBound(sorted, T + 1));
  }
  return after;
}

/** Incremental rendezvous join: the newcomer wins a key when its weight beats the winner's. */
export function rendezvousJoin(before: Int32Array, hashes: Uint32Array, servers: readonly string[]): Int32Array {
  const after = before.slice();
  const sh = Uint32Array.from(servers, (s) => murmur3(s));
  const joiner = servers.length - 1;
  const jh = sh[joiner]!;
  for (let i = 0; i < hashes.length; i++) {
    const k = fmix32(hashes[i]! ^ 0x9e3779b9);
    if (fmix32(k ^ jh) > fmix32(k ^ sh[before[i]!]!)) after[i] = joiner;
  }
  return after;
}
