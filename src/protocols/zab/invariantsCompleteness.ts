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
  description: 'An established leader holds every transaction committed in an earlier epoch, across crashes and restarts.',
  source: 'NJU zk_test_v3.tla LeaderLogCompleteness (ghost committedLog); Zab paper, primary order',
  create(): InvariantCheck {
    const delivered = new Delivered();
    /** The ghost committed log, each txn with the epoch of the server that first delivered it:
     * it was committed in that epoch at the latest. */
    const committed: { txn: Txn; epoch: number; by: NodeId }[] = [];
    const checked = new Map<NodeId, { h: readonly Txn[]; n: number }>();
    return ({ event, nodes }) => {
      const s = touched(event, nodes);
      if (s) {
        const g = delivered.observe(event.node!, s);
        const seq = g ? delivered.seqs.get(g.node)! : null;
        for (let i = committed.length; seq && i < seq.length; i++) committed.push({ txn: seq[i]!, epoch: s.currentEpoch, by: event.node! });
      }
      for (const [id, v] of nodes) {
        const l = v.state as ZabObservable;
        if (!v.up || l.state !== 'LEADING' || l.zabState === 'DISCOVERY' || l.zabState === 'ELECTION') continue;
        const last = checked.get(id);
        if (last && last.h === l.history && last.n === committed.length) continue;
        checked.set(id, { h: l.history, n: committed.length });
        // A txn first committed in this leader's epoch or later (by a newer leader, while this
        // one was cut off) need not be in its log; everything committed before must.
        for (let i = 0; i < committed.length; i++) {
          const c = committed[i]!;
          if (c.epoch < l.currentEpoch && !sameTxn(c.txn, l.history[i])) {
            return { message: `leader ${id} of epoch ${l.currentEpoch} holds ${showTxn(l.history[i])} at index ${i + 1}, where ${showTxn(c.txn)} was committed in epoch ${c.epoch} (delivered by ${c.by})`, nodes: [id, c.by] };
          }
        }
      }
      return null;
    };
  },
};
