/**
 * The smallest sub-history that cannot be linearized, and why. A failing history is shrunk by
 * deleting ops while it stays non-linearizable (delta debugging's ddmin, Zeller 2002, in its
 * simple form: chunks of halving size, then single ops), so every op left is needed: take any
 * one away and the rest can be linearized. Deleting an op from a history keeps every other
 * op's interval, so what is left is a genuine sub-history.
 */
import { searchLinearization } from './search';
import { INITIAL, step, type CheckOp } from './model';

const BUDGET = 200_000;

function stillFails(ops: readonly CheckOp[]): boolean {
  const r = searchLinearization(ops, INITIAL, BUDGET);
  return !r.ok && !r.unknown;
}

/**
 * Shrinks while keeping `keep` (the op whose answer first broke the history) and keeping the
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
  let core = [...ops];
  for (let size = Math.max(1, Math.floor(core.length / 2)); ; size = Math.max(1, Math.floor(size / 2))) {
    for (let i = 0; i < core.length; ) {
      const removed = core.slice(i, i + size);
      const candidate = [...core.slice(0, i), ...core.slice(i + size)];
      if (candidate.length > 0 && !removed.some((o) => keep.has(o.index)) && closed(candidate) && stillFails(candidate)) core = candidate;
      else i += size;
    }
    if (size === 1) break;
  }
  return core;
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
  for (let a = 0; a < core.length; a++) for (let b = 0; b < core.length; b++) if (core[a]!.ret < core[b]!.call) precedes.push([a, b]);
  const r = searchLinearization(core, INITIAL, BUDGET);
  const longest = r.longest ?? [];
  let held = INITIAL;
  for (const i of longest) held = step(held, core[i]!) ?? held;
  const writes = new Set(core.filter((o) => o.kind === 'write').map((o) => o.value));
  const unwritten = core.findIndex((o) => o.kind === 'read' && o.value !== INITIAL && !writes.has(o.value));
  return { precedes, longest, blocked: r.blocked ?? -1, held, ...(unwritten >= 0 ? { unwritten } : {}) };
}
