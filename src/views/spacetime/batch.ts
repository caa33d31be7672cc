/**
 * Drawing helpers shared by the diagram's layers: clipping of long segments, splitting a span
 * at the cursor (past solid, future faded), and batching shapes by style so a frame makes one
 * painter call per style instead of one per shape (thousands of messages on screen).
 */
import { FUTURE_ALPHA } from './colors';
import type { Painter, Style } from './paint';

export const EDGE = 40;
export const clip = { x1: 0, y1: 0, x2: 0, y2: 0 };
/** Clips a segment to x in [−EDGE, width + EDGE] (huge coordinates when deeply zoomed). */
export function clipX(x1: number, y1: number, x2: number, y2: number, width: number): boolean {
  const lo = -EDGE;
  const hi = width + EDGE;
  if ((x1 < lo && x2 < lo) || (x1 > hi && x2 > hi)) return false;
  const at = (x: number) => (x2 === x1 ? y1 : y1 + ((y2 - y1) * (x - x1)) / (x2 - x1));
  clip.x1 = x1;
  clip.y1 = y1;
  clip.x2 = x2;
  clip.y2 = y2;
  if (x1 < lo) [clip.x1, clip.y1] = [lo, at(lo)];
  if (x1 > hi) [clip.x1, clip.y1] = [hi, at(hi)];
  if (x2 < lo) [clip.x2, clip.y2] = [lo, at(lo)];
  if (x2 > hi) [clip.x2, clip.y2] = [hi, at(hi)];
  return true;
}

export function seg(p: Painter, x1: number, y1: number, x2: number, y2: number, width: number, s: Style): void {
  if (clipX(x1, y1, x2, y2, width)) p.line(clip.x1, clip.y1, clip.x2, clip.y2, s);
}

/** Calls `fn` for the parts of [x0, x1] before and after the cursor at cx, with their opacity. */
export function split(x0: number, x1: number, cx: number, fn: (a: number, b: number, alpha: number) => void): void {
  if (x0 < cx) fn(x0, Math.min(x1, cx), 1);
  if (x1 > cx) fn(Math.max(x0, cx), x1, FUTURE_ALPHA);
}

/** Shapes collected by style and drawn in one call per style; arrays are reused across frames. */
class Batches {
  private rects = new Map<string, { style: Style; flat: number[]; n: number }>();
  private segs = new Map<string, { style: Style; flat: number[]; n: number }>();

  private slot(map: Map<string, { style: Style; flat: number[]; n: number }>, key: string, style: Style) {
    let b = map.get(key);
    if (!b) {
      b = { style, flat: [], n: 0 };
      map.set(key, b);
    }
    b.style = style;
    return b;
  }

  rect(key: string, style: Style, x: number, y: number, w: number, h: number): void {
    const b = this.slot(this.rects, key, style);
    b.flat[b.n++] = x;
    b.flat[b.n++] = y;
    b.flat[b.n++] = w;
    b.flat[b.n++] = h;
  }

  seg(key: string, style: Style, x1: number, y1: number, x2: number, y2: number): void {
    const b = this.slot(this.segs, key, style);
    b.flat[b.n++] = x1;
    b.flat[b.n++] = y1;
    b.flat[b.n++] = x2;
    b.flat[b.n++] = y2;
  }

  /** Draws everything collected (rectangles first) and empties the batches. */
  flush(p: Painter): void {
    for (const b of this.rects.values()) {
      if (b.n) p.rects(b.flat, b.n, b.style);
      b.n = 0;
    }
    for (const b of this.segs.values()) {
      if (b.n) p.segments(b.flat, b.n, b.style);
      b.n = 0;
    }
  }
}

/** One set of batches for every frame: key order (and so draw order) stays stable across frames. */
export const batches = new Batches();
