/**
 * A banner above the stage (the top bar, a notice, a scenario's open note) takes its height from the stage's
 * (styles.css `--stage-h`), so the playback bar and the timeline stay in view under it. A CSS
 * rule's one-line estimate stands in until the banner is measured; a banner that wraps (a long
 * link error, Chinese at 1024 px) then gives up exactly its own height.
 */
import { useLayoutEffect, type RefObject } from 'react';

/** `shown`: what is drawn (it changes when the banner mounts, unmounts or is replaced). */
export function useStageShare(ref: RefObject<HTMLElement | null>, name: '--notice-h' | '--note-h' | '--topbar-h', shown: unknown): void {
  useLayoutEffect(() => {
    const el = ref.current;
    const host = el?.parentElement;
    if (!el || !host || typeof ResizeObserver !== 'function') return;
    const apply = () => {
      // A closed note is one summary line, which the stage's height already allows for.
      if (el instanceof HTMLDetailsElement && !el.open) return host.style.removeProperty(name);
      const css = getComputedStyle(el);
      const px = el.getBoundingClientRect().height + (parseFloat(css.marginTop) || 0) + (parseFloat(css.marginBottom) || 0);
      host.style.setProperty(name, `${Math.ceil(px)}px`);
    };
    // Layout is clean in the observer's callback: reading it there forces nothing.
    const ro = new ResizeObserver(apply);
    ro.observe(el);
    return () => {
      ro.disconnect();
      host.style.removeProperty(name);
    };
  }, [ref, name, shown]);
}
