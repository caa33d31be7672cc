/**
 * Live checking of one key, with work per answer that does not grow with the history. The
 * checker keeps the last linearization it found. When new answers arrive it keeps a prefix of
 * that order fixed and searches only the rest (the ops after the prefix, the new answers, and
 * the never-answered writes some read may need), from the register's value after the prefix.
 *
 * The seam is first put as late as real time allows (a new answer that returned before an op
 * of the prefix was invoked cannot follow it), then moved back 8, 16, 32, … ops, and finally to
 * the start, so a verdict of "not linearizable" always comes from a full search, and
 * "linearizable" always comes with an order that is one. A windowed search gets a small step
 * budget of its own: running out of it only widens the window.
 *
 * Everything is kept up to date op by op (the ops as the search sees them, where each sits in
 * the order, the answered ops not placed yet, the never-answered writes by value), so an answer
 * costs the window, not a rebuild of the key's history: a hot key stays linear over a run.
 */
import type { HistoryOp } from '../history';
import { INITIAL, step, toCheckOp, type CheckOp } from './model';
import { searchLinearization } from './search';
import { ZoneCheck } from './zones';

/** Steps a windowed search may take per op in it before the window is widened instead. */
const WINDOW_STEPS_PER_OP = 2_000;

export class IncrementalKey {
  /** The key's ops as the search sees them, by their index in the key's history (null: none). */
  private readonly ops: (CheckOp | null)[] = [];
  private readonly indexOf = new Map<string, number>();
  /** The order found last, the value after each of its prefixes, and the latest invocation in
   * each prefix (nondecreasing, so the seam is found by binary search). */
  private order: number[] = [];
  private states: string[] = [INITIAL];
  private maxCall: number[] = [-Infinity];
  private readonly pos = new Map<number, number>();
  /** Answered ops not in the order yet. */
  private readonly unplaced = new Set<number>();
  /** Never-answered writes not in the order, by value: only a read of that value needs them. */
  private readonly idle = new Map<string, Set<number>>();
  /** Steps the last check took, and the searches it ran, for the bench and the tests. */
  lastSteps = 0;
  lastSearches = 0;
  /** Ops the last check's searches were given, summed: the work an answer costs. */
  lastSearched = 0;
  /** Answers so far; and, after a full search ran out of budget (linearizability is NP-complete,
   * and a key with many overlapping ops can exceed any budget), the count at which to try
   * again: doubling keeps a hopeless key from costing a full budget on every answer. */
  private answered = 0;
  private retryAt = 0;
  /** Whether the key's last full search ran out of budget: its verdict is unknown. */
  undecided = false;
  /** The polynomial refutation for keys whose writes write distinct values (zones.ts). */
  readonly zones = new ZoneCheck();

  /**
   * Whether the key's history so far can be linearized (a full search out of budget counts as
   * yes). `all` is the key's history in invocation order; `changed` the ops of it whose status
   * changed since the last call (new invocations are picked up from `all` by themselves).
   */
  check(all: readonly HistoryOp[], changed: readonly HistoryOp[], budget: number): boolean {
    for (let i = this.ops.length; i < all.length; i++) {
      this.indexOf.set(all[i]!.id, i);
      this.ops.push(null);
      this.refresh(i, all[i]!);
    }
    for (const op of changed) {
      const i = this.indexOf.get(op.id);
      if (i !== undefined) this.refresh(i, op);
    }
    this.lastSteps = 0;
    this.lastSearches = 0;
    this.lastSearched = 0;
    // A refutation by zones needs no search, and holds while a search would run out of budget.
    if (this.zones.check()) return false;
    if (this.unplaced.size === 0 || this.answered < this.retryAt) return true;
    let minRet = Infinity;
    for (const i of this.unplaced) minRet = Math.min(minRet, this.ops[i]!.ret);
    const latest = this.latestSeam(minRet);
    for (let back = 0; ; back = back === 0 ? 8 : back * 2) {
      const k = Math.max(0, latest - back);
      const r = this.trySuffix(k, k === 0 ? budget : Math.min(budget, WINDOW_STEPS_PER_OP * (this.order.length - k + this.unplaced.size + 1)));
      if (r === 'ok') {
        this.undecided = false;
        return true;
      }
      if (k === 0) {
        this.undecided = r === 'unknown';
        if (this.undecided) this.retryAt = 2 * this.answered;
        return this.undecided;
      }
    }
  }

  /** The last prefix length whose ops were all invoked no later than `minRet`. */
  private latestSeam(minRet: number): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.maxCall[mid]! <= minRet) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Brings op `i` up to date with its history op, keeping every index consistent. */
  private refresh(i: number, op: HistoryOp): void {
    const prev = this.ops[i]!;
    const next = toCheckOp(op, i);
    this.zones.update(prev, next);
    if (next && next.ret !== Infinity && !(prev && prev.ret !== Infinity)) this.answered++;
    const p = this.pos.get(i);
    if (p !== undefined) {
      // A placed write that now returned stays valid where it is: every op after it in the
      // order was invoked before this answer. A placed op that is gone (a write now known
      // failed) cuts the order there.
      if (next === null) this.truncate(p);
      else {
        this.ops[i] = next;
        return;
      }
    }
    if (prev) this.forget(i, prev);
    this.ops[i] = next;
    if (next && !this.pos.has(i)) this.remember(i, next);
  }

  private remember(i: number, op: CheckOp): void {
    if (op.ret !== Infinity) this.unplaced.add(i);
    else {
      let s = this.idle.get(op.value);
      if (!s) this.idle.set(op.value, (s = new Set()));
      s.add(i);
    }
  }

  private forget(i: number, op: CheckOp): void {
    this.unplaced.delete(i);
    this.idle.get(op.value)?.delete(i);
  }

  /** Keeps the first `k` ops of the order; the rest go back to waiting. */
  private truncate(k: number): void {
    for (let j = k; j < this.order.length; j++) {
      const i = this.order[j]!;
      this.pos.delete(i);
      const op = this.ops[i];
      if (op) this.remember(i, op);
    }
    this.order.length = k;
    this.states.length = k + 1;
    this.maxCall.length = k + 1;
  }

  private trySuffix(k: number, budget: number): 'ok' | 'fail' | 'unknown' {
    const rest: CheckOp[] = [];
    for (let j = k; j < this.order.length; j++) rest.push(this.ops[this.order[j]!]!);
    for (const i of this.unplaced) rest.push(this.ops[i]!);
    // Never-answered writes matter only through reads of their value (search.ts).
    const wanted = new Set(rest.filter((o) => o.kind === 'read').map((o) => o.value));
    const suffix = rest.filter((o) => o.ret !== Infinity || wanted.has(o.value));
    for (const v of wanted) for (const i of this.idle.get(v) ?? []) suffix.push(this.ops[i]!);
    suffix.sort((a, b) => a.index - b.index);
    const r = searchLinearization(suffix, this.states[k]!, budget);
    this.lastSteps += r.steps;
    this.lastSearches++;
    this.lastSearched += suffix.length;
    if (r.unknown) return 'unknown';
    if (!r.ok) return 'fail';
    this.truncate(k);
    let state = this.states[k]!;
    let maxCall = this.maxCall[k]!;
    for (const j of r.order!) {
      const op = suffix[j]!;
      this.forget(op.index, op);
      state = step(state, op)!;
      maxCall = Math.max(maxCall, op.call);
      this.pos.set(op.index, this.order.length);
      this.order.push(op.index);
      this.states.push(state);
      this.maxCall.push(maxCall);
    }
    return 'ok';
  }
}
