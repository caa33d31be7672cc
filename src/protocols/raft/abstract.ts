/**
 * The explorer's abstraction of a Raft cluster (issue 12): coarse, so that novel states are
 * rare and mark real progress towards the classic failures. Per node: up or down, role, how
 * far its term and its last log term are behind the highest term (capped at 2); the nodes as a
 * sorted multiset (names do not matter). Two flags mark Figure 8's stages: some log holds an
 * entry of a term older than the entry at the same index in another log ("logs diverge"), and
 * a leader's commit index covers an entry of an earlier term ("old entry committed").
 */
import type { NodeId, NodeView } from '../types';
import type { RaftObservable } from './observe';
import { lastTerm, termAt } from './log';

const cap = (x: number) => (x > 2 ? 2 : x);

export function abstractRaft(nodes: ReadonlyMap<NodeId, NodeView>): string {
  let maxTerm = 0;
  for (const v of nodes.values()) maxTerm = Math.max(maxTerm, (v.state as RaftObservable).currentTerm);
  const parts: string[] = [];
  let diverged = false;
  let oldCommitted = false;
  let prev: RaftObservable | undefined;
  for (const v of nodes.values()) {
    const s = v.state as RaftObservable;
    const role = !v.up ? 'x' : s.role === 'leader' ? 'L' : s.role === 'candidate' ? 'C' : 'F';
    parts.push(`${role}${cap(maxTerm - s.currentTerm)}${cap(maxTerm - lastTerm(s.log))}`);
    if (s.role === 'leader' && s.commitIndex > 0 && termAt(s.log, s.commitIndex) < s.currentTerm) oldCommitted = true;
    // Compare last entries pairwise along the nodes: cheap, and enough to notice divergence.
    if (prev && !diverged) {
      const i = Math.min(prev.log.length, s.log.length);
      if (i > 0 && termAt(prev.log, i) !== termAt(s.log, i)) diverged = true;
    }
    prev = s;
  }
  parts.sort();
  return parts.join(' ') + (diverged ? ' ~' : '') + (oldCommitted ? ' !' : '');
}
