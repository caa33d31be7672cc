/**
 * The run's extent as the view sees it, from the session alone: which run is shown (so a fork
 * keeps the window and a new scenario resets it), how far the user may scroll, and where
 * following stops scrolling.
 */
import type { SessionState } from '../../store/session';
import { DEFAULT_SPAN, MIN_SPAN } from './layout';

/** Identity of a run for the view: a fork keeps it (and the window), a new scenario does not. */
export function runKey(s: SessionState): string {
  const sc = s.sim.scenario;
  return `${sc.protocol}|${sc.name ?? ''}|${sc.seed}|${sc.nodes.join(',')}|${sc.until}`;
}

function lastTime(s: SessionState): number {
  const ev = s.sim.events;
  return ev.length ? ev[ev.length - 1]!.time : 0;
}

/** How far the user may scroll: the recorded run, the cursor, and the window a run opens with. */
export function boundsEnd(s: SessionState): number {
  return Math.max(lastTime(s), s.frame.time, Math.min(s.sim.scenario.until, DEFAULT_SPAN), MIN_SPAN);
}

/** Where following stops scrolling: the end the run is heading for. */
export function plannedEnd(s: SessionState): number {
  return Math.max(lastTime(s), s.frame.time, s.sim.scenario.until);
}
