/**
 * Which events a machine ignores, read from its definition, so that the kernel can skip
 * `machine.transition()` for them (issue 12: a fifth of a Raft run's events are replies a
 * leader ignores, and XState builds its Sets for each all the same).
 *
 * Skipping is exact: when XState selects no transition for an event, `transition()` runs no
 * action and returns the snapshot it was given, provided no active state node has an eventless
 * (`always`) transition (their guards see the event) and the event is neither `xstate.stop` nor
 * an actor error (those change the status even unhandled). Selection itself is XState's own
 * (`getTransitionData`); the table below only saves asking it when the answer is certain.
 */
import type { AnyMachineSnapshot, AnyStateNode } from 'xstate';

/** Never skipped: the event may change the snapshot even when no transition takes it. */
export const STEP = 0;
/** No active state node has a transition for the event type: the event is ignored. */
export const IGNORED = 1;
/** Every candidate transition has a guard: ask XState whether one is enabled. */
export const ASK = 2;
export type Selection = typeof STEP | typeof IGNORED | typeof ASK;

/** Per set of active state nodes (XState keeps the array while the configuration holds). */
const tables = new WeakMap<readonly AnyStateNode[], Map<string, Selection>>();

export function selection(snapshot: AnyMachineSnapshot, type: string): Selection {
  if (snapshot.status !== 'active') return STEP;
  const nodes = snapshot._nodes as readonly AnyStateNode[];
  let table = tables.get(nodes);
  if (!table) tables.set(nodes, (table = new Map()));
  let s = table.get(type);
  if (s === undefined) table.set(type, (s = classify(nodes, type)));
  return s;
}

function classify(nodes: readonly AnyStateNode[], type: string): Selection {
  if (type === 'xstate.stop' || type.startsWith('xstate.error.')) return STEP;
  let candidates = 0;
  for (const node of nodes) {
    if (node.always && node.always.length > 0) return STEP;
    for (const [descriptor, transitions] of node.transitions) {
      // A wildcard ('*', 'a.*') matches more than its key: leave selection to XState.
      if (descriptor === '*' || descriptor.endsWith('.*')) return STEP;
      if (descriptor !== type) continue;
      for (const t of transitions) {
        // A candidate without a guard is always enabled: the event surely takes a transition.
        if (t.guard === undefined) return STEP;
        candidates++;
      }
    }
  }
  return candidates === 0 ? IGNORED : ASK;
}
