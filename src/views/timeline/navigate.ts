/** The timeline's jumps, shared by its buttons and the keyboard shortcuts. A jump pauses
 * playback: the user wants to look at the step it lands on. */
import type { SessionState } from '../../store/session';
import { jumpTarget, type Jump } from './markers';

export type Go = Jump | 'start' | 'end';

/** The step a jump lands on from the cursor, or null when there is nothing that way. */
export function goTarget(s: Pick<SessionState, 'sim' | 'frame'>, go: Go): number | null {
  const { step, head } = s.frame;
  if (go === 'start') return step > 0 ? 0 : null;
  if (go === 'end') return step < head ? head : null;
  return jumpTarget(s.sim, step, go);
}

type Run = Pick<SessionState, 'sim' | 'frame'>;

/** Compare mode: the time of the compared run's nearest violation that way from the cursor. */
function otherViolation(other: Run, time: number, go: 'prevViolation' | 'nextViolation'): number | null {
  const times = other.sim.violations.map((v) => other.sim.events[v.seq]!.time);
  const ahead = times.filter((t) => (go === 'nextViolation' ? t > time : t < time));
  if (!ahead.length) return null;
  return go === 'nextViolation' ? Math.min(...ahead) : Math.max(...ahead);
}

/** Where a jump goes: a step of this run, or a time (a violation of the compared run, which
 * may lie beyond what this run has recorded). */
export function goWhere(s: Run, go: Go, other?: Run | null): { step: number } | { time: number } | null {
  const step = goTarget(s, go);
  if (!other || (go !== 'prevViolation' && go !== 'nextViolation')) return step === null ? null : { step };
  const mine = step === null ? null : step > 0 ? s.sim.events[step - 1]!.time : 0;
  const theirs = otherViolation(other, s.frame.time, go);
  if (theirs === null) return step === null ? null : { step };
  if (mine === null) return { time: theirs };
  const theirsFirst = go === 'nextViolation' ? theirs < mine : theirs > mine;
  return theirsFirst ? { time: theirs } : { step: step! };
}

/** Jumps; returns whether the cursor moved. `other`: the compared run, whose violations are
 * stops too. */
export function goTo(s: SessionState, go: Go, other?: Run | null): boolean {
  const where = goWhere(s, go, other);
  if (where === null) return false;
  s.pause();
  if ('step' in where) s.seekStep(where.step);
  else s.followTime(where.time);
  return true;
}
