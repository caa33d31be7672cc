/**
 * The client history of a run at any head, without re-reading the trace (issue 10). Each
 * event's client records are read once per run (the protocol hook reads the event's state,
 * which a long run rebuilds from patches), so a frame replays only the records before its
 * head. A key's on-demand linearizability verdict is kept until that key's sub-history
 * changes: it is fixed by the last record on the key before the head.
 */
import type { ClientRecord, ProtocolModule } from '../../protocols/types';
import type { TraceEvent } from '../../sim/types';
import { ClientHistory } from '../../check/history';
import { checkKey, type KeyVerdict } from '../../check/linearizability';

interface Source {
  module: ProtocolModule;
  scanned: number;
  /** The events that carry client records, in trace order, and their records. */
  events: TraceEvent[];
  records: (readonly ClientRecord[])[];
  /** key → the verdict, and the seq of the key's last record it was computed with. */
  verdicts: Map<string, { last: number; verdict: KeyVerdict }>;
}

const sources = new WeakMap<readonly TraceEvent[], Source>();
/** How many times a key was checked (for the tests: a frame re-checks only changed keys). */
export const stats = { keyChecks: 0, hookCalls: 0 };

function sourceOf(module: ProtocolModule, events: readonly TraceEvent[]): Source {
  let s = sources.get(events);
  if (!s || s.module !== module) {
    s = { module, scanned: 0, events: [], records: [], verdicts: new Map() };
    sources.set(events, s);
  }
  const hook = module.clientHistory;
  if (hook) {
    for (let i = s.scanned; i < events.length; i++) {
      const e = events[i]!;
      stats.hookCalls++;
      const records = hook(e);
      if (records.length === 0) continue;
      s.events.push(e);
      s.records.push(records);
    }
  }
  s.scanned = events.length;
  return s;
}

/** The history of events [0, head): the same as `buildHistory(module, events.slice(0, head))`. */
export function historyUpTo(module: ProtocolModule, events: readonly TraceEvent[], head: number): ClientHistory {
  const s = sourceOf(module, events);
  const history = new ClientHistory();
  for (let i = 0; i < s.events.length && s.events[i]!.seq < head; i++) history.apply(s.events[i]!, s.records[i]!);
  return history;
}

/** `checkKey(history, key)` for a history from `historyUpTo` over `events`, remembered while the
 * key's ops stay as they are. */
export function keyVerdict(module: ProtocolModule, events: readonly TraceEvent[], history: ClientHistory, key: string): KeyVerdict {
  const s = sourceOf(module, events);
  let last = -1;
  for (const op of history.byKey(key)) last = Math.max(last, op.invokeSeq, op.endSeq ?? -1);
  const hit = s.verdicts.get(key);
  if (hit && hit.last === last) return hit.verdict;
  stats.keyChecks++;
  const verdict = checkKey(history, key);
  s.verdicts.set(key, { last, verdict });
  return verdict;
}
