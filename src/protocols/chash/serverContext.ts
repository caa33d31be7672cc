/** A storage server's context, input and durable state. */
import type { Shape } from './membership';
import type { Key, Membership, NodeId, Store } from './messages';

/** A put this server coordinates, waiting for every other server of the key's write set. */
export interface PendingWrite {
  client: NodeId;
  op: string;
  key: Key;
  version: number;
  waiting: readonly NodeId[];
}

/** Handoff progress. A joiner pulls the arcs it gains (`answered`: old replicas that sent
 * theirs); a leaver pushes its keys to the servers that gain them (`waiting`: not yet acked).
 * `done`: JoinDone or LeaveDone is sent and the seed's new epoch is awaited. */
export type Handoff = { kind: 'join'; answered: readonly NodeId[]; done: boolean } | { kind: 'leave'; waiting: readonly NodeId[]; done: boolean };

/** What a server keeps on disk: its view of the ring, its store, and how many write ids it
 * has issued, so that a restarted coordinator never reuses one: a Stored answering the write
 * before the crash must not count for a new write that took its id. */
export interface ServerDurable {
  ring: Membership;
  store: Store;
  nextWrite?: number;
}

export interface ServerInput extends Shape {
  id: NodeId;
  /** The server that orders membership changes. */
  seed: NodeId;
  /** Every other node (servers and clients): the seed tells them each new epoch. */
  peers: readonly NodeId[];
  initial: readonly NodeId[];
  timeout: number;
  bugs: readonly string[];
  durable?: ServerDurable;
}

export interface ServerContext extends Shape {
  id: NodeId;
  seed: NodeId;
  peers: readonly NodeId[];
  timeout: number;
  bugs: readonly string[];
  /** This server's positions on the ring, tokenOf(id, 0..v-1), whether or not it is in it. */
  tokens: readonly number[];
  ring: Membership;
  store: Store;
  writes: Readonly<Record<string, PendingWrite>>;
  nextWrite: number;
  /** A join or leave this server asked the seed for, not yet granted. */
  want: 'join' | 'leave' | null;
  handoff: Handoff | null;
  /** Seed only: the latest epoch each peer acknowledged. */
  informed: Readonly<Record<NodeId, number>>;
}
