/**
 * Raft's fault points for the explorer (issue 12; research A.3.1): the moments where one crash
 * or a partial broadcast makes the classic failures. A leader that appended a client's entry and
 * sent it (Figure 8's (a): crash before it reached a majority); a node that became leader; a
 * server that granted its vote (a forgotten vote needs the voter to restart right after); a
 * leader whose commit index moved.
 *
 * Figure 8's later stages are points of their own, met only where they matter: a leader that
 * appends over an entry of an older term another server holds (stage (b): the two logs now
 * diverge there), and a leader whose commit index moved onto an entry of an older term (stage
 * (c): only the commit-previous-term bug does that). Each is met about once in a run that gets
 * that far, so random moves at random rates seldom hit both; `raftFaults` proposes the fault
 * each stage needs outright, as BUGGIFY places a fault at a line of code: (b)'s leader crashes
 * before its entry gets out and stays down long, so the holder of the older entry can return
 * and lead; (c)'s leader crashes and stays down long, so (b)'s leader can return and win.
 */
import type { NodeId, NodeView, ProtocolFault, TraceEvent } from '../types';
import type { RaftObservable } from './observe';
import { termAt } from './log';

/** Whether a server other than `id` holds, at `index`, an entry of a term older than `term`. */
function olderEntryElsewhere(id: NodeId, index: number, term: number, nodes: ReadonlyMap<NodeId, NodeView>): boolean {
  for (const [other, v] of nodes) {
    if (other === id) continue;
    const t = termAt((v.state as RaftObservable).log, index);
    if (t > 0 && t < term) return true;
  }
  return false;
}

export function raftFaultPoint(ev: TraceEvent, before: NodeView | undefined, nodes: ReadonlyMap<NodeId, NodeView>): string | undefined {
  const after = nodes.get(ev.node!);
  if (!before || !after) return undefined;
  const b = before.state as RaftObservable;
  const a = after.state as RaftObservable;
  if (a.role === 'leader' && b.role !== 'leader') return 'raft.elected';
  if (a.role === 'leader' && a.log.length > b.log.length) {
    return olderEntryElsewhere(ev.node!, a.log.length, a.currentTerm, nodes) ? 'raft.append-over-older' : 'raft.leader-append';
  }
  if (a.role === 'leader' && a.commitIndex > b.commitIndex) return termAt(a.log, a.commitIndex) < a.currentTerm ? 'raft.commit-older' : 'raft.commit';
  if (a.votedFor !== null && a.votedFor !== b.votedFor && a.votedFor !== ev.node) return 'raft.vote';
  return undefined;
}

/** Each stage's point is met about once in a run that gets that far, and the story needs all
 * three faults: at the explorer's default chance of ½ a run fires all three one time in eight.
 * At ¾, runs to find Figure 8 (explorer seeds 1-10) fell from a median of 117 to 76. Stage (a)'s
 * point (a leader's first entry of its term) is met in most runs, so it keeps ¾: some runs must
 * let that entry out. Stages (b) and (c) are met only where Figure 8 is under way ((c) only with
 * the bug), so they always fire: at ¾, a quarter of the runs that reached (b) or (c) threw the
 * story away there (runs to find, seeds 1-10: median 29 at ¾, 13 always). */
const CHANCE = 0.75;
const ALWAYS = 1;

/** Downtimes: (a)'s leader is back after (b)'s leader came and went, and before it returns. */
const SHORT: readonly [number, number] = [300, 900];
const LONG: readonly [number, number] = [1000, 2500];

/** Whether another server holds, within the leader's commit index, an entry of a newer term
 * than the leader's there: the branch that can still win and overwrite (stage (d)). */
function overwritable(leader: RaftObservable, nodes: ReadonlyMap<NodeId, NodeView>): boolean {
  for (const v of nodes.values()) {
    const log = (v.state as RaftObservable).log;
    for (let i = Math.min(leader.commitIndex, log.length); i > 0; i--) if (termAt(log, i) > termAt(leader.log, i)) return true;
  }
  return false;
}

export function raftFaults(ev: TraceEvent, nodes: ReadonlyMap<NodeId, NodeView>, _cfg: unknown, before?: NodeView): ProtocolFault[] {
  const node = ev.node;
  if (node === undefined || !nodes.get(node)?.up) return [];
  const p = raftFaultPoint(ev, before, nodes);
  if (p === 'raft.append-over-older') return [{ fault: 'crash', node, heal: LONG, keep: 0, chance: ALWAYS }];
  // (a): a leader's first entry of its term, lost with it (its log is now the only one holding it).
  if (p === 'raft.leader-append') {
    const s = nodes.get(node)!.state as RaftObservable;
    if (termAt(s.log, s.log.length - 1) < s.currentTerm) return [{ fault: 'crash', node, heal: SHORT, keep: 0, chance: CHANCE }];
  }
  if (p === 'raft.commit-older' && overwritable(nodes.get(node)!.state as RaftObservable, nodes)) return [{ fault: 'crash', node, heal: LONG, chance: ALWAYS }];
  return [];
}
