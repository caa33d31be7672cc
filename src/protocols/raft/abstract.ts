/**
 * The explorer's abstraction of a Raft cluster (issue 12): coarse, so that novel states are
 * rare and mark real progress towards the classic failures. Per node: up or down, role, how
 * far its term and its last log term are behind the highest term (capped at 2); the nodes as a
 * sorted multiset (names do not matter). Two flags mark Figure 8's stages: two logs hold
 * different entries at one index ("logs diverge", `~`), and a server that lacks an entry some
 * server counts as committed could still win an election: its log is at least as up to date
 * as a majority's (`!`). Correct Raft never shows `!` (that is the Leader Completeness proof,
 * section 5.4.3); with the commit-previous-term bug it is the state one election before the
 * overwrite.
 */
import type { NodeId, NodeView } from '../types';
import type { RaftObservable } from './observe';
import { lastTerm, termAt } from './log';

const cap = (x: number) => (x > 2 ? 2 : x);

export function abstractRaft(nodes: ReadonlyMap<NodeId, NodeView>): string {
  let maxTerm = 0;
  const states: RaftObservable[] = [];
  for (const v of nodes.values()) {
    const s = v.state as RaftObservable;
    states.push(s);
    if (s.currentTerm > maxTerm) maxTerm = s.currentTerm;
  }
  const parts: string[] = [];
  let k = 0;
  for (const v of nodes.values()) {
    const s = states[k++]!;
    const role = !v.up ? 'x' : s.role === 'leader' ? 'L' : s.role === 'candidate' ? 'C' : 'F';
    parts.push(`${role}${cap(maxTerm - s.currentTerm)}${cap(maxTerm - lastTerm(s.log))}`);
  }
  parts.sort();
  let diverged = false;
  let electable = false;
  // Every ordered pair, at one index each (Log Matching: equal terms there mean equal logs
  // before): cheap at 5 nodes, and enough to notice.
  for (const a of states) {
    for (const b of states) {
      if (a === b) continue;
      const i = Math.min(a.log.length, b.log.length);
      if (i > 0 && termAt(a.log, i) !== termAt(b.log, i)) diverged = true;
      if (!electable && lacksCommitted(b, a) && upToDateCount(b, states) >= Math.floor(states.length / 2) + 1) electable = true;
    }
  }
  return parts.join(' ') + (diverged ? ' ~' : '') + (electable ? ' !' : '');
}

/** Whether `b`'s log lacks an entry `a` counts as committed. */
function lacksCommitted(b: RaftObservable, a: RaftObservable): boolean {
  if (a.commitIndex === 0) return false;
  if (b.log.length < a.commitIndex) return true;
  return termAt(b.log, a.commitIndex) !== termAt(a.log, a.commitIndex);
}

/** How many logs (its own included) `b`'s is at least as up to date as (section 5.4.1). */
function upToDateCount(b: RaftObservable, states: readonly RaftObservable[]): number {
  const t = lastTerm(b.log);
  let n = 0;
  for (const x of states) {
    const u = lastTerm(x.log);
    if (t > u || (t === u && b.log.length >= x.log.length)) n++;
  }
  return n;
}
