/**
 * The termination protocol's decision rule and backup election, as pure functions (Skeen 1981;
 * Skeen and Stonebraker 1983; Bernstein, Hadzilacos and Goodman 1987, chapter 7).
 */
import type { NodeId, Site } from './messages';

export type Verdict = 'abort' | 'commit' | 'precommit';

/**
 * What a backup decides from the states of the sites that answered (its own included):
 * any site aborted (or still in q, which aborts on the request) → abort; any committed →
 * commit; all uncertain in w → abort; some prepared and none committed → move the others in w
 * to p first (`precommit`), or commit at once when nobody else is left in w.
 */
export function terminationRule(me: NodeId, states: Readonly<Record<NodeId, Site>>): Verdict {
  const all = Object.values(states);
  if (all.some((s) => s === 'a' || s === 'q')) return 'abort';
  if (all.some((s) => s === 'c')) return 'commit';
  if (all.every((s) => s === 'w')) return 'abort';
  return Object.entries(states).some(([n, s]) => n !== me && s === 'w') ? 'precommit' : 'commit';
}

/** The backup is the responder that comes first in the cluster's node order. */
export function isFirst(order: readonly NodeId[], me: NodeId, responders: Iterable<NodeId>): boolean {
  const mine = order.indexOf(me);
  for (const r of responders) if (order.indexOf(r) < mine) return false;
  return true;
}
