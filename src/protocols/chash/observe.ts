/**
 * The observable and durable state of servers and clients. Names follow the brief and the
 * papers: a server's `tokens` (Karger's points on the circle), its `store`, its view of the
 * ring as `members` (with the `epoch` the seed gave it) and its `handoff` progress.
 */
import type { Snapshot } from 'xstate';
import type { ClientContext, ClientDurable, PendingOp } from './client';
import type { ServerContext, ServerDurable } from './server';
import type { Handoff } from './serverContext';
import type { Entry, Key, MemberStatus, NodeId, Store } from './messages';

export interface ServerObservable {
  [key: string]: unknown;
  role: 'server';
  /** This server's place as it knows it: 'out' when it is not in the ring (a spare, or left). */
  self: MemberStatus | 'out';
  epoch: number;
  members: Readonly<Record<NodeId, MemberStatus>>;
  tokens: readonly number[];
  /** The replication factor R this server places keys with. */
  replicas: number;
  store: Store;
  handoff: Handoff | null;
  /** Puts this server coordinates that wait for replicas, by write id. */
  writes: Readonly<Record<string, { key: Key; waiting: readonly NodeId[] }>>;
}

export interface ClientObservable {
  [key: string]: unknown;
  role: 'client';
  epoch: number;
  members: Readonly<Record<NodeId, MemberStatus>>;
  ops: Readonly<Record<string, PendingOp>>;
  /** The newest acknowledged write of each key. */
  acked: Readonly<Record<Key, Entry>>;
  reads: ClientContext['reads'];
}

export type ChashObservable = ServerObservable | ClientObservable;

type Context = ServerContext | ClientContext;
const contextOf = (snapshot: Snapshot<unknown>) => (snapshot as unknown as { context: Context }).context;
const isServer = (c: Context): c is ServerContext => 'store' in c;

export function observe(snapshot: Snapshot<unknown>): ChashObservable {
  const c = contextOf(snapshot);
  if (!isServer(c)) return { role: 'client', epoch: c.ring.epoch, members: c.ring.status, ops: c.ops, acked: c.acked, reads: c.reads };
  const writes = Object.fromEntries(Object.entries(c.writes).map(([wid, w]) => [wid, { key: w.key, waiting: w.waiting }]));
  const self = Object.hasOwn(c.ring.status, c.id) ? c.ring.status[c.id]! : 'out';
  return { role: 'server', self, epoch: c.ring.epoch, members: c.ring.status, tokens: c.tokens, replicas: c.replicas, store: c.store, handoff: c.handoff, writes };
}

/** Stored keys, the ring view and the write-id counter are on disk. Coordination in progress,
 * a handoff's progress and the seed's record of who heard the epoch are not: a restarted
 * server pulls or pushes again, and the seed tells every node again. A client keeps its
 * version counter (so versions never repeat), its op-id counter (so a late answer to an op
 * from before the crash cannot answer a new one) and what it was acknowledged. */
export function durable(snapshot: Snapshot<unknown>): ServerDurable | ClientDurable {
  const c = contextOf(snapshot);
  if (isServer(c)) return { ring: c.ring, store: c.store, nextWrite: c.nextWrite };
  return { ring: c.ring, counter: c.counter, acked: c.acked, nextOp: c.nextOp };
}
