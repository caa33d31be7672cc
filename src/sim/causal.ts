/**
 * Scenario version 3's causal keys. Every event gets a key from its cause: a node's start from
 * the node, an action from its own content, a delivery from its message, a timer firing from
 * its timer. Each message and timer an event makes is keyed by (the event's key, its
 * destination or timer name, how many of those the same event made before it), and its random
 * draws (latency, loss, duplication, delay) are hashes of that key (`rng.ts` `keyedUnit`).
 *
 * Version 2 keyed draws by per-link and per-node counts: removing one client operation shifted
 * the count of every later message on its links and re-drew everything after it. Here removing
 * an action re-draws only its causal descendants (what it sent, what those caused, …), which is
 * what shrinking a counterexample needs (issue 12). Message ids and the order of ties still
 * shift; only the draws are stable.
 */
import type { Action } from '../scenario/types';
import { hashString, mixKeys } from './rng';

const Tag = { Start: 1, Action: 2, Message: 3, Timer: 4, Copy: 5, ManualCopy: 6 } as const;

/** A node's first start (a restart is an action and has the action's key). */
export function startKey(nodeHash: number): number {
  return mixKeys(Tag.Start, nodeHash, 0, 0);
}

/**
 * An action's key: its time, kind and node, and how many identical (time, kind, node) actions
 * sit right before it. Not its index: removing an earlier action would shift that. Its other
 * fields stay out, so simplifying an action (a restart that keeps its disk) keeps its key.
 */
export function actionKey(actions: readonly Action[], index: number): number {
  const a = actions[index]!;
  const node = 'node' in a && typeof a.node === 'string' ? a.node : '';
  let same = 0;
  for (let j = index - 1; j >= 0; j--) {
    const b = actions[j]!;
    if (b.at !== a.at) break;
    if (b.do === a.do && ('node' in b && typeof b.node === 'string' ? b.node : '') === node) same++;
  }
  return mixKeys(Tag.Action, Math.round(a.at * 1024), hashString(a.do), mixKeys(hashString(node), same, 0, 0));
}

/** The n-th message an event keyed `cause` sends to the node hashed `toHash`. */
export function messageKey(cause: number, toHash: number, n: number): number {
  return mixKeys(Tag.Message, cause, toHash, n);
}

/** The n-th timer named (hashed) `nameHash` an event keyed `cause` sets. */
export function timerKey(cause: number, nameHash: number, n: number): number {
  return mixKeys(Tag.Timer, cause, nameHash, n);
}

/** The network's copy of a message keyed `key`: its delivery causes other keys. */
export function copyKey(key: number): number {
  return mixKeys(Tag.Copy, key, 0, 0);
}

/** The copy a `duplicate` action keyed `cause` makes. */
export function manualCopyKey(cause: number): number {
  return mixKeys(Tag.ManualCopy, cause, 0, 0);
}
