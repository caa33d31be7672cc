/**
 * What a scripted run holds ahead of its head (issue 17 item 4): a scenario just opened has
 * recorded only its start events, yet its script already decides every fault and violation to
 * come. A scratch copy runs the scenario to its end without recording states (the run is
 * deterministic: the same events), and the timeline shows its faults, its violations "not
 * reached yet" and its whole length at once. The run itself is untouched: it is recorded as
 * it plays (or as a jump records the way), so an action taken now still appends to the script.
 */
import { Simulation } from '../sim/simulation';
import type { EventKind, TraceEvent } from '../sim/types';

/** Events the look-ahead simulates at most, once, when the view first asks: every curated
 * scenario and shrunk counterexample ends well within it (the largest curated one has under
 * 500 events), and a long run's look stays a short pause on the main thread. */
export const LOOK_EVENTS = 5_000;

export interface AheadFault {
  seq: number;
  time: number;
  kind: EventKind;
  node?: string;
}

export interface AheadViolation {
  seq: number;
  time: number;
  invariant: string;
  message: string;
}

export interface Ahead {
  /** Faults and violations of the whole run from its start, in order (those before the
   * run's head are its own recorded ones). */
  faults: AheadFault[];
  violations: AheadViolation[];
  /** The simulated time the look-ahead reached, and whether that is the run's end. */
  time: number;
  complete: boolean;
  /** Events simulated (for the bench and tests). */
  simulated: number;
}

const cache = new WeakMap<Simulation, { actions: number; ahead: Ahead | null }>();

/** Whether the run has scripted actions it has not applied yet: only then is there a future
 * the script decides (free play's future is whatever the user does next). */
export function scriptedAhead(run: Simulation): boolean {
  return run.current.mode === 'auto' && !run.done && run.current.actionIndex < run.scenario.actions.length;
}

/** The run's future as its script decides it, or null when nothing scripted lies ahead.
 * Computed once per run and per script (an action appended at the head changes the future). */
export function lookAhead(run: Simulation, isFault: (ev: TraceEvent) => boolean): Ahead | null {
  const actions = run.scenario.actions.length;
  const hit = cache.get(run);
  if (hit && hit.actions === actions) return hit.ahead;
  // A run recorded past the budget would find nothing past its head within it.
  const ahead = scriptedAhead(run) && run.eventCount < LOOK_EVENTS ? simulate(run, isFault) : null;
  cache.set(run, { actions, ahead });
  return ahead;
}

function simulate(run: Simulation, isFault: (ev: TraceEvent) => boolean): Ahead {
  const scratch = new Simulation(run.module, run.scenario, { checkpointEvery: 0, record: false });
  const faults: AheadFault[] = [];
  const violations: AheadViolation[] = [];
  let simulated = 0;
  // The run's own events count against the budget too: a run played far into its script is
  // not replayed at any cost (what lies past the budget shows as the run records it).
  for (; simulated < LOOK_EVENTS; simulated++) {
    const seen = scratch.violations.length;
    const ev = scratch.step();
    if (!ev) break;
    if (isFault(ev)) faults.push(ev.node === undefined ? { seq: ev.seq, time: ev.time, kind: ev.kind } : { seq: ev.seq, time: ev.time, kind: ev.kind, node: ev.node });
    for (let i = seen; i < scratch.violations.length; i++) {
      const v = scratch.violations[i]!;
      violations.push({ seq: v.seq, time: ev.time, invariant: v.invariant, message: v.message });
    }
  }
  const complete = scratch.done;
  return { faults, violations, time: complete ? run.scenario.until : scratch.current.time, complete, simulated };
}
