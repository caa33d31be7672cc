/**
 * A client read at the leader (§8, and Ongaro's thesis §6.4 for leases): what the leader
 * changes and sends when a read arrives, or when its lease-read timer (lease.ts) fires.
 */
import type { KernelAction } from '../../sim/machineActions';
import type { RaftContext } from './context';
import type { ClientRead } from './messages';
import { knowsCommitted, valueAt } from './clients';
import { leaseHolds, leaseReadTimer, leaseTimer, type LeaseRead } from './lease';
import { appendEntriesFor, reply, send } from './rules';

export function startRead(context: RaftContext, event: ClientRead | LeaseRead): { patch: Partial<RaftContext> | null; out: KernelAction[] } {
  const { key, op } = event;
  const leased = event.type === 'leaseRead';
  // The bug answers at once. A lease answers while it holds, once the events already due now
  // have run: then it is looked at again, and a lapsed one takes a round.
  if (context.staleRead || (leased && leaseHolds(context) && knowsCommitted(context))) {
    return { patch: null, out: [reply({ type: 'ok', op, ...(leased ? {} : { f: 'get' as const, key }), value: valueAt(context.log, context.commitIndex, key) })] };
  }
  const out: KernelAction[] = [];
  if (!leased) out.push(reply({ type: 'accepted-read', op, f: 'get', key }));
  if (!leased && leaseHolds(context) && knowsCommitted(context)) {
    out.push(leaseReadTimer(key, op));
    return { patch: null, out };
  }
  // A heartbeat round that confirms leadership (ReadIndex): the read waits for its majority.
  const next = { ...context, readRound: context.readRound + 1, reads: [...context.reads, { op, key, round: context.readRound + 1 }] };
  if (context.leaseReads) out.push(leaseTimer(next, next.readRound));
  for (const p of context.peers) out.push(send(p, appendEntriesFor(next, p)));
  return { patch: { readRound: next.readRound, reads: next.reads }, out };
}
