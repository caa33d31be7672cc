/**
 * A Chubby client's handlers, as pure functions on a draft of its context (client.ts is the
 * machine): the session's KeepAlives and local lease, and the lock and storage operations an
 * application asks for. Every operation is recorded for the client history (messages.ts
 * `ClientOutput`): an invoke, then ok, fail, or nothing while it is pending.
 */
import { BUGS, type NodeId } from './config';
import { cancelTimer, entry, record, send, setTimer, without, type Draft } from './kernel';
import { confirm, reset, startRequest, type LeaseTrack } from './lease';
import type { Incoming, LockName, MasterToClient, SessionId } from './messages';
import { newOp, type Working, type Writer } from './writes';

export type SessionState = 'none' | 'active' | 'jeopardy' | 'expired';


export interface ClientContext extends Writer {
  id: NodeId;
  cells: readonly NodeId[];
  storage: NodeId;
  lease: number;
  keepAlive: number;
  grace: number;
  rho: number;
  work: number;
  retry: number;
  bugs: readonly string[];
  session: SessionState;
  sid: SessionId | null;
  epoch: number;
  /** The master this client last heard from; null while it does not know one. */
  master: NodeId | null;
  kal: LeaseTrack;
  /** Locks this client holds, with their sequencers' generation numbers. */
  held: Readonly<Record<LockName, number>>;
  acquiring: Readonly<Record<LockName, string>>;
  /** Releases awaiting their reply: the op and the sequencer released. */
  releasing: Readonly<Record<LockName, { op: string; token: number }>>;
  working: Working | null;
  nextOp: number;
}

type D = Draft<ClientContext>;
export const LEASE = 'lease';

export const ignoresJeopardy = (c: ClientContext): boolean => c.bugs.includes(BUGS.ignoreJeopardy);
/** Whether the client may act on its locks: an active session, or any under `ignore-jeopardy`. */
export const mayAct = (c: ClientContext): boolean => c.session === 'active' || (ignoresJeopardy(c) && c.sid !== null && c.session !== 'none');

/** KeepAlive (§2.8): to the known master, or to every cell node while looking for one. Its
 * lease timer starts now, at send time, for lease / rho local ms. */
export function sendKeepAlive(d: D, toAll: boolean): void {
  const c = d.ctx;
  if (c.sid === null) return;
  const r = startRequest(c.kal, LEASE, c.lease / c.rho);
  c.kal = r.track;
  const targets = toAll || c.master === null ? c.cells : [c.master];
  d.out.push(...r.fx, ...targets.map((to) => send(to, { type: 'KeepAlive', sid: c.sid!, epoch: c.epoch, rid: r.rid })), setTimer('ka', c.keepAlive));
}

/** A reply to a KeepAlive: the lease is that request's timer, if it has not yet fired. Under
 * `lease-from-reply` the lease restarts at full length when the reply arrives. */
export function confirmLease(d: D, m: Incoming<MasterToClient & { type: 'KeepAliveReply' }>): boolean {
  const c = d.ctx;
  if (m.sid !== c.sid) return false;
  const r = confirm(c.kal, LEASE, m.rid, c.bugs.includes(BUGS.leaseFromReply) ? m.lease : undefined);
  if (!r) return false;
  c.kal = r.track;
  c.master = m.from;
  if (m.epoch > c.epoch) c.epoch = m.epoch;
  d.out.push(...r.fx);
  return true;
}

/** WrongEpoch or a fail-over event: the client learns the new master and epoch (§2.9) and
 * answers with a KeepAlive at once. */
export function learnEpoch(d: D, m: Incoming<{ epoch: number }>): void {
  if (m.epoch < d.ctx.epoch) return;
  d.ctx.epoch = m.epoch;
  d.ctx.master = m.from;
  sendKeepAlive(d, false);
}

/** Whether a SessionCreated still carries a lease: its request's timer has not fired. */
export const sessionLeaseRuns = (c: ClientContext, m: { sid: SessionId; rid: number }): boolean => c.sid === null && confirm(c.kal, LEASE, m.rid) !== null;

/** The session's first lease is its CreateSession's timer, confirmed like a KeepAlive's. */
export function startSession(d: D, m: Incoming<MasterToClient & { type: 'SessionCreated' }>): void {
  const c = d.ctx;
  const r = confirm(c.kal, LEASE, m.rid, c.bugs.includes(BUGS.leaseFromReply) ? c.lease : undefined)!;
  Object.assign(c, { sid: m.sid, epoch: m.epoch, master: m.from, kal: r.track, held: {} });
  d.out.push(...r.fx, cancelTimer('retry'));
}

/** A new session is asked of every cell node: the old master may be gone. The master starts
 * the session's lease when a CreateSession arrives, so the client's first local lease starts
 * when it sends one, as for a KeepAlive (§2.8): started at the first KeepAlive instead, it
 * outlived the master's when the client was slow to read the reply. */
export function askForSession(d: D): void {
  const c = d.ctx;
  const r = startRequest(c.kal, LEASE, c.lease / c.rho);
  c.kal = r.track;
  d.out.push(...r.fx, ...c.cells.map((to) => send(to, { type: 'CreateSession', rid: r.rid })), setTimer('retry', c.retry));
}

/** Jeopardy (§2.8): the local lease ran out. The client stops acting on its locks (a write
 * waiting to be sent is abandoned) and waits the grace period for a master. */
export function enterJeopardy(d: D): void {
  d.out.push(setTimer('grace', d.ctx.grace));
  if (d.ctx.working && !ignoresJeopardy(d.ctx)) {
    d.out.push(cancelTimer('work'), record({ kind: 'fail', op: d.ctx.working.op, reason: 'jeopardy' }));
    d.ctx.working = null;
  }
  sendKeepAlive(d, true);
}

/** The session is gone: its locks with it (kept under `ignore-jeopardy`). */
export function expireSession(d: D): void {
  const c = d.ctx;
  const r = reset(c.kal, LEASE);
  d.out.push(...r.fx, cancelTimer('ka'), cancelTimer('grace'), setTimer('reconnect', c.retry));
  for (const op of [...Object.values(c.acquiring), ...Object.values(c.releasing).map((r) => r.op)]) d.out.push(record({ kind: 'fail', op, reason: 'session expired' }));
  if (c.working && !ignoresJeopardy(c)) d.out.push(cancelTimer('work'), record({ kind: 'fail', op: c.working.op, reason: 'session expired' }));
  Object.assign(c, {
    kal: r.track,
    sid: ignoresJeopardy(c) ? c.sid : null,
    acquiring: {},
    releasing: {},
    ...(ignoresJeopardy(c) ? {} : { held: {}, working: null }),
  });
}


// ── lock operations ────────────────────────────────────────────────────────────

export function resendCalls(d: D): void {
  const c = d.ctx;
  if (c.sid === null || c.master === null) return;
  const pending = Object.keys(c.acquiring).length + Object.keys(c.releasing).length;
  // No Acquire overtakes an unanswered Release of the same lock: the master would answer it as
  // a repeat from the holder, then free the lock the client now believes it holds.
  for (const [lock, op] of Object.entries(c.acquiring)) if (entry(c.releasing, lock) === undefined) d.out.push(send(c.master, { type: 'Acquire', sid: c.sid, epoch: c.epoch, lock, op }));
  for (const [lock, { op, token }] of Object.entries(c.releasing)) d.out.push(send(c.master, { type: 'Release', sid: c.sid, epoch: c.epoch, lock, op, token }));
  if (pending > 0) d.out.push(setTimer('retry', c.retry));
}

/** Acquire blocks until granted (§2.6): the client retries until the master grants it. */
export function acquire(d: D, lock: LockName): void {
  const op = newOp(d);
  d.out.push(record({ kind: 'invoke', op, f: 'acquire', key: lock }));
  const c = d.ctx;
  // In jeopardy the client acts on no lock, so it does not answer that it holds one either.
  if (c.session === 'jeopardy' || c.session === 'expired') return void d.out.push(record({ kind: 'fail', op, reason: c.session }));
  if (entry(c.held, lock) !== undefined) return void d.out.push(record({ kind: 'ok', op, value: c.held[lock]! }));
  if (entry(c.acquiring, lock) !== undefined) return void d.out.push(record({ kind: 'fail', op, reason: 'already acquiring' }));
  c.acquiring = { ...c.acquiring, [lock]: op };
  if (c.session === 'active') resendCalls(d);
}

export function granted(d: D, m: Incoming<MasterToClient & { type: 'AcquireReply' }>): void {
  const c = d.ctx;
  // A grant from an older epoch is stale: a master that was paused may answer long after it
  // lost the mastership (§2.9 step 1, from the client's side).
  // A grant that arrives in jeopardy waits: the Acquire stays pending, and once a KeepAlive
  // makes the session safe it is sent again and the master answers it as a repeat (§2.8: the
  // library blocks application calls in jeopardy).
  if (m.sid !== c.sid || m.epoch < c.epoch || c.session !== 'active' || entry(c.acquiring, m.lock) !== m.op || !m.ok || m.token === undefined) return;
  c.acquiring = without(c.acquiring, m.lock);
  c.held = { ...c.held, [m.lock]: m.token };
  d.out.push(record({ kind: 'ok', op: m.op, value: m.token }));
}

/** The client stops holding the lock when it sends the release. */
export function release(d: D, lock: LockName): void {
  const op = newOp(d);
  const c = d.ctx;
  d.out.push(record({ kind: 'invoke', op, f: 'release', key: lock }));
  if (entry(c.held, lock) === undefined || c.session !== 'active') return void d.out.push(record({ kind: 'fail', op, reason: entry(c.held, lock) === undefined ? 'not held' : c.session }));
  c.releasing = { ...c.releasing, [lock]: { op, token: c.held[lock]! } };
  c.held = without(c.held, lock);
  if (c.working?.lock === lock) {
    d.out.push(cancelTimer('work'), record({ kind: 'fail', op: c.working.op, reason: 'released' }));
    c.working = null;
  }
  resendCalls(d);
}

export function released(d: D, m: Incoming<MasterToClient & { type: 'Released' }>): void {
  if (entry(d.ctx.releasing, m.lock)?.op !== m.op) return;
  d.ctx.releasing = without(d.ctx.releasing, m.lock);
  d.out.push(record({ kind: 'ok', op: m.op }));
  if (entry(d.ctx.acquiring, m.lock) !== undefined && d.ctx.session === 'active') resendCalls(d);
}

