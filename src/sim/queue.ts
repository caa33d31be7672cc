/** A binary min-heap ordered by (time, seq): the simulation's event queue. */
export interface Queued {
  readonly time: number;
  readonly seq: number;
}

function before(x: Queued, y: Queued): boolean {
  return x.time < y.time || (x.time === y.time && x.seq < y.seq);
}

export class EventQueue<T extends Queued> {
  private items: T[];

  constructor(items: readonly T[] = []) {
    // A copy of another queue's array is already a heap.
    this.items = items.slice();
  }

  get size(): number {
    return this.items.length;
  }

  /** The heap array, for checkpoints: it is itself a valid heap. */
  toArray(): readonly T[] {
    return this.items;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const up = a[parent]!;
      if (!before(a[i]!, up)) break;
      a[parent] = a[i]!;
      a[i] = up;
      i = parent;
    }
  }

  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        const down = a[m]!;
        a[m] = a[i]!;
        a[i] = down;
        i = m;
      }
    }
    return top;
  }
}
