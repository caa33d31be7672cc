/**
 * Zab.tla's delivery properties over the ghost delivered sequences (ghost.ts): Integrity,
 * Agreement, TotalOrder, LocalPrimaryOrder and GlobalPrimaryOrder. Each keeps its own ghost and
 * checks only what the touched server newly delivered.
 */
import type { Invariant, InvariantCheck, InvariantFailure } from '../types';
import { showTxn } from './types';
import { Delivered, Proposals, touched, txnKey, type Growth } from './ghost';

function deliveryInvariant(
  id: string,
  name: string,
  description: string,
  source: string,
  check: (g: Growth, d: Delivered, p: Proposals) => InvariantFailure | null,
): Invariant {
  return {
    id,
    name,
    description,
    source,
    everyEvent: true,
    create(): InvariantCheck {
      const delivered = new Delivered();
      const proposals = new Proposals();
      return ({ event, nodes }) => {
        proposals.record(event);
        const s = touched(event, nodes);
        if (!s) return null;
        const g = delivered.observe(event.node!, s);
        return g ? check(g, delivered, proposals) : null;
      };
    },
  };
}

export const integrity = deliveryInvariant(
  'integrity',
  'Integrity',
  'A follower delivers only transactions some leader broadcast.',
  'Zab.tla Integrity (ghost proposalMsgsLog)',
  (g, d, p) => {
    const seq = d.seqs.get(g.node)!;
    for (let i = g.from; i < seq.length; i++) {
      if (!p.byKey.has(txnKey(seq[i]!))) return { message: `${g.node} delivered ${showTxn(seq[i])}, which no leader ever broadcast`, nodes: [g.node] };
    }
    return null;
  },
);

export const agreement = deliveryInvariant(
  'agreement',
  'Agreement',
  'If one server delivered a and another delivered b, then the second delivered a or the first delivered b.',
  'Zab.tla Agreement',
  (g, d) => {
    const mine = d.pos.get(g.node)!;
    const seq = d.seqs.get(g.node)!;
    for (const [j, other] of d.seqs) {
      if (j === g.node) continue;
      const theirs = d.pos.get(j)!;
      const missing = seq.slice(g.from).find((a) => !theirs.has(txnKey(a)));
      if (!missing) continue;
      const lacking = other.find((b) => !mine.has(txnKey(b)));
      if (lacking) return { message: `${g.node} delivered ${showTxn(missing)} and ${j} delivered ${showTxn(lacking)}, but neither delivered the other's`, nodes: [g.node, j] };
    }
    return null;
  },
);

export const totalOrder = deliveryInvariant(
  'total-order',
  'Total order',
  'If a server delivered a before b, any server that delivers b delivered a before b, in every incarnation.',
  'Zab.tla TotalOrder, over delivered sequences kept across restarts',
  (g, d) => {
    if (g.clash) return { message: `${g.node} delivered ${showTxn(g.clash.now)} at position ${g.clash.index}, where it had delivered ${showTxn(g.clash.before)}`, nodes: [g.node] };
    const seq = d.seqs.get(g.node)!;
    for (const [j, other] of d.seqs) {
      if (j === g.node) continue;
      const theirs = d.pos.get(j)!;
      for (let p = g.from; p < seq.length; p++) {
        const q = theirs.get(txnKey(seq[p]!));
        if (q === undefined) continue;
        for (let k = 0; k < p; k++) {
          const at = theirs.get(txnKey(seq[k]!));
          if (at === undefined || at >= q) return { message: `${g.node} delivered ${showTxn(seq[k])} before ${showTxn(seq[p])}, but ${j} did not`, nodes: [g.node, j] };
        }
        for (let k = 0; k < q; k++) {
          const at = d.pos.get(g.node)!.get(txnKey(other[k]!));
          if (at === undefined || at >= p) return { message: `${j} delivered ${showTxn(other[k])} before ${showTxn(seq[p])}, but ${g.node} did not`, nodes: [g.node, j] };
        }
      }
    }
    return null;
  },
);

export const localPrimaryOrder = deliveryInvariant(
  'local-primary-order',
  'Local primary order',
  'If a leader broadcast a before b in one epoch, a server that delivers b delivered a before b.',
  'Zab.tla LocalPrimaryOrder',
  (g, d, p) => {
    const seq = d.seqs.get(g.node)!;
    const pos = d.pos.get(g.node)!;
    for (let i = g.from; i < seq.length; i++) {
      const b = seq[i]!;
      for (const prop of p.byKey.get(txnKey(b)) ?? []) {
        for (const a of p.byPrimary.get(`${prop.source}@${prop.epoch}`) ?? []) {
          if (a.zxid[0] > b.zxid[0] || (a.zxid[0] === b.zxid[0] && a.zxid[1] >= b.zxid[1])) continue;
          const at = pos.get(txnKey(a));
          if (at === undefined || at >= i) return { message: `${prop.source} broadcast ${showTxn(a)} before ${showTxn(b)} in epoch ${prop.epoch}, but ${g.node} delivered ${showTxn(b)} without it first`, nodes: [g.node, prop.source] };
        }
      }
    }
    return null;
  },
);

export const globalPrimaryOrder = deliveryInvariant(
  'global-primary-order',
  'Global primary order',
  'A server delivers the transactions of an earlier epoch before those of a later one.',
  'Zab.tla GlobalPrimaryOrder (epochs read from zxids)',
  (g, d) => {
    const seq = d.seqs.get(g.node)!;
    for (let i = Math.max(1, g.from); i < seq.length; i++) {
      if (seq[i]!.zxid[0] < seq[i - 1]!.zxid[0]) return { message: `${g.node} delivered ${showTxn(seq[i])} after ${showTxn(seq[i - 1])} of a later epoch`, nodes: [g.node] };
    }
    return null;
  },
);
