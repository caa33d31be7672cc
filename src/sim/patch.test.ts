import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apply, applyOwned, diff } from './patch';

/** JSON-like values with shared shapes, so diffs see both small and wholesale changes. */
const key = fc.constantFrom('a', 'b', 'c', 'log', '__proto__', 'constructor', '1', '10', 'x y');
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 3 }), tie('arr'), tie('obj')),
  arr: fc.array(tie('value'), { maxLength: 5 }),
  obj: fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }).map((entries) => {
    const o: Record<string, unknown> = {};
    for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
    return o;
  }),
})).value;

/** A value and an edit of it that shares its untouched parts (as immutable updates do). */
function edit(v: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  if (Array.isArray(v) && v.length > 0) {
    const i = path[0]! % (v.length + 1);
    const out = v.slice();
    if (i === v.length) out.push(replacement);
    else out[i] = edit(v[i], path.slice(1), replacement);
    return out;
  }
  if (typeof v === 'object' && v !== null) {
    const keys = Object.keys(v);
    const out: Record<string, unknown> = {};
    for (const k of keys) Object.defineProperty(out, k, { value: (v as Record<string, unknown>)[k], writable: true, enumerable: true, configurable: true });
    if (keys.length === 0 || path[0]! % 3 === 0) Object.defineProperty(out, `k${path[0]}`, { value: replacement, writable: true, enumerable: true, configurable: true });
    else if (path[0]! % 3 === 1) delete out[keys[path[0]! % keys.length]!];
    else {
      const k = keys[path[0]! % keys.length]!;
      out[k] = edit(out[k], path.slice(1), replacement);
    }
    return out;
  }
  return replacement;
}

const same = (a: unknown, b: unknown) => expect(JSON.stringify(a)).toBe(JSON.stringify(b));

describe('patches', () => {
  it('apply(a, diff(a, b)) serializes exactly as b, key order included, for unrelated values', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        const before = JSON.stringify(a);
        const p = diff(a, b);
        same(p ? apply(a, p) : a, b);
        same(p ? applyOwned(a, p, new Set()) : a, b);
        expect(JSON.stringify(a)).toBe(before);
      }),
      { numRuns: 500, seed: 1 },
    );
  });

  it('a chain of small edits rebuilds every state, forward and from the first', () => {
    fc.assert(
      fc.property(json, fc.array(fc.tuple(fc.array(fc.nat(20), { maxLength: 4 }), json), { minLength: 1, maxLength: 12 }), (start, edits) => {
        const states = [start];
        for (const [path, v] of edits) states.push(edit(states.at(-1), path, v));
        const patches = states.slice(1).map((s, i) => diff(states[i], s));
        const owned = new Set<object>();
        let forward: unknown = start;
        let rebuilt: unknown = start;
        patches.forEach((p, i) => {
          if (p) forward = apply(forward, p);
          if (p) rebuilt = applyOwned(rebuilt, p, owned);
          same(forward, states[i + 1]);
          same(rebuilt, states[i + 1]);
        });
        same(start, states[0]); // the first state is never written to
        expect(Object.prototype).not.toHaveProperty('k0');
      }),
      { numRuns: 300, seed: 2 },
    );
  });

  it('an append to a long array is a patch of the new items only', () => {
    const log = Array.from({ length: 10_000 }, (_, i) => ({ term: 1, command: `x=${i}` }));
    const next = [...log, { term: 2, command: 'y' }];
    expect(diff({ log, term: 1 }, { log: next, term: 1 })).toEqual({ k: 'obj', set: [['log', { k: 'arr', keep: 10_000, tail: [next.at(-1)] }]] });
  });

  it('a key __proto__ stays data and never reaches Object.prototype', () => {
    const a = JSON.parse('{"m":{"__proto__":{"polluted":1}}}') as unknown;
    const b = JSON.parse('{"m":{"__proto__":{"polluted":2},"z":1}}') as unknown;
    const p = diff(a, b)!;
    same(apply(a, p), b);
    same(applyOwned(a, p, new Set()), b);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
