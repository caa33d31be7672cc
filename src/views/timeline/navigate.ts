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

/** Jumps; returns whether the cursor moved. */
export function goTo(s: SessionState, go: Go): boolean {
  const target = goTarget(s, go);
  if (target === null) return false;
  s.pause();
  s.seekStep(target);
  return true;
}
