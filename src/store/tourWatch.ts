/** The tour player's view of the session: when a run it opened is there, and when a task is done. */
import type { Scenario } from '../scenario/types';
import type { SessionState, SessionStore } from './session';
import type { TraceSource } from '../scenario/tour/anchors';
import { taskDoneAt } from '../scenario/tour/run';
import type { TourState } from './tour';

/** Calls back once the session runs `scenario` (opening may be asynchronous), or with false
 * when the session kept its run (the scenario was refused and a notice says why). */
export function whenOpened(session: SessionStore, scenario: Scenario, cb: (ok: boolean) => void): void {
  const wanted = JSON.stringify(scenario);
  const same = (s: SessionState) => JSON.stringify(s.sim.scenario) === wanted;
  if (same(session.getState())) return cb(true);
  const stop = session.subscribe((s, prev) => {
    if (same(s)) {
      stop();
      cb(true);
    } else if (s.notice?.kind === 'error' && s.notice !== prev.notice) {
      stop();
      cb(false);
    }
  });
}

/** The events recorded up to the cursor: a task is done when the student has seen it happen. */
function seenSource(s: SessionState): TraceSource {
  const { sim, frame } = s;
  return { event: (i) => (i < frame.step ? sim.events[i] : undefined), violations: (i) => sim.violations.filter((v) => v.seq === i).map((v) => v.invariant), until: sim.scenario.until };
}

/** What changes in the tour after a session change on a task step, or null. */
export function checkTask(t: TourState, s: SessionState): Partial<TourState> | null {
  const cur = t.played.at(-1);
  const step = cur && t.tour?.steps[cur.index];
  if (!cur || !step?.task || t.done[step.id] || !t.acted) return null;
  // The student's first action on this step: what follows it is theirs to check.
  if (t.acted.at === null) return s.revision !== t.acted.revision ? { acted: { revision: s.revision, at: { step: s.frame.step, time: s.frame.time } } } : null;
  const done = taskDoneAt(step, t.acted.at, seenSource(s), cur.bindings);
  if (!done) return null;
  // The place keeps where the student acted (later anchors resolve from there) and where the
  // task was completed (later steps are never placed before it).
  return { done: { ...t.done, [step.id]: true }, played: [...t.played.slice(0, -1), { ...cur, at: t.acted.at, done }], acted: null };
}
