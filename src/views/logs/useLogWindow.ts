/**
 * The log table's visible window (issue 17: nothing clipped without a scroll affordance, and
 * scrubbing is smooth): which index columns are in view, which are drawn, the fades on the sides
 * with more, and following the newest entries. The geometry is measured on resize and scroll
 * (a ResizeObserver, a scroll event), never on a seek: a seek re-renders with the window worked
 * out by arithmetic (`logWindow`), in the same commit, and reads no layout.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { logWindow, scrollWidthOf, type LogGeometry, type LogWindow } from './logWindow';

/** Within this many pixels of the end, the view follows the newest entries. */
const STICK = 16;

function sameGeometry(a: LogGeometry | null, b: LogGeometry): boolean {
  return !!a && Math.abs(a.client - b.client) < 0.5 && Math.abs(a.head - b.head) < 0.5 && Math.abs(a.pitch - b.pitch) < 0.5 && a.gap === b.gap;
}

/** Reads the table's geometry; null before it is drawn with a column. */
function measure(scroller: HTMLElement): LogGeometry | null {
  const corner = scroller.querySelector<HTMLElement>('thead th.lg-corner');
  const col = scroller.querySelector<HTMLElement>('thead th.lg-col');
  const table = scroller.querySelector<HTMLElement>('table');
  if (!corner || !col || !table) return null;
  const gap = parseFloat(getComputedStyle(table).borderSpacing) || 0;
  return { client: scroller.clientWidth, head: corner.getBoundingClientRect().width, pitch: col.getBoundingClientRect().width + gap, gap };
}

export interface LogWindowState {
  /** Null until the table has been measured once: then every column is drawn. */
  window: LogWindow | null;
  geometry: LogGeometry | null;
  /** For the scroller's onScroll. */
  onScroll(): void;
}

/** The window over the `n` index columns of the page shown; `scroller` scrolls the table. */
export function useLogWindow(scroller: RefObject<HTMLDivElement | null>, n: number): LogWindowState {
  const [geometry, setGeometry] = useState<LogGeometry | null>(null);
  // The user's scroll position, and whether the view follows the newest entries: refs, read in
  // render; a scroll re-renders (`bump`) only when the columns in view change.
  const scroll = useRef({ left: 0, pinned: true });
  const [, bump] = useState(0);
  const shown = useRef<LogWindow | null>(null);
  const win = geometry ? logWindow(geometry, n, scroll.current.pinned, scroll.current.left) : null;
  shown.current = win;

  // Measured when the scroller or the node column changes size (a resize, a wider term), in
  // the frame after: a ResizeObserver reports after layout, so nothing is forced.
  const frame = useRef(0);
  const hasTable = n > 0;
  useEffect(() => {
    const el = scroller.current;
    if (!el || !hasTable) return;
    const later = () => {
      if (frame.current) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        const g = measure(el);
        if (g) setGeometry((old) => (sameGeometry(old, g) ? old : g));
      });
    };
    const sizes = new ResizeObserver(later);
    sizes.observe(el);
    const corner = el.querySelector('thead th.lg-corner');
    if (corner) sizes.observe(corner);
    return () => {
      sizes.disconnect();
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [scroller, hasTable]);

  // Following the newest entries: the scroll position the window was worked out for is written,
  // in the next frame (before it is painted; in the commit it would force a layout), when it
  // differs from the scroller's: the page grew while short of 60 columns, or a resize. A full
  // page keeps its width, so a far seek at 100,000 events writes nothing and reads nothing.
  const target = win && scroll.current.pinned && Math.abs(win.scrollLeft - scroll.current.left) >= 1 ? win.scrollLeft : null;
  useEffect(() => {
    if (target === null) return;
    const id = requestAnimationFrame(() => {
      const el = scroller.current;
      const s = scroll.current;
      if (!el || !s.pinned) return;
      s.left = target;
      el.scrollLeft = target;
    });
    return () => cancelAnimationFrame(id);
  }, [scroller, target]);

  const onScroll = () => {
    const el = scroller.current;
    const s = scroll.current;
    if (!el || !geometry) return;
    s.left = el.scrollLeft;
    // Our own scroll lands at the end, and so keeps following; a page that shrank clamps the
    // position to its end, which follows too.
    s.pinned = s.left + geometry.client >= scrollWidthOf(geometry, n) - STICK;
    const next = logWindow(geometry, n, s.pinned, s.left);
    const old = shown.current;
    if (!old || old.first !== next.first || old.last !== next.last || old.moreLeft !== next.moreLeft || old.moreRight !== next.moreRight) bump((x) => x + 1);
  };
  return { window: win, geometry, onScroll };
}
