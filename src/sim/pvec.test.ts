import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PVec } from './pvec';
import { arrayOf, firstDiff, itemAt, persistentArray, pushed, sliceOf, spliced, vecOf } from './parray';
import { apply, diff } from './patch';

type Item = { n: number };

/** Appends (one or several), truncations and suffix replacements, on any earlier version. */
const op = fc.oneof(
  fc.record({ k: fc.constant('push' as const), from: fc.nat(), n: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ k: fc.constant('splice' as const), from: fc.nat(), keep: fc.nat({ max: 1200 }), n: fc.integer({ min: 0, max: 70 }) }),
);

let made = 0;
const items = (n: number): Item[] => Array.from({ length: n }, () => ({ n: made++ }));

/** Builds versions from earlier versions (a branching history), each beside its plain array. */
function build(list: { k: 'push' | 'splice'; from: number; n: number; keep?: number }[]) {
  const versions: [Item[], readonly Item[]][] = [[[], arrayOf(PVec.empty<Item>())]];
  for (const o of list) {
    const [plain, view] = versions[o.from % versions.length]!;
    const add = items(o.n);
    if (o.k === 'push') versions.push([[...plain, ...add], pushed(view, ...add)]);
    else {
      const keep = Math.min(o.keep!, plain.length);
      versions.push([[...plain.slice(0, keep), ...add], spliced(view, keep, add)]);
    }
  }
  return versions;
}

describe('persistent vectors and arrays', () => {
  it('read, iterate, slice and serialize exactly as the plain array the same edits build, every version', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (list) => {
        const versions = build(list);
        for (const [plain, view] of versions) {
          const v = vecOf<Item>(view)!;
          expect(view.length).toBe(plain.length);
          expect(Array.isArray(view)).toBe(true);
          for (let i = 0; i < plain.length; i++) {
            expect(view[i]).toBe(plain[i]);
            expect(v.get(i)).toBe(plain[i]);
          }
          expect(view[plain.length]).toBeUndefined();
          expect(v.get(-1)).toBeUndefined();
          expect([...view]).toEqual(plain);
          expect([...v]).toEqual(plain);
          expect(v.toArray()).toEqual(plain);
          expect(JSON.stringify(view)).toBe(JSON.stringify(plain));
          expect(Object.keys(view)).toEqual(Object.keys(plain));
          const a = Math.floor(plain.length / 3);
          expect(sliceOf(view, a, plain.length - 1)).toEqual(plain.slice(a, plain.length - 1));
          expect(view.slice(a)).toEqual(plain.slice(a));
          // Negative bounds count from the end, and only canonical keys name items, as on arrays.
          expect(sliceOf(view, -2)).toEqual(plain.slice(-2));
          expect(sliceOf(view, 0, -1)).toEqual(plain.slice(0, -1));
          if (plain.length > 2) {
            expect((view as unknown as Record<string, unknown>)['1.0']).toBeUndefined();
            expect('1e0' in view).toBe(false);
            expect(v.get(1.5)).toBeUndefined();
          }
          expect(view.map((x) => x.n)).toEqual(plain.map((x) => x.n));
          expect(view).toEqual(plain);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('finds the first index where two versions differ, as a scan of the plain arrays does', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 50 }), fc.nat(), fc.nat(), (list, x, y) => {
        const versions = build(list);
        const [pa, va] = versions[x % versions.length]!;
        const [pb, vb] = versions[y % versions.length]!;
        let i = 0;
        while (i < Math.min(pa.length, pb.length) && pa[i] === pb[i]) i++;
        expect(firstDiff(va, vb)).toBe(i);
        expect(firstDiff(vb, va)).toBe(i);
        expect(firstDiff(pa, vb)).toBe(i);
        expect(firstDiff(va, va)).toBe(pa.length);
      }),
      { numRuns: 200 },
    );
  });

  it('diffs two versions into the same patch as their plain arrays, and the patch rebuilds the later one', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.nat(), fc.nat(), (list, x, y) => {
        const versions = build(list);
        const [pa, va] = versions[x % versions.length]!;
        const [pb, vb] = versions[y % versions.length]!;
        const p = diff(va, vb);
        expect(p).toEqual(diff(pa, pb));
        expect(JSON.stringify(p ? apply(va, p) : va)).toBe(JSON.stringify(pb));
      }),
      { numRuns: 200 },
    );
  });

  it('never changes a version once made, and shares what did not change', () => {
    const base = persistentArray(items(1000));
    const copy = [...base];
    const a = pushed(base, ...items(5));
    const b = spliced(base, 500, items(3));
    const c = spliced(a, 998, items(40));
    expect([...base]).toEqual(copy);
    expect(a.slice(0, 1000)).toEqual(copy);
    expect(b.slice(0, 500)).toEqual(copy.slice(0, 500));
    expect(c.slice(0, 998)).toEqual(copy.slice(0, 998));
    expect(c.length).toBe(1038);
    expect(persistentArray(base)).toBe(base);
    expect(arrayOf(vecOf(base)!)).toBe(base);
    expect(itemAt(c, 997)).toBe(copy[997]);
  });

  it('rejects writes like a frozen array', () => {
    const view = persistentArray([{ n: 1 }]) as Item[];
    expect(() => {
      'use strict';
      view[0] = { n: 2 };
    }).toThrow(TypeError);
    expect(() => view.push({ n: 3 })).toThrow(TypeError);
    expect(view.length).toBe(1);
  });

  it('goes deep: 40,000 items through three trie levels and back', () => {
    const plain = items(40_000);
    let v = PVec.empty<Item>();
    for (const it of plain) v = v.push(it);
    expect(v.length).toBe(40_000);
    for (const i of [0, 31, 32, 1023, 1024, 1056, 32767, 32768, 39999]) expect(v.get(i)).toBe(plain[i]);
    for (const n of [39_999, 32_769, 32_768, 32_767, 1025, 1024, 33, 32, 1, 0]) {
      const t = v.take(n);
      expect(t.length).toBe(n);
      expect(t.toArray()).toEqual(plain.slice(0, n));
      expect(t.firstDiff(v)).toBe(n);
      const more = items(70);
      expect(t.pushAll(more).toArray()).toEqual([...plain.slice(0, n), ...more]);
    }
  });
});
