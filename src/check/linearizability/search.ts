/**
 * Wing and Gong's linearizability search (J. Parallel Distrib. Comput. 1993) with the
 * memoization of Lowe (2017) as Porcupine implements it (anishathalye/porcupine, checker.go):
 * call and return entries in one list ordered by time; repeatedly linearize the first call
 * whose step the model allows, lifting it (and its return) out of the list; when a return is
 * reached first, the op it ends was not placed in time: backtrack. A (linearized set, state)
 * pair seen before is never explored again, which turns the exponential search into one that
 * is usually close to linear on real histories.
 */
import { INITIAL, step, type CheckOp } from './model';

interface Entry {
  op: number;
  call: boolean;
  /** For a call, its return entry. */
  match: Entry | null;
  prev: Entry | null;
  next: Entry | null;
}

export interface SearchResult {
  ok: boolean;
  /** When not ok: the longest sequence of ops (indices into the input) that did linearize, and
   * the op whose return came before it could be placed after that sequence. */
  longest?: number[];
  blocked?: number;
  /** Exhausted the step budget: the answer is unknown. */
  unknown?: boolean;
  steps: number;
}

function buildList(ops: readonly CheckOp[]): Entry {
  const items: { at: number; order: number; entry: Entry }[] = [];
  ops.forEach((op, i) => {
    const ret: Entry = { op: i, call: false, match: null, prev: null, next: null };
    const call: Entry = { op: i, call: true, match: ret, prev: null, next: null };
    // Within one trace position calls sort before returns: events are atomic, so two ops that
    // meet in one event are taken as overlapping, never as ordered.
    items.push({ at: op.call, order: 0, entry: call }, { at: op.ret, order: 1, entry: ret });
  });
  items.sort((a, b) => a.at - b.at || a.order - b.order || a.entry.op - b.entry.op);
  const head: Entry = { op: -1, call: false, match: null, prev: null, next: null };
  let last = head;
  for (const { entry } of items) {
    last.next = entry;
    entry.prev = last;
    last = entry;
  }
  return head;
}

function lift(e: Entry): void {
  e.prev!.next = e.next;
  if (e.next) e.next.prev = e.prev;
  const m = e.match!;
  m.prev!.next = m.next;
  if (m.next) m.next.prev = m.prev;
}

function unlift(e: Entry): void {
  const m = e.match!;
  m.prev!.next = m;
  if (m.next) m.next.prev = m;
  e.prev!.next = e;
  if (e.next) e.next.prev = e;
}

/** Is this single-key history linearizable from `initial`? `budget` caps the steps taken. */
export function searchLinearization(ops: readonly CheckOp[], initial = INITIAL, budget = Infinity): SearchResult {
  const head = buildList(ops);
  const words = Math.ceil(ops.length / 32) || 1;
  const linearized = new Uint32Array(words);
  const cache = new Map<string, Set<string>>();
  const calls: { entry: Entry; state: string }[] = [];
  let state = initial;
  let entry = head.next;
  let steps = 0;
  let longest: number[] = [];
  let blocked = -1;

  while (head.next !== null) {
    if (++steps > budget) return { ok: false, unknown: true, steps };
    const e = entry!;
    if (e.call) {
      const next = step(state, ops[e.op]!);
      if (next !== null) {
        linearized[e.op >> 5]! ^= 1 << (e.op & 31);
        const key = linearized.join(',');
        let seen = cache.get(key);
        if (!seen) cache.set(key, (seen = new Set()));
        if (!seen.has(next)) {
          seen.add(next);
          calls.push({ entry: e, state });
          state = next;
          lift(e);
          entry = head.next;
          continue;
        }
        linearized[e.op >> 5]! ^= 1 << (e.op & 31);
      }
      entry = e.next;
      continue;
    }
    // A return before its call was placed: this branch is dead.
    if (calls.length >= longest.length) {
      longest = calls.map((c) => c.entry.op);
      blocked = e.op;
    }
    const top = calls.pop();
    if (!top) return { ok: false, longest, blocked, steps };
    state = top.state;
    linearized[top.entry.op >> 5]! ^= 1 << (top.entry.op & 31);
    unlift(top.entry);
    entry = top.entry.next;
  }
  return { ok: true, steps };
}
