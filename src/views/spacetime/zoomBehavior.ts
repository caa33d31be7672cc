/**
 * The diagram's d3-zoom set-up: which gestures it takes (vertical wheels without shift, plain
 * left drags; sideways wheels pan elsewhere), the extent it measures, and the constraint that
 * keeps the window within what may be scrolled to.
 */
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3';
import { clampWindow, span, transformFor, windowFor, type TimeWindow } from './layout';

export interface ZoomHost {
  /** The canvas's width in CSS px (0 before the first layout). */
  width(): number;
  height(): number;
  boundsEnd(): number;
  onZoom(e: D3ZoomEvent<HTMLCanvasElement, unknown>): void;
}

export function createZoom(host: ZoomHost): ZoomBehavior<HTMLCanvasElement, unknown> {
  return (
    zoom<HTMLCanvasElement, unknown>()
      .filter((e: Event) => {
        if (e.type === 'wheel') {
          const w = e as WheelEvent;
          return !w.shiftKey && Math.abs(w.deltaY) >= Math.abs(w.deltaX);
        }
        const m = e as MouseEvent;
        return !m.ctrlKey && !m.button;
      })
      .clickDistance(4)
      // The canvas's size as we set it: d3-zoom's default reads clientWidth, which forces a
      // layout on every cursor move that scrolls the window (issue 17: smooth scrubbing).
      .extent(() => [
        [0, 0],
        [Math.max(1, host.width()), host.height()],
      ])
      .constrain((tr) => {
        const width = host.width();
        if (width <= 0) return tr;
        const w = windowFor(tr.k, tr.x, width);
        const c = clampWindow(w, host.boundsEnd());
        if (c === w) return tr;
        const { k, x } = transformFor(c, width);
        return zoomIdentity.translate(x, 0).scale(k);
      })
      .on('zoom', (e: D3ZoomEvent<HTMLCanvasElement, unknown>) => host.onZoom(e))
  );
}

/**
 * Sideways wheels and shift+wheel pan (d3-zoom's filter above leaves them out); returns the
 * pan in ms, or null when the wheel is d3-zoom's.
 */
export function wheelPan(e: WheelEvent, width: number, win: TimeWindow): number | null {
  const sideways = Math.abs(e.deltaX) > Math.abs(e.deltaY);
  if (!sideways && !e.shiftKey) return null;
  e.preventDefault();
  const d = sideways ? e.deltaX : e.deltaY;
  return (d / Math.max(1, width)) * span(win);
}
