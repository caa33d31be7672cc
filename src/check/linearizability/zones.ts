/**
 * A polynomial refutation for one key whose writes all write distinct values: Gibbons and
 * Korach's zones (SIAM J. Comput. 1997), in the form Golab, Li and Shah give for registers
 * (PODC 2011). The search (search.ts) is exponential in the number of overlapping ops, and on a
 * hot key with many clients a full search can run out of budget; then the live check used to
 * leave the key undecided and could miss a stale read. This check costs O(log n) per op, kept up
 * to date op by op, and is only ever used to say "not linearizable", never "linearizable".
 *
 * A value's *cluster* is its write and the answered reads that returned it (the initial value's
 * write is at -∞). Let f be the earliest answer in the cluster and s the latest invocation. In
 * any linearization the register holds the value from the write's point to the last read's
 * point, an interval that contains [f, s] when f < s (a *forward* zone: some op of the cluster
 * ended before another began), or that can shrink to one point of [s, f] otherwise (a
 * *backward* zone). Since values are distinct, these intervals are disjoint, so each of these
 * proves a violation, using only the ops that set the two clusters' f and s (the witness):
 * - a read of a value no write wrote (a failed write is no write), or a read that ended before
 *   its write began;
 * - two forward zones that intersect;
 * - a backward zone strictly inside a forward zone: its value had nowhere to be held.
 *
 * Trace positions are made strict as search.ts orders them: within one event calls come before
 * answers, so an answer at position p counts as p + ½. Invocations are whole, answers halves,
 * so a zone's ends never tie with another's.
 *
 * Ops that never answered: a write is kept only once a read returned its value (then it took
 * effect; ending it after everything is the most permissive), a read not at all.
 */
import { INITIAL, type CheckOp } from './model';

interface Zone {
  lo: number;
  hi: number;
  forward: boolean;
  cluster: Cluster;
}

interface Cluster {
  value: string;
  write: CheckOp | null;
  /** The answered reads' earliest answer and latest invocation, and the ops that set them. */
  reads: number;
  readRet: number;
  readRetOp: CheckOp | null;
  readCall: number;
  readCallOp: CheckOp | null;
  zone: Zone | null;
}

const half = (ret: number) => ret + 0.5;

/** The ops of one key at once: the witness of a refutation, or null (none, or zones stand
 * aside because two writes share a value). */
export function zonesRefute(ops: readonly CheckOp[]): CheckOp[] | null {
  const zones = new ZoneCheck();
  for (const o of ops) zones.update(null, o);
  return zones.check() ? zones.witness : null;
}

/** Zones sorted by `lo` (ties cannot happen between clusters of one kind, see above). */
class Sorted {
  readonly zones: Zone[] = [];
  /** Index of the first zone whose lo is greater than `x`. */
  after(x: number): number {
    let lo = 0;
    let hi = this.zones.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.zones[mid]!.lo <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  insert(z: Zone): void {
    this.zones.splice(this.after(z.lo), 0, z);
  }
  remove(z: Zone): void {
    const i = this.zones.lastIndexOf(z, this.after(z.lo) - 1);
    if (i >= 0) this.zones.splice(i, 1);
  }
}

export class ZoneCheck {
  private readonly clusters = new Map<string, Cluster>();
  /** Distinct written values are what makes a read name its write: off for good otherwise. */
  private readonly writers = new Map<string, string>();
  usable = true;
  private readonly forward = new Sorted();
  private readonly backward = new Sorted();
  /** Once refuted: the ops that prove it. */
  witness: CheckOp[] | null = null;

  /** Clusters changed since the last `check`. */
  private readonly dirty = new Set<Cluster>();

  /** One op, as the search saw it before (or null) and sees it now (or null: a failed write).
   * Every op an event changed is given before `check`: a read and its write may come in one
   * event, in either order. */
  update(prev: CheckOp | null, next: CheckOp | null): void {
    if (!this.usable || this.witness || (prev && next && prev.ret === next.ret)) return;
    if (next?.kind === 'write') {
      const other = this.writers.get(next.value);
      if (next.value === INITIAL || (other !== undefined && other !== next.id)) return this.disable();
      this.writers.set(next.value, next.id);
    }
    if (prev) this.dirty.add(this.leave(prev));
    if (next) this.dirty.add(this.join(next));
  }

  /** Whether the ops given so far are refuted (`witness` then says by which). */
  check(): boolean {
    if (this.witness) return true;
    for (const c of this.dirty) {
      if (this.settle(c)) break;
    }
    this.dirty.clear();
    return this.witness !== null;
  }

  private disable(): void {
    this.usable = false;
    this.clusters.clear();
    this.dirty.clear();
    this.forward.zones.length = 0;
    this.backward.zones.length = 0;
  }

  private cluster(value: string): Cluster {
    let c = this.clusters.get(value);
    if (!c) {
      c = { value, write: null, reads: 0, readRet: Infinity, readRetOp: null, readCall: -Infinity, readCallOp: null, zone: null };
      this.clusters.set(value, c);
    }
    return c;
  }

  private join(op: CheckOp): Cluster {
    const c = this.cluster(op.value);
    if (op.kind === 'write') c.write = op;
    else {
      c.reads++;
      if (half(op.ret) < c.readRet) [c.readRet, c.readRetOp] = [half(op.ret), op];
      if (op.call > c.readCall) [c.readCall, c.readCallOp] = [op.call, op];
    }
    return c;
  }

  /** Only writes leave (a write now known failed, or one whose answer came); answered reads
   * are final. */
  private leave(op: CheckOp): Cluster {
    const c = this.cluster(op.value);
    if (op.kind === 'write' && c.write?.id === op.id) c.write = null;
    return c;
  }

  /** Recomputes a cluster's zone and checks it against every other; true when refuted. */
  private settle(c: Cluster): boolean {
    if (c.zone) (c.zone.forward ? this.forward : this.backward).remove(c.zone);
    c.zone = null;
    const ops = [c.write, c.readRetOp, c.readCallOp].filter((o): o is CheckOp => o !== null);
    if (c.reads === 0 && (!c.write || c.write.ret === Infinity)) return false;
    if (c.value !== INITIAL && !c.write) return this.refute(ops);
    if (c.write && c.readRet < c.write.call) return this.refute([c.write, c.readRetOp!]);
    const f = c.value === INITIAL ? -Infinity : Math.min(c.readRet, half(c.write!.ret));
    const s = Math.max(c.readCall, c.write ? c.write.call : -Infinity);
    const zone: Zone = f < s ? { lo: f, hi: s, cluster: c, forward: true } : { lo: s, hi: f, cluster: c, forward: false };
    c.zone = zone;
    if (zone.forward) {
      const z = this.forward.zones;
      const i = this.forward.after(zone.lo);
      const before = z[i - 1];
      const after = z[i];
      if (before && before.hi >= zone.lo) return this.refute([...ops, ...witnessOf(before.cluster)]);
      if (after && after.lo <= zone.hi) return this.refute([...ops, ...witnessOf(after.cluster)]);
      const b = this.backward.zones;
      for (let j = this.backward.after(zone.lo); j < b.length && b[j]!.lo < zone.hi; j++) {
        if (b[j]!.hi < zone.hi) return this.refute([...ops, ...witnessOf(b[j]!.cluster)]);
      }
      this.forward.insert(zone);
    } else {
      const outer = this.forward.zones[this.forward.after(zone.lo) - 1];
      if (outer && outer.hi > zone.hi) return this.refute([...ops, ...witnessOf(outer.cluster)]);
      this.backward.insert(zone);
    }
    return false;
  }

  private refute(ops: CheckOp[]): boolean {
    this.witness = [...new Set(ops)];
    return true;
  }
}

function witnessOf(c: Cluster): CheckOp[] {
  return [c.write, c.readRetOp, c.readCallOp].filter((o): o is CheckOp => o !== null);
}
