/**
 * The explorer's abstraction of a Raft cluster (issue 12): small enough that novel states are
 * rare and meaningful, rich enough that Figure 8's stages differ. Per node: up or down, role,
 * how far its term is behind the highest (capped), its last log term likewise, and whether its
 * log and commit index lag the most advanced; the nodes as a sorted multiset (names do not
 * matter), plus whether two logs disagree at an index below some node's commit index.
 */
import type { NodeId, NodeView } from '../types';
import type { RaftObservable } from './observe';
import { lastTerm } from './log';

const cap = (x: number) => (x > 3 ? 3 : x);

export function abstractRaft(nodes: ReadonlyMap<NodeId, NodeView>): string {
  let maxTerm = 0;
  let maxLen = 0;
  let maxCommit = 0;
  for (const v of nodes.values()) {
    const s = v.state as RaftObservable;
    if (s.currentTerm > maxTerm) maxTerm = s.currentTerm;
    if (s.log.length > maxLen) maxLen = s.log.length;
    if (s.commitIndex > maxCommit) maxCommit = s.commitIndex;
  }
  const parts: string[] = [];
  let diverged = false;
  let first: RaftObservable | undefined;
  for (const v of nodes.values()) {
    const s = v.state as RaftObservable;
    const role = !v.up ? 'x' : s.role === 'leader' ? 'L' : s.role === 'candidate' ? 'C' : 'F';
    parts.push(`${role}${cap(maxTerm - s.currentTerm)}${cap(maxTerm - lastTerm(s.log))}${s.log.length < maxLen ? '-' : '='}${s.commitIndex < maxCommit ? '-' : '='}`);
    // Disagreement at the highest committed index anyone claims: the seed of a safety break.
    if (maxCommit > 0 && s.log.length >= maxCommit) {
      if (!first) first = s;
      else if (first.log[maxCommit - 1]!.term !== s.log[maxCommit - 1]!.term) diverged = true;
    }
  }
  parts.sort();
  return parts.join(' ') + (diverged ? ' !' : '');
}
