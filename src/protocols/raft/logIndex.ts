/**
 * Incremental bookkeeping for Raft's log invariants, so that checking a step costs what the
 * step changed, not the length of the logs (issue 12: a 2,000-entry log rescanned on every
 * changed view made long runs four times slower). Logs are immutable arrays that share their
 * entry objects with the log they were built from, so "where did this log change" is a
 * pointer comparison from the front; the machine's logs are persistent versions of one
 * another (sim/parray.ts), and that comparison skips the subtries they share.
 */
import type { Entry } from './messages';
import type { NodeId } from '../types';
import { itemAt, vecOf } from '../../sim/parray';

/** The last few comparisons: five checkers ask about the same (previous, current) pair of a
 * node's logs in one step, and each answer is a scan as long as the log (a 3,000-entry log at
 * 1M events made this the largest cost). Logs are immutable, so an answer stays true. */
const RECENT = 4;
const recentPrev: (readonly Entry[] | null)[] = new Array<readonly Entry[] | null>(RECENT).fill(null);
const recentCur: (readonly Entry[] | null)[] = new Array<readonly Entry[] | null>(RECENT).fill(null);
const recentAt = new Int32Array(RECENT);
let recentNext = 0;

/** The first 0-based position where two logs hold different entry objects (or one ends). */
export function firstChange(prev: readonly Entry[], cur: readonly Entry[]): number {
  // Persistent versions of one node's log (the machine's): shared subtries are skipped, so
  // this costs what changed, not the length of the log.
  const vp = vecOf<Entry>(prev);
  const vc = vp && vecOf<Entry>(cur);
  if (vp && vc) return vp.firstDiff(vc);
  const n = Math.min(prev.length, cur.length);
  if (prev === cur || n === 0) return n;
  for (let k = 0; k < RECENT; k++) if (recentCur[k] === cur && recentPrev[k] === prev) return recentAt[k]!;
  let i = 0;
  while (i < n && prev[i] === cur[i]) i++;
  recentPrev[recentNext] = prev;
  recentCur[recentNext] = cur;
  recentAt[recentNext] = i;
  recentNext = (recentNext + 1) % RECENT;
  return i;
}

function mix(h: number, k: number): number {
  h = Math.imul(h ^ k, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca77);
  return (h ^ (h >>> 13)) | 0;
}

const commandHash = new Map<string, number>();
function hashCommand(s: string): number {
  let h = commandHash.get(s);
  if (h !== undefined) return h;
  h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  if (commandHash.size < 100_000) commandHash.set(s, h);
  return h;
}

/** A 52-bit hash of a log prefix, chained from the prefix before it. */
function chain(prev: number, e: Entry): number {
  const lo = prev % 2097152;
  const hi = Math.floor(prev / 2097152);
  const c = hashCommand(e.command);
  const a = mix(mix(hi, e.term), c) >>> 0;
  const b = mix(mix(lo ^ 0x5bd1e995, c), e.term) >>> 11;
  return a * 2097152 + b;
}

const TERM_BITS = 4_194_304;

/**
 * Log Matching over the current logs, maintained per change: for every (index, term) the
 * prefix hashes that current logs hold there, with counts. Two different prefixes at one
 * (index, term) are exactly a Log Matching break.
 */
export class PrefixIndex {
  private readonly held = new Map<NodeId, { log: readonly Entry[]; hashes: number[] }>();
  private readonly counts = new Map<number, Map<number, number>>();

  /** Replaces a node's log; returns a 1-based index where it now disagrees with another
   * current log holding the same term there, or 0. */
  update(id: NodeId, log: readonly Entry[]): number {
    let h = this.held.get(id);
    if (!h) this.held.set(id, (h = { log: [], hashes: [] }));
    if (h.log === log) return 0;
    const d = firstChange(h.log, log);
    for (let i = h.log.length - 1; i >= d; i--) this.count(i + 1, itemAt(h.log, i)!.term, h.hashes[i]!, -1);
    h.hashes.length = d;
    let found = 0;
    for (let i = d; i < log.length; i++) {
      const e = itemAt(log, i)!;
      const hash = chain(i === 0 ? 0 : h.hashes[i - 1]!, e);
      h.hashes.push(hash);
      if (this.count(i + 1, e.term, hash, 1) && found === 0) found = i + 1;
    }
    h.log = log;
    return found;
  }

  /** Adjusts a count; true when another prefix is also held at (index, term). */
  private count(index: number, term: number, hash: number, by: 1 | -1): boolean {
    const key = index * TERM_BITS + term;
    let m = this.counts.get(key);
    if (!m) this.counts.set(key, (m = new Map()));
    const next = (m.get(hash) ?? 0) + by;
    if (next <= 0) m.delete(hash);
    else m.set(hash, next);
    if (m.size === 0) this.counts.delete(key);
    return by > 0 && m.size > 1;
  }
}
