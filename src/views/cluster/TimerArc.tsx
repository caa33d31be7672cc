/** The election timer around a node: a thin track and an arc growing clockwise from 12
 * o'clock as the timer runs out. A pure function of simulated time (no CSS animation). */
import { memo } from 'react';
import { ringArc } from './ringArc';
import type { Point } from './geometry';

export function timerPath(r: number, progress: number): string {
  return ringArc(r + 3, r + 6, 0, 2 * Math.PI * progress);
}

/** Memoized: the cluster view renders again when its SVG dots catch up with a seek
 * (useSettledDots.ts), where the timers have not moved. */
export const TimerArc = memo(function TimerArc({ at, r, progress }: { at: Point; r: number; progress: number }) {
  return (
    <g className="cl-timer" transform={`translate(${at.x} ${at.y})`} aria-hidden="true">
      <circle className="cl-timer-track" r={r + 4.5} />
      {progress > 0 && <path className={`cl-timer-arc${progress > 0.85 ? ' is-late' : ''}`} d={timerPath(r, progress)} />}
    </g>
  );
});
