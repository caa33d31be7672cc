import { describe, expect, it } from 'vitest';
import { buildRing } from '../../protocols/chash/ring';
import { angleOf, densityBars, hop, ownershipArcs, polar, serverColor, TAU } from './geometry';

describe('ring geometry', () => {
  it('angles run clockwise from the top, one turn per 2^32', () => {
    expect(angleOf(0)).toBe(0);
    expect(angleOf(2 ** 31)).toBeCloseTo(Math.PI, 12);
    const p = polar(Math.PI / 2, 10);
    expect(p.x).toBeCloseTo(10, 12);
    expect(p.y).toBeCloseTo(0, 12);
  });

  it('ownership arcs cover the circle once, each ending at its owner’s token', () => {
    const ring = buildRing(['a', 'b', 'c'], 5);
    const arcs = ownershipArcs(ring.tokens, ring.owner);
    expect(arcs[0]!.a0).toBe(0);
    expect(arcs.at(-1)!.a1).toBe(TAU);
    for (let i = 1; i < arcs.length; i++) {
      expect(arcs[i]!.a0).toBeCloseTo(arcs[i - 1]!.a1, 12);
      expect(arcs[i]!.owner === arcs[i - 1]!.owner && arcs[i]!.a0 !== 0).toBe(false); // merged
    }
    const total = arcs.reduce((s, a) => s + a.a1 - a.a0, 0);
    expect(total).toBeCloseTo(TAU, 9);
    // The arc before the top wraps: it is token 0's.
    expect(arcs.at(-1)!.owner).toBe(ring.owner[0]);
    expect(ownershipArcs(new Uint32Array(0), new Int32Array(0))).toEqual([]);
  });

  it('a hop starts at the old token, ends at the new one, the short way round', () => {
    const a = hop(0.1, TAU - 0.1, 50, 0);
    const b = hop(0.1, TAU - 0.1, 50, 1);
    expect(a.x).toBeCloseTo(polar(0.1, 50).x, 9);
    expect(b.x).toBeCloseTo(polar(-0.1, 50).x, 9);
    const mid = hop(0.1, TAU - 0.1, 50, 0.5);
    expect(Math.hypot(mid.x, mid.y)).toBeLessThan(50); // lifted inward mid-flight
    expect(Math.abs(mid.x)).toBeLessThan(1); // through the top, not the long way
  });

  it('density bars scale to the maximum and skip empty bins', () => {
    const bars = densityBars([0, 5, 10], 100, 20);
    expect(bars).toHaveLength(2);
    expect(bars[1]!.r0).toBe(80);
    expect(bars[0]!.r0).toBe(90);
    expect(densityBars([1, 100], 100, 20, 100, true)[0]!.r0).toBeCloseTo(98, 12);
  });

  it('colours: the palette for few servers, distinct hues for many, grey for none', () => {
    expect(serverColor(0, 5)).not.toBe(serverColor(1, 5));
    expect(serverColor(0, 500)).not.toBe(serverColor(250, 500));
    expect(serverColor(-1, 5)).toBe('#9ca3af');
  });
});
