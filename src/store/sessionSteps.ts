/** Pure helpers of the session over a recorded run: where the cursor lands, what may be recorded. */
import { KERNEL_ACTIONS } from '../scenario/types';
import type { Simulation, ActionWithoutTime } from '../sim/simulation';
import type { World } from '../sim/world';
import { getProtocol } from '../protocols/loader';
import type { SessionState } from './sessionState';

/** Less room than this before `until` and an action gets the run extended. */
export const ROOM = 100;

/** Why an action cannot be recorded, or null: a command this protocol does not have, or (in
 * compare mode) one the compared protocol does not have. */
export function refusal(s: Pick<SessionState, 'module' | 'sim'>, action: ActionWithoutTime): string | null {
  const kind = String(action.do);
  if ((KERNEL_ACTIONS as readonly string[]).includes(kind)) return null;
  if (!s.module.commands.some((c) => c.id === kind)) return `${s.module.name} has no command "${kind}"`;
  const other = s.sim.scenario.compare && getProtocol(s.sim.scenario.compare.protocol);
  if (other && !other.commands.some((c) => c.id === kind)) return `the compared run (${other.name}) has no command "${kind}"`;
  return null;
}

/** How much longer a run gets when the user acts at its end. */
export function extension(until: number): number {
  return Math.max(1000, Math.round(until / 2));
}

export function at(sim: Simulation, step: number): World {
  return step >= sim.eventCount ? sim.current : sim.seek(step - 1);
}

/** Number of recorded events with time ≤ t (events are in time order). */
export function stepsUpTo(sim: Simulation, t: number): number {
  const ev = sim.events;
  let lo = 0;
  let hi = ev.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ev[mid]!.time <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A run's cursor at `step` (its head when absent, never past it) and the time of that step. */
export function cursorOf(sim: Simulation, step?: number): { sim: Simulation; cursor: number; time: number } {
  const cursor = Math.min(step ?? sim.eventCount, sim.eventCount);
  const time = cursor > 0 ? sim.events[cursor - 1]!.time : 0;
  return { sim, cursor, time };
}
