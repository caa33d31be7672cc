import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { logWindow, OVERSCAN, scrollWidthOf, spacers, type LogGeometry } from './logWindow';

/** The geometry the log view has at 1440 px: a 180 px node column, 56 px columns, 3 px gaps. */
const WIDE: LogGeometry = { client: 1396, head: 179.83, pitch: 59, gap: 3 };

/** What the DOM measurement did before (useLogWindow's `visibleColumns`): every column's box,
 * kept when at least half of it shows right of the sticky node column. */
function measured(g: LogGeometry, n: number, sl: number): { first: number; last: number } | null {
  let first = -1;
  let last = -1;
  for (let k = 0; k < n; k++) {
    const left = g.head + g.gap + k * g.pitch - sl;
    const w = g.pitch - g.gap;
    const shown = Math.min(left + w, g.client) - Math.max(left, g.head);
    if (shown >= w / 2) {
      if (first < 0) first = k;
      last = k;
    }
  }
  return first < 0 ? null : { first, last };
}

describe('logWindow', () => {
  it('follows the newest entries: a full page of 60 shows its last 21 columns at 1440 px', () => {
    const w = logWindow(WIDE, 60, true, 0);
    expect(w.scrollWidth).toBeCloseTo(3722.83);
    expect(w.scrollLeft).toBeCloseTo(3722.83 - 1396);
    expect([w.first, w.last]).toEqual([39, 59]);
    expect([w.lo, w.hi]).toEqual([39 - OVERSCAN, 59]);
    expect(w).toMatchObject({ overflow: true, moreLeft: true, moreRight: false });
  });

  it('scrolled to the start: the first columns, a fade on the right', () => {
    const w = logWindow(WIDE, 60, false, 0);
    expect([w.first, w.last, w.lo, w.hi]).toEqual([0, 20, 0, 20 + OVERSCAN]);
    expect(w).toMatchObject({ moreLeft: false, moreRight: true });
  });

  it('a short log fits: nothing overflows, every column drawn', () => {
    const w = logWindow(WIDE, 4, true, 0);
    expect(w).toMatchObject({ first: 0, last: 3, lo: 0, hi: 3, overflow: false, moreLeft: false, moreRight: false, scrollLeft: 0 });
  });

  it('agrees with the DOM measurement it replaces, at any width and scroll position', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 200, max: 2000, noNaN: true }),
        fc.double({ min: 120, max: 260, noNaN: true }),
        fc.double({ min: 0, max: 4000, noNaN: true }),
        fc.boolean(),
        (n, client, head, scroll, pinned) => {
          const g = { ...WIDE, client, head };
          const w = logWindow(g, n, pinned, scroll);
          const want = measured(g, n, w.scrollLeft);
          if (want) expect([w.first, w.last]).toEqual([want.first, want.last]);
          else expect(w.last).toBeLessThan(w.first);
          // What is in view is drawn, and at most OVERSCAN more on each side.
          expect(w.lo).toBeLessThanOrEqual(w.first);
          expect(w.lo).toBeGreaterThanOrEqual(Math.max(0, w.first - OVERSCAN));
          expect(w.hi).toBeGreaterThanOrEqual(Math.min(n - 1, w.last));
          expect(w.hi).toBeLessThanOrEqual(Math.min(n - 1, Math.max(w.first, w.last) + OVERSCAN));
          expect(w.scrollLeft).toBeGreaterThanOrEqual(0);
          expect(w.scrollLeft).toBeLessThanOrEqual(Math.max(0, w.scrollWidth - client) + 1e-9);
        },
      ),
    );
  });

  it('spacers keep the table as wide as every column drawn, and each drawn cell in its place', () => {
    for (const [lo, hi] of [
      [0, 59],
      [10, 30],
      [0, 5],
      [50, 59],
    ] as const) {
      const pad = spacers(WIDE, 60, lo, hi);
      const slot = (width: number) => (width > 0 ? width + WIDE.gap : 0);
      // The node column, a gap, then each slot (a spacer or a column) followed by its gap.
      const total = WIDE.head + WIDE.gap + slot(pad.left) + (hi - lo + 1) * WIDE.pitch + slot(pad.right);
      expect(total).toBeCloseTo(scrollWidthOf(WIDE, 60));
      // The first drawn column starts where column `lo` does with all of them drawn.
      expect(WIDE.head + WIDE.gap + slot(pad.left)).toBeCloseTo(WIDE.head + WIDE.gap + lo * WIDE.pitch);
    }
  });
});
