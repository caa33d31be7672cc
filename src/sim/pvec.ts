/**
 * A persistent vector, so a protocol's growing log costs what an event changed instead of a
 * copy of the whole log (issue 12: Raft copied its log on every append, and a 1M-event run
 * allocated more per event the longer it ran). A 32-way trie of full 32-item leaves plus a
 * tail of the last 1–32 items (Bagwell's and Clojure's vector): `push` copies the tail, and
 * every 32nd one a path of the trie; `take` (a truncation, as when Raft deletes a conflicting
 * suffix) copies one path. Versions never change once made, so any number of them (a run's
 * checkpoints, branches, the step memo's snapshots) share their common prefix safely.
 */

const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

/** A trie node: children below a leaf's level, items at it. */
type Node = readonly unknown[];

const EMPTY_ROOT: Node = [];

export class PVec<T> {
  private constructor(
    readonly length: number,
    /** The root's level: the bits an index shifts by to pick the root's child. */
    private readonly shift: number,
    private readonly root: Node,
    private readonly tail: readonly T[],
  ) {}

  private static readonly EMPTY = new PVec<never>(0, BITS, EMPTY_ROOT, []);

  static empty<T>(): PVec<T> {
    return PVec.EMPTY as PVec<T>;
  }

  static from<T>(items: readonly T[]): PVec<T> {
    return PVec.empty<T>().pushAll(items);
  }

  /** Where the tail starts: the items before it are in the trie, in full leaves. */
  private get tailOffset(): number {
    return this.length === 0 ? 0 : ((this.length - 1) >>> BITS) << BITS;
  }

  get(i: number): T | undefined {
    if (i < 0 || i >= this.length || (i | 0) !== i) return undefined;
    const off = this.tailOffset;
    if (i >= off) return this.tail[i - off];
    return this.leaf(i)[i & MASK] as T;
  }

  /** The trie leaf holding index `i` (below the tail offset). */
  private leaf(i: number): Node {
    let node = this.root;
    for (let level = this.shift; level > 0; level -= BITS) node = node[(i >>> level) & MASK] as Node;
    return node;
  }

  push(item: T): PVec<T> {
    const tail = this.tail;
    if (tail.length < WIDTH) {
      const next = tail.slice();
      next.push(item);
      return new PVec(this.length + 1, this.shift, this.root, next);
    }
    return this.withTailInTrie([item]);
  }

  /** `items` appended: the tail is copied once per 32 items, not once per item. */
  pushAll(items: readonly T[]): PVec<T> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let v: PVec<T> = this;
    let i = 0;
    while (i < items.length) {
      const room = WIDTH - v.tail.length;
      if (room === 0) {
        v = v.withTailInTrie([items[i++]!]);
        continue;
      }
      const next = v.tail.slice();
      const end = Math.min(items.length, i + room);
      const added = end - i;
      while (i < end) next.push(items[i++]!);
      v = new PVec(v.length + added, v.shift, v.root, next);
    }
    return v;
  }

  /** The full tail moved into the trie, `tail` the new one. */
  private withTailInTrie(tail: T[]): PVec<T> {
    const n = this.length;
    let root: Node;
    let shift = this.shift;
    if (n >>> BITS > 1 << shift) {
      // The trie is full at this depth: a new root over the old one and a path to the leaf.
      root = [this.root, newPath(shift, this.tail)];
      shift += BITS;
    } else root = pushTail(n, shift, this.root, this.tail);
    return new PVec(n + tail.length, shift, root, tail);
  }

  /** The first `n` items. */
  take(n: number): PVec<T> {
    if (n >= this.length) return this;
    if (n <= 0) return PVec.empty<T>();
    const newOff = ((n - 1) >>> BITS) << BITS;
    const off = this.tailOffset;
    if (newOff === off) return new PVec(n, this.shift, this.root, this.tail.slice(0, n - off));
    const tail = this.leaf(newOff).slice(0, n - newOff) as T[];
    if (newOff === 0) return new PVec(n, BITS, EMPTY_ROOT, tail);
    let root = takeNode(this.root, this.shift, newOff);
    let shift = this.shift;
    while (shift > BITS && root.length === 1) {
      root = root[0] as Node;
      shift -= BITS;
    }
    return new PVec(n, shift, root, tail);
  }

  /** The first `keep` items, then `items` (a suffix replaced). */
  splice(keep: number, items: readonly T[]): PVec<T> {
    return this.take(keep).pushAll(items);
  }

  /** Items `from` (inclusive) to `to` (exclusive), as a plain array; a negative bound counts
   * from the end, as `Array.prototype.slice` does. */
  slice(from = 0, to = this.length): T[] {
    const out: T[] = [];
    const at = (x: number) => (x < 0 ? Math.max(0, this.length + x) : Math.min(x, this.length));
    const end = at(to);
    for (let i = at(from); i < end; ) {
      const off = this.tailOffset;
      const chunk = i >= off ? this.tail : (this.leaf(i) as readonly T[]);
      const base = i >= off ? off : i & ~MASK;
      const stop = Math.min(end, base + chunk.length);
      for (; i < stop; i++) out.push(chunk[i - base]!);
    }
    return out;
  }

  toArray(): T[] {
    return this.slice();
  }

  *[Symbol.iterator](): Generator<T> {
    for (let i = 0; i < this.length; i++) yield this.get(i)!;
  }

  /**
   * The first index where `this` and `other` hold different items (by identity), or the
   * shorter length when one is a prefix of the other. Shared subtries are skipped, so two
   * versions of one lineage compare in O(32 × depth) per changed path, not O(length).
   */
  firstDiff(other: PVec<T>): number {
    const n = Math.min(this.length, other.length);
    if (this === other || n === 0) return n;
    const inTrie = Math.min(this.tailOffset, other.tailOffset, n);
    let i = 0;
    if (inTrie > 0) {
      let [ra, sa, rb, sb] = [this.root, this.shift, other.root, other.shift];
      // The deeper trie's first child covers every index the shallower one holds.
      while (sa > sb) [ra, sa] = [ra[0] as Node, sa - BITS];
      while (sb > sa) [rb, sb] = [rb[0] as Node, sb - BITS];
      i = diffNode(ra, rb, sa, 0, inTrie);
      if (i < inTrie) return i;
    }
    // At most 32 items left past the shorter trie: compare them one by one.
    while (i < n && this.get(i) === other.get(i)) i++;
    return i;
  }
}

function newPath(level: number, node: Node): Node {
  return level === 0 ? node : [newPath(level - BITS, node)];
}

/** `parent` with the full leaf `tail` added after the trie's `count` items (a copied path). */
function pushTail(count: number, level: number, parent: Node, tail: Node): Node {
  const sub = ((count - 1) >>> level) & MASK;
  const out = parent.slice();
  if (level === BITS) out[sub] = tail;
  else {
    const child = parent[sub] as Node | undefined;
    out[sub] = child ? pushTail(count, level - BITS, child, tail) : newPath(level - BITS, tail);
  }
  return out;
}

/** The subtrie holding a node's first `count` items (a multiple of 32, at least 32). */
function takeNode(node: Node, level: number, count: number): Node {
  if (level === 0) return node;
  const last = (count - 1) >>> level;
  const out = node.slice(0, last + 1);
  out[last] = takeNode(node[last] as Node, level - BITS, count - (last << level));
  return out[last] === node[last] && out.length === node.length ? node : out;
}

/** The first index below `limit` where two subtries at one level, starting at `base`, differ. */
function diffNode(a: Node, b: Node, level: number, base: number, limit: number): number {
  if (a === b) return limit;
  if (level === 0) {
    const end = Math.min(WIDTH, limit - base);
    for (let j = 0; j < end; j++) if (a[j] !== b[j]) return base + j;
    return limit;
  }
  for (let c = 0; c < WIDTH; c++) {
    const start = base + (c << level);
    if (start >= limit) break;
    const at = diffNode(a[c] as Node, b[c] as Node, level - BITS, start, limit);
    if (at < limit) return at;
  }
  return limit;
}
