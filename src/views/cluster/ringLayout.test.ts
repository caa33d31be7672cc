import { describe, expect, it } from 'vitest';
import { ringLayout, spreadAngles } from './ringLayout';

const TAU = Math.PI * 2;
const dist = (a: number, b: number) => Math.min(Math.abs(a - b), TAU - Math.abs(a - b));

describe('spreadAngles', () => {
  it('keeps nodes with room at their place', () => {
    expect(spreadAngles([0, 0.25, 0.5], 0.1)).toEqual([0, 0.25 * TAU, 0.5 * TAU]);
  });
  it('pushes crowded neighbours apart to the gap, keeping their order', () => {
    const a = spreadAngles([0.5, 0.501, 0.502], 0.2);
    expect(dist(a[0]!, a[1]!)).toBeGreaterThanOrEqual(0.2 - 1e-6);
    expect(dist(a[1]!, a[2]!)).toBeGreaterThanOrEqual(0.2 - 1e-6);
    expect(a[0]! < a[1]! && a[1]! < a[2]!).toBe(true);
    // The middle one barely moves: the push is symmetric.
    expect(Math.abs(a[1]! - 0.501 * TAU)).toBeLessThan(0.01);
  });
  it('spreads across 0 (12 o’clock) too', () => {
    const a = spreadAngles([0.999, 0.001], 0.3);
    expect(dist(a[0]!, a[1]!)).toBeGreaterThanOrEqual(0.3 - 1e-6);
  });
  it('shrinks the gap when the circle is too small for it', () => {
    const a = spreadAngles([0.1, 0.1, 0.1, 0.1], 3);
    for (let i = 0; i < 4; i++) expect(dist(a[i]!, a[(i + 1) % 4]!)).toBeGreaterThan(TAU / 4 - 0.05);
  });
});

describe('ringLayout', () => {
  it('puts ring nodes on the circle at their place and the others in a column beside it', () => {
    const l = ringLayout([0, 0.25, null], 800, 600);
    expect(l.center).toEqual({ x: 400, y: 300 });
    expect(l.points[0]).toEqual({ x: 400, y: 300 - l.ringRadius });
    expect(l.points[1]).toEqual({ x: 400 + l.ringRadius, y: 300 });
    // A spare (a server off the ring) stands left of the ring, past its labels' room.
    expect(l.points[2]!.x).toBeLessThan(400 - l.ringRadius - 2 * l.nodeRadius);
    expect(l.angles).toEqual([0, TAU / 4, null]);
  });
  it('stacks spares in a column left of the ring and clients right of it, apart by more than a glyph and its label', () => {
    const l = ringLayout([0.5, null, null, null], 800, 600, [false, false, true, false]);
    const [spareA, client, spareB] = [l.points[1]!, l.points[2]!, l.points[3]!];
    expect(spareA.x).toBe(spareB.x);
    expect(spareA.x).toBeLessThan(l.center.x - l.ringRadius);
    expect(client.x).toBeGreaterThan(l.center.x + l.ringRadius);
    expect(spareB.y - spareA.y).toBeGreaterThan(2 * l.nodeRadius + 30);
  });
});

describe('ringLayout labels', () => {
  it('point labels away from the centre on the ring, and straight down in a column', () => {
    const l = ringLayout([0.25, null], 800, 600);
    expect(l.labelFrom[0]).toEqual(l.center);
    expect(l.labelFrom[1]).toEqual({ x: l.points[1]!.x, y: l.points[1]!.y - 1 });
  });
});
