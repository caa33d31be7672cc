/**
 * Messages of the lock service [design names after Chubby's API, §2.6, §2.8–2.9]. Client ↔
 * master: sessions, KeepAlives and locks. Master ↔ database: elections with a master lease,
 * and writes fenced by epoch. Client ↔ storage: writes carrying a sequencer. Redis mode: SET NX
 * with a TTL and a compare-and-delete.
 */
import type { NodeId } from './config';

export type SessionId = string;
export type LockName = string;

/** The cell's durable database (§2.9): sessions, lock holders and generation numbers. */
export interface DbData {
  sessions: Readonly<Record<SessionId, NodeId>>;
  locks: Readonly<Record<LockName, { holder: SessionId | null; gen: number }>>;
}
export const EMPTY_DB: DbData = { sessions: {}, locks: {} };

export type ClientToMaster =
  | { type: 'CreateSession'; rid: number }
  | { type: 'KeepAlive'; sid: SessionId; epoch: number; rid: number }
  | { type: 'Acquire'; sid: SessionId; epoch: number; lock: LockName; op: string }
  /** `token`: the sequencer of the grant released, so that a late copy frees no later grant. */
  | { type: 'Release'; sid: SessionId; epoch: number; lock: LockName; op: string; token: number };

export type MasterToClient =
  | { type: 'SessionCreated'; sid: SessionId; epoch: number; rid: number }
  | { type: 'KeepAliveReply'; sid: SessionId; epoch: number; rid: number; lease: number }
  | { type: 'WrongEpoch'; epoch: number }
  | { type: 'SessionExpired'; sid: SessionId }
  | { type: 'AcquireReply'; sid: SessionId; epoch: number; lock: LockName; op: string; ok: boolean; token?: number }
  | { type: 'Released'; lock: LockName; op: string }
  | { type: 'Failover'; epoch: number };

export type MasterToDb =
  /** `epoch`: the last epoch the node was elected in (0: none since it started). */
  | { type: 'Campaign'; epoch: number }
  | { type: 'Renew'; epoch: number; rid: number }
  | { type: 'DbWrite'; epoch: number; version: number; data: DbData };

export type DbToMaster =
  | { type: 'Elected'; epoch: number; version: number; data: DbData }
  | { type: 'NotElected'; master: NodeId | null; epoch: number }
  | { type: 'Renewed'; epoch: number; rid: number }
  | { type: 'DbAck'; epoch: number; version: number }
  | { type: 'Deposed'; epoch: number };

/** `token` is absent in Redis mode (no sequencers) and under a client that has none. */
export type StorageMessage =
  | { type: 'Write'; resource: string; value: string; token?: number; op: string }
  | { type: 'WriteOk'; op: string }
  | { type: 'WriteRejected'; op: string; maxToken: number };

export type RedisMessage =
  | { type: 'SetNX'; key: LockName; owner: string; ttl: number; op: string }
  | { type: 'SetReply'; key: LockName; owner: string; op: string; ok: boolean }
  | { type: 'Del'; key: LockName; owner: string; op: string }
  | { type: 'DelReply'; key: LockName; op: string };

export type LockMessage = ClientToMaster | MasterToClient | MasterToDb | DbToMaster | StorageMessage | RedisMessage;
export type Incoming<M = LockMessage> = M & { from: NodeId };

/**
 * What a client's command produced, as `output` for the client history: `invoke` when an
 * operation starts, then one end. `f` is acquire, release or write; `key` the lock or the
 * storage resource.
 */
export type ClientOutput =
  | { kind: 'invoke'; op: string; f: 'acquire' | 'release' | 'write'; key: string; value?: string }
  | { kind: 'ok'; op: string; value?: number | string }
  | { kind: 'fail'; op: string; reason: string }
  | { kind: 'info'; op: string; reason: string };
