/** Drives playback from animation frames. Simulated time follows real time × speed; with
 * reduced motion the view advances in coarse steps instead of a continuous glide. */
import { useEffect } from 'react';
import type { SessionStore } from '../store/session';

const REDUCED_STEP_MS = 250;

export function usePlayback(store: SessionStore): void {
  useEffect(() => {
    const reduced = matchMedia('(prefers-reduced-motion: reduce)');
    let frame = 0;
    let last: number | null = null;
    let owed = 0;
    const loop = (now: number) => {
      frame = requestAnimationFrame(loop);
      const dt = last === null ? 0 : Math.min(now - last, 100);
      last = now;
      if (!store.getState().playing) {
        owed = 0;
        return;
      }
      owed += dt;
      if (reduced.matches && owed < REDUCED_STEP_MS) return;
      store.getState().tick(owed);
      owed = 0;
    };
    frame = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(frame);
  }, [store]);
}
