/**
 * Pure maths of the space-time diagram: time ↔ x, lanes ↔ y, which events a time window
 * holds (binary search), the window itself (zoom, pan, follow the cursor, d3-zoom transforms)
 * and when to aggregate. No React, no DOM: unit-tested with exact values.
 */
import { scaleLinear } from 'd3';
import type { TraceEvent } from '../../sim/types';

/** Height of one node's lane, in CSS pixels. */
export const LANE_H = 28;
/** Height of the time axis above the lanes: tick labels on top, then markers of events that
 * touch no node (partition, heal). */
export const AXIS_H = 30;
/** y of those markers. */
export const AXIS_MARK_Y = AXIS_H - 9;
/** Room below the last lane. */
export const BOTTOM_PAD = 6;
/** The deepest zoom: this many simulated ms across the whole width. */
export const MIN_SPAN = 5;
/** The window a run opens with, at most (ms). */
export const DEFAULT_SPAN = 1500;
/** Above this many arrows in the window, lanes show message density instead of arrows. */
export const AGGREGATE_AT = 3000;
/** Zoom factor of the +/− buttons and keys. */
export const ZOOM_STEP = 2;
/** Pan step of the arrow buttons and keys, as a fraction of the window. */
export const PAN_STEP = 0.25;
/** While following, the cursor is kept left of this fraction of the window. */
export const FOLLOW_EDGE = 0.9;
/** Room allowed before time 0 and after the end of the run, as fractions of the window. */
export const LEFT_PAD = 0.02;
export const RIGHT_PAD = 0.1;
/** d3-zoom's scale 1 shows this many ms across the width. */
export const REF_SPAN = 1000;

export interface TimeWindow {
  start: number;
  end: number;
}

const round2 = (v: number) => Math.round(v * 100) / 100 + 0;

export function span(win: TimeWindow): number {
  return win.end - win.start;
}

/** x (CSS px from the canvas' left edge) of simulated time `t`. */
export function xOf(t: number, win: TimeWindow, width: number): number {
  return ((t - win.start) * width) / (win.end - win.start);
}

/** Simulated time at x. */
export function timeAt(x: number, win: TimeWindow, width: number): number {
  return win.start + (x * (win.end - win.start)) / width;
}

/** y of the middle of lane `lane`. */
export function laneY(lane: number): number {
  return AXIS_H + lane * LANE_H + LANE_H / 2;
}

/** The lane at y, or -1 above or below the lanes. */
export function laneAt(y: number, lanes: number): number {
  const i = Math.floor((y - AXIS_H) / LANE_H);
  return i >= 0 && i < lanes ? i : -1;
}

export function diagramHeight(lanes: number): number {
  return AXIS_H + lanes * LANE_H + BOTTOM_PAD;
}

/** First index in [0, count) whose event time is ≥ t (count when none). */
export function lowerBound(events: readonly Pick<TraceEvent, 'time'>[], count: number, t: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid]!.time < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in [0, count) whose event time is > t (count when none). */
export function upperBound(events: readonly Pick<TraceEvent, 'time'>[], count: number, t: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid]!.time <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The events inside the window, as a half-open index range [lo, hi). */
export function visibleRange(events: readonly Pick<TraceEvent, 'time'>[], count: number, win: TimeWindow): [number, number] {
  return [lowerBound(events, count, win.start), upperBound(events, count, win.end)];
}

/** Tick values of the time axis: about one per 110 px, never below 0. */
export function axisTicks(win: TimeWindow, width: number): number[] {
  const count = Math.max(2, Math.floor(width / 110));
  return scaleLinear()
    .domain([win.start, win.end])
    .ticks(count)
    .filter((v) => v >= 0);
}

/** The window kept inside the run: [−LEFT_PAD·span, end + RIGHT_PAD·span], span in [MIN_SPAN, whole run]. */
export function clampWindow(win: TimeWindow, runEnd: number): TimeWindow {
  const maxSpan = Math.max(MIN_SPAN, runEnd) * (1 + LEFT_PAD + RIGHT_PAD);
  const s = Math.min(maxSpan, Math.max(MIN_SPAN, span(win)));
  const lo = -LEFT_PAD * s;
  const hi = Math.max(lo, runEnd + RIGHT_PAD * s - s);
  const start = Math.min(hi, Math.max(lo, win.start));
  if (start === win.start && s === span(win)) return win;
  return { start: round2(start), end: round2(start + s) };
}

/** Zoom by `factor` (> 1: in) keeping time `anchor` at the same place on screen. */
export function zoomWindow(win: TimeWindow, factor: number, anchor: number, runEnd: number): TimeWindow {
  const s = span(win);
  const next = s / factor;
  const f = s > 0 ? (anchor - win.start) / s : 0.5;
  const start = anchor - f * next;
  return clampWindow({ start: round2(start), end: round2(start + next) }, runEnd);
}

/** Move by `dt` ms (positive: later). */
export function panWindow(win: TimeWindow, dt: number, runEnd: number): TimeWindow {
  return clampWindow({ start: round2(win.start + dt), end: round2(win.end + dt) }, runEnd);
}

/** The whole run, from 0 to its end (at least MIN_SPAN). */
export function fitWindow(runEnd: number): TimeWindow {
  return { start: 0, end: Math.max(MIN_SPAN, runEnd) };
}

/**
 * The window that keeps the cursor in view while following. Unchanged (the same object) when
 * the cursor is inside [start, start + FOLLOW_EDGE·span]. Otherwise it scrolls so the cursor
 * sits at that edge (`paged`: jumps a page, for reduced motion, leaving the cursor near the left).
 */
export function followWindow(win: TimeWindow, cursor: number, paged: boolean): TimeWindow {
  const s = span(win);
  if (cursor >= win.start && cursor <= win.start + FOLLOW_EDGE * s) return win;
  const behind = cursor < win.start;
  const at = paged || behind ? 1 - FOLLOW_EDGE : FOLLOW_EDGE;
  const start = Math.max(-LEFT_PAD * s, cursor - at * s);
  return { start: round2(start), end: round2(start + s) };
}

/** The d3-zoom transform (scale k, x translation) that shows `win` across `width` px. */
export function transformFor(win: TimeWindow, width: number): { k: number; x: number } {
  const s = span(win);
  return { k: REF_SPAN / s, x: (-win.start * width) / s };
}

/** The window a d3-zoom transform shows across `width` px. */
export function windowFor(k: number, x: number, width: number): TimeWindow {
  const s = REF_SPAN / k;
  const start = (-x * s) / width;
  return { start: round2(start), end: round2(start + s) };
}

/** Draw arrows one by one, or density per lane and pixel column? */
export function shouldAggregate(arrows: number): boolean {
  return arrows > AGGREGATE_AT;
}

/** The point at time `t` on the segment from (t1, y1) to (t2, y2), clamped to it. */
export function yAlong(t: number, t1: number, y1: number, t2: number, y2: number): number {
  if (!(t2 > t1)) return t >= t2 ? y2 : y1;
  const p = Math.min(1, Math.max(0, (t - t1) / (t2 - t1)));
  return y1 + (y2 - y1) * p;
}

/** Distance from (px, py) to the segment (x1, y1)–(x2, y2). */
export function segmentDistance(px: number, py: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  const p = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((px - x1) * dx + (py - y1) * dy) / len2));
  return Math.hypot(px - (x1 + p * dx), py - (y1 + p * dy));
}

/** The pixel column of time t in a window `width` columns wide, or -1 outside. */
export function columnOf(t: number, win: TimeWindow, width: number): number {
  const c = Math.floor(xOf(t, win, width));
  return c >= 0 && c < width ? c : -1;
}

/**
 * Diagonal hatch lines clipped to a rectangle (for crashed spans; the same lines on canvas and
 * in SVG), as flat [x1, y1, x2, y2, …] from lower left to upper right. Lines rise at 45°,
 * `gap` px apart, on a grid anchored at x = `phase` so the pattern does not crawl when a
 * span's left edge scrolls out of view.
 */
export function hatchLines(x: number, y: number, w: number, h: number, gap: number, phase = 0): number[] {
  const out: number[] = [];
  if (w <= 0 || h <= 0 || gap <= 0) return out;
  // Line c: X + (Y − y) = c, from (c − h, y + h) at the bottom to (c, y) at the top.
  for (let c = Math.floor((x - phase) / gap) * gap + phase + gap; c < x + w + h; c += gap) {
    const bx = Math.max(x, c - h);
    const tx = Math.min(x + w, c);
    if (tx <= bx) continue;
    out.push(round2(bx), round2(y + c - bx), round2(tx), round2(y + c - tx));
  }
  return out;
}
