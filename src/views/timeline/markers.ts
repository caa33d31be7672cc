/**
 * The timeline's maths, without React or the DOM: which events are faults, where the cursor
 * jumps to from a step, and how a run of 100,000 events folds into one count per pixel column.
 *
 * Steps count applied events: the cursor at step k has applied events 0 … k−1, so the step
 * right after event `seq` is `seq + 1`.
 */
import { bisect } from './scale';
import type { EventKind, TraceEvent, Violation } from '../../sim/types';
import { KERNEL_ACTIONS } from '../../scenario/types';

/** Event kinds that a scenario action can cause and that the timeline marks as faults: every
 * kernel action but the manual schedule's picks, which are ordinary deliveries and timers. */
export const FAULT_KINDS: ReadonlySet<EventKind> = new Set<EventKind>(KERNEL_ACTIONS.filter((k) => k !== 'deliver' && k !== 'fire'));

/** Families of faults: each has its own marker shape, so colour is never the only signal. */
export type FaultFamily = 'node' | 'network' | 'message' | 'schedule';

export function faultFamily(kind: EventKind): FaultFamily {
  switch (kind) {
    case 'partition':
    case 'cut':
    case 'heal':
      return 'network';
    case 'drop':
    case 'duplicate':
    case 'delay':
      return 'message';
    case 'schedule':
      return 'schedule';
    default:
      return 'node';
  }
}

/** How many faults the timeline's count names: switching the schedule between auto and manual
 * is marked (and jumped to) but is not a fault of the system, so "1 drop" does not read "3 faults". */
export function faultCount(markers: readonly { kind: EventKind }[]): number {
  let n = 0;
  for (const m of markers) if (faultFamily(m.kind) !== 'schedule') n++;
  return n;
}

export interface FaultMarker {
  seq: number;
  time: number;
  kind: EventKind;
  node?: string;
  /** Found ahead by the script's look-ahead, not reached by the run yet. */
  ahead?: boolean;
}

/** Is this event a fault the user (or the scenario) injected? */
export function isFault(e: TraceEvent): boolean {
  return e.action !== undefined && FAULT_KINDS.has(e.kind);
}

/** The faults among `events[from …]`, in order. */
export function faultMarkers(events: readonly TraceEvent[], from = 0): FaultMarker[] {
  const out: FaultMarker[] = [];
  for (let i = from; i < events.length; i++) {
    const e = events[i]!;
    if (isFault(e)) out.push(e.node === undefined ? { seq: e.seq, time: e.time, kind: e.kind } : { seq: e.seq, time: e.time, kind: e.kind, node: e.node });
  }
  return out;
}

/** Runs only grow (a fork is a new run with a new array): extend the last answer. */
const faultCache = new WeakMap<readonly TraceEvent[], { count: number; list: FaultMarker[] }>();

/** `faultMarkers(events)`, remembered per events array and extended as the run grows. The
 * returned array is a new one whenever its contents change, so it can key a memo. */
export function faultsOf(events: readonly TraceEvent[]): FaultMarker[] {
  const hit = faultCache.get(events);
  if (hit && hit.count === events.length) return hit.list;
  const list = hit && hit.count < events.length ? [...hit.list, ...faultMarkers(events, hit.count)] : faultMarkers(events);
  const same = hit && hit.list.length === list.length ? hit.list : list;
  faultCache.set(events, { count: events.length, list: same });
  return same;
}

const seqOf = (m: { seq: number }) => m.seq;

/** The step right after the first marker not yet applied at `step`, or null. */
export function nextStep(markers: readonly { seq: number }[], step: number): number | null {
  const i = bisect(markers, step, seqOf, 'left');
  return i < markers.length ? markers[i]!.seq + 1 : null;
}

/** The step right after the last marker applied before the cursor's own event, or null: from
 * a marker's step this goes to the marker before it. */
export function prevStep(markers: readonly { seq: number }[], step: number): number | null {
  const i = bisect(markers, step - 1, seqOf, 'left');
  return i > 0 ? markers[i - 1]!.seq + 1 : null;
}

export type Jump = 'prevFault' | 'nextFault' | 'prevViolation' | 'nextViolation';

/** Where a jump button goes from `step`, or null when there is nothing that way. */
export function jumpTarget(run: { events: readonly TraceEvent[]; violations: readonly Violation[] }, step: number, jump: Jump): number | null {
  switch (jump) {
    case 'prevFault':
      return prevStep(faultsOf(run.events), step);
    case 'nextFault':
      return nextStep(faultsOf(run.events), step);
    case 'prevViolation':
      return prevStep(run.violations, step);
    case 'nextViolation':
      return nextStep(run.violations, step);
  }
}

/** Column `0 … columns−1` of time `time` on a track spanning [t0, t1]. */
export function columnOf(time: number, t0: number, t1: number, columns: number): number {
  if (t1 <= t0) return 0;
  return Math.max(0, Math.min(columns - 1, Math.floor(((time - t0) / (t1 - t0)) * columns)));
}

/**
 * How many events fall in each of `columns` equal slices of [t0, t1] (the last slice keeps
 * t1; times outside are clamped to the ends). Events are in time order, so each column is
 * two binary searches: O(columns · log n), not O(n), at 100,000 events.
 */
export function densityBins(events: readonly { time: number }[], t0: number, t1: number, columns: number): Uint32Array {
  const bins = new Uint32Array(Math.max(0, columns));
  if (columns <= 0 || events.length === 0) return bins;
  const col = (e: { time: number }) => columnOf(e.time, t0, t1, columns);
  let start = 0;
  for (let c = 0; c < columns; c++) {
    const end = bisect(events, c, col, 'right', start);
    bins[c] = end - start;
    start = end;
  }
  return bins;
}

export interface MarkerCluster<M> {
  /** Where the cluster's glyph goes: its first marker's position. */
  x: number;
  items: M[];
}

/**
 * Markers gathered so that glyphs `gap` px wide never overlap: a marker less than `gap` px
 * right of its cluster's first one joins that cluster. Thousands of faults draw as at most
 * one glyph per `gap` px, each at the exact position of its first fault.
 */
export function clusterMarkers<M extends { time: number }>(markers: readonly M[], x: (time: number) => number, gap: number): MarkerCluster<M>[] {
  const out: MarkerCluster<M>[] = [];
  for (const m of markers) {
    const px = x(m.time);
    const last = out.at(-1);
    if (last && px - last.x < gap) last.items.push(m);
    else out.push({ x: px, items: [m] });
  }
  return out;
}

/** The most common fault family in a column (the first seen wins a tie). */
export function dominantFamily(items: readonly { kind: EventKind }[]): FaultFamily {
  const counts = new Map<FaultFamily, number>();
  let best: FaultFamily = 'node';
  let most = 0;
  for (const m of items) {
    const f = faultFamily(m.kind);
    const n = (counts.get(f) ?? 0) + 1;
    counts.set(f, n);
    if (n > most) {
      most = n;
      best = f;
    }
  }
  return best;
}

/** While a run goes on, its track's end grows by this factor at a time. */
export const TRACK_STEP = 1.25;

/** The smallest `min` · TRACK_STEP^k at or above `t`: the track's end while the run goes on,
 * so that the whole track is redrawn only when it steps. */
export function trackEnd(t: number, min: number): number {
  if (t <= min) return min;
  const k = Math.ceil(Math.log(t / min) / Math.log(TRACK_STEP) - 1e-9);
  const end = Math.ceil(min * TRACK_STEP ** k);
  return end >= t ? end : Math.ceil(min * TRACK_STEP ** (k + 1));
}
