import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PMap } from './pmap';
import { entryOf, lastKey, mapOf, persistent, recordOf, withKey, withoutKey } from './precord';
import { apply, applyOwned, diff } from './patch';

/** Keys that exercise plain objects' ordering rules: integer-like keys come first in numeric
 * order, "__proto__" and "constructor" stay data. */
const key = fc.constantFrom('t1', 't2', 't10', 'a', '__proto__', 'constructor', 'toString', '1', '10', '2', '007', 'x y');
const op = fc.oneof(
  fc.record({ del: fc.constant(false), k: key, v: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ del: fc.constant(true), k: key, v: fc.constant(0) }),
);

/** The plain-object reference: what `{ ...r, [k]: v }` and a key-dropping copy give. */
function plainSet(r: Record<string, number>, k: string, v: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of Object.keys(r)) Object.defineProperty(out, x, { value: r[x], writable: true, enumerable: true, configurable: true });
  Object.defineProperty(out, k, { value: v, writable: true, enumerable: true, configurable: true });
  return out;
}
function plainDel(r: Record<string, number>, k: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of Object.keys(r)) if (x !== k) Object.defineProperty(out, x, { value: r[x], writable: true, enumerable: true, configurable: true });
  return out;
}

describe('persistent records', () => {
  it('read, iterate and serialize exactly as the plain object the same edits build', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        let plain: Record<string, number> = {};
        let rec = persistent<number>({});
        const versions: [Record<string, number>, Readonly<Record<string, number>>][] = [];
        for (const o of ops) {
          plain = o.del ? plainDel(plain, o.k) : plainSet(plain, o.k, o.v);
          rec = o.del ? withoutKey(rec, o.k) : withKey(rec, o.k, o.v);
          versions.push([plain, rec]);
        }
        // Every version, old ones included: later edits never disturb them.
        for (const [p, r] of versions) {
          expect(JSON.stringify(r)).toBe(JSON.stringify(p));
          expect(Object.keys(r)).toEqual(Object.keys(p));
          for (const k of ['t1', '__proto__', 'constructor', '10', 'nope']) {
            expect(entryOf(r, k)).toBe(Object.hasOwn(p, k) ? p[k] : undefined);
            expect(Object.hasOwn(r, k)).toBe(Object.hasOwn(p, k));
          }
          expect(r).toEqual(p);
          expect(lastKey(r)).toBe(Object.keys(p).at(-1));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('diff between any two versions of one lineage, applied, rebuilds the later one', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 80 }), fc.nat(), fc.nat(), (ops, i, j) => {
        const versions = [persistent<number>({})];
        for (const o of ops) versions.push(o.del ? withoutKey(versions.at(-1)!, o.k) : withKey(versions.at(-1)!, o.k, o.v));
        const a = versions[i % versions.length]!;
        const b = versions[j % versions.length]!;
        const p = diff(a, b);
        const rebuilt = p ? apply(a, p) : a;
        expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(b));
        expect(JSON.stringify(p ? applyOwned(a, p, new Set()) : a)).toBe(JSON.stringify(b));
        expect(mapOf(rebuilt)).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it('branches that add different keys at the same slot stay independent', () => {
    const base = withKey(persistent<number>({}), 'a', 1);
    const left = withKey(base, 'b', 2);
    const right = withKey(withKey(base, 'c', 3), 'b', 4);
    expect(JSON.stringify(left)).toBe('{"a":1,"b":2}');
    expect(JSON.stringify(right)).toBe('{"a":1,"c":3,"b":4}');
    expect(entryOf(left, 'c')).toBeUndefined();
    // A key deleted then re-added goes last, and the version that still has it is untouched.
    const again = withKey(withoutKey(left, 'a'), 'a', 5);
    expect(JSON.stringify(again)).toBe('{"b":2,"a":5}');
    expect(JSON.stringify(left)).toBe('{"a":1,"b":2}');
  });

  it('an update copies one chunk, not the map: the untouched chunks are shared', () => {
    let m = PMap.empty<number>();
    for (let i = 0; i < 1000; i++) m = m.set(`t${i}`, i);
    const next = m.set('t500', -1);
    const shared = next.chunks.filter((c, i) => c === m.chunks[i]).length;
    expect(shared).toBe(m.chunks.length - 1);
    expect(diff(recordOf(m), recordOf(next))).toEqual({ k: 'obj', set: [['t500', { k: 'set', v: -1 }]] });
  });

  it('views reject writes, like frozen objects', () => {
    const r = withKey(persistent<number>({}), 'a', 1) as Record<string, number>;
    expect(() => {
      r.a = 2;
    }).toThrow(TypeError);
    expect(() => {
      delete r.a;
    }).toThrow(TypeError);
    expect(r.a).toBe(1);
  });
});
