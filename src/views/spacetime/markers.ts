/**
 * Fault markers and violations placed on the diagram: glyphs on the lanes (or coloured ticks
 * when they are too dense to tell apart), partition and heal markers on the axis, and a
 * violation's diamond on every node it names.
 */
import type { TraceEvent } from '../../sim/types';
import { AXIS_MARK_Y, laneY } from './layout';
import type { Scene } from './scene';
import { markerLane } from './geometry';
import { C, FUTURE_ALPHA } from './colors';
import { batches } from './batch';
import { drawGlyph } from './glyphs';
import type { Painter } from './paint';
import type { XScale } from './regions';

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

/** Whether markers in view are drawn as ticks: too few px per marker for glyphs. */
export function markersCompact(scene: Scene): boolean {
  return (scene.markerHi - scene.markerLo) * MARKER_ROOM > scene.input.width;
}

/** Fault markers on their lanes. */
export function drawLaneMarkers(p: Painter, scene: Scene, X: XScale, compact: boolean): void {
  const { input } = scene;
  const { index, events, step } = input;
  const lanes = index.lanes.length;
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
}

/** Violations, on every node they name. */
export function drawViolations(p: Painter, scene: Scene, X: XScale): void {
  const { input } = scene;
  const { index, events, step } = input;
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
}

/** Partition and heal markers on the axis, where they concern every lane. */
export function drawAxisMarkers(p: Painter, scene: Scene, X: XScale, compact: boolean): void {
  const { input } = scene;
  const { index, events, step } = input;
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
}
