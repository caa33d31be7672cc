/**
 * The smallest sub-history that cannot be linearized, and why. A failing history is shrunk by
 * deleting ops while it stays non-linearizable (delta debugging's ddmin, Zeller 2002, in its
 * simple form: chunks of halving size, then single ops), so every op left is needed: take any
 * one away and the rest can be linearized. Deleting an op from a history keeps every other
 * op's interval, so what is left is a genuine sub-history.
 */
import { searchLinearization } from './search';
import { INITIAL, step, type CheckOp } from './model';
import { zonesRefute } from './zones';

const BUDGET = 200_000;

function stillFails(ops: readonly CheckOp[]): boolean {
  const r = searchLinearization(ops, INITIAL, BUDGET);
  return !r.ok && !r.unknown;
}

/**
 * Shrinks while keeping one of `keep` (the ops whose answers first broke the history) and the
 * core closed: a read keeps at least one write of the value it read, when the history has one.
 * Without that rule the smallest core is often a lone read whose write was deleted, which is
 * true but says nothing.
 */
export function minimalCore(ops: readonly CheckOp[], keep: ReadonlySet<number> = new Set()): CheckOp[] {
  const writers = new Set(ops.filter((o) => o.kind === 'write').map((o) => o.value));
  const closed = (c: readonly CheckOp[]) => {
    const have = new Set(c.filter((o) => o.kind === 'write').map((o) => o.value));
    return c.every((o) => o.kind !== 'read' || !writers.has(o.value) || have.has(o.value));
  };
  let core = localStart(ops, keep, writers);
  const pass = (size: number): boolean => {
    let changed = false;
    for (let i = 0; i < core.length; ) {
      const candidate = [...core.slice(0, i), ...core.slice(i + size)];
      if (candidate.length > 0 && (keep.size === 0 || candidate.some((o) => keep.has(o.index))) && closed(candidate) && stillFails(candidate)) {
        core = candidate;
        changed = true;
      } else i += size;
    }
    return changed;
  };
  for (let size = Math.floor(core.length / 2); size > 1; size = Math.floor(size / 2)) pass(size);
  // Single ops last, and again until nothing moves: a write becomes removable once the reads of
  // its value are gone.
  while (pass(1));
  return core;
}

/**
 * A failing sub-history near the answers that broke the history, to shrink from. ddmin's first
 * passes search half the history per candidate, which at thousands of ops is seconds, while a
 * violation is usually local: try the latest 8, 16, 32, … ops by invocation (with the ops in
 * `keep`, and every write of a value a read in the window returned, so it stays closed) and
 * start from the first window that fails by itself; failing that, from the few ops that prove
 * it by zones (zones.ts), wherever in a long history they are. Any failing sub-history is a
 * sound start: ddmin only ever removes ops, and a sub-history of a sub-history is one of the
 * whole. Both starts depend on the ops alone, so the live check and the offline one agree.
 */
function localStart(ops: readonly CheckOp[], keep: ReadonlySet<number>, writers: ReadonlySet<string>): CheckOp[] {
  for (let w = 8; w < ops.length; w *= 2) {
    const from = ops[ops.length - w]!.index;
    const window = closedAround(ops, writers, (o) => o.index >= from || keep.has(o.index));
    if (window.length < ops.length && stillFails(window)) return window;
  }
  const refuted = zonesRefute(ops);
  if (refuted) {
    const witness = new Set(refuted);
    const start = closedAround(ops, writers, (o) => witness.has(o) || keep.has(o.index));
    if (start.length < ops.length && stillFails(start)) return start;
  }
  return [...ops];
}

/** The ops `pick` chooses, plus every write of a value one of their reads returned. */
function closedAround(ops: readonly CheckOp[], writers: ReadonlySet<string>, pick: (o: CheckOp) => boolean): CheckOp[] {
  const read = new Set(ops.filter((o) => o.kind === 'read' && pick(o)).map((o) => o.value));
  return ops.filter((o) => pick(o) || (o.kind === 'write' && writers.has(o.value) && read.has(o.value)));
}

/** Facts about a core, for the explanation: which ops precede which in real time, and the
 * longest order the search could build before an op's return came first. */
export interface CoreExplanation {
  precedes: [number, number][];
  longest: number[];
  /** The op that could not be placed, and the register's value when it had to be. */
  blocked: number;
  held: string;
  /** A read of a value no write in the core writes. */
  unwritten?: number;
}

export function explainCore(core: readonly CheckOp[]): CoreExplanation {
  const precedes: [number, number][] = [];
  // Real-time order, transitively reduced: a before b unless some c sits between them.
  const before = (a: number, b: number) => core[a]!.ret < core[b]!.call;
  for (let a = 0; a < core.length; a++) {
    for (let b = 0; b < core.length; b++) {
      if (before(a, b) && !core.some((_, c) => before(a, c) && before(c, b))) precedes.push([a, b]);
    }
  }
  const r = searchLinearization(core, INITIAL, BUDGET);
  const longest = r.longest ?? [];
  let held = INITIAL;
  for (const i of longest) held = step(held, core[i]!) ?? held;
  const writes = new Set(core.filter((o) => o.kind === 'write').map((o) => o.value));
  const unwritten = core.findIndex((o) => o.kind === 'read' && o.value !== INITIAL && !writes.has(o.value));
  return { precedes, longest, blocked: r.blocked ?? -1, held, ...(unwritten >= 0 ? { unwritten } : {}) };
}
