/**
 * The cluster view's notes (view hints' `nodeNote`): a master's epoch and each lock's holder
 * and sequencer, a client's session state (jeopardy is its grace period) and what it holds,
 * storage's highest token. Keys are defined in src/i18n/strings/lock.ts.
 */
import type { NodeNote, Observable } from '../types';
import type { LockObservable } from './observe';

/** Storage's messages, sent in both modes (a client's write carries a token or none). */
const STORAGE = ['Write', 'WriteOk', 'WriteRejected'];
/** Redis mode: one server with SET NX and a TTL, no cell, no sessions (redis.ts, redisClient.ts). */
const REDIS = ['SetNX', 'SetReply', 'Del', 'DelReply', ...STORAGE];
/** Chubby mode: the cell's elections, sessions and locks, and its database (cell.ts, master.ts, db.ts, client.ts). */
const CHUBBY = ['Campaign', 'Elected', 'NotElected', 'Failover', 'Deposed', 'WrongEpoch', 'CreateSession', 'SessionCreated', 'SessionExpired', 'KeepAlive', 'KeepAliveReply', 'Renew', 'Renewed', 'Acquire', 'AcquireReply', 'Release', 'Released', 'DbWrite', 'DbAck', ...STORAGE];

/** The message types a mode can send (view hints' `messageTypes`): the legend keys only these. */
export function messageTypes(params: Readonly<Record<string, unknown>>): readonly string[] {
  return params.mode === 'redis' ? REDIS : CHUBBY;
}

function firstLock<T>(locks: Readonly<Record<string, T>>): [string, T] | undefined {
  return Object.entries(locks).sort(([a], [b]) => a.localeCompare(b))[0];
}

export function nodeNote(state: Observable): NodeNote | null {
  const s = state as LockObservable;
  switch (s.role) {
    case 'cell': {
      if (s.status === 'standby') return { sub: { key: 'lock.note.standby' } };
      const badge = { key: 'lock.note.epoch', vars: { epoch: s.epoch } };
      if (s.status === 'recovering') return { badge, sub: { key: 'lock.note.recovering' } };
      const lock = firstLock(s.locks);
      if (!lock) return { badge, sub: { key: 'lock.note.master' } };
      const [name, l] = lock;
      if (l.holder === null) return { badge, sub: { key: l.delayed ? 'lock.note.delayed' : 'lock.note.free', vars: { lock: name, gen: l.gen } } };
      const client = Object.hasOwn(s.sessions, l.holder) ? s.sessions[l.holder]!.client : l.holder;
      return { badge, sub: { key: 'lock.note.held', vars: { lock: name, client, gen: l.gen } } };
    }
    case 'db':
      return { badge: { key: 'lock.note.epoch', vars: { epoch: s.epoch } }, sub: { key: s.alive && s.master ? 'lock.note.dbMaster' : 'lock.note.dbNoMaster', vars: { master: s.master ?? '' } } };
    case 'client':
    case 'redis-client': {
      const held = firstLock(s.believes);
      if (held) return { sub: { key: s.role === 'client' ? 'lock.note.holds' : 'lock.note.holdsNoToken', vars: { lock: held[0], token: held[1] } }, locked: true };
      if (s.role === 'redis-client') return null;
      return { sub: { key: `lock.note.session.${s.session}` } };
    }
    case 'storage': {
      const max = firstLock(s.maxToken);
      return { sub: { key: s.fencing ? 'lock.note.fencing' : 'lock.note.noFencing', vars: { max: max ? max[1] : '—' } } };
    }
    case 'redis': {
      const key = firstLock(s.keys);
      return key ? { sub: { key: 'lock.note.redisKey', vars: { lock: key[0], owner: key[1].split('.')[0]! } } } : null;
    }
  }
  return null;
}
