/**
 * The explorer's abstraction for commit protocols (2PC, 3PC; issue 12), read through the
 * protocol's transaction hints: per transaction, the multiset of (role, up, state) over the
 * nodes, with transaction ids forgotten (t1 and t7 in the same situation are one state).
 */
import type { NodeId, NodeView, TraceEvent, TransactionHints } from '../types';

export function abstractTransactions(hints: TransactionHints, nodes: ReadonlyMap<NodeId, NodeView>): string {
  const txs = new Set<string>();
  const maps: [NodeView, Readonly<Record<string, string>>][] = [];
  for (const v of nodes.values()) {
    const m = hints.states(v.state);
    maps.push([v, m]);
    for (const tx in m) txs.add(tx);
  }
  const down = maps.filter(([v]) => !v.up).map(([v]) => v.role[0]).sort().join('');
  const rows: string[] = [];
  for (const tx of txs) {
    const cells = maps.map(([v, m]) => `${v.role[0]}${v.up ? '' : 'x'}:${m[tx] ?? hints.absent[v.role] ?? '-'}`);
    rows.push(cells.sort().join(','));
  }
  // Only the last few transactions' shapes matter; their multiset, not their order.
  return `${down}|${rows.sort().slice(-4).join(' / ')}`;
}

/**
 * Fault points for commit protocols (issue 12), read through the same hints: an event after
 * which the node's state in some transaction changed is the point `<role>.<new state>`, e.g.
 * `participant.prepared` (a crash right after it tests what a participant logged before it
 * voted) or `coordinator.committed` (the decision, sent to some participants only).
 */
export function transactionFaultPoint(hints: TransactionHints) {
  return (event: TraceEvent, before: NodeView | undefined, nodes: ReadonlyMap<NodeId, NodeView>): string | undefined => {
    const after = event.node === undefined ? undefined : nodes.get(event.node);
    if (!before || !after) return undefined;
    const was = hints.states(before.state);
    const now = hints.states(after.state);
    for (const tx in now) if (now[tx] !== was[tx]) return `${after.role}.${now[tx]}`;
    return undefined;
  };
}
