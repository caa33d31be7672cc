/**
 * What a master does, as pure handlers on a draft of a cell node's context (cell.ts is the
 * machine). Sessions and locks live in memory and in the database; every change to them is
 * written to the database before the client hears of it (the outbox waits for the DbAck).
 * Session leases are master-side timers `expire.<sid>`; a lock freed by an expiry stays
 * unclaimable for the lock-delay (`delay.<lock>`, §2.4).
 */
import { BUGS, type NodeId } from './config';
import { cancelTimer, entry, send, setTimer, without, type Draft } from './kernel';
import { NO_LEASE, reset, startRequest } from './lease';
import type { DbData, Incoming, LockName, MasterToClient, SessionId } from './messages';

export interface MasterSession {
  client: NodeId;
  /** Has sent a KeepAlive with this master's epoch (fail-over step 6). */
  acked: boolean;
}
export interface MasterLock {
  holder: SessionId | null;
  /** Lock generation number: +1 each time the lock goes from free to held (§2.3). */
  gen: number;
  /** Within the lock-delay after its holder's session expired. */
  delayed: boolean;
}
/** A reply held until the database has the change it reports. */
export interface OutboxEntry {
  version: number;
  to: NodeId;
  msg: MasterToClient;
}
export type CellStatus = 'standby' | 'recovering' | 'serving';

export interface CellContext {
  id: NodeId;
  db: NodeId;
  lease: number;
  lockDelay: number;
  rho: number;
  masterLease: number;
  campaign: number;
  bugs: readonly string[];
  status: CellStatus;
  epoch: number;
  /** Database version of the last write, and the last the database acknowledged. */
  version: number;
  acked: number;
  mlease: typeof NO_LEASE;
  sessions: Readonly<Record<SessionId, MasterSession>>;
  locks: Readonly<Record<LockName, MasterLock>>;
  outbox: readonly OutboxEntry[];
  nextSession: number;
  /** Clients of the rebuilt sessions, still to hear of the fail-over (§2.9 step 5). It goes out
   * once the first master lease is confirmed, so that the KeepAlives it prompts are answered. */
  announce: readonly NodeId[];
}

type D = Draft<CellContext>;
export const MLEASE = 'mlease';

const FREE: MasterLock = { holder: null, gen: 0, delayed: false };
export const lockOf = (c: CellContext, l: LockName): MasterLock => entry(c.locks, l) ?? FREE;
const setLock = (d: D, l: LockName, s: MasterLock) => void (d.ctx.locks = { ...d.ctx.locks, [l]: s });

export function dbOf(c: CellContext): DbData {
  return {
    sessions: Object.fromEntries(Object.entries(c.sessions).map(([sid, s]) => [sid, s.client])),
    locks: Object.fromEntries(Object.entries(c.locks).map(([l, s]) => [l, { holder: s.holder, gen: s.gen }])),
  };
}

/** Writes the whole (small) database with the next version; `replies` wait for its ack. */
export function persist(d: D, ...replies: { to: NodeId; msg: MasterToClient }[]): void {
  const version = d.ctx.version + 1;
  d.ctx.version = version;
  d.ctx.outbox = [...d.ctx.outbox, ...replies.map((r) => ({ version, ...r }))];
  d.out.push(send(d.ctx.db, { type: 'DbWrite', epoch: d.ctx.epoch, version, data: dbOf(d.ctx) }));
}

/** A reply about state that may not be in the database yet (a repeated Acquire): it waits for
 * the latest write, or goes now if that is acknowledged. */
function whenDurable(d: D, to: NodeId, msg: MasterToClient): void {
  if (d.ctx.acked >= d.ctx.version) d.out.push(send(to, msg));
  else d.ctx.outbox = [...d.ctx.outbox, { version: d.ctx.version, to, msg }];
}

/** Releases the replies the database now has. A grant whose session expired meanwhile is
 * dropped: the client must not believe in a lock the master already freed. */
export function flush(d: D, version: number): void {
  if (version <= d.ctx.acked) return;
  d.ctx.acked = version;
  const due = d.ctx.outbox.filter((o) => o.version <= version);
  d.ctx.outbox = d.ctx.outbox.filter((o) => o.version > version);
  for (const o of due) {
    const m = o.msg;
    if (m.type === 'AcquireReply' && m.ok && (lockOf(d.ctx, m.lock).holder !== m.sid || lockOf(d.ctx, m.lock).gen !== m.token)) continue;
    if (m.type === 'SessionCreated' && !entry(d.ctx.sessions, m.sid)) continue;
    d.out.push(send(o.to, m));
  }
}

/** Fail-over (§2.9 steps 1–5): the new epoch, sessions and locks rebuilt from the database
 * with every lease extended (the master-side lease timers restart at full length, at least as
 * long as any the previous master may have promised), and a fail-over event to each client. */
export function takeOver(d: D, m: { epoch: number; version: number; data: DbData }): void {
  const c = d.ctx;
  c.epoch = m.epoch;
  c.version = m.version;
  c.acked = m.version;
  c.outbox = [];
  c.nextSession = 1;
  c.sessions = Object.fromEntries(Object.entries(m.data.sessions).map(([sid, client]) => [sid, { client, acked: false }]));
  // `volatile-generation`: the counters lived only in the old master's memory.
  const forget = c.bugs.includes(BUGS.volatileGeneration);
  c.locks = Object.fromEntries(Object.entries(m.data.locks).map(([l, s]) => [l, { holder: s.holder, gen: forget ? 0 : s.gen, delayed: false }]));
  // `no-lease-extension`: sessions that have not yet spoken to the new master expire at once.
  const extension = c.bugs.includes(BUGS.noLeaseExtension) ? 1 : c.lease;
  for (const sid of Object.keys(c.sessions)) d.out.push(setTimer(`expire.${sid}`, extension));
  c.announce = [...new Set(Object.values(m.data.sessions))];
  renew(d);
}

/** Step 5: a fail-over event to every client with a session. */
export function announce(d: D): void {
  for (const client of d.ctx.announce) d.out.push(send(client, { type: 'Failover', epoch: d.ctx.epoch }));
  if (d.ctx.announce.length > 0) d.ctx.announce = [];
}

/** Renews the master lease and re-sends a database write the database has not acknowledged. */
export function renew(d: D): void {
  const r = startRequest(d.ctx.mlease, MLEASE, d.ctx.masterLease / d.ctx.rho);
  d.ctx.mlease = r.track;
  d.out.push(...r.fx, send(d.ctx.db, { type: 'Renew', epoch: d.ctx.epoch, rid: r.rid }), setTimer('renew', Math.max(1, Math.floor(d.ctx.masterLease / 3))));
  if (d.ctx.acked < d.ctx.version) d.out.push(send(d.ctx.db, { type: 'DbWrite', epoch: d.ctx.epoch, version: d.ctx.version, data: dbOf(d.ctx) }));
}

/** The master lease lapsed or the database deposed it: forget everything but the disk-less
 * counters and campaign again. */
export function stepDown(d: D): void {
  const c = d.ctx;
  const r = reset(c.mlease, MLEASE);
  d.out.push(...r.fx, cancelTimer('renew'));
  for (const sid of Object.keys(c.sessions)) d.out.push(cancelTimer(`expire.${sid}`));
  for (const [l, s] of Object.entries(c.locks)) if (s.delayed) d.out.push(cancelTimer(`delay.${l}`));
  c.mlease = r.track;
  c.status = 'standby';
  c.sessions = {};
  c.locks = {};
  c.outbox = [];
  d.out.push(setTimer('campaign', c.campaign));
}

/** The session's lease ran out on the master's clock: its locks go free after the lock-delay. */
export function expire(d: D, sid: SessionId): void {
  if (!entry(d.ctx.sessions, sid)) return;
  d.ctx.sessions = without(d.ctx.sessions, sid);
  for (const [l, s] of Object.entries(d.ctx.locks)) {
    if (s.holder !== sid) continue;
    const delayed = d.ctx.lockDelay > 0;
    setLock(d, l, { ...s, holder: null, delayed });
    if (delayed) d.out.push(setTimer(`delay.${l}`, d.ctx.lockDelay));
  }
  persist(d);
}

export function keepAlive(d: D, m: Incoming<{ type: 'KeepAlive'; sid: SessionId; epoch: number; rid: number }>): void {
  const s = entry(d.ctx.sessions, m.sid);
  if (!s) return void d.out.push(send(m.from, { type: 'SessionExpired', sid: m.sid }));
  if (!s.acked) d.ctx.sessions = { ...d.ctx.sessions, [m.sid]: { ...s, acked: true } };
  d.out.push(setTimer(`expire.${m.sid}`, d.ctx.lease), send(m.from, { type: 'KeepAliveReply', sid: m.sid, epoch: d.ctx.epoch, rid: m.rid, lease: d.ctx.lease }));
}

export function createSession(d: D, m: Incoming<{ type: 'CreateSession'; rid: number }>): void {
  const sid = `s${d.ctx.epoch}-${d.ctx.nextSession}`;
  d.ctx.nextSession += 1;
  d.ctx.sessions = { ...d.ctx.sessions, [sid]: { client: m.from, acked: true } };
  d.out.push(setTimer(`expire.${sid}`, d.ctx.lease));
  persist(d, { to: m.from, msg: { type: 'SessionCreated', sid, epoch: d.ctx.epoch, rid: m.rid } });
}

/** Acquire (§2.4): granted when free and past any lock-delay; the generation goes up and is
 * durable before the sequencer leaves. A holder asking again gets its sequencer again. */
export function acquire(d: D, m: Incoming<{ type: 'Acquire'; sid: SessionId; lock: LockName; op: string }>): void {
  if (!entry(d.ctx.sessions, m.sid)) return void d.out.push(send(m.from, { type: 'SessionExpired', sid: m.sid }));
  const s = lockOf(d.ctx, m.lock);
  const reply = (ok: boolean, token?: number): MasterToClient => ({ type: 'AcquireReply', sid: m.sid, epoch: d.ctx.epoch, lock: m.lock, op: m.op, ok, ...(token === undefined ? {} : { token }) });
  if (s.holder === m.sid) return whenDurable(d, m.from, reply(true, s.gen));
  if (s.holder !== null || s.delayed) return void d.out.push(send(m.from, reply(false)));
  setLock(d, m.lock, { holder: m.sid, gen: s.gen + 1, delayed: false });
  persist(d, { to: m.from, msg: reply(true, s.gen + 1) });
}

/** Release frees the grant it names: a Release delayed or duplicated in the network can arrive
 * after the same session released and was granted the lock again, and must not free that. */
export function release(d: D, m: Incoming<{ type: 'Release'; sid: SessionId; lock: LockName; op: string; token: number }>): void {
  const s = lockOf(d.ctx, m.lock);
  const done: MasterToClient = { type: 'Released', lock: m.lock, op: m.op };
  if (s.holder !== m.sid || s.gen !== m.token) return void d.out.push(send(m.from, done));
  // A release frees the lock at once: no lock-delay (§2.4).
  setLock(d, m.lock, { ...s, holder: null });
  persist(d, { to: m.from, msg: done });
}

export const allAcked = (c: CellContext): boolean => Object.values(c.sessions).every((s) => s.acked);

