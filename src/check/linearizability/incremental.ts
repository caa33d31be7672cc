/**
 * Live checking of one key, with bounded work per answer in the usual case. The checker keeps
 * the last linearization it found. When new answers arrive it keeps a prefix of that order
 * fixed and searches only the rest (the ops after the prefix, the new answers, and the
 * never-answered writes some read may need), from the register's value after the prefix. A
 * window of 8 ops is tried first, then 16, 32, … and finally the whole history, so a verdict
 * of "not linearizable" always comes from a full search, and "linearizable" always comes with
 * an order that is one: every op placed after the fixed prefix returned after every op in it
 * was invoked, so real-time order holds across the seam.
 */
import type { HistoryOp } from '../history';
import { INITIAL, isRegisterOp, step, toCheckOps, type CheckOp } from './model';
import { searchLinearization } from './search';

export class IncrementalKey {
  /** The order found last, as indices into the key's history, and the value after each prefix. */
  private order: number[] = [];
  private states: string[] = [INITIAL];
  /** Steps the last check took, for the bench. */
  lastSteps = 0;

  /** Whether the key's history so far can be linearized (budget exhausted counts as yes). */
  check(all: readonly HistoryOp[], budget: number): boolean {
    const ops = toCheckOps(all.filter((o) => isRegisterOp(o.f)));
    const byIndex = new Map(ops.map((o) => [o.index, o]));
    // An op of the old order that is gone (a write now known failed) cuts the order there.
    const cut = this.order.findIndex((i) => !byIndex.has(i));
    if (cut >= 0) this.truncate(cut);
    const placed = new Set(this.order);
    const missing = ops.filter((o) => o.ret !== Infinity && !placed.has(o.index));
    this.lastSteps = 0;
    if (missing.length === 0) return true;
    for (let window = 8; ; window *= 2) {
      const k = Math.max(0, this.order.length - window);
      const r = this.trySuffix(ops, byIndex, k, budget);
      if (r === 'ok') return true;
      if (r === 'unknown') return true;
      if (k === 0) return false;
    }
  }

  private truncate(k: number): void {
    this.order.length = k;
    this.states.length = k + 1;
  }

  private trySuffix(ops: readonly CheckOp[], byIndex: ReadonlyMap<number, CheckOp>, k: number, budget: number): 'ok' | 'fail' | 'unknown' {
    const prefix = new Set(this.order.slice(0, k));
    let maxCall = -Infinity;
    for (const i of prefix) maxCall = Math.max(maxCall, byIndex.get(i)!.call);
    const rest = ops.filter((o) => !prefix.has(o.index));
    // An answered op that ended before a fixed op began cannot follow it: widen the window.
    if (rest.some((o) => o.ret < maxCall)) return 'fail';
    // Never-answered writes matter only through reads of their value (search.ts).
    const wanted = new Set(rest.filter((o) => o.kind === 'read').map((o) => o.value));
    const suffix = rest.filter((o) => o.ret !== Infinity || wanted.has(o.value));
    const r = searchLinearization(suffix, this.states[k]!, budget);
    this.lastSteps += r.steps;
    if (r.unknown) return 'unknown';
    if (!r.ok) return 'fail';
    this.truncate(k);
    let state = this.states[k]!;
    for (const j of r.order!) {
      const op = suffix[j]!;
      state = step(state, op)!;
      this.order.push(op.index);
      this.states.push(state);
    }
    return 'ok';
  }
}
