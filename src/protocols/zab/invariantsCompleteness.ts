/**
 * Leader log completeness (NJU zk_test_v3.tla `LeaderLogCompleteness`): every established
 * leader's history begins with every txn ever committed. The ghost committed log is the longest
 * delivered sequence (Delivered, ghost.ts), so it survives every crash and restart; this is
 * where the durability bugs (ZOOKEEPER-4646, -4643) show: a committed txn is lost.
 */
import type { Invariant, InvariantCheck, NodeId } from '../types';
import type { ZabObservable } from './observe';
import { sameTxn, showTxn, type Txn } from './types';
import { Delivered, touched } from './ghost';

export const leaderLogCompleteness: Invariant = {
  id: 'leader-log-completeness',
  name: 'Leader log completeness',
  description: 'An established leader holds every transaction ever committed, across crashes and restarts.',
  source: 'NJU zk_test_v3.tla LeaderLogCompleteness (ghost committedLog); Zab paper, primary order',
  create(): InvariantCheck {
    const delivered = new Delivered();
    let committed: readonly Txn[] = [];
    let by: NodeId = '';
    const checked = new Map<NodeId, { h: readonly Txn[]; n: number }>();
    return ({ event, nodes }) => {
      const s = touched(event, nodes);
      if (s) {
        const g = delivered.observe(event.node!, s);
        const seq = g ? delivered.seqs.get(g.node)! : null;
        if (seq && seq.length > committed.length) {
          committed = [...seq];
          by = g!.node;
        }
      }
      for (const [id, v] of nodes) {
        const l = v.state as ZabObservable;
        if (!v.up || l.state !== 'LEADING' || l.zabState === 'DISCOVERY' || l.zabState === 'ELECTION') continue;
        const last = checked.get(id);
        if (last && last.h === l.history && last.n === committed.length) continue;
        checked.set(id, { h: l.history, n: committed.length });
        // Txns of later epochs were committed by later leaders; an old leader cut off from
        // them (and unable to commit any more) need not hold them.
        for (let i = 0; i < committed.length && committed[i]!.zxid[0] < l.currentEpoch; i++) {
          if (!sameTxn(committed[i], l.history[i])) {
            return { message: `leader ${id} of epoch ${l.currentEpoch} holds ${showTxn(l.history[i])} at index ${i + 1}, where ${showTxn(committed[i])} was committed (delivered by ${by})`, nodes: [id, by] };
          }
        }
      }
      return null;
    };
  },
};
