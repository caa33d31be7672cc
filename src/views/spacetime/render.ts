/**
 * Draws a scene through a Painter (canvas on screen, SVG for export), layer by layer: the
 * lanes' backdrop (regions.ts), the messages (arrows.ts), fault markers and violations
 * (markers.ts), then the axis and the cursor on top. Colours live in colors.ts, marker shapes in
 * glyphs.ts; both are re-exported here because the legend and the export import them from this
 * module.
 */
import { format } from 'd3';
import { AXIS_H, AXIS_MARK_Y, LANE_H, axisTicks, diagramHeight, laneY, xOf } from './layout';
import type { Scene } from './scene';
import { C } from './colors';
import { batches } from './batch';
import { drawMessages } from './arrows';
import { drawCuts, drawGroupTags, drawPartitions, drawSpans } from './regions';
import { drawAxisMarkers, drawLaneMarkers, drawViolations, markersCompact } from './markers';
import type { Painter } from './paint';

export { C, FUTURE_ALPHA } from './colors';
export { drawGlyph } from './glyphs';

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

/** The whole diagram for `scene`. */
export function renderScene(p: Painter, scene: Scene, labels: RenderLabels): void {
  const { input } = scene;
  const { index, win, width, cursor, step } = input;
  const lanes = index.lanes.length;
  const H = diagramHeight(lanes);
  const X = (t: number) => xOf(t, win, width);
  const cx = X(cursor);
  const headTime = scene.headTime;
  const ticks = axisTicks(win, width);
  const lanesBottom = AXIS_H + lanes * LANE_H;
  const compact = markersCompact(scene);

  p.rect(0, 0, width, H, { fill: C.bg });
  for (let i = 0; i < lanes; i++) {
    const fill = i === input.selectedLane ? C.selectBg : i % 2 ? C.alt : C.bg;
    p.rect(0, AXIS_H + i * LANE_H, width, LANE_H, { fill });
  }
  // The future: recorded, but not yet reached by the cursor.
  if (cx < width) p.rect(Math.max(0, cx), AXIS_H, width - Math.max(0, cx), lanes * LANE_H, { fill: C.future, alpha: 0.55 });
  for (const v of ticks) batches.seg('grid', { stroke: C.grid, width: 1 }, X(v), AXIS_H, X(v), lanesBottom);
  batches.flush(p);

  const tags = drawPartitions(p, scene, X, cx);

  for (let i = 0; i < lanes; i++) batches.seg('lane', { stroke: C.laneLine, width: 1 }, 0, laneY(i), width, laneY(i));
  batches.flush(p);

  drawSpans(p, scene, X, cx, labels);
  drawGroupTags(p, scene, X, cx, tags);
  drawCuts(p, scene, X, cx);

  drawMessages(p, scene, cx, labels);

  // Fault markers: glyphs, or coloured ticks when they are too dense to tell apart.
  drawLaneMarkers(p, scene, X, compact);
  drawViolations(p, scene, X);

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
  drawAxisMarkers(p, scene, X, compact);
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
