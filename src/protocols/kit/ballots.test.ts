import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ballotOwner, majority, nextBallot, tallyAdd, tallyCount } from './ballots';

describe('ballot arithmetic', () => {
  it('gives two proposers 1, 3, 5, … and 2, 4, 6, …', () => {
    const run = (i: number) => {
      const out: number[] = [];
      let b = -1;
      for (let k = 0; k < 4; k++) out.push((b = nextBallot(i, 2, b)));
      return out;
    };
    expect(run(0)).toEqual([1, 3, 5, 7]);
    expect(run(1)).toEqual([2, 4, 6, 8]);
  });

  it('is disjoint, owned, and the least owned ballot above any bound', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.nat(7), fc.integer({ min: -1, max: 500 }), (k, i0, above) => {
        const i = i0 % k;
        const b = nextBallot(i, k, above);
        expect(b).toBeGreaterThan(above);
        expect(ballotOwner(b, k)).toBe(i);
        for (let c = above + 1; c < b; c++) expect(ballotOwner(c, k)).not.toBe(i);
      }),
    );
  });

  it('majorities intersect, and ⌊n/2⌋ does not', () => {
    for (let n = 1; n <= 9; n++) expect(2 * majority(n)).toBeGreaterThan(n);
    expect(2 * Math.floor(5 / 2)).toBeLessThanOrEqual(5);
  });

  it('tallies distinct members unless told to count messages', () => {
    let t = tallyAdd({}, 'k', 'a1');
    expect(tallyAdd(t, 'k', 'a1')).toBe(t);
    t = tallyAdd(t, 'k', 'a1', true);
    expect(tallyCount(t, 'k')).toBe(2);
    expect(tallyCount(t, 'other')).toBe(0);
  });
});
