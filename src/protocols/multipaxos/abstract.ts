/**
 * The explorer's abstraction of a Multi-Paxos cluster (issue 12): ballots renamed by rank, so
 * runs that differ only in numbering meet. Per replica: up or down, its phase, the rank of
 * balMaxKnown, commitUpTo, and how many slots above it hold a vote (in flight).
 */
import type { NodeId, NodeView } from '../types';
import type { MultiPaxosObservable } from './observe';

const PHASE = { follower: 'F', preparing: 'C', leading: 'L' } as const;

export function abstractState(nodes: ReadonlyMap<NodeId, NodeView>): string {
  const order = [...new Set([...nodes.values()].map((v) => (v.state as MultiPaxosObservable).balMaxKnown))].filter((b) => b >= 0).sort((a, b) => a - b);
  const rank = (b: number) => (b < 0 ? '-' : String(order.indexOf(b)));
  const parts: string[] = [];
  for (const v of nodes.values()) {
    const s = v.state as MultiPaxosObservable;
    let inFlight = 0;
    for (let i = s.commitUpTo; i < s.insts.length; i++) if (s.insts[i]?.voted) inFlight++;
    parts.push(`${v.up ? '' : '!'}${PHASE[s.role] ?? '?'}${rank(s.balMaxKnown)}/${s.commitUpTo}/${inFlight}`);
  }
  return parts.join(' ');
}
