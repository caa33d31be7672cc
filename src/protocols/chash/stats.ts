/**
 * Figures of a placement: load per server, its spread, and what a membership change moved,
 * each next to what theory expects. Pure, over typed arrays, so the live views, the scale
 * worker and the benchmark share them.
 */
import type { Change, SchemeId } from './schemes';

/** Keys per server: `owner` holds indices into `n` servers (-1, no server, is skipped). */
export function loadsOf(owner: Int32Array, n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < owner.length; i++) {
    const s = owner[i]!;
    if (s >= 0) out[s]!++;
  }
  return out;
}

export interface LoadStats {
  servers: number;
  keys: number;
  mean: number;
  min: number;
  max: number;
  /** max / mean: 1 is perfect balance. */
  maxOverMean: number;
  /** Coefficient of variation: population standard deviation over the mean. */
  cv: number;
}

export function loadStats(loads: ArrayLike<number>): LoadStats {
  const n = loads.length;
  let sum = 0;
  let min = Infinity;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const x = loads[i]!;
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const mean = n > 0 ? sum / n : 0;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += (loads[i]! - mean) ** 2;
  const sd = n > 0 ? Math.sqrt(sq / n) : 0;
  return { servers: n, keys: sum, mean, min: n > 0 ? min : 0, max, maxOverMean: mean > 0 ? max / mean : 0, cv: mean > 0 ? sd / mean : 0 };
}

/**
 * The CV of the servers' shares of a ring with N servers of v tokens at random positions:
 * a server's share is the sum of v of the Nv spacings, Beta(v, (N−1)v), so
 * CV² = N²·Var = (N−1)/(Nv+1). It is what the load CV tends to with many keys.
 */
export function theoreticalCv(n: number, vnodes: number): number {
  return n > 0 && vnodes > 0 ? Math.sqrt((n - 1) / (n * vnodes + 1)) : 0;
}

/**
 * The expected CV² of the key counts when K keys fall on shares whose own CV² is `shareCv2`
 * (0 for schemes that split evenly in expectation: rendezvous, jump, mod N). Sampling the
 * keys adds (N−1)/K: E[CV²] = shareCv2·(1 − 1/K) + (N−1)/K.
 */
export function expectedCv2(n: number, keys: number, shareCv2 = 0): number {
  if (n <= 0 || keys <= 0) return 0;
  return shareCv2 * (1 - 1 / keys) + (n - 1) / keys;
}

/** Keys whose owner (by name) differs between two placements of the same keys. */
export function movedCount(before: Int32Array, serversBefore: readonly string[], after: Int32Array, serversAfter: readonly string[]): number {
  if (before.length !== after.length) throw new Error('placements of different keys');
  // Index in `after` of each server of `before` (-1 when it left).
  const index = new Map(serversAfter.map((s, i) => [s, i]));
  const map = Int32Array.from(serversBefore, (s) => index.get(s) ?? -1);
  let moved = 0;
  for (let i = 0; i < before.length; i++) {
    const b = before[i]!;
    if ((b < 0 ? -1 : map[b]!) !== after[i]!) moved++;
  }
  return moved;
}

export function movedFraction(before: Int32Array, serversBefore: readonly string[], after: Int32Array, serversAfter: readonly string[]): number {
  return before.length === 0 ? 0 : movedCount(before, serversBefore, after, serversAfter) / before.length;
}

/**
 * The fraction of keys a change is expected to move, from N servers before it:
 * - a join: 1/(N+1) for consistent schemes (the newcomer's fair share), N/(N+1) for mod N
 *   (a key stays only when h mod N = h mod (N+1));
 * - a leave: 1/N for consistent schemes (the leaver's share); (N−1)/N for mod N, wherever the
 *   leaver sat; under jump hash a leaver that is not the last bucket also sends the last
 *   bucket's keys elsewhere: 1/N + (1/N)(1 − 1/(N−1)).
 * `last` says whether the leaver was the last server in the list (only jump hash cares).
 */
export function expectedMoved(id: SchemeId, change: Change['kind'], n: number, last = true): number {
  if (change === 'join') return id === 'mod' ? n / (n + 1) : 1 / (n + 1);
  if (n <= 1) return 1;
  if (id === 'mod') return (n - 1) / n;
  if (id === 'jump' && !last) return 1 / n + (1 / n) * (1 - 1 / (n - 1));
  return 1 / n;
}
