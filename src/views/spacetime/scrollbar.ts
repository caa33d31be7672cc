/**
 * The diagram's horizontal scrollbar: a track spanning everything the user may scroll to (the
 * run, and the window when it reaches past it) and a thumb for the visible window. A click on
 * the track pages towards it; dragging the thumb pans as the user (which stops following).
 */
import { span, type TimeWindow } from './layout';

/** The time range the track stands for. */
export function trackRange(win: TimeWindow, boundsEnd: number): { lo: number; total: number } {
  const s = span(win);
  const lo = Math.min(0, win.start);
  const hi = Math.max(boundsEnd, win.end);
  return { lo, total: Math.max(hi - lo, s) };
}

export interface TrackTarget {
  readonly window: TimeWindow;
  boundsEnd(): number;
  panBy(fraction: number): void;
  userPan(dt: number): void;
}

export function onTrackDown(e: PointerEvent, track: HTMLElement, thumb: HTMLElement, v: TrackTarget): void {
  if (e.button !== 0) return;
  const r = track.getBoundingClientRect();
  const { lo, total } = trackRange(v.window, v.boundsEnd());
  const perPx = total / Math.max(1, r.width);
  if (e.target !== thumb) {
    // A click on the track pages towards it.
    const t = lo + (e.clientX - r.left) * perPx;
    v.panBy(t < v.window.start ? -0.9 : 0.9);
    return;
  }
  e.preventDefault();
  thumb.setPointerCapture(e.pointerId);
  let last = e.clientX;
  const move = (m: PointerEvent) => {
    const dx = m.clientX - last;
    last = m.clientX;
    if (dx !== 0) v.userPan(dx * perPx);
  };
  const up = () => {
    thumb.removeEventListener('pointermove', move);
    thumb.removeEventListener('pointerup', up);
    thumb.removeEventListener('pointercancel', up);
  };
  thumb.addEventListener('pointermove', move);
  thumb.addEventListener('pointerup', up);
  thumb.addEventListener('pointercancel', up);
}

/** Sizes the thumb to the window and tells assistive technology where it is. */
export function placeThumb(track: HTMLElement, thumb: HTMLElement, win: TimeWindow, boundsEnd: number, windowText: string): void {
  const { lo, total } = trackRange(win, boundsEnd);
  const left = ((win.start - lo) / total) * 100;
  const width = (span(win) / total) * 100;
  thumb.style.left = `${Math.max(0, Math.min(100, left)).toFixed(3)}%`;
  thumb.style.width = `${Math.max(0, Math.min(100, width)).toFixed(3)}%`;
  track.setAttribute('aria-valuemax', String(Math.round(boundsEnd)));
  track.setAttribute('aria-valuenow', String(Math.round(Math.max(0, win.start))));
  track.setAttribute('aria-valuetext', windowText);
}
