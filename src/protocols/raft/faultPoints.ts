/**
 * Raft's fault points for the explorer (issue 12; research A.3.1): the moments where one crash
 * or a partial broadcast makes the classic failures. A leader that appended a client's entry and
 * sent it (Figure 8's (a) and (b): crash before it reached a majority); a leader whose commit
 * index moved (Figure 8's (c)); a node that became leader; a server that granted its vote
 * (a forgotten vote needs the voter to restart right after).
 */
import type { NodeId, NodeView, TraceEvent } from '../types';
import type { RaftObservable } from './observe';

export function raftFaultPoint(ev: TraceEvent, before: NodeView | undefined, nodes: ReadonlyMap<NodeId, NodeView>): string | undefined {
  const after = nodes.get(ev.node!);
  if (!before || !after) return undefined;
  const b = before.state as RaftObservable;
  const a = after.state as RaftObservable;
  if (a.role === 'leader' && b.role !== 'leader') return 'raft.elected';
  if (a.role === 'leader' && a.log.length > b.log.length) return 'raft.leader-append';
  if (a.role === 'leader' && a.commitIndex > b.commitIndex) return 'raft.commit';
  if (a.votedFor !== null && a.votedFor !== b.votedFor && a.votedFor !== ev.node) return 'raft.vote';
  return undefined;
}
