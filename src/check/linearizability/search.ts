/**
 * Wing and Gong's linearizability search (J. Parallel Distrib. Comput. 1993) with the
 * memoization of Lowe (2017) as Porcupine implements it (anishathalye/porcupine, checker.go):
 * call and return entries in one list ordered by time; repeatedly linearize the first call
 * whose step the model allows, lifting it (and its return) out of the list; when a return is
 * reached first, the op it ends was not placed in time: backtrack. A (linearized set, state)
 * pair seen before is never explored again, which turns the exponential search into one that
 * is usually close to linear on real histories.
 *
 * Two refinements for ops that never returned (`ret` = Infinity). They have no return entry:
 * they are optional, and the search succeeds once every answered op is placed, which is "may
 * take effect or not" exactly. And such a write is tried only while some read still to be
 * placed returned its value: otherwise placing it changes no read (the next op that sees the
 * register is a write, or nothing), so every order that uses it has one as good without it.
 */
import { INITIAL, step, type CheckOp } from './model';

interface Entry {
  op: number;
  call: boolean;
  /** For a call, its return entry (none for an op that never returned). */
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
  /** When ok: the order found (indices into the input); never-answered ops it left out did not
   * take effect. */
  order?: number[];
}

/** The memo's name for a register value nobody still to be placed will read. */
const DEAD = '\u0000dead';

function buildList(ops: readonly CheckOp[]): Entry {
  const items: { at: number; order: number; entry: Entry }[] = [];
  ops.forEach((op, i) => {
    const ret: Entry | null = op.ret === Infinity ? null : { op: i, call: false, match: null, prev: null, next: null };
    const call: Entry = { op: i, call: true, match: ret, prev: null, next: null };
    // Within one trace position calls sort before returns: events are atomic, so two ops that
    // meet in one event are taken as overlapping, never as ordered.
    items.push({ at: op.call, order: 0, entry: call });
    if (ret) items.push({ at: op.ret, order: 1, entry: ret });
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

function unlink(e: Entry): void {
  e.prev!.next = e.next;
  if (e.next) e.next.prev = e.prev;
}
function relink(e: Entry): void {
  e.prev!.next = e;
  if (e.next) e.next.prev = e;
}
function lift(e: Entry): void {
  unlink(e);
  if (e.match) unlink(e.match);
}
function unlift(e: Entry): void {
  if (e.match) relink(e.match);
  relink(e);
}

/** Zobrist-style keys: each op gets a random 32-bit pair, and a set's key is their XOR, kept
 * incrementally. Equal keys are confirmed on the full bitset, so a collision costs time only. */
function zobrist(n: number): Uint32Array {
  const z = new Uint32Array(2 * n);
  let x = 0x9e3779b9;
  for (let i = 0; i < z.length; i++) {
    // xorshift32: deterministic, and plenty for hashing.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    z[i] = x >>> 0;
  }
  return z;
}

function sameBits(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

class Memo {
  private readonly seen = new Map<number, { bits: Uint32Array; states: Set<string> }[]>();
  /** Records (bits, state); false when it was there already. */
  add(h1: number, h2: number, bits: Uint32Array, state: string): boolean {
    const key = h1 * 0x200000 + (h2 & 0x1fffff);
    let bucket = this.seen.get(key);
    if (!bucket) this.seen.set(key, (bucket = []));
    let slot = bucket.find((b) => sameBits(b.bits, bits));
    if (!slot) bucket.push((slot = { bits: bits.slice(), states: new Set() }));
    if (slot.states.has(state)) return false;
    slot.states.add(state);
    return true;
  }
}

/** Is this single-key history linearizable from `initial`? `budget` caps the steps taken. */
export function searchLinearization(ops: readonly CheckOp[], initial = INITIAL, budget = Infinity): SearchResult {
  const head = buildList(ops);
  const n = ops.length;
  const bits = new Uint32Array(Math.ceil(n / 32) || 1);
  const z = zobrist(n);
  const memo = new Memo();
  const calls: { entry: Entry; state: string }[] = [];
  // Answered ops still to place, and reads still to place by the value they returned.
  let open = ops.filter((o) => o.ret !== Infinity).length;
  const readsLeft = new Map<string, number>();
  for (const o of ops) if (o.kind === 'read' && o.ret !== Infinity) readsLeft.set(o.value, (readsLeft.get(o.value) ?? 0) + 1);
  let h1 = 0;
  let h2 = 0;
  let state = initial;
  let entry = head.next;
  let steps = 0;
  let longest: number[] = [];
  let blocked = -1;
  const toggle = (i: number) => {
    bits[i >> 5]! ^= 1 << (i & 31);
    h1 ^= z[2 * i]!;
    h2 ^= z[2 * i + 1]!;
  };
  const account = (o: CheckOp, d: 1 | -1) => {
    if (o.ret !== Infinity) open -= d;
    if (o.kind === 'read') readsLeft.set(o.value, readsLeft.get(o.value)! - d);
  };

  while (open > 0) {
    if (++steps > budget) return { ok: false, unknown: true, steps };
    const e = entry;
    if (e && e.call) {
      const op = ops[e.op]!;
      const useless = op.ret === Infinity && op.kind === 'write' && !(readsLeft.get(op.value) ?? 0);
      const next = useless ? null : step(state, op);
      if (next !== null) {
        toggle(e.op);
        // A value no read still to be placed returned is as good as any other such value: the
        // next op to see the register must be a write. One memo entry stands for all of them.
        if (memo.add(h1, h2, bits, op.kind === 'write' && !(readsLeft.get(next) ?? 0) ? DEAD : next)) {
          calls.push({ entry: e, state });
          state = next;
          account(op, 1);
          lift(e);
          entry = head.next;
          continue;
        }
        toggle(e.op);
      }
      entry = e.next;
      continue;
    }
    // A return before its call was placed (or the end of the list): this branch is dead.
    if (calls.length >= longest.length) {
      longest = calls.map((c) => c.entry.op);
      blocked = e ? e.op : -1;
    }
    const top = calls.pop();
    if (!top) return { ok: false, longest, blocked, steps };
    state = top.state;
    toggle(top.entry.op);
    account(ops[top.entry.op]!, -1);
    unlift(top.entry);
    entry = top.entry.next;
  }
  return { ok: true, steps, order: calls.map((c) => c.entry.op) };
}
