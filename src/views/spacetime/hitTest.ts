/**
 * What is under the pointer: the topmost thing the scene draws at (x, y), in drawing order
 * reversed (violations, markers, arrows, cuts, spans, partitions, then the bare lane), and
 * whether two hits are the same thing (so hover only redraws when it changes).
 */
import { AXIS_H, AXIS_MARK_Y, laneAt, laneY, segmentDistance, timeAt, xOf } from './layout';
import { arrowGeometry, CUT_DY, markerLane, newGeometry } from './geometry';
import type { Hit, Scene } from './scene';

const MARKER_R = 7;
const ARROW_HIT = 5;

/** The topmost thing at (x, y), among what the scene draws. */
export function hitTest(scene: Scene, x: number, y: number): Hit | null {
  const { input } = scene;
  const { index, events, win, width } = input;
  const lanes = index.lanes.length;
  const time = timeAt(x, win, width);
  if (x < 0 || x > width) return null;
  const lane = laneAt(y, lanes);
  if (y < AXIS_H && lane < 0) {
    // Markers that touch no node sit in the axis row.
    for (let i = scene.markerHi - 1; i >= scene.markerLo; i--) {
      const e = events[index.markers[i]!]!;
      if (markerLane(index, e) >= 0) continue;
      if (Math.hypot(xOf(e.time, win, width) - x, AXIS_MARK_Y - y) <= MARKER_R) return { kind: 'event', seq: e.seq };
    }
    return y >= 0 ? { kind: 'axis', time } : null;
  }
  if (lane < 0) return null;

  for (const vi of scene.violations) {
    const v = input.violations[vi]!;
    const vx = xOf(events[v.seq]!.time, win, width);
    for (const node of v.nodes?.length ? v.nodes : index.lanes) {
      const l = index.laneOf.get(node);
      if (l !== undefined && Math.hypot(vx - x, laneY(l) - y) <= MARKER_R + 1) return { kind: 'violation', index: vi, lane: l };
    }
  }
  for (let i = scene.markerHi - 1; i >= scene.markerLo; i--) {
    const e = events[index.markers[i]!]!;
    const ml = markerLane(index, e);
    if (ml < 0) continue;
    if (Math.hypot(xOf(e.time, win, width) - x, laneY(ml) - y) <= MARKER_R) return { kind: 'event', seq: e.seq };
  }
  if (!scene.aggregated) {
    const g = newGeometry();
    let best = -1;
    let bestD = ARROW_HIT;
    for (let k = 0; k < scene.arrowCount; k++) {
      const id = scene.arrows[k]!;
      arrowGeometry(input, id, g);
      // An open message is drawn only up to the cursor.
      const ex = g.open && g.sentPast ? g.xc : g.x2;
      const ey = g.open && g.sentPast ? g.yc : g.y2;
      const d = segmentDistance(x, y, g.x1, g.y1, ex, ey);
      if (d <= bestD) {
        best = id;
        bestD = d;
      }
    }
    if (best >= 0) return { kind: 'message', id: best };
  }
  for (const c of index.cuts) {
    if (c.from !== lane || c.start > time || c.end < time) continue;
    if (Math.abs(y - (laneY(lane) + CUT_DY)) <= 4) return { kind: 'cut', cut: c };
  }
  const headTime = scene.headTime;
  for (const s of index.spans) {
    if (s.lane === lane && s.start <= time && Math.min(s.end, headTime) >= time) return { kind: 'span', span: s };
  }
  for (const p of index.partitions) {
    if (p.start <= time && Math.min(p.end, headTime) >= time) return { kind: 'partition', partition: p, lane, time };
  }
  return { kind: 'lane', lane, time };
}

/** Whether hit `a` is the same thing as `b` (for hover changes). */
export function sameHit(a: Hit | null, b: Hit | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'message':
      return a.id === (b as typeof a).id;
    case 'event':
      return a.seq === (b as typeof a).seq;
    case 'violation':
      return a.index === (b as typeof a).index && a.lane === (b as typeof a).lane;
    case 'span':
      return a.span === (b as typeof a).span;
    case 'cut':
      return a.cut === (b as typeof a).cut;
    case 'partition':
      return a.partition === (b as typeof a).partition && a.lane === (b as typeof a).lane;
    case 'lane':
      return a.lane === (b as typeof a).lane;
    case 'axis':
      return true;
  }
}


