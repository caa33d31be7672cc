/**
 * A conservative lease, as a Chubby client keeps its local lease (§2.8): each request starts a
 * timer for `lease / rho` local ms when it is SENT, because the holder of the other end may
 * have started its lease any time after that, and its clock may run up to `rho` times as
 * fast. A reply confirms the request's timer, which becomes the lease; a reply that comes after
 * that timer fired is worthless. The master keeps its master lease with the database the same
 * way. Nodes cannot read a clock: timers are their only sense of time, so skew (the kernel's
 * rate factor) changes how long a lease lasts in real time.
 */
import { cancelTimer, setTimer, type KernelAction } from '../../sim/machineActions';

export interface LeaseTrack {
  /** Id of the next request. */
  next: number;
  /** The request whose timer is the lease; null before any reply. */
  confirmed: number | null;
  /** Requests whose timers have not fired. */
  pending: readonly number[];
}
export const NO_LEASE: LeaseTrack = { next: 1, confirmed: null, pending: [] };

export const leaseTimer = (prefix: string, rid: number): string => `${prefix}.${rid}`;

/** Starts request `rid`: its timer runs from now. */
export function startRequest(t: LeaseTrack, prefix: string, duration: number): { track: LeaseTrack; rid: number; fx: KernelAction[] } {
  const rid = t.next;
  return { track: { ...t, next: rid + 1, pending: [...t.pending, rid] }, rid, fx: [setTimer(leaseTimer(prefix, rid), Math.max(1, Math.floor(duration)))] };
}

/**
 * A reply to `rid`. Null when it is worthless (its timer already fired, or a newer reply came
 * first). `fromReply` is the `lease-from-reply` bug: the lease restarts now, at full length.
 */
export function confirm(t: LeaseTrack, prefix: string, rid: number, fromReply?: number): { track: LeaseTrack; fx: KernelAction[] } | null {
  if (!t.pending.includes(rid) || (t.confirmed !== null && rid < t.confirmed && t.pending.includes(t.confirmed))) return null;
  const older = t.pending.filter((r) => r < rid);
  const fx = older.map((r) => cancelTimer(leaseTimer(prefix, r)));
  if (fromReply !== undefined) fx.push(setTimer(leaseTimer(prefix, rid), fromReply));
  return { track: { ...t, confirmed: rid, pending: t.pending.filter((r) => r >= rid) }, fx };
}

/** A lease timer fired: the lease is over when it was the confirmed request's, or when no
 * request was ever confirmed. */
export function fired(t: LeaseTrack, rid: number): { track: LeaseTrack; expired: boolean } {
  return { track: { ...t, pending: t.pending.filter((r) => r !== rid) }, expired: rid === t.confirmed || t.confirmed === null };
}

/** Whether the lease runs: a confirmed request whose timer has not fired. */
export const holds = (t: LeaseTrack): boolean => t.confirmed !== null && t.pending.includes(t.confirmed);

/** Cancels every timer and forgets the lease (a new session, a master stepping down). */
export function reset(t: LeaseTrack, prefix: string): { track: LeaseTrack; fx: KernelAction[] } {
  return { track: { next: t.next, confirmed: null, pending: [] }, fx: t.pending.map((r) => cancelTimer(leaseTimer(prefix, r))) };
}

/** The request id of a lease timer event (`lease.7` → 7). */
export const ridOf = (type: string): number => Number(type.slice(type.indexOf('.') + 1));
