import { describe, expect, it } from 'vitest';
import { scaleLinear, scaleSqrt } from 'd3';
import { linearScale, sqrtScale } from './scale';

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
});
