/**
 * The timeline's drawing grid and the pieces its layers share: rows and padding in px, the
 * gaps at which glyphs merge, a violation placed in time, and time labels. One place, so the
 * track, the markers and the pins line up.
 */
import type { Violation } from '../../sim/types';
import type { useT } from '../session';

export type Translate = ReturnType<typeof useT>;

/** Space each side of the track (px), so the cursor handle and pins fit at both ends. */
export const PAD = 12;
/** Rows of the drawing, in px from the top. */
export const ROW = { fault: 9, pin: 27, trackTop: 38, trackBottom: 66, tickLabel: 80, height: 86 } as const;
/** The shortest span the track shows (simulated ms), so a young run is not stretched. */
export const MIN_SPAN = 100;
/** The default view before the first measurement. */
export const INITIAL_WIDTH = 800;
/** Glyphs closer than this (px) share one: fault diamonds and violation pins. */
export const FAULT_GAP = 12;
export const PIN_GAP = 15;
/** Tooltip lines listed for a column before "… and N more". */
export const TIP_LINES = 6;

/** A violation with the time of the step that found it. */
export interface Pin extends Violation {
  time: number;
}

/** Seconds once the run is long enough that milliseconds would crowd the axis. */
export function timeText(t: Translate, ms: number, end: number): string {
  return end >= 10_000 ? t('timeline.s', { time: Number((ms / 1000).toPrecision(6)) }) : t('timeline.ms', { time: Math.round(ms) });
}
