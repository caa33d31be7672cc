/** The election timer around a node: a thin track and an arc growing clockwise from 12
 * o'clock as the timer runs out. A pure function of simulated time (no CSS animation). */
import { arc } from 'd3';
import type { Point } from './geometry';

const ring = arc();

export function timerPath(r: number, progress: number): string {
  return ring({ innerRadius: r + 3, outerRadius: r + 6, startAngle: 0, endAngle: 2 * Math.PI * progress }) ?? '';
}

export function TimerArc({ at, r, progress }: { at: Point; r: number; progress: number }) {
  return (
    <g className="cl-timer" transform={`translate(${at.x} ${at.y})`} aria-hidden="true">
      <circle className="cl-timer-track" r={r + 4.5} />
      {progress > 0 && <path className={`cl-timer-arc${progress > 0.85 ? ' is-late' : ''}`} d={timerPath(r, progress)} />}
    </g>
  );
}
