/**
 * The messages layer: one arrow per message in view (colour is the family, a filled head a
 * request, an open head a reply, a thin line a heartbeat, a dashed line a duplicate, a red ✕ a
 * loss), or, when too many are in view, a density strip per lane. The hovered and selected
 * messages are drawn last, with a halo, so they stay on top.
 */
import { isEmptyPayload, messageKind } from '../cluster/geometry';
import { laneY } from './layout';
import type { Scene } from './scene';
import { DENSITY_LEVELS } from './density';
import { arrowGeometry, newGeometry, type ArrowGeometry } from './geometry';
import { C, colorOf, DASH, FUTURE_ALPHA } from './colors';
import { batches, clip, clipX, EDGE, seg } from './batch';
import { lostMark } from './glyphs';
import type { Painter } from './paint';
import type { RenderLabels } from './render';

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

/** Opacity of each density level. */
const SHADES = Array.from({ length: DENSITY_LEVELS + 1 }, (_, lv) => (lv === 0 ? 0 : Math.round((0.12 + (0.78 * (lv - 1)) / (DENSITY_LEVELS - 1)) * 100) / 100));

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

/** All messages in view; `cx` is the cursor's x. */
export function drawMessages(p: Painter, scene: Scene, cx: number, labels: RenderLabels): void {
  const { input } = scene;
  const { index, win } = input;
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
}
