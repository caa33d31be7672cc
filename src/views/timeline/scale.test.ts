import { describe, expect, it } from 'vitest';
import { bisector, scaleLinear, scaleSqrt, ticks as d3ticks } from 'd3';
import { bisect, linearScale, sqrtScale, ticks } from './scale';

describe('timeline scales', () => {
  it('match d3’s clamped linear scale, its inverse and its ticks', () => {
    for (const [end, from, to] of [[4000, 12, 812], [1, 0, 100], [123_456, 12, 1412]] as const) {
      const ours = linearScale(end, from, to);
      const d3s = scaleLinear().domain([0, end]).range([from, to]).clamp(true);
      for (const v of [-5, 0, end / 3, end / 2, end, end * 2]) expect(ours(v)).toBeCloseTo(d3s(v), 9);
      for (const px of [from - 10, from, (from + to) / 2, to, to + 10]) expect(ours.invert(px)).toBeCloseTo(d3s.invert(px), 9);
      expect(ours.ticks(7)).toEqual(d3s.ticks(7));
      expect(ours.range()).toEqual(d3s.range());
    }
  });
  it('match d3’s square-root scale', () => {
    const d3s = scaleSqrt().domain([0, 250]).range([0, 17]);
    const ours = sqrtScale(250, 17);
    for (const v of [0, 1, 9, 100, 250]) expect(ours(v)).toBeCloseTo(d3s(v), 9);
  });
  it('ticks as d3 does', () => {
    for (const stop of [1, 7, 10, 99, 1000, 4321, 60_000, 2_000_000, 0.5, 0.003])
      for (const count of [1, 2, 5, 7, 12]) expect(ticks(0, stop, count), `${stop}/${count}`).toEqual(d3ticks(0, stop, count));
    expect(ticks(3, 3, 5)).toEqual([3]);
  });
  it('bisects as d3 does, from either side and a start', () => {
    const a = [1, 2, 2, 2, 5, 8, 8, 13].map((seq) => ({ seq }));
    const d3b = bisector((m: { seq: number }) => m.seq);
    for (const x of [0, 1, 2, 3, 8, 13, 20])
      for (const lo of [0, 2, 5]) {
        expect(bisect(a, x, (m) => m.seq, 'left', lo)).toBe(d3b.left(a, x, lo));
        expect(bisect(a, x, (m) => m.seq, 'right', lo)).toBe(d3b.right(a, x, lo));
      }
  });
});
