/**
 * The sequential specification the checker holds a history to: a key-value register, one per
 * key (P-compositionality: a history is linearizable iff each key's sub-history is, Herlihy and
 * Wing 1990, Theorem 1; Horn and Kroening 2015 for its use in checking).
 *
 * States and values are canonical strings (JSON), so that memoization compares them cheaply
 * and `1` and `"1"` stay different values.
 */
import type { HistoryOp } from '../history';

/** One operation as the search sees it: its effect and its real-time interval. */
export interface CheckOp {
  /** Index in the history the op came from. */
  index: number;
  id: string;
  kind: 'write' | 'read';
  /** Canonical value written, or read. */
  value: string;
  /** Trace positions; `ret` is Infinity for an op that may still take effect (info, pending). */
  call: number;
  ret: number;
}

/** What a register holds before any write: nothing. A read of a missing key returns null. */
export const INITIAL = 'null';

export const canon = (v: unknown): string => JSON.stringify(v ?? null);

const WRITES = new Set(['put', 'write']);
const READS = new Set(['get', 'read']);

/** Whether the register model has anything to say about an op of this `f`. */
export function isRegisterOp(f: string): boolean {
  return WRITES.has(f) || READS.has(f);
}

/**
 * The ops of one key the search must place, in the order given. A failed op certainly did not
 * happen, and a read that never returned constrains nothing: both are left out. A write that
 * never completed may take effect at any point after its invocation, or never: its return is at
 * infinity, so the search may linearize it last, where it changes no read (Porcupine and
 * Knossos treat `info` the same way).
 */
export function toCheckOps(ops: readonly HistoryOp[], cutoff = Infinity): CheckOp[] {
  const out: CheckOp[] = [];
  ops.forEach((op, index) => {
    const c = toCheckOp(op, index, cutoff);
    if (c) out.push(c);
  });
  return out;
}

/** One op as `toCheckOps` sees it at `cutoff`, or null when the search has nothing to place. */
export function toCheckOp(op: HistoryOp, index: number, cutoff = Infinity): CheckOp | null {
  // The history as it stood at `cutoff`: later invocations are not there yet, later answers
  // not given yet.
  if (op.invokeSeq > cutoff) return null;
  const ended = op.endSeq !== undefined && op.endSeq <= cutoff;
  if (op.status === 'fail' && ended) return null;
  if (WRITES.has(op.f)) {
    return { index, id: op.id, kind: 'write', value: canon(op.value), call: op.invokeSeq, ret: op.status === 'ok' && ended ? op.endSeq! : Infinity };
  }
  if (READS.has(op.f) && op.status === 'ok' && ended) {
    return { index, id: op.id, kind: 'read', value: canon(op.output), call: op.invokeSeq, ret: op.endSeq! };
  }
  return null;
}

/** The register's step: the state after `op`, or null when `op` cannot happen in `state`. */
export function step(state: string, op: CheckOp): string | null {
  if (op.kind === 'write') return op.value;
  return op.value === state ? state : null;
}

/** For messages: `put(x, 1)`, `get(x) → 1`. */
export function describeOp(op: HistoryOp): string {
  const arg = op.value === undefined ? '' : `, ${canon(op.value)}`;
  if (READS.has(op.f)) return `${op.f}(${op.key}) → ${op.status === 'ok' ? canon(op.output) : op.status}`;
  return `${op.f}(${op.key}${arg})${op.status === 'ok' ? '' : ` [${op.status}]`}`;
}
