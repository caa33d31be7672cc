/**
 * The lanes' backdrop layers: partition bands (each lane tinted by its group, walls at both
 * ends), down and paused spans, and one-way cuts. They are drawn under the messages, and the
 * partition tags they collect are labelled again on the axis by render.ts.
 */
import { AXIS_H, LANE_H, laneY } from './layout';
import type { Scene } from './scene';
import { CUT_DY } from './geometry';
import { BAND_FILL, BAND_INK, C, DASH, FUTURE_ALPHA } from './colors';
import { batches, split } from './batch';
import type { Painter } from './paint';
import type { RenderLabels } from './render';

/** Maps a time (ms) to x; the render's one scale, passed down so every layer agrees. */
export type XScale = (t: number) => number;

/** Partition bands and walls; returns the partitions whose start gets group tags. */
export function drawPartitions(p: Painter, scene: Scene, X: XScale, cx: number): number[] {
  const { index, win, width } = scene.input;
  const lanes = index.lanes.length;
  const headTime = scene.headTime;
  const lanesBottom = AXIS_H + lanes * LANE_H;
  // Partitions: every lane tinted by its group, walls at both ends (when there is room).
  const tags: number[] = [];
  // Back-to-back partitions that keep a lane in the same group make one band on that lane.
  const runG = new Int8Array(lanes).fill(-1);
  const runX0 = new Float64Array(lanes);
  const runX1 = new Float64Array(lanes);
  const band = (i: number) => {
    const g = runG[i]!;
    if (g < 0) return;
    const [x0, x1] = [runX0[i]!, runX1[i]!];
    const y = AXIS_H + i * LANE_H + 1;
    if (x0 < cx) batches.rect(`b${g}`, { fill: BAND_FILL[g]! }, x0, y, Math.min(x1, cx) - x0, LANE_H - 2);
    if (x1 > cx) batches.rect(`b${g}f`, { fill: BAND_FILL[g]!, alpha: 0.7 }, Math.max(x0, cx), y, x1 - Math.max(x0, cx), LANE_H - 2);
    runG[i] = -1;
  };
  for (let k = 0; k < index.partitions.length; k++) {
    const part = index.partitions[k]!;
    const end = Math.min(part.end, headTime);
    if (part.start > win.end || end < win.start) continue;
    const x0 = Math.max(-2, X(part.start));
    const x1 = Math.min(width + 2, X(end));
    if (x1 - x0 < 0.5) continue;
    for (let i = 0; i < lanes; i++) {
      const g = part.groupOf[i]! % BAND_FILL.length;
      if (runG[i] === g && x0 <= runX1[i]! + 0.5) {
        runX1[i] = x1;
        continue;
      }
      band(i);
      runG[i] = g;
      runX0[i] = x0;
      runX1[i] = x1;
    }
    if (x1 - x0 < 8) continue;
    for (const t of [part.start, part.end]) {
      if (t < win.start || t > win.end || t === Infinity) continue;
      const x = X(t);
      const past = x <= cx;
      batches.seg(past ? 'wall' : 'wallf', { stroke: C.dangerSoft, width: 1, dash: DASH, alpha: past ? 0.8 : FUTURE_ALPHA }, x, AXIS_H, x, lanesBottom);
    }
    // Group numbers where the band starts, so colour is not the only sign.
    if (part.start >= win.start && x1 - x0 > 24) tags.push(k);
  }
  for (let i = 0; i < lanes; i++) band(i);
  batches.flush(p);
  return tags;
}

/** Down and paused spans: a box, hatched when down, a dotted line when paused. */
export function drawSpans(p: Painter, scene: Scene, X: XScale, cx: number, labels: RenderLabels): void {
  const { index, win, width } = scene.input;
  const headTime = scene.headTime;
  const spanLabels: [number, number, number, boolean][] = [];
  const hatches: number[] = [];
  for (const s of index.spans) {
    const end = Math.min(s.end, headTime);
    if (s.start > win.end || end < win.start) continue;
    const x0 = Math.max(-2, X(s.start));
    const x1 = Math.min(width + 2, X(end));
    if (x1 - x0 < 0.5) continue;
    const y0 = AXIS_H + s.lane * LANE_H + 4;
    const h = LANE_H - 8;
    const down = s.kind === 'down';
    split(x0, x1, cx, (a, b, alpha) => {
      const f = alpha < 1 ? 'f' : '';
      batches.rect(`${s.kind}${f}`, { fill: down ? C.downBg : C.pauseBg, alpha }, a, y0, b - a, h);
      batches.rect(`${s.kind}o${f}`, { stroke: down ? C.downLine : C.pauseLine, width: 1, alpha }, a, y0, b - a, h);
      if (down) hatches.push(a, y0, b - a, h, alpha);
      else {
        batches.seg(`pauseline${f}`, { stroke: C.pauseLine, width: 1.5, dash: [2, 3], alpha }, a, laneY(s.lane), b, laneY(s.lane));
      }
    });
    if (x1 - Math.max(x0, 0) > 40) spanLabels.push([s.lane, Math.max(x0, 0), x1, down]);
  }
  batches.flush(p);
  const phase = X(0) % 6;
  for (let i = 0; i + 4 < hatches.length; i += 5) {
    p.hatch(hatches[i]!, hatches[i + 1]!, hatches[i + 2]!, hatches[i + 3]!, 6, phase, { stroke: C.downLine, width: 1, alpha: hatches[i + 4]! * 0.8 });
  }
  for (const [lane, from, to, down] of spanLabels) {
    // Sticky: the label stays at the left edge while the span's start is scrolled away; it
    // clears the start marker when that is in view.
    const lx = from + (from > 0 ? 11 : 5);
    const text = down ? labels.down : labels.paused;
    if (to - lx > p.measure(text, 10) + 6) p.text(lx, laneY(lane), text, { fill: down ? C.downInk : C.pauseInk, size: 10, weight: 'bold', halo: down ? C.downBg : C.pauseBg, alpha: lx <= cx ? 1 : 0.55 });
  }
}

/** Group numbers at the start of each tagged partition, so colour is not the only sign. */
export function drawGroupTags(p: Painter, scene: Scene, X: XScale, cx: number, tags: readonly number[]): void {
  const { index } = scene.input;
  const lanes = index.lanes.length;
  for (const k of tags) {
    const part = index.partitions[k]!;
    const tx = X(part.start) + 9;
    for (let i = 0; i < lanes; i++) {
      const g = part.groupOf[i]!;
      p.text(tx, laneY(i) - 7.5, String(g + 1), { fill: BAND_INK[g % BAND_INK.length]!, size: 9, weight: 'bold', anchor: 'middle', halo: BAND_FILL[g % BAND_FILL.length]!, alpha: tx <= cx ? 1 : 0.5 });
    }
  }
}

/** One-way cuts: a dashed red rule under the sender's lane, the receiver named where it starts. */
export function drawCuts(p: Painter, scene: Scene, X: XScale, cx: number): void {
  const { index, win, width } = scene.input;
  const headTime = scene.headTime;
  for (const c of index.cuts) {
    const end = Math.min(c.end, headTime);
    if (c.start > win.end || end < win.start) continue;
    const x0 = Math.max(-2, X(c.start));
    const x1 = Math.min(width + 2, X(end));
    const y = laneY(c.from) + CUT_DY;
    split(x0, x1, cx, (a, b, alpha) => batches.seg(alpha < 1 ? 'cutf' : 'cut', { stroke: C.danger, width: 1.5, dash: [3, 2], alpha }, a, y, b, y));
  }
  batches.flush(p);
  for (const c of index.cuts) {
    if (c.start < win.start || c.start > win.end) continue;
    const x0 = X(c.start);
    const x1 = Math.min(width, X(Math.min(c.end, headTime)));
    if (x1 - x0 > 44) p.text(x0 + 11, laneY(c.from) + CUT_DY - 0.5, `↛ ${index.lanes[c.to]}`, { fill: C.danger, size: 9, weight: 'bold', halo: C.bg, alpha: x0 <= cx ? 1 : 0.55 });
  }
}
