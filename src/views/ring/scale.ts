/**
 * The scale computation: N servers × v tokens and K synthetic keys placed under every scheme,
 * then one join, with what moved, the load spread, the time each step took, and what the ring
 * view needs to draw it aggregated (key density and moved keys per angle bin, the dominant
 * owner per bin). Pure apart from the injected clock, so the worker, the benchmark and the
 * tests all run this one function.
 *
 * Beside it: scaleInput.ts (limits, form check), joins.ts (incremental joins), bins.ts (angle
 * bins); their exports are re-exported here, where the ring view imports them from.
 */
import { buildRing } from '../../protocols/chash/ring';
import { applyChange, SCHEME_IDS, schemes, syntheticKeys, type SchemeId } from '../../protocols/chash/schemes';
import { expectedMoved, loadStats, loadsOf, movedCount, theoreticalCv, type LoadStats } from '../../protocols/chash/stats';
import { tokenOf } from '../../protocols/chash/hash';
import type { ScaleInput } from './scaleInput';
import { rendezvousJoin, ringJoin } from './joins';
import { BINS, binOf, binRing } from './bins';

export { SCALE_LIMITS, validateScale, type InputProblem, type ScaleInput } from './scaleInput';
export { ringJoin } from './joins';
export { BINS, binRing } from './bins';

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
