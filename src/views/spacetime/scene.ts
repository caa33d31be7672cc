/**
 * What is in view: the events of the window (binary search), the messages whose flight
 * overlaps it (or, when there are too many, message density per lane and pixel column), the
 * markers, spans and violations to draw, and hit-testing against exactly those. Buffers are
 * reused from frame to frame; nothing here grows with the whole run.
 */
import type { TraceEvent, Violation } from '../../sim/types';
import { FATE, type CutSpan, type LaneSpan, type PartitionSpan, type RunIndex } from './runIndex';
import { AGGREGATE_AT, AXIS_H, AXIS_MARK_Y, LANE_H, laneAt, laneY, segmentDistance, shouldAggregate, timeAt, visibleRange, xOf, yAlong, type TimeWindow } from './layout';

export interface SceneInput {
  events: readonly TraceEvent[];
  /** Events recorded (the head of the run). */
  count: number;
  index: RunIndex;
  violations: readonly Violation[];
  win: TimeWindow;
  /** CSS px. */
  width: number;
  /** Cursor time and step (events applied). */
  cursor: number;
  step: number;
  /** Lane of the selected node, or -1. */
  selectedLane: number;
  /** Id of the selected message, or -1. */
  selectedMessage: number;
  hover: Hit | null;
  /** Messages left out of the picture (hidden heartbeats), by id; null: none. Arrows only:
   * a zoomed-out density still counts them. */
  hide?: ((id: number) => boolean) | null;
}

export type Hit =
  | { kind: 'message'; id: number }
  | { kind: 'event'; seq: number }
  | { kind: 'violation'; index: number; lane: number }
  | { kind: 'span'; span: LaneSpan }
  | { kind: 'cut'; cut: CutSpan }
  | { kind: 'partition'; partition: PartitionSpan; lane: number; time: number }
  | { kind: 'lane'; lane: number; time: number }
  | { kind: 'axis'; time: number };

export interface Scene {
  input: SceneInput;
  /** Events in the window: [lo, hi). */
  lo: number;
  hi: number;
  /** Time of the last recorded event, or the cursor if later: where open spans stop. */
  headTime: number;
  /** Message ids drawn as arrows (first `arrowCount`). */
  arrows: Int32Array;
  arrowCount: number;
  /** Too many arrows: lanes show density instead. */
  aggregated: boolean;
  /** Per lane × column: sends and deliveries, and losses (aggregated only). */
  density: Uint16Array;
  lossDensity: Uint16Array;
  densityMax: number;
  /** Shade level (0: empty, 1..DENSITY_LEVELS) per lane × column, activity then losses. */
  levels: Uint8Array;
  /** Messages whose ends fall in the window (aggregated only). */
  densityMessages: number;
  /** index.markers[markerLo, markerHi) are in the window. */
  markerLo: number;
  markerHi: number;
  /** Violations in the window, by index in input.violations. */
  violations: number[];
  /** Cache key of the density. */
  densityKey: string;
}

export function emptyScene(input: SceneInput): Scene {
  return {
    input,
    lo: 0,
    hi: 0,
    headTime: 0,
    arrows: new Int32Array(AGGREGATE_AT + 1),
    arrowCount: 0,
    aggregated: false,
    density: new Uint16Array(0),
    lossDensity: new Uint16Array(0),
    densityMax: 0,
    levels: new Uint8Array(0),
    densityMessages: 0,
    markerLo: 0,
    markerHi: 0,
    violations: [],
    densityKey: '',
  };
}

/** Fills `scene` (reusing its buffers) with what `input` shows. */
export function buildScene(scene: Scene, input: SceneInput): Scene {
  const { events, count, index, win } = input;
  scene.input = input;
  [scene.lo, scene.hi] = visibleRange(events, count, win);
  scene.headTime = Math.max(count > 0 ? events[count - 1]!.time : 0, input.cursor);
  const found = index.messagesIn(win.start, win.end, scene.arrows, AGGREGATE_AT);
  scene.aggregated = shouldAggregate(found);
  // Decided on every message, so hiding heartbeats never leaves a window half drawn.
  scene.arrowCount = scene.aggregated ? 0 : input.hide ? dropHidden(scene.arrows, found, input.hide) : found;
  if (scene.aggregated) fillDensity(scene);
  else scene.densityKey = '';

  const markers = index.markers;
  const markerTime = (i: number) => events[markers[i]!]!.time;
  scene.markerLo = bound(markers.length, (i) => markerTime(i) < win.start);
  scene.markerHi = bound(markers.length, (i) => markerTime(i) <= win.end);

  scene.violations.length = 0;
  input.violations.forEach((v, i) => {
    const e = events[v.seq];
    if (e && e.time >= win.start && e.time <= win.end) scene.violations.push(i);
  });
  return scene;
}

/** Keeps the first `n` ids of `ids` that `hide` does not name, in order, in place; returns
 * how many. */
function dropHidden(ids: Int32Array, n: number, hide: (id: number) => boolean): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (!hide(ids[i]!)) ids[k++] = ids[i]!;
  return k;
}

/** First i in [0, n) where `before(i)` is false (before is true, then false). */
function bound(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Message ends per lane and pixel column, from the window's events only. */
function fillDensity(scene: Scene): void {
  const { events, index, win, width, count } = scene.input;
  const cols = Math.max(1, Math.floor(width));
  const lanes = index.lanes.length;
  const key = `${win.start}:${win.end}:${cols}:${count}:${lanes}`;
  if (key === scene.densityKey) return;
  scene.densityKey = key;
  if (scene.density.length !== cols * lanes) {
    scene.density = new Uint16Array(cols * lanes);
    scene.lossDensity = new Uint16Array(cols * lanes);
    scene.levels = new Uint8Array(2 * cols * lanes);
  } else {
    scene.density.fill(0);
    scene.lossDensity.fill(0);
  }
  const d = scene.density;
  const l = scene.lossDensity;
  const k = cols / (win.end - win.start);
  let max = 0;
  let messages = 0;
  const bump = (arr: Uint16Array, lane: number, t: number) => {
    const c = Math.floor((t - win.start) * k);
    if (lane < 0 || c < 0 || c >= cols) return;
    const i = lane * cols + c;
    if (arr[i]! < 0xffff) arr[i]!++;
    if (arr === d && arr[i]! > max) max = arr[i]!;
  };
  const [lo, hi] = [scene.lo, scene.hi];
  for (let i = lo; i < hi; i++) {
    const e = events[i]!;
    if (e.sent) for (const m of e.sent) bump(d, index.from[m.id] ?? -1, e.time);
    if (e.kind === 'crash' && e.reason === undefined && Array.isArray(e.detail?.lostMessages)) {
      const lane = index.laneOf.get(e.node ?? '') ?? -1;
      for (let j = 0; j < e.detail.lostMessages.length; j++) bump(l, lane, e.time);
      messages += e.detail.lostMessages.length;
    }
    const m = e.message;
    if (!m || (e.reason !== undefined && e.kind !== 'lost')) continue;
    if (e.kind === 'deliver') {
      bump(d, index.to[m.id] ?? -1, e.time);
      messages++;
    } else if (e.kind === 'lost' || e.kind === 'drop') {
      bump(l, index.to[m.id] ?? -1, e.time);
      messages++;
    }
  }
  scene.densityMax = max;
  scene.densityMessages = messages;
  let lossMax = 0;
  for (let i = 0; i < l.length; i++) if (l[i]! > lossMax) lossMax = l[i]!;
  const n = cols * lanes;
  const logD = Math.log1p(Math.max(1, max));
  const logL = Math.log1p(Math.max(1, lossMax));
  const top = DENSITY_LEVELS - 1;
  for (let i = 0; i < n; i++) {
    const a = d[i]!;
    const b = l[i]!;
    scene.levels[i] = a === 0 ? 0 : 1 + Math.min(top, Math.floor((Math.log1p(a) / logD) * top));
    scene.levels[n + i] = b === 0 ? 0 : 1 + Math.min(top, Math.floor((Math.log1p(b) / logL) * top));
  }
}

/** Shades of the density view. */
export const DENSITY_LEVELS = 8;

/** Where a message's arrow goes, and how much of it lies before the cursor. */
export interface ArrowGeometry {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Where the solid (past) part stops: the cursor, or the end when it is past. */
  xc: number;
  yc: number;
  /** Sent before the cursor; ended before the cursor. */
  sentPast: boolean;
  endPast: boolean;
  /** Not delivered or lost anywhere in the recorded run yet. */
  open: boolean;
  /** Ends in a ✕ (lost, dropped, or lost when its receiver crashed). */
  lost: boolean;
}

export function arrowGeometry(input: SceneInput, id: number, out: ArrowGeometry): ArrowGeometry {
  const { index, win, width, cursor, step } = input;
  const m = index.messages[id]!;
  const fate = index.fate[id]!;
  const endSeq = index.endSeq[id]!;
  const t1 = m.sentAt;
  const y1 = laneY(index.from[id]!);
  const yTo = laneY(index.to[id]!);
  const open = endSeq < 0;
  const t2 = open ? Math.max(m.arriveAt, t1) : index.endAt[id]!;
  // Dropped, or lost in a crash, while flying: the ✕ sits where it was on its way.
  const y2 = fate === FATE.dropped || fate === FATE.crashed ? yAlong(t2, t1, y1, Math.max(m.arriveAt, t1), yTo) : yTo;
  out.x1 = xOf(t1, win, width);
  out.y1 = y1;
  out.x2 = xOf(t2, win, width);
  out.y2 = y2;
  out.open = open;
  out.lost = fate === FATE.lost || fate === FATE.dropped || fate === FATE.crashed;
  out.sentPast = index.sendSeq[id]! < step;
  out.endPast = !open && endSeq < step;
  if (out.endPast || !out.sentPast) {
    out.xc = out.endPast ? out.x2 : out.x1;
    out.yc = out.endPast ? y2 : y1;
  } else {
    const tc = Math.min(cursor, t2);
    out.xc = xOf(tc, win, width);
    out.yc = yAlong(tc, t1, y1, t2, y2);
  }
  return out;
}

export function newGeometry(): ArrowGeometry {
  return { x1: 0, y1: 0, x2: 0, y2: 0, xc: 0, yc: 0, sentPast: false, endPast: false, open: false, lost: false };
}

/** y of a marker: on its lane, or in the axis row for events that touch no node. */
export function markerY(index: RunIndex, e: TraceEvent): number {
  const lane = markerLane(index, e);
  return lane < 0 ? AXIS_MARK_Y : laneY(lane);
}

export function markerLane(index: RunIndex, e: TraceEvent): number {
  if (e.kind === 'cut') return index.laneOf.get(e.detail?.from as string) ?? -1;
  if (e.kind === 'partition' || e.kind === 'heal') return -1;
  return e.node === undefined ? -1 : (index.laneOf.get(e.node) ?? -1);
}

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

/** A cut is drawn this far below its sender's lane line. */
export const CUT_DY = LANE_H / 2 - 4;

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

