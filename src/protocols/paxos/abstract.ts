/**
 * The explorer's abstraction of a Paxos cluster (issue 12): ballots renamed by rank, values by
 * first appearance, so runs that differ only in numbering meet in one abstract state. Per
 * node: up or down; acceptors their maxBal/maxVBal/maxVal; proposers their phase, ballot and
 * promise count; learners what they learned.
 */
import type { NodeId, NodeView } from '../types';
import type { PaxosObservable } from './observe';

export function abstractState(nodes: ReadonlyMap<NodeId, NodeView>): string {
  const ballots = new Set<number>();
  const values: string[] = [];
  const val = (v: string | null) => {
    if (v === null) return '-';
    if (!values.includes(v)) values.push(v);
    return `v${values.indexOf(v)}`;
  };
  for (const v of nodes.values()) {
    const s = v.state as PaxosObservable;
    if (s.role === 'acceptor') [s.maxBal, s.maxVBal].forEach((b) => ballots.add(b));
    if (s.role === 'proposer') ballots.add(s.curBal);
  }
  const order = [...ballots].filter((b) => b >= 0).sort((a, b) => a - b);
  const rank = (b: number) => (b < 0 ? '-' : String(order.indexOf(b)));
  const parts: string[] = [];
  for (const v of nodes.values()) {
    const s = v.state as PaxosObservable;
    const up = v.up ? '' : '!';
    if (s.role === 'acceptor') parts.push(`A${up}${rank(s.maxBal)}/${rank(s.maxVBal)}/${val(s.maxVal)}`);
    else if (s.role === 'proposer') parts.push(`P${up}${s.phase}/${rank(s.curBal)}/${s.promises.length}/${val(s.chosen)}`);
    else if (s.role === 'learner') parts.push(`L${up}${val(s.learned)}`);
  }
  return parts.join(' ');
}
