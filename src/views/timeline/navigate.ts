/** The timeline's jumps, shared by its buttons and the keyboard shortcuts. A jump pauses
 * playback: the user wants to look at the step it lands on. */
import type { SessionState } from '../../store/session';
import type { TraceEvent } from '../../sim/types';
import { isFault, jumpTarget, type Jump } from './markers';
import { probeAhead } from '../../store/probeAhead';

export type Go = Jump | 'start' | 'end';

/** How many events one forward jump may record ahead of the head (about a second of Raft in
 * the browser). A run is recorded as it plays; a jump into the unplayed future records the
 * way there first, so a scenario just opened can be navigated at once. */
export const AHEAD_EVENTS = 50_000;

/** The step a jump lands on from the cursor, or null when there is nothing that way. */
export function goTarget(s: Pick<SessionState, 'sim' | 'frame'>, go: Go): number | null {
  const { step, head } = s.frame;
  if (go === 'start') return step > 0 ? 0 : null;
  // A run whose events ran out before its limit still has its clock to run on to the end.
  if (go === 'end') return step < head || (s.sim.done && s.frame.time < s.sim.scenario.until) ? head : null;
  return jumpTarget(s.sim, step, go);
}

type Run = Pick<SessionState, 'sim' | 'frame'>;
/** The compared run, which can record ahead when it is a live session. */
type Other = Run & Partial<Pick<SessionState, 'recordAhead'>>;

const forward = (go: Go) => go === 'end' || go === 'nextFault' || go === 'nextViolation';

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

/** Whether a jump can go anywhere: somewhere recorded, or into the run not yet recorded. */
export function canGo(s: Run, go: Go, other?: Run | null): boolean {
  if (goWhere(s, go, other) !== null) return true;
  return forward(go) && !s.sim.done && s.frame.mode === 'auto';
}

/** Compare mode: records the compared run ahead to its next violation, but no further than
 * `horizon` ms, so both panes are searched up to the same time. Returns how far it has looked
 * (its limit when it ran out). */
function recordOther(other: Other, time: number, horizon: number): number {
  if (!other.recordAhead || other.sim.done || otherViolation(other, time, 'nextViolation') !== null) return horizon;
  other.recordAhead((ev, violated) => violated || ev.time >= horizon, AHEAD_EVENTS);
  return other.sim.done ? horizon : Math.min(horizon, other.sim.current.time);
}

/** When nothing recorded lies that way: records the unplayed run ahead until what the jump
 * looks for (a fault, a violation), or for End as far as the budget goes. */
function recordFor(s: SessionState, go: Go, other?: Other | null): void {
  const mine = forward(go) && !s.sim.done && s.frame.mode === 'auto' && goTarget(s, go) === null;
  if (go === 'nextViolation' && other) {
    // Compare mode: the compared run's next violation counts too. Both runs are searched up to
    // the same time, and a notice names that one horizon (walk-through: not this run's probe
    // horizon, reached from its head, next to a compared run searched less far).
    const target = goTarget(s, go);
    if (!mine) {
      const at = target !== null ? s.sim.events[target - 1]!.time : s.sim.done || s.frame.mode !== 'auto' ? s.sim.scenario.until : s.sim.current.time;
      recordOther(other, s.frame.time, at);
      return;
    }
    const stop = (_: TraceEvent, violated: boolean) => violated;
    const probe = probeAhead(s.sim, stop, AHEAD_EVENTS);
    if (probe.found) {
      // An adopted search already put the run's head on the violation: recording on would
      // run to the next one (review: the compared run was then recorded that far too).
      if (!probe.adopted) s.recordAhead(stop, Number.MAX_SAFE_INTEGER);
      recordOther(other, s.frame.time, s.sim.current.time);
      return;
    }
    const searched = recordOther(other, s.frame.time, probe.done ? s.sim.scenario.until : probe.time);
    if (otherViolation(other, s.frame.time, go) !== null) return;
    s.setNotice({ kind: 'info', key: 'walk.compare.nothingAhead', detail: Math.floor(Math.min(searched, probe.time)).toLocaleString(s.lang) });
    return;
  }
  if (!mine) return;
  const stop = (ev: TraceEvent, violated: boolean) => (go === 'nextFault' ? isFault(ev) : go === 'nextViolation' ? violated : false);
  if (go !== 'end') {
    // Searched on a copy: the run is recorded only up to what was found, never to the horizon.
    const probe = probeAhead(s.sim, stop, AHEAD_EVENTS);
    // Found, the run took in the search's events (or, when an earlier search had gone past
    // it, records up to it): the jump below reads the run as it is now.
    if (probe.found) {
      if (!probe.adopted) s.recordAhead(stop, Number.MAX_SAFE_INTEGER);
    } else s.setNotice({ kind: 'info', key: 'newcomer.nothingAhead', detail: Math.floor(probe.time).toLocaleString(s.lang) });
    return;
  }
  const found = s.recordAhead(stop, AHEAD_EVENTS);
  if (found || s.sim.done) return;
  // Say where the budget stopped: a long run's End lands on the last event recorded so far.
  s.setNotice({ kind: 'info', key: 'newcomer.endAhead', detail: Math.floor(s.sim.current.time).toLocaleString(s.lang) });
}

/** Jumps; returns whether the cursor moved. `other`: the compared run, whose violations are
 * stops too. */
export function goTo(s: SessionState, go: Go, other?: Other | null): boolean {
  recordFor(s, go, other);
  // Recording moved the head on: read the run as it is now.
  const run: Run = { sim: s.sim, frame: { ...s.frame, head: s.sim.eventCount } };
  const where = goWhere(run, go, other);
  if (where === null) return false;
  s.pause();
  if (!('step' in where)) s.followTime(where.time);
  // End of a run recorded to its last event: its clock runs on to the limit, so "end of run" shows.
  else if (go === 'end' && s.sim.done) s.seekStep(where.step, s.sim.scenario.until);
  else s.seekStep(where.step);
  return true;
}
