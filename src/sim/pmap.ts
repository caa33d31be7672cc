/**
 * A persistent string-keyed map, so a protocol's large per-transaction or per-op map costs
 * what an event changed instead of a copy of the whole map (issue 10: 2PC's tmState, a chash
 * client's pending ops). Entries sit in chunks of 32 slots in insertion order; an update copies
 * one chunk and the chunk list, a delete leaves a dead slot (compacted when dead slots
 * outnumber live ones). Keys iterate exactly as a plain object's would: integer-like keys
 * first in numeric order, then the others in insertion order, a re-added key last.
 *
 * Positions come from an index shared by every version derived from one another. It is only
 * ever extended with a mapping no live version contradicts; when a version would need one
 * that does (a key re-added, or added at another slot in another branch), it forks a fresh
 * index of its own. A lookup trusts the index only when the slot holds that key, alive.
 */

const BITS = 5;
const CHUNK = 1 << BITS;
const MASK = CHUNK - 1;
const DEAD: unique symbol = Symbol('dead');

interface Chunk<V> {
  readonly keys: readonly string[];
  readonly vals: readonly (V | typeof DEAD)[];
}

/** A canonical array index: plain objects list these keys first, in numeric order. */
export const isIndexKey = (k: string): boolean => k.length <= 10 && /^(?:0|[1-9]\d*)$/.test(k) && Number(k) < 4294967295;

export class PMap<V> {
  private constructor(
    readonly chunks: readonly Chunk<V>[],
    /** Slots used, dead ones included. */
    readonly length: number,
    /** Live entries. */
    readonly size: number,
    readonly index: Map<string, number>,
    /** Live integer-like keys: iteration sorts them first when there are any. */
    private readonly ints: number,
  ) {}

  static empty<V>(): PMap<V> {
    return new PMap<V>([], 0, 0, new Map(), 0);
  }

  /** The map of a record's own enumerable keys, in the record's order. */
  static from<V>(r: Readonly<Record<string, V>>): PMap<V> {
    return PMap.build(Object.keys(r).map((k) => [k, r[k]!] as const));
  }

  private static build<V>(entries: readonly (readonly [string, V])[]): PMap<V> {
    const chunks: Chunk<V>[] = [];
    const index = new Map<string, number>();
    let ints = 0;
    entries.forEach(([k, v], i) => {
      if ((i & MASK) === 0) chunks.push({ keys: [], vals: [] });
      const c = chunks[chunks.length - 1]! as { keys: string[]; vals: V[] };
      c.keys.push(k);
      c.vals.push(v);
      index.set(k, i);
      if (isIndexKey(k)) ints++;
    });
    return new PMap(chunks, entries.length, entries.length, index, ints);
  }

  /** The slot of a live key, or -1. */
  slot(k: string): number {
    const p = this.index.get(k);
    if (p === undefined || p >= this.length) return -1;
    const c = this.chunks[p >> BITS]!;
    return c.keys[p & MASK] === k && c.vals[p & MASK] !== DEAD ? p : -1;
  }

  has(k: string): boolean {
    return this.slot(k) >= 0;
  }

  get(k: string): V | undefined {
    const p = this.slot(k);
    return p < 0 ? undefined : (this.chunks[p >> BITS]!.vals[p & MASK] as V);
  }

  /** The key and value at a slot; value DEAD when the entry was deleted. */
  at(p: number): readonly [string, V | typeof DEAD] {
    const c = this.chunks[p >> BITS]!;
    return [c.keys[p & MASK]!, c.vals[p & MASK]!];
  }

  set(k: string, v: V): PMap<V> {
    const p = this.slot(k);
    if (p >= 0) {
      if (this.chunks[p >> BITS]!.vals[p & MASK] === v) return this;
      return new PMap(this.withSlot(p, k, v), this.length, this.size, this.index, this.ints);
    }
    const at = this.length;
    let index = this.index;
    const known = index.get(k);
    if (known !== undefined && known !== at) index = this.freshIndex();
    index.set(k, at);
    return new PMap(this.withSlot(at, k, v), at + 1, this.size + 1, index, this.ints + (isIndexKey(k) ? 1 : 0));
  }

  delete(k: string): PMap<V> {
    const p = this.slot(k);
    if (p < 0) return this;
    const next = new PMap(this.withSlot(p, k, DEAD), this.length, this.size - 1, this.index, this.ints - (isIndexKey(k) ? 1 : 0));
    const dead = next.length - next.size;
    return dead > CHUNK && dead > next.size ? PMap.build([...next.entries()]) : next;
  }

  /** Entries in a plain object's key order. */
  *entries(): Generator<[string, V]> {
    if (this.ints > 0) {
      const ints: [string, V][] = [];
      for (const e of this.slots()) if (isIndexKey(e[0])) ints.push(e);
      ints.sort((a, b) => Number(a[0]) - Number(b[0]));
      yield* ints;
      for (const e of this.slots()) if (!isIndexKey(e[0])) yield e;
    } else yield* this.slots();
  }

  lastKey(): string | undefined {
    if (this.ints > 0 && this.ints === this.size) return this.keys().at(-1);
    for (let p = this.length - 1; p >= 0; p--) {
      const [k, v] = this.at(p);
      // With integer-like keys about, the last live non-integer key is still last.
      if (v !== DEAD && (this.ints === 0 || !isIndexKey(k))) return k;
    }
    return undefined;
  }

  keys(): string[] {
    return Array.from(this.entries(), (e) => e[0]);
  }

  private *slots(): Generator<[string, V]> {
    for (const c of this.chunks) for (let i = 0; i < c.keys.length; i++) if (c.vals[i] !== DEAD) yield [c.keys[i]!, c.vals[i] as V];
  }

  private withSlot(p: number, k: string, v: V | typeof DEAD): Chunk<V>[] {
    const chunks = this.chunks.slice();
    const ci = p >> BITS;
    const old = chunks[ci];
    const keys = old ? old.keys.slice(0, Math.min(old.keys.length, this.length - (ci << BITS))) : [];
    const vals = old ? old.vals.slice(0, keys.length) : [];
    keys[p & MASK] = k;
    vals[p & MASK] = v;
    chunks[ci] = { keys, vals };
    return chunks;
  }

  /** An index of this version's live keys only, for a branch the shared one contradicts. */
  private freshIndex(): Map<string, number> {
    const index = new Map<string, number>();
    for (let p = 0; p < this.length; p++) {
      const [k, v] = this.at(p);
      if (v !== DEAD) index.set(k, p);
    }
    return index;
  }
}

export type SlotChange<V> = { k: string; before: V | undefined; after: V | undefined };

/**
 * What `a` → `b` changed, slot by slot, skipping chunks they share: O(changes × 32 + chunks).
 * Null when they are not versions of one lineage (a slot holds different keys), so the caller
 * compares them the slow way. Changes come in `b`'s order: updates, deletes, then new keys.
 */
export function changedSlots<V>(a: PMap<V>, b: PMap<V>): SlotChange<V>[] | null {
  const out: SlotChange<V>[] = [];
  const n = Math.min(a.length, b.length);
  for (let ci = 0; ci << BITS < Math.max(a.length, b.length); ci++) {
    const ca = a.chunks[ci];
    const cb = b.chunks[ci];
    if (ca === cb) continue;
    const from = ci << BITS;
    const to = Math.min(from + CHUNK, Math.max(a.length, b.length));
    for (let p = from; p < to; p++) {
      const none: readonly [undefined, typeof DEAD] = [undefined, DEAD];
      const [ka, va] = p < a.length ? a.at(p) : none;
      const [kb, vb] = p < b.length ? b.at(p) : none;
      if (p < n && ka !== kb) return null;
      if (va === vb) continue;
      if (p >= n && p >= b.length) return null; // b shorter than a: not b's ancestor
      if (va === DEAD && p < a.length) return null; // a dead slot never revives in a descendant
      out.push({ k: (kb ?? ka)!, before: va === DEAD ? undefined : (va as V), after: vb === DEAD ? undefined : (vb as V) });
    }
  }
  return out;
}
