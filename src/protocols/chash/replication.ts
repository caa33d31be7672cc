/**
 * Reads and writes at a server. A get is served by any replica of the key in the read ring.
 * A put's coordinator (a read replica) stores it and sends it to every other server of the
 * key's write set; it acknowledges the client only when all of them stored it (W = R), so an
 * acknowledged write survives any R - 1 crashes. Every Replicate carries the coordinator's
 * ring: replicas store only at the same epoch, so a write can never miss a server that a
 * concurrent handoff counts on.
 */
import { cancelTimer, send, setTimer, type Draft } from './kernel';
import { merge, readReplicas, writeSet } from './membership';
import { WRITE_TIMER, adopt } from './ringChange';
import type { Entry, Key, Membership, NodeId } from './messages';
import type { ServerContext } from './serverContext';
import { without } from '../kit/records';

type D = Draft<ServerContext>;

export function serveGet(d: D, from: NodeId, op: string, key: Key): void {
  const c = d.ctx;
  if (!readReplicas(c.ring, key, c).includes(c.id)) return void d.out.push(send(from, { type: 'NotMine', op, ring: c.ring }));
  const entry = Object.hasOwn(c.store, key) ? c.store[key]! : null;
  d.out.push(send(from, { type: 'Value', op, key, entry }));
}

export function coordinatePut(d: D, from: NodeId, op: string, key: Key, entry: Entry): void {
  const c = d.ctx;
  if (!readReplicas(c.ring, key, c).includes(c.id)) return void d.out.push(send(from, { type: 'NotMine', op, ring: c.ring }));
  d.ctx.store = merge(c.store, { [key]: entry });
  const others = writeSet(c.ring, key, c).filter((s) => s !== c.id);
  if (others.length === 0) return void d.out.push(send(from, { type: 'PutOk', op, key, version: entry.version }));
  const wid = `w${c.nextWrite + 1}`;
  d.ctx.nextWrite = c.nextWrite + 1;
  d.ctx.writes = { ...c.writes, [wid]: { client: from, op, key, version: entry.version, waiting: others } };
  for (const s of others) d.out.push(send(s, { type: 'Replicate', wid, key, entry, ring: c.ring }));
  d.out.push(setTimer(`${WRITE_TIMER}.${wid}`, c.timeout));
}

/** A replica stores a write only when it agrees with the coordinator on the epoch. */
export function storeReplica(d: D, from: NodeId, wid: string, key: Key, entry: Entry, ring: Membership): void {
  adopt(d, ring);
  const c = d.ctx;
  if (ring.epoch !== c.ring.epoch || !writeSet(c.ring, key, c).includes(c.id)) return void d.out.push(send(from, { type: 'Stale', wid, ring: c.ring }));
  d.ctx.store = merge(c.store, { [key]: entry });
  d.out.push(send(from, { type: 'Stored', wid }));
}

export function replicaStored(d: D, from: NodeId, wid: string): void {
  const w = Object.hasOwn(d.ctx.writes, wid) ? d.ctx.writes[wid]! : undefined;
  if (!w || !w.waiting.includes(from)) return;
  const waiting = w.waiting.filter((s) => s !== from);
  if (waiting.length > 0) {
    d.ctx.writes = { ...d.ctx.writes, [wid]: { ...w, waiting } };
    return;
  }
  d.ctx.writes = without(d.ctx.writes, wid);
  d.out.push(cancelTimer(`${WRITE_TIMER}.${wid}`), send(w.client, { type: 'PutOk', op: w.op, key: w.key, version: w.version }));
}

/** A replica refused (it is on another epoch), or the replicas did not all answer in time. */
export function failWrite(d: D, wid: string, reason: string): void {
  const w = Object.hasOwn(d.ctx.writes, wid) ? d.ctx.writes[wid]! : undefined;
  if (!w) return;
  d.ctx.writes = without(d.ctx.writes, wid);
  d.out.push(cancelTimer(`${WRITE_TIMER}.${wid}`), send(w.client, { type: 'PutFailed', op: w.op, reason, ring: d.ctx.ring }));
}

export function replicaStale(d: D, from: NodeId, wid: string, ring: Membership): void {
  adopt(d, ring);
  failWrite(d, wid, `${from} is on epoch ${ring.epoch}`);
}

export function writeTimedOut(d: D, wid: string): void {
  const w = Object.hasOwn(d.ctx.writes, wid) ? d.ctx.writes[wid]! : undefined;
  if (w) failWrite(d, wid, `no answer from ${w.waiting.join(', ')}`);
}
