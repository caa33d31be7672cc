import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ddmin } from './ddmin';

describe('ddmin', () => {
  it('finds the two items a failure needs among many', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const fails = (s: readonly number[]) => s.includes(17) && s.includes(83);
    expect(ddmin(items, fails)).toEqual([17, 83]);
  });

  it('returns an empty list when the failure needs nothing', () => {
    expect(ddmin([1, 2, 3], () => true)).toEqual([]);
  });

  it('gives a 1-minimal failing subset for random monotone predicates', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 4 }), (items, k) => {
        const needed = items.slice(0, Math.min(k, items.length));
        const fails = (s: readonly number[]) => needed.every((x) => s.includes(x));
        const out = ddmin(items, fails);
        expect(fails(out)).toBe(true);
        for (let i = 0; i < out.length; i++) expect(fails(out.filter((_, j) => j !== i))).toBe(false);
        expect([...out].sort((a, b) => a - b)).toEqual([...needed].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });

  it('copes with predicates that need an order-dependent pair (non-monotone)', () => {
    // Fails when 5 is present without 6: removing 6 is itself part of the failure.
    const fails = (s: readonly number[]) => s.includes(5) && !s.includes(6);
    const out = ddmin([1, 2, 3, 4, 5, 7, 8], fails);
    expect(out).toEqual([5]);
  });

  it('stops within its test budget', () => {
    let calls = 0;
    ddmin(Array.from({ length: 64 }, (_, i) => i), (s) => (calls++, s.length > 10), 20);
    expect(calls).toBeLessThanOrEqual(21);
  });
});
