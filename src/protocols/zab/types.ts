/**
 * Zab's data, named after the protocol spec (apache/zookeeper
 * zookeeper-specifications/protocol-spec/Zab.tla): zxids, transactions, votes and messages.
 */
export type NodeId = string;

/** `<<epoch, counter>>`, compared lexicographically (Zab.tla `ZxidCompare`). */
export type Zxid = readonly [number, number];
export const ZERO: Zxid = [0, 0];

export interface Txn {
  zxid: Zxid;
  value: string;
  /** The client operation this write answers, and the server the client asked. */
  op?: string;
  client?: NodeId;
}

export type ServerState = 'LOOKING' | 'FOLLOWING' | 'LEADING';
export type ZabState = 'ELECTION' | 'DISCOVERY' | 'SYNCHRONIZATION' | 'BROADCAST';
export type SyncMode = 'DIFF' | 'TRUNC' | 'SNAP';

/** A fast-leader-election vote (FastLeaderElection.tla `mvote`). */
export interface Vote {
  leader: NodeId;
  zxid: Zxid;
  epoch: number;
}

export const cmpZxid = (a: Zxid, b: Zxid): number => a[0] - b[0] || a[1] - b[1];
export const sameZxid = (a: Zxid, b: Zxid): boolean => a[0] === b[0] && a[1] === b[1];
export const showZxid = (z: Zxid): string => `(${z[0]},${z[1]})`;
export const zxidKey = (z: Zxid): string => `${z[0]}.${z[1]}`;
export const lastZxid = (h: readonly Txn[]): Zxid => (h.length === 0 ? ZERO : h[h.length - 1]!.zxid);
export const sameTxn = (a: Txn | undefined, b: Txn | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && sameZxid(a.zxid, b.zxid) && a.value === b.value);
export const showTxn = (t: Txn | undefined): string => (t ? `${showZxid(t.zxid)}=${t.value}` : 'nothing');

/** Zab.tla `ZxidToIndex`, 1-based; 0 for <<0,0>>, -1 when absent. */
export function indexOfZxid(h: readonly Txn[], z: Zxid): number {
  if (sameZxid(z, ZERO)) return 0;
  const i = h.findIndex((t) => sameZxid(t.zxid, z));
  return i < 0 ? -1 : i + 1;
}

/** Zab.tla `IsNextZxid`: the first zxid of a newer epoch, or the next counter in this one. */
export function isNextZxid(cur: Zxid, next: Zxid): boolean {
  return (next[1] === 1 && cur[0] < next[0]) || (next[1] > 1 && cur[0] === next[0] && cur[1] + 1 === next[1]);
}

/** Server ids are numbers in ZooKeeper (`myid`): n10 outranks n9. Names ending in digits after
 * the same prefix compare by that number; anything else falls back to the string order. */
export function cmpServerId(a: NodeId, b: NodeId): number {
  const ma = /^(.*?)(\d+)$/.exec(a);
  const mb = /^(.*?)(\d+)$/.exec(b);
  if (ma && mb && ma[1] === mb[1]) {
    const d = Number(ma[2]) - Number(mb[2]);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** FastLeaderElection.tla `TotalOrderPredicate`: epoch, then zxid, then server id. */
export function newerVote(a: Vote, b: Vote): boolean {
  if (a.epoch !== b.epoch) return a.epoch > b.epoch;
  const c = cmpZxid(a.zxid, b.zxid);
  if (c !== 0) return c > 0;
  return cmpServerId(a.leader, b.leader) > 0;
}
export const sameVote = (a: Vote, b: Vote): boolean => a.leader === b.leader && a.epoch === b.epoch && sameZxid(a.zxid, b.zxid);

export const isQuorum = (count: number, servers: number): boolean => count * 2 > servers;

/** Flags of Zab.tla `violatedInvariants`: arrivals the protocol says cannot happen. */
export type Anomaly = 'stateInconsistent' | 'proposalInconsistent' | 'commitInconsistent' | 'ackInconsistent' | 'messageIllegal';
