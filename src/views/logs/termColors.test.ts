import { describe, expect, it } from 'vitest';
import { TERM_PALETTE, contrast, luminance, mixWhite, termColor } from './termColors';

describe('term colours', () => {
  it('computes WCAG luminance and contrast', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21);
    expect(contrast('#777777', '#777777')).toBe(1);
  });

  it('mixes with white', () => {
    expect(mixWhite('#000000', 0.5)).toBe('#808080');
    expect(mixWhite('#4269d0', 0)).toBe('#4269d0');
    expect(mixWhite('#4269d0', 1)).toBe('#ffffff');
  });

  it('is stable: term 1 is the first colour, and a term keeps its colour', () => {
    expect(termColor(1).bg).toBe(TERM_PALETTE[0]);
    expect(termColor(2).bg).toBe(TERM_PALETTE[1]);
    expect(termColor(7)).toEqual(termColor(7));
    expect(termColor(1 + TERM_PALETTE.length).bg).toBe(termColor(1).bg);
    expect(termColor(0).bg).toBe(TERM_PALETTE[TERM_PALETTE.length - 1]);
  });

  it('gives neighbouring terms different colours', () => {
    for (let t = 1; t < 40; t++) expect(termColor(t).bg, `terms ${t} and ${t + 1}`).not.toBe(termColor(t + 1).bg);
    expect(new Set(TERM_PALETTE).size).toBe(TERM_PALETTE.length);
  });

  it('prints the term number legibly on every fill (WCAG AA, 4.5:1)', () => {
    for (let t = 1; t <= TERM_PALETTE.length; t++) {
      const c = termColor(t);
      expect(contrast(c.bg, c.fg), `term ${t} committed`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(c.tint, c.tintFg), `term ${t} uncommitted`).toBeGreaterThanOrEqual(4.5);
      expect(c.tint).not.toBe(c.bg);
    }
  });
});
