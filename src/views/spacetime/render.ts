/**
 * Draws a scene through a Painter (canvas on screen, SVG for export). Message colours and
 * kinds come from the cluster view (palette.ts, geometry.ts), so both views speak one visual
 * language: colour is the family, a filled head a request, an open head a reply, a thin line a
 * heartbeat, a dashed line a duplicate, a red ✕ a loss. Faults have shapes, not only colours.
 */
import { format } from 'd3';
import type { TraceEvent } from '../../sim/types';
import { familyColor } from '../cluster/palette';
import { isEmptyPayload, messageFamily, messageKind } from '../cluster/geometry';
import { AXIS_H, AXIS_MARK_Y, LANE_H, axisTicks, diagramHeight, laneY, xOf } from './layout';
import { arrowGeometry, CUT_DY, DENSITY_LEVELS, markerLane, newGeometry, type ArrowGeometry, type Scene } from './scene';
import type { Painter, Style } from './paint';

export const C = {
  bg: '#ffffff',
  alt: '#f8fafc',
  future: '#eef2f6',
  selectBg: '#e0ecff',
  ink: '#111827',
  muted: '#64748b',
  grid: '#eef1f5',
  laneLine: '#cbd5e1',
  axis: '#94a3b8',
  accent: '#2563eb',
  danger: '#b91c1c',
  dangerSoft: '#dc2626',
  ok: '#15803d',
  warn: '#b45309',
  slate: '#475569',
  violet: '#7c3aed',
  downBg: '#f1f2f4',
  downLine: '#9ca3af',
  downInk: '#4b5563',
  pauseBg: '#fef3c7',
  pauseLine: '#d97706',
  pauseInk: '#92400e',
  density: '#334155',
  hover: '#64748b',
} as const;

/** Partition groups: the cluster view's band colours (cluster.css .cl-band-N), and an ink for their tags. */
const BAND_FILL = ['#eff6ff', '#fff7ed', '#f0fdf4'];
const BAND_INK = ['#1d4ed8', '#c2410c', '#15803d'];

/** Opacity of what lies after the cursor: recorded, visible, but not yet happened. */
export const FUTURE_ALPHA = 0.3;

export interface RenderLabels {
  down: string;
  paused: string;
  duplicate: string;
  partition: string;
  ms: string;
}

const fmt = format(',');
/** Tick text: whole ms grouped by thousands, fractions as they are. */
export function formatMs(v: number): string {
  return fmt(Math.round(v * 1000) / 1000);
}

const colors = new Map<string, string>();
function colorOf(type: string): string {
  let c = colors.get(type);
  if (c === undefined) {
    c = familyColor(messageFamily(type));
    colors.set(type, c);
  }
  return c;
}

const EDGE = 40;
const clip = { x1: 0, y1: 0, x2: 0, y2: 0 };
/** Clips a segment to x in [−EDGE, width + EDGE] (huge coordinates when deeply zoomed). */
function clipX(x1: number, y1: number, x2: number, y2: number, width: number): boolean {
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

function seg(p: Painter, x1: number, y1: number, x2: number, y2: number, width: number, s: Style): void {
  if (clipX(x1, y1, x2, y2, width)) p.line(clip.x1, clip.y1, clip.x2, clip.y2, s);
}

/** Calls `fn` for the parts of [x0, x1] before and after the cursor at cx, with their opacity. */
function split(x0: number, x1: number, cx: number, fn: (a: number, b: number, alpha: number) => void): void {
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

const batches = new Batches();

function arrowHead(p: Painter, x1: number, y1: number, x2: number, y2: number, color: string, filled: boolean, alpha: number): void {
  const len = Math.hypot(x2 - x1, y2 - y1);
  if (len < 7) return;
  const ux = (x2 - x1) / len;
  const uy = (y2 - y1) / len;
  const L = 7;
  const W = 3.6;
  const bx = x2 - ux * L;
  const by = y2 - uy * L;
  const pts = [bx - uy * W, by + ux * W, x2, y2, bx + uy * W, by - ux * W];
  if (filled) p.poly(pts, { fill: color, alpha }, true);
  else p.poly(pts, { stroke: color, width: 1.4, alpha }, false);
}

function lostMark(p: Painter, x: number, y: number, alpha: number): void {
  const r = 4;
  p.segments([x - r, y - r, x + r, y + r, x + r, y - r, x - r, y + r], 8, { stroke: C.dangerSoft, width: 2.2, alpha, cap: 'round' });
}

const DASH = [4, 3];

/** A message's line: solid before the cursor, faded after (collected into batches). */
function arrowLine(p: Painter | null, scene: Scene, id: number, g: ArrowGeometry, halo: string | null): void {
  const { input } = scene;
  const m = input.index.messages[id]!;
  const color = colorOf(m.type);
  const reply = messageKind(m.type) === 'reply';
  const w = isEmptyPayload(m.payload) ? 1 : reply ? 1.3 : 1.6;
  const dup = m.duplicateOf !== undefined;
  const dash = dup ? DASH : undefined;
  const width = input.width;
  const { x1, y1, x2, y2, xc, yc } = g;
  const flying = g.open && g.sentPast && !g.endPast;
  // An open message sent before the cursor stops at the cursor: its future is not recorded.
  const ex = flying ? xc : x2;
  const ey = flying ? yc : y2;
  const lw = halo ? w + 0.8 : w;
  const add = (ax: number, ay: number, bx: number, by: number, alpha: number) => {
    if (!clipX(ax, ay, bx, by, width)) return;
    const style = { stroke: color, width: lw, dash, alpha };
    if (p) p.line(clip.x1, clip.y1, clip.x2, clip.y2, style);
    else batches.seg(`${color}${lw}${dup ? 'd' : ''}${alpha}`, style, clip.x1, clip.y1, clip.x2, clip.y2);
  };
  if (halo && p) seg(p, x1, y1, ex, ey, width, { stroke: halo, width: w + 5, alpha: 0.35, cap: 'round' });
  if (g.endPast || !g.sentPast) add(x1, y1, x2, y2, g.endPast ? 1 : FUTURE_ALPHA);
  else {
    add(x1, y1, xc, yc, 1);
    if (!g.open) add(xc, yc, x2, y2, FUTURE_ALPHA);
  }
}

/** A message's end: a head, a ✕, or (in flight at the cursor) a dot; and a duplicate's tag. */
function arrowEnd(p: Painter, scene: Scene, id: number, g: ArrowGeometry, labels: RenderLabels): void {
  const { input } = scene;
  const m = input.index.messages[id]!;
  const color = colorOf(m.type);
  const width = input.width;
  const { x1, y1, x2, y2, xc, yc } = g;
  const flying = g.open && g.sentPast && !g.endPast;
  const headAlpha = g.endPast ? 1 : FUTURE_ALPHA;
  if (flying) {
    if (xc >= -EDGE && xc <= width + EDGE) p.circle(xc, yc, 3, { fill: color, stroke: C.bg, width: 1 });
  } else if (x2 >= -EDGE && x2 <= width + EDGE) {
    if (g.lost) lostMark(p, x2, y2, headAlpha);
    else if (!g.open) arrowHead(p, x1, y1, x2, y2, color, messageKind(m.type) !== 'reply', headAlpha);
  }
  if (m.duplicateOf !== undefined) {
    const ex = flying ? xc : x2;
    const ey = flying ? yc : y2;
    if (Math.hypot(ex - x1, ey - y1) <= 36) return;
    const mx = x1 + (ex - x1) * 0.5;
    const my = y1 + (ey - y1) * 0.5;
    if (mx > 0 && mx < width) p.text(mx + 3, my - 6, labels.duplicate, { fill: color, size: 9, weight: 'bold', halo: C.bg, alpha: g.sentPast ? 1 : FUTURE_ALPHA });
  }
}

/** The shape of a fault marker, centred on (x, y). Also used by the legend. */
export function drawGlyph(p: Painter, kind: string, x: number, y: number, alpha = 1): void {
  p.circle(x, y, 6.8, { fill: C.bg, alpha });
  switch (kind) {
    case 'crash':
      p.poly([x - 5.5, y - 4.5, x + 5.5, y - 4.5, x, y + 5.5], { fill: C.danger, alpha });
      break;
    case 'restart':
      p.poly([x - 5.5, y + 4.5, x + 5.5, y + 4.5, x, y - 5.5], { fill: C.ok, alpha });
      break;
    case 'pause':
      p.rect(x - 4.5, y - 5, 3.2, 10, { fill: C.warn, alpha });
      p.rect(x + 1.3, y - 5, 3.2, 10, { fill: C.warn, alpha });
      break;
    case 'resume':
      p.poly([x - 4, y - 5.5, x + 5.5, y, x - 4, y + 5.5], { fill: C.warn, alpha });
      break;
    case 'timeout':
      p.circle(x, y, 5, { stroke: C.slate, width: 1.6, fill: C.bg, alpha });
      p.segments([x, y, x, y - 3.4, x, y, x + 2.6, y], 8, { stroke: C.slate, width: 1.4, alpha, cap: 'round' });
      break;
    case 'skew':
      p.poly([x, y - 5.5, x + 5.5, y, x, y + 5.5, x - 5.5, y], { stroke: C.slate, width: 1.6, fill: C.bg, alpha }, true);
      p.circle(x, y, 1.4, { fill: C.slate, alpha });
      break;
    case 'command':
      p.rect(x - 4, y - 4, 8, 8, { fill: C.violet, alpha });
      break;
    case 'drop':
      p.circle(x, y, 5.5, { stroke: C.dangerSoft, width: 1.4, fill: C.bg, alpha });
      p.segments([x - 2.8, y - 2.8, x + 2.8, y + 2.8, x + 2.8, y - 2.8, x - 2.8, y + 2.8], 8, { stroke: C.dangerSoft, width: 1.6, alpha, cap: 'round' });
      break;
    case 'duplicate':
      p.circle(x - 2, y, 3.6, { stroke: C.slate, width: 1.4, alpha });
      p.circle(x + 2, y, 3.6, { stroke: C.slate, width: 1.4, fill: C.bg, alpha });
      break;
    case 'delay':
      p.poly([x - 4, y - 5, x + 4, y - 5, x - 4, y + 5, x + 4, y + 5], { stroke: C.slate, width: 1.5, fill: C.bg, alpha }, true);
      break;
    case 'partition':
      p.rect(x - 1.6, y - 6, 3.2, 12, { fill: C.danger, alpha });
      p.segments([x - 5, y - 3, x - 2.5, y - 3, x + 2.5, y + 3, x + 5, y + 3], 8, { stroke: C.danger, width: 1.4, alpha });
      break;
    case 'heal':
      p.circle(x, y, 4.8, { stroke: C.ok, width: 1.8, fill: C.bg, alpha });
      p.circle(x, y, 1.8, { fill: C.ok, alpha });
      break;
    case 'cut':
      p.line(x + 2.5, y - 5, x + 2.5, y + 5, { stroke: C.danger, width: 2.4, alpha, cap: 'round' });
      p.poly([x - 0.5, y, x - 6, y - 3.5, x - 6, y + 3.5], { fill: C.danger, alpha });
      break;
    case 'violation':
      p.poly([x, y - 7.5, x + 7.5, y, x, y + 7.5, x - 7.5, y], { fill: C.danger, stroke: C.bg, width: 1.5, alpha }, true);
      p.line(x, y - 3.8, x, y + 0.8, { stroke: C.bg, width: 1.8, alpha, cap: 'round' });
      p.circle(x, y + 3.3, 1, { fill: C.bg, alpha });
      break;
    case 'lost':
      lostMark(p, x, y, alpha);
      break;
  }
}

/** Aggregated lanes: one column per pixel, darker where more messages start or end; losses in red below. */
function drawDensity(p: Painter, scene: Scene, cx: number): void {
  const { index, width } = scene.input;
  const cols = Math.max(1, Math.floor(width));
  const lanes = index.lanes.length;
  const levels = scene.levels;
  for (let lane = 0; lane < lanes; lane++) {
    const y = laneY(lane);
    for (let which = 0; which < 2; which++) {
      const base = which * cols * lanes + lane * cols;
      const y0 = which === 0 ? y - 8 : y + 8;
      const h = which === 0 ? 15 : 4;
      const fill = which === 0 ? C.density : C.dangerSoft;
      let runStart = 0;
      let runLevel = 0;
      for (let c = 0; c <= cols; c++) {
        const lv = c === cols ? -1 : levels[base + c]!;
        if (lv === runLevel) continue;
        if (runLevel > 0) {
          const a = SHADES[runLevel]!;
          if (runStart < cx) batches.rect(`d${which}${runLevel}`, { fill, alpha: a }, runStart, y0, Math.min(c, cx) - runStart, h);
          if (c > cx) {
            const x0 = Math.max(runStart, cx);
            batches.rect(`d${which}${runLevel}f`, { fill, alpha: Math.round(a * 45) / 100 }, x0, y0, c - x0, h);
          }
        }
        runStart = c;
        runLevel = lv;
      }
    }
  }
  batches.flush(p);
}

/** Opacity of each density level. */
const SHADES = Array.from({ length: DENSITY_LEVELS + 1 }, (_, lv) => (lv === 0 ? 0 : Math.round((0.12 + (0.78 * (lv - 1)) / (DENSITY_LEVELS - 1)) * 100) / 100));

function eventAlpha(e: TraceEvent, step: number): number {
  const a = e.seq < step ? 1 : FUTURE_ALPHA;
  // An action that did nothing ("already down") is drawn faint.
  return e.reason !== undefined && e.kind !== 'lost' ? a * 0.45 : a;
}

/** Colour of a fault's compact tick (when markers are too dense for glyphs). */
const TICK: Record<string, string> = {
  crash: C.danger,
  restart: C.ok,
  pause: C.warn,
  resume: C.warn,
  command: C.violet,
  drop: C.dangerSoft,
  partition: C.danger,
  cut: C.danger,
  heal: C.ok,
};

/** Fewer than this many px per marker: ticks instead of glyphs. */
const MARKER_ROOM = 9;

/** The whole diagram for `scene`. */
export function renderScene(p: Painter, scene: Scene, labels: RenderLabels): void {
  const { input } = scene;
  const { index, events, win, width, cursor, step } = input;
  const lanes = index.lanes.length;
  const H = diagramHeight(lanes);
  const X = (t: number) => xOf(t, win, width);
  const cx = X(cursor);
  const headTime = scene.headTime;
  const ticks = axisTicks(win, width);
  const lanesBottom = AXIS_H + lanes * LANE_H;
  const compact = (scene.markerHi - scene.markerLo) * MARKER_ROOM > width;

  p.rect(0, 0, width, H, { fill: C.bg });
  for (let i = 0; i < lanes; i++) {
    const fill = i === input.selectedLane ? C.selectBg : i % 2 ? C.alt : C.bg;
    p.rect(0, AXIS_H + i * LANE_H, width, LANE_H, { fill });
  }
  // The future: recorded, but not yet reached by the cursor.
  if (cx < width) p.rect(Math.max(0, cx), AXIS_H, width - Math.max(0, cx), lanes * LANE_H, { fill: C.future, alpha: 0.55 });
  for (const v of ticks) batches.seg('grid', { stroke: C.grid, width: 1 }, X(v), AXIS_H, X(v), lanesBottom);
  batches.flush(p);

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

  for (let i = 0; i < lanes; i++) batches.seg('lane', { stroke: C.laneLine, width: 1 }, 0, laneY(i), width, laneY(i));
  batches.flush(p);

  // Down and paused spans: a box, hatched when down, a dotted line when paused.
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
  for (const k of tags) {
    const part = index.partitions[k]!;
    const tx = X(part.start) + 9;
    for (let i = 0; i < lanes; i++) {
      const g = part.groupOf[i]!;
      p.text(tx, laneY(i) - 7.5, String(g + 1), { fill: BAND_INK[g % BAND_INK.length]!, size: 9, weight: 'bold', anchor: 'middle', halo: BAND_FILL[g % BAND_FILL.length]!, alpha: tx <= cx ? 1 : 0.5 });
    }
  }

  // One-way cuts: a dashed red rule under the sender's lane, the receiver named where it starts.
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

  // Messages.
  const g = newGeometry();
  const sel = input.selectedMessage;
  const hov = input.hover?.kind === 'message' ? input.hover.id : -1;
  if (scene.aggregated) drawDensity(p, scene, cx);
  else {
    for (let k = 0; k < scene.arrowCount; k++) {
      const id = scene.arrows[k]!;
      if (id !== sel && id !== hov) arrowLine(null, scene, id, arrowGeometry(input, id, g), null);
    }
    batches.flush(p);
    for (let k = 0; k < scene.arrowCount; k++) {
      const id = scene.arrows[k]!;
      if (id !== sel && id !== hov) arrowEnd(p, scene, id, arrowGeometry(input, id, g), labels);
    }
  }
  for (const [id, halo] of [
    [hov, C.hover],
    [sel, C.accent],
  ] as const) {
    if (id < 0 || id >= index.messageEnd || index.sendSeq[id]! < 0) continue;
    const t0 = index.sentAt[id]!;
    const m = index.messages[id]!;
    const t1 = index.endSeq[id]! >= 0 ? index.endAt[id]! : m.arriveAt;
    if (t0 > win.end || t1 < win.start) continue;
    arrowGeometry(input, id, g);
    arrowLine(p, scene, id, g, halo);
    arrowEnd(p, scene, id, g, labels);
  }

  // Fault markers: glyphs, or coloured ticks when they are too dense to tell apart.
  const lastTick = new Int32Array(lanes).fill(-1);
  const lastColor: string[] = [];
  for (let i = scene.markerLo; i < scene.markerHi; i++) {
    const e = events[index.markers[i]!]!;
    const lane = markerLane(index, e);
    if (lane < 0) continue;
    const x = X(e.time);
    const y = laneY(lane);
    const alpha = eventAlpha(e, step);
    if (compact) {
      // One tick per pixel column and colour is enough.
      const color = TICK[e.kind] ?? C.slate;
      const col = Math.round(x);
      if (lastTick[lane] === col && lastColor[lane] === color) continue;
      lastTick[lane] = col;
      lastColor[lane] = color;
      batches.rect(`t${color}${alpha}`, { fill: color, alpha }, x - 1, y - 12, 2, 7);
      continue;
    }
    if (input.hover?.kind === 'event' && input.hover.seq === e.seq) p.circle(x, y, 9.5, { fill: C.hover, alpha: 0.3 });
    drawGlyph(p, e.kind, x, y, alpha);
  }
  batches.flush(p);

  // Violations, on every node they name.
  for (const vi of scene.violations) {
    const v = input.violations[vi]!;
    const x = X(events[v.seq]!.time);
    const alpha = v.seq < step ? 1 : FUTURE_ALPHA + 0.2;
    // A violation that names no node is marked on every lane.
    for (const node of v.nodes?.length ? v.nodes : index.lanes) {
      const lane = index.laneOf.get(node);
      if (lane === undefined) continue;
      if (input.hover?.kind === 'violation' && input.hover.index === vi) p.circle(x, laneY(lane), 11, { fill: C.danger, alpha: 0.2 });
      drawGlyph(p, 'violation', x, laneY(lane), alpha);
    }
  }

  // The axis, on top of anything that strays into it.
  p.rect(0, 0, width, AXIS_H, { fill: C.bg });
  p.line(0, AXIS_H - 0.5, width, AXIS_H - 0.5, { stroke: C.axis, width: 1 });
  // The cursor's time label hides tick labels it would overlap.
  const pillText = `${formatMs(Math.round(cursor))} ${labels.ms}`;
  const pillW = p.measure(pillText, 10) + 10;
  const pillX = Math.min(width - pillW, Math.max(0, cx - pillW / 2));
  const pillShown = cx >= 0 && cx <= width;
  ticks.forEach((v, i) => {
    const x = X(v);
    batches.seg('tick', { stroke: C.axis, width: 1 }, x, AXIS_H - 5, x, AXIS_H);
    const text = i === 0 ? `${formatMs(v)} ${labels.ms}` : formatMs(v);
    const anchor = x < 30 ? 'start' : x > width - 30 ? 'end' : 'middle';
    const tw = p.measure(text, 10);
    const left = anchor === 'start' ? x : anchor === 'end' ? x - tw : x - tw / 2;
    if (pillShown && left < pillX + pillW + 4 && left + tw > pillX - 4) return;
    p.text(x, 9, text, { fill: C.muted, size: 10, anchor });
  });
  batches.flush(p);
  for (let i = scene.markerLo; i < scene.markerHi; i++) {
    const e = events[index.markers[i]!]!;
    if (e.kind !== 'partition' && e.kind !== 'heal') continue;
    const x = X(e.time);
    const alpha = eventAlpha(e, step);
    if (compact) {
      const color = TICK[e.kind]!;
      batches.rect(`t${color}${alpha}`, { fill: color, alpha }, x - 1, AXIS_MARK_Y - 5, 2, 10);
      continue;
    }
    if (input.hover?.kind === 'event' && input.hover.seq === e.seq) p.circle(x, AXIS_MARK_Y, 9.5, { fill: C.hover, alpha: 0.3 });
    drawGlyph(p, e.kind, x, AXIS_MARK_Y, alpha);
  }
  batches.flush(p);
  // Partition labels beside their markers, when there is room before the band ends.
  for (const k of tags) {
    const part = index.partitions[k]!;
    const x = X(part.start) + 9;
    const room = Math.min(width, X(Math.min(part.end, headTime))) - x - 4;
    if (room < 60) continue;
    const text = `${labels.partition} ${groupsText(part.groups, index.lanes)}`;
    if (room > p.measure(text, 9.5)) p.text(x, AXIS_MARK_Y, text, { fill: C.danger, size: 9.5, halo: C.bg, alpha: part.startSeq < step ? 1 : 0.6 });
  }

  // The cursor.
  if (cx >= 0 && cx <= width) {
    p.line(cx, AXIS_H - 3, cx, lanesBottom, { stroke: C.accent, width: 1.5 });
    p.rect(pillX, 1, pillW, 15, { fill: C.accent });
    p.text(pillX + pillW / 2, 8.5, pillText, { fill: '#ffffff', size: 10, anchor: 'middle', weight: 'bold' });
    p.poly([cx - 4, AXIS_H - 8, cx + 4, AXIS_H - 8, cx, AXIS_H - 3], { fill: C.accent });
  }
}

/** "n5 | n1 n2 n3 n4", nodes in no group as one more group. */
export function groupsText(groups: readonly (readonly string[])[], nodes: readonly string[]): string {
  const listed = new Set(groups.flat());
  const rest = nodes.filter((n) => !listed.has(n));
  return [...groups.map((g) => g.join(' ')), ...(rest.length ? [rest.join(' ')] : [])].join(' | ');
}
