/**
 * The scale computation: N servers × v tokens and K synthetic keys placed under every scheme,
 * then one join, with what moved, the load spread, the time each step took, and what the ring
 * view needs to draw it aggregated (key density and moved keys per angle bin, the dominant
 * owner per bin). Pure apart from the injected clock, so the worker, the benchmark and the
 * tests all run this one function.
 */
import { buildRing, type Ring } from '../../protocols/chash/ring';
import { applyChange, fmix32, SCHEME_IDS, schemes, syntheticKeys, type SchemeId } from '../../protocols/chash/schemes';
import { expectedMoved, loadStats, loadsOf, movedCount, theoreticalCv, type LoadStats } from '../../protocols/chash/stats';
import { murmur3, tokenOf } from '../../protocols/chash/hash';

export const SCALE_LIMITS = { servers: 1000, vnodes: 200, keys: 1_000_000 } as const;
/** Angle bins of the aggregated ring. */
export const BINS = 360;

export interface ScaleInput {
  servers: number;
  vnodes: number;
  keys: number;
}

/** A problem with one input: which field, and a message key with its values. */
export interface InputProblem {
  field: keyof ScaleInput;
  key: `ring.scale.${'bad' | 'empty'}.${'servers' | 'vnodes' | 'keys'}`;
  vars: Record<string, string | number>;
}

/** Checks raw form values: whole numbers within the limits, each problem named. */
export function validateScale(raw: Record<keyof ScaleInput, string>): { input: ScaleInput | null; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const read = (field: keyof ScaleInput, min: number, max: number): number => {
    const text = raw[field].trim().replace(/[,_\s]/g, '');
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    const value = raw[field].trim();
    if (!(n >= min && n <= max)) problems.push({ field, key: `ring.scale.${value ? 'bad' : 'empty'}.${field}`, vars: { value, min, max } });
    return n;
  };
  const input = { servers: read('servers', 1, SCALE_LIMITS.servers), vnodes: read('vnodes', 1, SCALE_LIMITS.vnodes), keys: read('keys', 1, SCALE_LIMITS.keys) };
  return { input: problems.length ? null : input, problems };
}

export interface SchemeFigures {
  id: SchemeId;
  /** Time to place every key on N servers (including building the ring), ms. */
  placeMs: number;
  /** Time to place every key again on N+1 servers, from scratch, ms (null when skipped). */
  joinMs: number | null;
  /** Time to update the placement after the join touching only what moves (ring, rendezvous), ms. */
  joinIncrementalMs: number | null;
  moved: number;
  expectedMoved: number;
  before: LoadStats;
  after: LoadStats;
  /** Keys per server after the join. */
  loads: Uint32Array;
  /** Moved keys per angle bin. */
  movedBins: Uint32Array;
}

export interface ScaleResult {
  input: ScaleInput;
  hashMs: number;
  theoryCv: number;
  /** Keys per angle bin. */
  keyBins: Uint32Array;
  /** The ring after the join, binned: the server owning most of each bin, and tokens per bin. */
  ownerBins: Int32Array;
  tokenBins: Uint32Array;
  /** The joining server's tokens (positions, in token order i = 0..v-1). */
  joinTokens: Uint32Array;
  joiner: string;
  schemes: SchemeFigures[];
}

export interface ScaleProgress {
  /** 0..1 of the estimated work. */
  done: number;
  phase: 'keys' | SchemeId;
}

export interface ScaleHooks {
  now(): number;
  progress?(p: ScaleProgress): void;
  /** Also place every key from scratch after the join under ring and rendezvous, and check
   * the incremental update against it (the benchmark and the tests; the page skips it). */
  fullJoin?: boolean;
}

export const serverName = (i: number) => `s${i + 1}`;

/** Relative work per key of each step, for a progress bar that moves evenly. */
function work(id: SchemeId | 'keys', n: number): number {
  if (id === 'rendezvous') return Math.max(1, n / 12);
  if (id === 'ring') return 3;
  return id === 'keys' ? 2 : 1;
}

/** Keys per chunk between progress reports: about the same time per chunk for every scheme. */
const chunkOf = (id: SchemeId | 'keys', n: number) => Math.max(256, Math.floor(65_536 / work(id, n)));

const binOf = (h: number) => Math.floor((h / 2 ** 32) * BINS);

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
function rendezvousJoin(before: Int32Array, hashes: Uint32Array, servers: readonly string[]): Int32Array {
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

export function computeScale(input: ScaleInput, hooks: ScaleHooks): ScaleResult {
  const { servers: n, vnodes, keys } = input;
  const ids = Array.from({ length: n }, (_, i) => serverName(i));
  const joiner = serverName(n);
  const all = schemes(vnodes);

  const total = keys * (work('keys', n) + SCHEME_IDS.reduce((s, id) => s + 2 * work(id, n) + (id === 'ring' || id === 'rendezvous' ? 0.3 : 0), 0));
  let doneUnits = 0;
  let lastReport = -Infinity;
  const report = (phase: ScaleProgress['phase'], units: number) => {
    doneUnits += units;
    const t = hooks.now();
    if (hooks.progress && t - lastReport > 40) {
      lastReport = t;
      hooks.progress({ done: Math.min(1, doneUnits / total), phase });
    }
  };

  let t0 = hooks.now();
  const hashes = new Uint32Array(keys);
  for (let from = 0; from < keys; from += chunkOf('keys', n)) {
    const count = Math.min(chunkOf('keys', n), keys - from);
    syntheticKeys(count, from, hashes.subarray(from, from + count));
    report('keys', count * work('keys', n));
  }
  const hashMs = hooks.now() - t0;
  const keyBins = new Uint32Array(BINS);
  for (let i = 0; i < keys; i++) keyBins[binOf(hashes[i]!)]!++;

  // Keys sorted by hash, with their indices: what the incremental ring join searches.
  // Packed as hash·2^20 + index (exact below 2^53) so a native sort needs no comparator.
  const packed = new Float64Array(keys);
  for (let i = 0; i < keys; i++) packed[i] = hashes[i]! * 2 ** 20 + i;
  packed.sort();
  const order = new Uint32Array(keys);
  const sorted = new Uint32Array(keys);
  for (let i = 0; i < keys; i++) {
    order[i] = packed[i]! % 2 ** 20;
    sorted[i] = (packed[i]! - order[i]!) / 2 ** 20;
  }

  const place = (id: SchemeId, members: readonly string[]): Int32Array => {
    const placer = all[id].prepare(members);
    const out = new Int32Array(keys);
    const chunk = chunkOf(id, members.length);
    for (let from = 0; from < keys; from += chunk) {
      const to = Math.min(keys, from + chunk);
      placer(hashes, out, from, to);
      report(id, (to - from) * work(id, members.length));
    }
    return out;
  };

  // The ring a node holds before the join (what an incremental join starts from).
  const oldRing = buildRing(ids, vnodes);
  const joinTokens = Uint32Array.from({ length: vnodes }, (_, i) => tokenOf(joiner, i));
  const figures: SchemeFigures[] = [];
  for (const id of SCHEME_IDS) {
    t0 = hooks.now();
    const before = place(id, ids);
    const placeMs = hooks.now() - t0;
    const members = applyChange(id, ids, { kind: 'join', server: joiner });
    const incremental = id === 'ring' || id === 'rendezvous';
    let after: Int32Array | null = null;
    let joinMs: number | null = null;
    if (!incremental || hooks.fullJoin) {
      t0 = hooks.now();
      after = place(id, members);
      joinMs = hooks.now() - t0;
    } else report(id, keys * work(id, members.length));

    let joinIncrementalMs: number | null = null;
    if (incremental) {
      t0 = hooks.now();
      const inc = id === 'ring' ? ringJoin(before, order, sorted, oldRing, joiner, members.length - 1, joinTokens) : rendezvousJoin(before, hashes, members);
      joinIncrementalMs = hooks.now() - t0;
      report(id, keys * 0.3);
      // The shortcut must agree with the full placement, key for key.
      if (after) for (let i = 0; i < keys; i++) if (inc[i] !== after[i]) throw new Error(`incremental ${id} join disagrees at key ${i}`);
      after ??= inc;
    }

    if (!after) throw new Error('unreachable');
    const movedBins = new Uint32Array(BINS);
    const map = Int32Array.from(ids, (s) => members.indexOf(s));
    for (let i = 0; i < keys; i++) if (map[before[i]!] !== after[i]) movedBins[binOf(hashes[i]!)]!++;
    const loads = loadsOf(after, members.length);
    figures.push({
      id,
      placeMs,
      joinMs,
      joinIncrementalMs,
      moved: movedCount(before, ids, after, members) / Math.max(1, keys),
      expectedMoved: expectedMoved(id, 'join', n),
      before: loadStats(loadsOf(before, n)),
      after: loadStats(loads),
      loads,
      movedBins,
    });
  }

  const ring = buildRing([...ids, joiner], vnodes);
  const { ownerBins, tokenBins } = binRing(ring.tokens, ring.owner, BINS);
  hooks.progress?.({ done: 1, phase: 'mod' });
  return { input, hashMs, theoryCv: theoreticalCv(n, vnodes), keyBins, ownerBins, tokenBins, joinTokens, joiner, schemes: figures };
}

/**
 * A ring's arcs binned by angle: for each of `bins` bins, the server owning the longest part
 * of it (-1 for an empty ring), and the number of tokens in it. The arc ending at token i,
 * from token i-1, belongs to owner[i].
 */
export function binRing(tokens: Uint32Array, owner: Int32Array, bins: number): { ownerBins: Int32Array; tokenBins: Uint32Array } {
  const ownerBins = new Int32Array(bins).fill(-1);
  const tokenBins = new Uint32Array(bins);
  const n = tokens.length;
  if (n === 0) return { ownerBins, tokenBins };
  const width = 2 ** 32 / bins;
  for (let i = 0; i < n; i++) tokenBins[Math.min(bins - 1, Math.floor(tokens[i]! / width))]!++;
  // Walk bins and arcs together; a point belongs to the first token at or after it.
  let t = 0; // the first token >= the current bin's start
  for (let b = 0; b < bins; b++) {
    const start = b * width;
    const end = (b + 1) * width;
    while (t < n && tokens[t]! < start) t++;
    const lens = new Map<number, number>();
    let best = -1;
    let bestLen = -1;
    let pos = start;
    for (let k = t; pos < end; ) {
      const who = owner[k < n ? k : 0]!; // past the last token, the arc wraps to token 0
      const stop = k < n ? Math.min(tokens[k]!, end) : end;
      const len = (lens.get(who) ?? 0) + (stop - pos);
      lens.set(who, len);
      if (len > bestLen) {
        bestLen = len;
        best = who;
      }
      pos = stop;
      if (k < n && tokens[k]! <= pos) k++;
    }
    ownerBins[b] = best;
  }
  return { ownerBins, tokenBins };
}
