/**
 * Hostile-input generators for the fuzz tests (test code only): JSON values with prototype
 * names and very long keys, and curated scenarios with one field replaced by such a value.
 */
import fc from 'fast-check';
import type { Scenario } from './types';

/** Keys a hostile file would try: prototype names, near-misses, very long ones. */
export const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'format', 'version', 'nodes', 'actions', 'params', 'bugs', 'at', 'do', 'node'),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: 1000, max: 50_000 }).map((n) => 'k'.repeat(n)),
);
export const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, 0, -0, 1e308, -1, 2 ** 53, 'n1', '', 'raft', 'auto'),
    fc.double(),
    fc.string({ maxLength: 20 }),
    fc.array(tie('v'), { maxLength: 6 }),
    fc.array(fc.tuple(hostileKey, tie('v')), { maxLength: 6 }).map((entries) => {
      const o: Record<string, unknown> = {};
      for (const [k, x] of entries) Object.defineProperty(o, k, { value: x, enumerable: true, writable: true, configurable: true });
      return o;
    }),
  ),
})).v;

/** A curated scenario with one field somewhere replaced by a hostile value. */
export const mutatedOf = (curated: readonly Scenario[]) =>
  fc.tuple(fc.constantFrom(...curated), fc.array(fc.oneof(hostileKey, fc.nat(12)), { minLength: 1, maxLength: 4 }), value).map(([s, path, v]) => {
  const root = JSON.parse(JSON.stringify(s)) as Record<string, unknown>;
  let at: Record<string, unknown> = root;
  for (let i = 0; i < path.length - 1; i++) {
    const keys = Object.keys(at);
    const k = typeof path[i] === 'number' ? keys[(path[i] as number) % Math.max(1, keys.length)] : (path[i] as string);
    // Own keys only: at["__proto__"] would walk the test itself into Object.prototype.
    const next = k === undefined || !Object.hasOwn(at, k) ? undefined : at[k];
    if (typeof next !== 'object' || next === null) break;
    at = next as Record<string, unknown>;
  }
  const last = path.at(-1)!;
  Object.defineProperty(at, typeof last === 'number' ? (Object.keys(at)[last % Math.max(1, Object.keys(at).length)] ?? 'x') : last, { value: v, enumerable: true, writable: true, configurable: true });
  return root;
});

