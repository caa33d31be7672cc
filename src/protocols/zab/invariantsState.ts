/** Zab.tla's state predicates: Leadership1/2, PrefixConsistency, PrimaryIntegrity and
 * ShouldNotBeTriggered, checked after every step. */
import type { Invariant, InvariantCheck, NodeId } from '../types';
import type { ZabObservable } from './observe';
import { sameTxn, showTxn } from './types';
import { committedPrefix, touched } from './ghost';
import { anomalyMessage } from './anomalyText';

const established = (s: ZabObservable): boolean => s.state === 'LEADING' && (s.zabState === 'SYNCHRONIZATION' || s.zabState === 'BROADCAST');

export const oneLeaderPerEpoch: Invariant = {
  id: 'one-leader-per-epoch',
  name: 'One established leader per epoch',
  description: 'At most one server ever becomes the established leader of an epoch (LEADING in synchronization or broadcast).',
  source: 'Zab.tla Leadership1 and Leadership2 (ghost epochLeader)',
  create(): InvariantCheck {
    const epochLeader = new Map<number, NodeId>();
    return ({ event, nodes }) => {
      const s = touched(event, nodes);
      if (!s || !established(s)) return null;
      const other = epochLeader.get(s.currentEpoch);
      if (other === undefined) epochLeader.set(s.currentEpoch, event.node!);
      else if (other !== event.node) return { message: `${other} and ${event.node} both established epoch ${s.currentEpoch}`, nodes: [other, event.node!] };
      return null;
    };
  },
};

export const prefixConsistency: Invariant = {
  id: 'prefix-consistency',
  name: 'Prefix consistency',
  description: 'The committed prefixes of any two servers agree wherever both are committed.',
  source: 'Zab.tla PrefixConsistency',
  create(): InvariantCheck {
    return ({ event, nodes }) => {
      const s = touched(event, nodes);
      if (!s || s.lastCommitted === 0) return null;
      for (const [id, v] of nodes) {
        if (id === event.node) continue;
        const o = v.state as ZabObservable;
        const upTo = Math.min(s.lastCommitted, o.lastCommitted);
        for (let i = 0; i < upTo; i++) {
          if (!sameTxn(s.history[i], o.history[i])) {
            return { message: `at index ${i + 1} ${event.node} committed ${showTxn(s.history[i])} but ${id} committed ${showTxn(o.history[i])}`, nodes: [event.node!, id] };
          }
        }
      }
      return null;
    };
  },
};

export const primaryIntegrity: Invariant = {
  id: 'primary-integrity',
  name: 'Primary integrity',
  description: 'When a leader and its follower are both in broadcast, every txn of an earlier epoch the follower delivered, the leader delivered too.',
  source: 'Zab.tla PrimaryIntegrity',
  create(): InvariantCheck {
    return ({ nodes }) => {
      for (const [i, lv] of nodes) {
        const l = lv.state as ZabObservable;
        if (!lv.up || l.state !== 'LEADING' || l.zabState !== 'BROADCAST') continue;
        const mine = committedPrefix(l);
        for (const [j, fv] of nodes) {
          const f = fv.state as ZabObservable;
          if (!fv.up || f.state !== 'FOLLOWING' || f.leader !== i || f.zabState !== 'BROADCAST' || !l.ackeRecv?.includes(j)) continue;
          for (const t of committedPrefix(f)) {
            if (t.zxid[0] < l.currentEpoch && !mine.some((x) => sameTxn(x, t))) {
              return { message: `${j} delivered ${showTxn(t)} of an earlier epoch, which its leader ${i} of epoch ${l.currentEpoch} has not`, nodes: [i, j] };
            }
          }
        }
      }
      return null;
    };
  },
};

export const shouldNotBeTriggered: Invariant = {
  id: 'should-not-be-triggered',
  name: 'No impossible arrival',
  description: 'No server receives a message the protocol says cannot arrive (a COMMIT or COMMITLD for a txn it lacks, an ACK for an unknown zxid, …).',
  source: 'Zab.tla ShouldNotBeTriggered (violatedInvariants: stateInconsistent, proposalInconsistent, commitInconsistent, ackInconsistent, messageIllegal)',
  create(): InvariantCheck {
    const seen = new Map<NodeId, readonly string[]>();
    return ({ event, nodes }) => {
      const s = touched(event, nodes);
      if (!s) return null;
      const before = seen.get(event.node!);
      seen.set(event.node!, s.anomalies);
      if (s.anomalies === before || s.anomalies.length === 0) return null;
      const fresh = before && s.anomalies.length > before.length ? s.anomalies.slice(before.length) : s.anomalies.slice(-1);
      return { message: anomalyMessage(event.node!, fresh, event.message, s.zabState), nodes: [event.node!] };
    };
  },
};
