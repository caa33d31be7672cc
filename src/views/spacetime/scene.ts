/**
 * What is in view: the events of the window (binary search), the messages whose flight
 * overlaps it (or, when there are too many, message density per lane and pixel column), the
 * markers, spans and violations to draw. Buffers are reused from frame to frame; nothing here
 * grows with the whole run. The density picture is in density.ts, arrow and marker geometry in
 * geometry.ts, hit-testing in hitTest.ts; they are re-exported here, where the rest of the view
 * has always imported them from.
 */
import type { TraceEvent, Violation } from '../../sim/types';
import type { CutSpan, LaneSpan, PartitionSpan, RunIndex } from './runIndex';
import { AGGREGATE_AT, shouldAggregate, visibleRange, type TimeWindow } from './layout';
import { fillDensity } from './density';

export { DENSITY_LEVELS } from './density';
export { arrowGeometry, CUT_DY, markerLane, markerY, newGeometry, type ArrowGeometry } from './geometry';
export { hitTest, sameHit } from './hitTest';

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
