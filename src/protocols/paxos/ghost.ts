/**
 * What the checker reads off a trace event for its ghost history (never a node's state): the
 * votes cast (every 2b an acceptor sends, Paxos.tla's refinement mapping of `votes`), and the
 * values clients asked proposers to propose. The views use the same reading to show what is
 * chosen, and since when.
 */
import type { TraceEvent } from '../types';
import { VoteLedger } from '../kit/votes';
import { majority } from '../kit/ballots';
import type { M2b, ProposeReply, Value } from './messages';

/** The 2b messages (votes) this event sent from one of `acceptors`. */
export function votesIn(event: TraceEvent, acceptors: ReadonlySet<string>): M2b[] {
  const out: M2b[] = [];
  for (const m of event.sent ?? []) if (m.type === '2b' && acceptors.has(m.from)) out.push(m.payload as M2b);
  return out;
}

/** The values a propose command handed to a proposer at this event. */
export function proposalsIn(event: TraceEvent): Value[] {
  if (event.kind !== 'command' || !event.output) return [];
  return (event.output as ProposeReply[]).filter((r) => r.type === 'proposing').map((r) => (r as { value: Value }).value);
}

/** A ledger of every vote in `events` up to and including step `upTo`, judged with a true
 * majority of `acceptors`. */
export function ledgerOf(events: readonly TraceEvent[], acceptors: readonly string[], upTo = events.length - 1): VoteLedger {
  const ledger = new VoteLedger(acceptors, majority(acceptors.length));
  feed(ledger, events, 0, upTo);
  return ledger;
}

/** Records the votes of events[from..upTo] in `ledger`. */
export function feed(ledger: VoteLedger, events: readonly TraceEvent[], from: number, upTo: number): void {
  const accs = new Set(ledger.acceptors);
  for (let i = from; i <= upTo && i < events.length; i++) {
    const e = events[i]!;
    for (const v of votesIn(e, accs)) ledger.record(v.acc, v.bal, v.val, e.seq, e.time);
  }
}
