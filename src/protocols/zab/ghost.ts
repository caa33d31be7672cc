/**
 * Ghost history kept by the checker, never by servers, so crashes cannot erase it:
 * - `Delivered`: each server's delivered sequence across incarnations (Zab.tla's invariants read
 *   `history[i][1..lastCommitted[i].index]`, which a restart resets; the ghost keeps it);
 * - `Proposals`: every txn a leader sent in PROPOSE or in a sync packet, with its source and
 *   epoch (Zab.tla `proposalMsgsLog`).
 */
import type { NodeId, NodeView, TraceEvent } from '../types';
import type { ZabObservable } from './observe';
import { sameTxn, zxidKey, type Txn } from './types';
import type { LinkMessage } from './messages';

export const txnKey = (t: Txn): string => `${zxidKey(t.zxid)}=${t.value}`;

export function touched(event: TraceEvent, nodes: ReadonlyMap<NodeId, NodeView>): ZabObservable | null {
  if (!event.node) return null;
  const v = nodes.get(event.node);
  return v ? (v.state as ZabObservable) : null;
}

export const committedPrefix = (s: ZabObservable): readonly Txn[] => s.history.slice(0, Math.min(s.lastCommitted, s.history.length));

export interface Growth {
  node: NodeId;
  /** Index in the delivered sequence of the first new txn. */
  from: number;
  /** A different txn delivered where another one was delivered before, if any. */
  clash: { index: number; before: Txn; now: Txn } | null;
}

export class Delivered {
  readonly seqs = new Map<NodeId, Txn[]>();
  readonly pos = new Map<NodeId, Map<string, number>>();
  private seen = new Map<NodeId, { h: readonly Txn[]; lc: number }>();

  /** Folds the touched server's committed prefix in; what is new, or null. */
  observe(id: NodeId, s: ZabObservable): Growth | null {
    const last = this.seen.get(id);
    if (last && last.h === s.history && last.lc === s.lastCommitted) return null;
    this.seen.set(id, { h: s.history, lc: s.lastCommitted });
    const now = committedPrefix(s);
    const seq = this.seqs.get(id) ?? [];
    const pos = this.pos.get(id) ?? new Map<string, number>();
    this.seqs.set(id, seq);
    this.pos.set(id, pos);
    const common = Math.min(now.length, seq.length);
    for (let i = 0; i < common; i++) if (!sameTxn(seq[i], now[i])) return { node: id, from: i, clash: { index: i + 1, before: seq[i]!, now: now[i]! } };
    if (now.length <= seq.length) return null;
    const from = seq.length;
    for (let i = from; i < now.length; i++) {
      seq.push(now[i]!);
      pos.set(txnKey(now[i]!), i);
    }
    return { node: id, from, clash: null };
  }
}

export interface Proposal {
  source: NodeId;
  epoch: number;
  txn: Txn;
}

export class Proposals {
  readonly byKey = new Map<string, Proposal[]>();
  readonly byPrimary = new Map<string, Txn[]>();

  record(event: TraceEvent): void {
    if (!event.sent || !event.node) return;
    const epoch = (event.state as ZabObservable | undefined)?.currentEpoch ?? 0;
    for (const m of event.sent) {
      const p = m.payload as unknown as LinkMessage;
      const txns = p.type === 'PROPOSE' ? [p.mtxn] : p.type === 'DIFF' || p.type === 'TRUNC' || p.type === 'SNAP' ? p.mtxns : [];
      for (const t of txns) this.add({ source: event.node, epoch, txn: t });
    }
  }

  private add(p: Proposal): void {
    const k = txnKey(p.txn);
    const list = this.byKey.get(k) ?? [];
    if (list.some((q) => q.source === p.source && q.epoch === p.epoch)) return;
    list.push(p);
    this.byKey.set(k, list);
    const g = `${p.source}@${p.epoch}`;
    this.byPrimary.set(g, [...(this.byPrimary.get(g) ?? []), p.txn]);
  }
}
