/**
 * Pure helpers of the logs views: read a replicated log out of any protocol's observable
 * state, find a message at the cursor, and pair invariants with their violations.
 */
import type { Message, Observable, TraceEvent, Violation } from '../../sim/types';
import type { FlightView, LostView } from '../../store/frame';

export interface LogEntryView {
  /** The entry's term, or null when the entry has none. */
  term: number | null;
  command: string;
}
export interface LogModel {
  /** Entries `1 … length`. */
  length: number;
  commitIndex: number;
  /** Entry `index` (1-based), read on demand: after a seek every state is new, and a long
   * run's logs hold thousands of entries of which the view draws a window of 60. */
  at(index: number): LogEntryView | undefined;
}

function entryView(e: unknown): LogEntryView {
  const term = e !== null && typeof e === 'object' ? (e as { term?: unknown }).term : undefined;
  return { term: typeof term === 'number' ? term : null, command: commandOf(e) };
}

/** Every entry, for tests and small logs. */
export function entriesOf(log: LogModel): LogEntryView[] {
  return Array.from({ length: log.length }, (_, i) => log.at(i + 1)!);
}

function commandOf(entry: unknown): string {
  if (entry !== null && typeof entry === 'object') {
    const { command } = entry as { command?: unknown };
    if (typeof command === 'string') return command;
    if (command !== undefined) return JSON.stringify(command);
    const rest = { ...(entry as Record<string, unknown>) };
    delete rest.term;
    return Object.keys(rest).length ? JSON.stringify(rest) : '';
  }
  return entry === undefined ? '' : JSON.stringify(entry);
}

const logCache = new WeakMap<Observable, LogModel | null>();

/** The log of a node's observable state (`log` of `{ term, command }`, 1-based, and
 * `commitIndex`), or null when it has none. Cached by state identity. */
export function readLog(state: Observable): LogModel | null {
  const hit = logCache.get(state);
  if (hit !== undefined) return hit;
  const log = state.log;
  let out: LogModel | null = null;
  if (Array.isArray(log)) {
    const raw: readonly unknown[] = log;
    const seen = new Map<number, LogEntryView>();
    const c = state.commitIndex;
    const commitIndex = typeof c === 'number' && Number.isFinite(c) ? Math.max(0, Math.min(c, raw.length)) : 0;
    out = {
      length: raw.length,
      commitIndex,
      at(index) {
        if (index < 1 || index > raw.length) return undefined;
        let v = seen.get(index);
        if (!v) seen.set(index, (v = entryView(raw[index - 1])));
        return v;
      },
    };
  }
  logCache.set(state, out);
  return out;
}

/** The number of index columns: the longest log (0 when no log). */
export function logColumns(states: readonly Observable[]): number {
  let max = 0;
  for (const s of states) max = Math.max(max, readLog(s)?.length ?? 0);
  return max;
}

export type MessageStatus = { kind: 'inFlight'; blocked: string | null } | { kind: 'lost'; reason: string };

/** A message at the cursor, from the in-flight set or the recently lost ones. */
export function findMessage(id: number, inFlight: readonly FlightView[], lost: readonly LostView[]): { message: Message; status: MessageStatus } | null {
  const f = inFlight.find((x) => x.message.id === id);
  if (f) return { message: f.message, status: { kind: 'inFlight', blocked: f.blocked } };
  const l = lost.find((x) => x.message.id === id);
  if (l) return { message: l.message, status: { kind: 'lost', reason: l.reason } };
  return null;
}

export interface InvariantStatus {
  id: string;
  name: string;
  description: string;
  source: string;
  /** Its (first) violation up to the cursor. */
  violation: Violation | null;
  /** Its violation recorded later than the cursor, if any. */
  ahead: Violation | null;
}

/** Every invariant with its status at the cursor; violations of ids the protocol does not
 * list come last, so none is hidden. */
export function invariantStatuses(
  invariants: readonly { id: string; name: string; description: string; source: string }[],
  atCursor: readonly Violation[],
  recorded: readonly Violation[] = [],
): InvariantStatus[] {
  const first = (list: readonly Violation[], id: string) => list.find((v) => v.invariant === id) ?? null;
  const out: InvariantStatus[] = invariants.map((inv) => {
    const violation = first(atCursor, inv.id);
    return { id: inv.id, name: inv.name, description: inv.description, source: inv.source, violation, ahead: violation ? null : first(recorded, inv.id) };
  });
  const known = new Set(invariants.map((i) => i.id));
  for (const v of atCursor) {
    if (known.has(v.invariant)) continue;
    known.add(v.invariant);
    out.push({ id: v.invariant, name: v.invariant, description: '', source: '', violation: v, ahead: null });
  }
  return out;
}

/** The parts of an event worth one line: who, which message, which timer, why. */
export function eventParts(e: TraceEvent): { node?: string; message?: string; timer?: string; reason?: string } {
  const out: { node?: string; message?: string; timer?: string; reason?: string } = {};
  if (e.node !== undefined) out.node = e.node;
  if (e.message) out.message = `${e.message.type} ${e.message.from} → ${e.message.to}`;
  if (e.timer !== undefined) out.timer = e.timer;
  if (e.reason !== undefined) out.reason = e.reason;
  return out;
}
