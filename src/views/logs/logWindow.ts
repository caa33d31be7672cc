/**
 * Which index columns of the log table are in view, by arithmetic on a geometry measured on
 * resize and scroll, never on a seek (issue 17, item 5: a seek drew all 60 columns of every row
 * and then measured each header to word the visible range, forcing a layout). Pure, so it is
 * tested without a browser.
 */

/** The table's geometry in CSS pixels, measured once per resize (or scroll). */
export interface LogGeometry {
  /** The scroller's inner width. */
  client: number;
  /** The sticky node column's width (its border box). */
  head: number;
  /** One index column's width plus the border spacing: column k starts `k × pitch` after the first. */
  pitch: number;
  /** The border spacing. */
  gap: number;
}

/** Columns drawn beyond each side of those in view, so a short scroll shows drawn cells. */
export const OVERSCAN = 3;

export interface LogWindow {
  /** The scroll position this window is for (the end of the table when following the newest). */
  scrollLeft: number;
  /** The table's scroll width. */
  scrollWidth: number;
  /** Positions (0-based within the page of `n` columns) at least half in view, or null. */
  first: number;
  last: number;
  /** Positions drawn as cells: those in view and `OVERSCAN` more on each side. */
  lo: number;
  hi: number;
  overflow: boolean;
  moreLeft: boolean;
  moreRight: boolean;
}

/** The table's scroll width for `n` index columns: the node column, the columns and one gap
 * (the table's negative margin takes back the outer spacing on the left). */
export function scrollWidthOf(g: LogGeometry, n: number): number {
  return g.head + n * g.pitch + g.gap;
}

/**
 * The window over `n` index columns scrolled to `scrollLeft` (clamped), or to the end when
 * `pinned`. A column is in view when at least half of it shows right of the sticky node column,
 * as the DOM measurement this replaced did (see the test).
 */
export function logWindow(g: LogGeometry, n: number, pinned: boolean, scrollLeft: number): LogWindow {
  const scrollWidth = scrollWidthOf(g, n);
  const max = Math.max(0, scrollWidth - g.client);
  const sl = pinned ? max : Math.min(Math.max(0, scrollLeft), max);
  const w = g.pitch - g.gap;
  // Column k spans [x0 + k·pitch, x0 + k·pitch + w] in the scroller's content; the cells show
  // in [sl + head, sl + client].
  const x0 = g.head + g.gap;
  let first = n > 0 && g.pitch > 0 ? Math.max(0, Math.ceil((sl + g.head - x0 - w / 2) / g.pitch - 1e-6)) : 0;
  let last = n > 0 && g.pitch > 0 ? Math.min(n - 1, Math.floor((sl + g.client - x0 - w / 2) / g.pitch + 1e-6)) : -1;
  if (first > last) {
    // Nothing half in view (a viewport narrower than one column): draw where the view is.
    first = Math.min(n - 1, Math.max(0, first));
    last = first - 1;
  }
  const lo = Math.max(0, first - OVERSCAN);
  const hi = Math.min(n - 1, Math.max(first, last) + OVERSCAN);
  return {
    scrollLeft: sl,
    scrollWidth,
    first,
    last,
    lo,
    hi: n > 0 ? hi : -1,
    overflow: scrollWidth > g.client + 1,
    moreLeft: sl > 1,
    moreRight: sl + g.client < scrollWidth - 1,
  };
}

/** The spacer widths standing in for the columns not drawn, left and right of `lo..hi`: each
 * covers its columns and the gaps between them, so the drawn cells stay where they were. */
export function spacers(g: LogGeometry, n: number, lo: number, hi: number): { left: number; right: number } {
  const width = (k: number) => (k > 0 ? k * g.pitch - g.gap : 0);
  return { left: width(lo), right: width(n - 1 - hi) };
}
