/**
 * The log table's visible window (issue 17: nothing clipped without a scroll affordance, and
 * scrubbing is smooth): which index columns are in view, which are drawn, the fades on the sides
 * with more, and following the newest entries. The geometry is measured when the scroller or the
 * node column changes size (a ResizeObserver, which reports after layout, so reading it there
 * forces nothing) and the position on scroll, never on a seek: a seek re-renders with the window
 * worked out by arithmetic (`logWindow`), in the same commit, and reads no layout.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { logWindow, type LogGeometry, type LogWindow } from './logWindow';

/** Within this many pixels of the end, the view follows the newest entries. */
const STICK = 16;

/** Reads the table's geometry; null before it is drawn with a column. */
function measure(scroller: HTMLElement): LogGeometry | null {
  const corner = scroller.querySelector<HTMLElement>('thead th.lg-corner');
  const col = scroller.querySelector<HTMLElement>('thead th.lg-col');
  const table = scroller.querySelector<HTMLElement>('table');
  if (!corner || !col || !table) return null;
  const gap = parseFloat(getComputedStyle(table).borderSpacing) || 0;
  return { client: scroller.clientWidth, head: corner.getBoundingClientRect().width, pitch: col.getBoundingClientRect().width + gap, gap };
}

const sameWindow = (a: LogWindow | null, b: LogWindow) =>
  !!a && a.first === b.first && a.last === b.last && a.lo === b.lo && a.hi === b.hi && a.overflow === b.overflow && a.moreLeft === b.moreLeft && a.moreRight === b.moreRight;

export interface LogWindowState {
  /** Null until the table has been measured once: then every column is drawn. */
  window: LogWindow | null;
  geometry: LogGeometry | null;
  /** For the scroller's onScroll. */
  onScroll(): void;
}

/** The window over the `n` index columns of the page shown; `scroller` scrolls the table. */
export function useLogWindow(scroller: RefObject<HTMLDivElement | null>, n: number): LogWindowState {
  // The geometry and the scroll position are refs, read in render: a resize or a scroll
  // re-renders (`bump`) only when the columns in view change, and a seek changes neither.
  const geometry = useRef<LogGeometry | null>(null);
  // `quiet`: the next scroll event is ours or the browser's (a re-pin to the end, a shrunk page
  // clamping the position), not the user's: it need not read the position (a forced layout when
  // a seek has just changed the table) and says nothing about where the user wants to be.
  const scroll = useRef({ left: 0, pinned: true, quiet: false });
  const [, bump] = useState(0);
  const pages = useRef(n);
  const shown = useRef<LogWindow | null>(null);
  const win = geometry.current ? logWindow(geometry.current, n, scroll.current.pinned, scroll.current.left) : null;
  // Written once the commit is certain (a render React throws away must not leave `quiet` set,
  // or the user's next scroll would be taken for ours); scroll events come after this.
  useLayoutEffect(() => {
    if (pages.current !== n && scroll.current.pinned) scroll.current.quiet = true;
    pages.current = n;
    shown.current = win;
  });

  const refresh = useCallback(() => {
    const g = geometry.current;
    if (!g) return;
    const next = logWindow(g, pages.current, scroll.current.pinned, scroll.current.left);
    if (!sameWindow(shown.current, next)) bump((x) => x + 1);
  }, []);

  const hasTable = n > 0;
  useEffect(() => {
    const el = scroller.current;
    if (!el || !hasTable) return;
    // The scroller's size (a resize) and the table's (the page's width changed, a wider node
    // column): layout is clean in this callback, so reading it here forces nothing, and the view
    // that follows the newest entries is put back at the end before the frame is painted. A full
    // page keeps its size, so a far seek at 100,000 events does none of this.
    const sizes = new ResizeObserver(() => {
      const g = measure(el);
      if (!g) return;
      geometry.current = g;
      const s = scroll.current;
      const end = el.scrollWidth - el.clientWidth;
      if (s.pinned && Math.abs(el.scrollLeft - end) >= 1) {
        s.quiet = true;
        el.scrollLeft = end;
      }
      refresh();
    });
    sizes.observe(el);
    const table = el.querySelector('table');
    if (table) sizes.observe(table);
    return () => sizes.disconnect();
  }, [scroller, hasTable, refresh]);

  const onScroll = () => {
    const el = scroller.current;
    const s = scroll.current;
    if (!el) return;
    if (s.quiet && s.pinned) {
      s.quiet = false;
      return;
    }
    s.quiet = false;
    s.left = el.scrollLeft;
    s.pinned = s.left + el.clientWidth >= el.scrollWidth - STICK;
    refresh();
  };
  return { window: win, geometry: geometry.current, onScroll };
}
