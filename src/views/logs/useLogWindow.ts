/**
 * Where the log table's visible window is (issue 17: nothing clipped without a scroll
 * affordance): "indices 41–58 of 140" for the columns actually in view, and fades on the
 * sides that have more. Written straight to the DOM from scroll and resize events, never
 * through React state: a seek stays one React commit, and never forces a layout in it.
 */
import { useEffect, useRef, type RefObject } from 'react';

export interface LogWindowRefs {
  /** The horizontally scrolling element holding the table. */
  scroller: RefObject<HTMLDivElement | null>;
  /** Gets `data-more-left` / `data-more-right` (the fades) and `data-overflow`. */
  frame: RefObject<HTMLDivElement | null>;
  /** Its text becomes the visible range. */
  label: RefObject<HTMLSpanElement | null>;
}

/** The first and last index columns at least half in view, right of the sticky node column. */
export function visibleColumns(scroller: HTMLElement, from: number): { first: number; last: number } | null {
  const cols = scroller.querySelectorAll<HTMLElement>('thead th.lg-col');
  if (cols.length === 0) return null;
  const box = scroller.getBoundingClientRect();
  const head = scroller.querySelector<HTMLElement>('thead th.lg-corner')?.getBoundingClientRect();
  const left = head ? head.right : box.left;
  let first = -1;
  let last = -1;
  cols.forEach((c, i) => {
    const r = c.getBoundingClientRect();
    const shown = Math.min(r.right, box.right) - Math.max(r.left, left);
    if (shown >= r.width / 2) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return first < 0 ? null : { first: from + first, last: from + last };
}

/** Keeps the label and the fades in step with the scroll position; `text` words the range in
 * `lang`. Returns the scroll handler. */
export function useLogWindow(refs: LogWindowRefs, from: number, columns: number, lang: string, text: (first: number, last: number) => string): () => void {
  const state = useRef({ from, text });
  state.current = { from, text };
  const frameId = useRef(0);
  const measure = useRef(() => {});
  measure.current = () => {
    frameId.current = 0;
    const el = refs.scroller.current;
    const frame = refs.frame.current;
    if (!el || !frame) return;
    const overflow = el.scrollWidth > el.clientWidth + 1;
    frame.dataset.overflow = String(overflow);
    frame.dataset.moreLeft = String(el.scrollLeft > 1);
    frame.dataset.moreRight = String(el.scrollLeft + el.clientWidth < el.scrollWidth - 1);
    const cols = visibleColumns(el, state.current.from);
    const label = refs.label.current;
    if (label) label.dataset.show = String(overflow);
    if (label && cols) {
      label.textContent = state.current.text(cols.first, cols.last);
      label.dataset.first = String(cols.first);
      label.dataset.last = String(cols.last);
    }
  };
  const later = () => {
    if (!frameId.current) frameId.current = requestAnimationFrame(() => measure.current());
  };
  useEffect(() => {
    const el = refs.scroller.current;
    if (!el) return;
    const sizes = new ResizeObserver(later);
    sizes.observe(el);
    return () => {
      sizes.disconnect();
      cancelAnimationFrame(frameId.current);
      frameId.current = 0;
    };
  }, [refs.scroller]);
  // A new window, more columns or another language: measured in the next frame.
  useEffect(later, [from, columns, lang]);
  return later;
}
