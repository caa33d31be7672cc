/**
 * The explorer's abstraction of a Raft cluster (issue 12): coarse, so that novel states are
 * rare and mark real progress towards the classic failures. Per node: up or down, role, how
 * far its term and its last log term are behind the highest term (capped at 2); the nodes as a
 * sorted multiset (names do not matter). Two flags mark Figure 8's stages: two logs hold
 * different entries at one index ("logs diverge", `~`), and an entry some server counts as
 * committed is contradicted by an entry of a newer term at the same index in another log
 * (`!`). Correct Raft never shows `!` (Leader Completeness: every leader after the commit holds
 * the entry); with the commit-previous-term bug it is the state just before the overwrite.
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
  let contradicted = false;
  // Every ordered pair, at one index each: cheap (25 pairs at 5 nodes), and enough to notice.
  for (const a of states) {
    for (const b of states) {
      if (a === b) continue;
      const i = Math.min(a.log.length, b.log.length);
      if (i > 0 && termAt(a.log, i) !== termAt(b.log, i)) diverged = true;
      const c = Math.min(a.commitIndex, b.log.length);
      if (c > 0 && termAt(b.log, c) > termAt(a.log, c)) contradicted = true;
    }
  }
  return parts.join(' ') + (diverged ? ' ~' : '') + (contradicted ? ' !' : '');
}
