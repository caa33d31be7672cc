/**
 * The observable and durable state of every role, named after Chubby's and the research
 * notes' variables (§2.3, §2.8; protocols.md §4.2). A client's `believes` is what it would act
 * on now: its held locks while its session is active (the lease chart draws it).
 */
import type { Snapshot } from 'xstate';
import type { CellContext, CellStatus, MasterLock, MasterSession } from './master';
import type { ClientContext, SessionState } from './clientOps';
import { mayAct } from './clientOps';
import type { DbContext } from './db';
import { dbDurable } from './db';
import type { LogEntry, StorageContext } from './storage';
import type { RedisContext } from './redis';
import type { RedisClientContext } from './redisClient';
import { holds } from './lease';
import type { DbData, LockName, SessionId } from './messages';
import type { NodeId } from './config';

interface Base {
  [key: string]: unknown;
}
export interface ClientObservable extends Base {
  role: 'client' | 'redis-client';
  /** Chubby session state; Redis clients have none ('none'). */
  session: SessionState;
  sid: SessionId | null;
  epoch: number;
  master: NodeId | null;
  held: Readonly<Record<LockName, number>>;
  believes: Readonly<Record<LockName, number>>;
  acquiring: readonly LockName[];
  working: string | null;
}
export interface CellObservable extends Base {
  role: 'cell';
  status: CellStatus;
  epoch: number;
  /** The master lease runs (confirmed and not lapsed). */
  leaseOk: boolean;
  sessions: Readonly<Record<SessionId, MasterSession>>;
  locks: Readonly<Record<LockName, MasterLock>>;
}
export interface DbObservable extends Base, DbData {
  role: 'db';
  epoch: number;
  master: NodeId | null;
  alive: boolean;
  version: number;
}
export interface StorageObservable extends Base {
  role: 'storage';
  fencing: boolean;
  maxToken: Readonly<Record<string, number>>;
  data: StorageContext['data'];
  log: readonly LogEntry[];
}
export interface RedisObservable extends Base {
  role: 'redis';
  keys: Readonly<Record<LockName, string>>;
}
export type LockObservable = ClientObservable | CellObservable | DbObservable | StorageObservable | RedisObservable;

const parts = (snapshot: Snapshot<unknown>) => snapshot as unknown as { context: unknown; machine: { id: string } };

export function observe(snapshot: Snapshot<unknown>): LockObservable {
  const { context, machine } = parts(snapshot);
  switch (machine.id) {
    case 'lock-client': {
      const c = context as ClientContext;
      return { role: 'client', session: c.session, sid: c.sid, epoch: c.epoch, master: c.master, held: c.held, believes: mayAct(c) ? c.held : {}, acquiring: Object.keys(c.acquiring), working: c.working?.op ?? null };
    }
    case 'lock-redis-client': {
      const c = context as RedisClientContext;
      return { role: 'redis-client', session: 'none', sid: null, epoch: 0, master: c.redis, held: c.held, believes: c.held, acquiring: Object.keys(c.acquiring), working: c.working?.op ?? null };
    }
    case 'lock-cell': {
      const c = context as CellContext;
      return { role: 'cell', status: c.status, epoch: c.epoch, leaseOk: holds(c.mlease), sessions: c.sessions, locks: c.locks };
    }
    case 'lock-db': {
      const c = context as DbContext;
      return { role: 'db', epoch: c.epoch, master: c.master, alive: c.alive, version: c.version, ...c.data };
    }
    case 'lock-storage': {
      const c = context as StorageContext;
      return { role: 'storage', fencing: c.fencing, maxToken: c.maxToken, data: c.data, log: c.log };
    }
    default:
      return { role: 'redis', keys: (context as RedisContext).keys };
  }
}

/** What survives a crash: the database and the storage entirely; a client's op counter; nothing
 * of a cell node (the new master reads the database) or of the Redis server (no AOF). */
export function durable(snapshot: Snapshot<unknown>): unknown {
  const { context, machine } = parts(snapshot);
  switch (machine.id) {
    case 'lock-db':
      return dbDurable(context as DbContext);
    case 'lock-storage': {
      const c = context as StorageContext;
      return { maxToken: c.maxToken, data: c.data, log: c.log };
    }
    case 'lock-client':
    case 'lock-redis-client':
      return { nextOp: (context as { nextOp: number }).nextOp };
    default:
      return undefined;
  }
}
