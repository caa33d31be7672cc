/**
 * Keeps the tour panel's bottom (its Back / Next) inside the viewport at the page's top
 * (walk-through: at 1024 × 768 the 2pc-vs-3pc tour's feedback pushed Next below the fold, and
 * Next scrolled the page until the panes it talks about were out of view). The panel's height
 * is capped to what is left below its top when the page is not scrolled; its body scrolls.
 * An embed sizes the panel itself (embed.css).
 */
import { useLayoutEffect, type RefObject } from 'react';

/** The least height kept: the header, a few lines of text and Back / Next. */
const MIN_HEIGHT = 200;
const MARGIN = 8;

export function useFitViewport(ref: RefObject<HTMLElement | null>, key: unknown): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || el.closest('.embed-aside')) return;
    const fit = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      el.style.maxHeight = `${Math.max(MIN_HEIGHT, Math.floor(window.innerHeight - top - MARGIN))}px`;
    };
    fit();
    // The columns above may change height (a notice, a pane loading): fit again.
    const ro = new ResizeObserver(fit);
    ro.observe(document.body);
    addEventListener('resize', fit);
    return () => {
      ro.disconnect();
      removeEventListener('resize', fit);
    };
  }, [ref, key]);
}
