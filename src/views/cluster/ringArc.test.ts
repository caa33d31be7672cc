import { describe, expect, it } from 'vitest';
import { arc } from 'd3';
import { ringArc } from './ringArc';

/** The points a path moves, lines or arcs to, in order (the arcs' end points). */
function points(d: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of d.matchAll(/([MLA])([^MLAZ]*)/g)) {
    const n = m[2]!.split(/[ ,]+/).filter(Boolean).map(Number);
    out.push([n.at(-2)!, n.at(-1)!]);
  }
  return out;
}

describe('ringArc', () => {
  it('passes through the same points as d3’s arc, for sectors short and long', () => {
    const d3arc = arc();
    for (const [inner, outer, end] of [[13, 16, 0.3], [13, 16, 2], [13, 16, 4.5], [0, 10, 1]] as const) {
      const ours = points(ringArc(inner, outer, 0, end));
      const theirs = points(d3arc({ innerRadius: inner, outerRadius: outer, startAngle: 0, endAngle: end })!);
      expect(ours.length).toBe(theirs.length);
      ours.forEach(([x, y], i) => {
        expect(x).toBeCloseTo(theirs[i]![0], 2);
        expect(y).toBeCloseTo(theirs[i]![1], 2);
      });
    }
  });
  it('takes the long way round past half a turn, and draws a full turn as a ring with a hole', () => {
    expect(ringArc(13, 16, 0, 4)).toMatch(/A16,16 0 1,1 /);
    expect(ringArc(13, 16, 0, 1)).toMatch(/A16,16 0 0,1 /);
    const full = ringArc(13, 16, 0, 2 * Math.PI);
    expect(full.match(/M/g)).toHaveLength(2);
    expect(full).toContain('A13,13 0 1,0');
  });
});
