/**
 * Compare mode's second run: the scenario's nodes, seed, network, time span and fault script
 * under `compare.protocol` and `compare.params`.
 *
 * Message-level and schedule actions stay with the first run: a message id names a different
 * message in another protocol's run, and a manual schedule picks among events only that run
 * has.
 */
import type { Action, Scenario } from './types';

const FIRST_RUN_ONLY: ReadonlySet<string> = new Set(['drop', 'duplicate', 'delay', 'deliver', 'fire', 'schedule']);

export function sharedAction(a: Action): boolean {
  return !FIRST_RUN_ONLY.has(a.do);
}

/** The second run of a compare scenario, or null without `compare`. */
export function compareScenario(s: Scenario): Scenario | null {
  if (!s.compare) return null;
  const { compare, notes: _notes, ...rest } = s;
  // A `step` orders a fork after an event of the first run; here it means "after every event
  // at that instant", which is what the second pane showed when the user acted.
  const actions = s.actions.filter(sharedAction).map((a) => (a.step === undefined ? a : { ...a, step: Number.MAX_SAFE_INTEGER }));
  return { ...rest, protocol: compare.protocol, params: compare.params, schedule: 'auto', actions };
}
