/**
 * A visible "more below" for a column that scrolls on its own (issue 17: nothing clipped
 * without a scroll affordance). Placed last inside the scrolling element: while content is
 * hidden below, it fades the bottom edge and offers a button that moves down a screen.
 * Overlay scrollbars (macOS, touch) show nothing until one scrolls; this always does.
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../session';
import './scroll.css';

/** Hidden content shorter than this is not worth a hint (sub-pixel rounding, a border). */
const SLACK = 4;

export function ScrollMore({ testId }: { testId?: string }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState(false);
  useEffect(() => {
    const box = ref.current?.parentElement;
    if (!box) return;
    let frame = 0;
    // Measured in the next frame, never in a commit (a seek must not force a layout).
    const measure = () => {
      frame = 0;
      const scrolls = /(auto|scroll)/.test(getComputedStyle(box).overflowY);
      setMore(scrolls && box.scrollHeight - box.clientHeight - box.scrollTop > SLACK);
    };
    const later = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    // The column's own size, and every panel in it (they grow and shrink with the run).
    const sizes = new ResizeObserver(later);
    const watch = () => {
      sizes.disconnect();
      sizes.observe(box);
      for (const child of box.children) sizes.observe(child);
      later();
    };
    const children = new MutationObserver(watch);
    children.observe(box, { childList: true });
    box.addEventListener('scroll', later, { passive: true });
    watch();
    return () => {
      cancelAnimationFrame(frame);
      sizes.disconnect();
      children.disconnect();
      box.removeEventListener('scroll', later);
    };
  }, []);
  const down = () => {
    const box = ref.current?.parentElement;
    if (!box) return;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    box.scrollBy({ top: Math.max(40, box.clientHeight * 0.8), behavior: smooth ? 'smooth' : 'auto' });
  };
  return (
    <div ref={ref} className="scroll-more" data-more={more} aria-hidden={!more}>
      {more && (
        <button type="button" className="scroll-more-btn" onClick={down} title={t('ux.more.belowTip')} data-testid={testId}>
          <span aria-hidden="true">▾</span> {t('ux.more.below')}
        </button>
      )}
    </div>
  );
}
