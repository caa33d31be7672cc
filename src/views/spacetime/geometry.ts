/**
 * Where things sit on the diagram: a message's arrow (and how much of it lies before the
 * cursor), a fault marker's lane, a cut's offset below its lane. Shared by drawing and
 * hit-testing so what is clicked is exactly what is drawn.
 */
import type { TraceEvent } from '../../sim/types';
import { FATE, type RunIndex } from './runIndex';
import { AXIS_MARK_Y, LANE_H, laneY, xOf, yAlong } from './layout';
import type { SceneInput } from './scene';

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

/** A cut is drawn this far below its sender's lane line. */
export const CUT_DY = LANE_H / 2 - 4;
