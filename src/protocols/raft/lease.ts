/**
 * Lease reads (Ongaro's dissertation, section 6.4.1). A leader whose heartbeat round a majority
 * acknowledged may answer reads from its own state, without a round per read, until
 * `electionTimeout[0] / leaseDriftBound` has passed *since it sent that round*: a follower that
 * acknowledged the round heard from the leader after it was sent, and (section 4.2.3) ignores
 * RequestVote until its own minimum election timeout has passed since then, so no other leader
 * can be elected while the lease runs.
 *
 * Machines have timers but no clock to read, so the lease is a timer per round, started when
 * the round goes out: the lease holds while a round newer than the last one whose timer fired
 * is acknowledged by a majority. Timers run at each node's own rate (the kernel's clock skew):
 * the argument above holds only while no clock runs more than `leaseDriftBound` times faster
 * than another. Beyond the bound a follower's vote comes early, a new leader is elected inside
 * the old one's lease, and the old leader answers a stale read: the documented price of the
 * assumption, which the scenario `lease-read-skew` shows and the linearizability check catches.
 */
import type { SetTimerParams } from '../types';
import type { KernelAction } from '../../sim/machineActions';
import type { RaftContext } from './context';
import { roundConfirmed } from './clients';

export const LEADER_CONTACT = 'leaderContact';

export type LeaseExpired = { type: 'leaseExpired'; term: number; round: number };

/** How long a lease lasts on the leader's clock. */
export function leaseLength(ctx: Pick<RaftContext, 'electionTimeout' | 'leaseDriftBound'>): number {
  return Math.floor(ctx.electionTimeout[0] / ctx.leaseDriftBound);
}

/** The timer of round `round`'s lease. One timer per round, named after it, because several
 * rounds are in flight at once (a lease outlasts a heartbeat interval); the kernel delivers the
 * `event` it carries (sim/effects.ts), so the machine learns which lease ran out. */
export function leaseTimer(ctx: RaftContext, round: number): KernelAction {
  const event: LeaseExpired = { type: 'leaseExpired', term: ctx.currentTerm, round };
  return { type: 'setTimer', params: { name: `lease${round}`, delay: leaseLength(ctx), event } as SetTimerParams };
}

/**
 * A read the lease covers is answered by a timer of no delay, after the events already due at
 * this instant, not in the event that took it. A paused leader's timers that came due while it
 * was paused are replayed when it resumes, and the kernel lets a scenario's action win a tie:
 * a read given to it in the very instant it resumes would otherwise be served from a lease whose
 * timer already ran out (the classic stop-the-world pause). A real server reads its clock; a
 * machine here has only timers, so it lets the overdue ones fire first.
 */
export type LeaseRead = { type: 'leaseRead'; key: string; op: string };

export function leaseReadTimer(key: string, op: string): KernelAction {
  const event: LeaseRead = { type: 'leaseRead', key, op };
  return { type: 'setTimer', params: { name: `leaseRead:${op}`, delay: 0, event } as SetTimerParams };
}

/** Whether a round whose lease is still running was acknowledged by a majority. */
export function leaseHolds(ctx: RaftContext): boolean {
  return ctx.leaseReads && ctx.readRound > ctx.leaseExpired && roundConfirmed(ctx.acked, ctx.peers, ctx.leaseExpired + 1);
}

/** Section 4.2.3's minimum election timeout since a leader was last heard: while it runs, a
 * follower ignores RequestVote. */
export function leaderContactTimer(ctx: RaftContext): KernelAction {
  return { type: 'setTimer', params: { name: LEADER_CONTACT, delay: ctx.electionTimeout[0] } };
}
