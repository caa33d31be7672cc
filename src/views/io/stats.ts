/**
 * Message statistics of a run up to a step: counts per message type and per node (sent,
 * received, lost), losses by reason, user drops, duplicates and payload bytes.
 *
 * Cheap at any size: cumulative counts are cached every CHECKPOINT events per events array
 * (one per run: arrays only grow), so a frame costs at most one block of events plus a copy.
 */
import type { Message, TraceEvent } from '../../sim/types';

export const CHECKPOINT = 1024;

export interface Counts {
  sent: number;
  received: number;
  /** Lost in the network or to a down node, or dropped by the user. */
  lost: number;
  bytesSent: number;
  bytesReceived: number;
}

export interface MessageStats {
  /** Events counted: the run's events [0, step). */
  step: number;
  byType: Map<string, Counts>;
  byNode: Map<string, Counts>;
  sent: number;
  delivered: number;
  /** Losses by the network or a down node (`lost` events, by reason), plus messages in flight to a node when it crashed (`crash`). */
  lost: number;
  lostBy: Map<string, number>;
  /** Messages the user dropped. */
  dropped: number;
  /** Extra copies put on the wire (the network's duplicate rate or the user). */
  duplicated: number;
  /** UTF-8 bytes of JSON.stringify(payload), summed over messages sent. */
  bytes: number;
}

export function emptyStats(): MessageStats {
  return { step: 0, byType: new Map(), byNode: new Map(), sent: 0, delivered: 0, lost: 0, lostBy: new Map(), dropped: 0, duplicated: 0, bytes: 0 };
}

function cloneStats(s: MessageStats): MessageStats {
  const copy = (m: Map<string, Counts>) => new Map([...m].map(([k, c]) => [k, { ...c }]));
  return { ...s, byType: copy(s.byType), byNode: copy(s.byNode), lostBy: new Map(s.lostBy) };
}

/** UTF-8 length without allocating the bytes. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** A message's payload size; payloads are shared by a message's copies and events, so cached. */
const sizes = new WeakMap<object, number>();
export function payloadBytes(m: Message): number {
  const p = m.payload;
  let n = sizes.get(p);
  if (n === undefined) {
    n = utf8Bytes(JSON.stringify(p));
    sizes.set(p, n);
  }
  return n;
}

function counts(m: Map<string, Counts>, key: string): Counts {
  let c = m.get(key);
  if (!c) {
    c = { sent: 0, received: 0, lost: 0, bytesSent: 0, bytesReceived: 0 };
    m.set(key, c);
  }
  return c;
}

const bump = (m: Map<string, number>, key: string, by = 1) => m.set(key, (m.get(key) ?? 0) + by);

/** Adds one event to `s` (mutates it). */
export function addEvent(s: MessageStats, ev: TraceEvent): void {
  if (ev.sent) {
    for (const m of ev.sent) {
      const b = payloadBytes(m);
      s.sent++;
      s.bytes += b;
      if (m.duplicateOf !== undefined) s.duplicated++;
      const t = counts(s.byType, m.type);
      t.sent++;
      t.bytesSent += b;
      const n = counts(s.byNode, m.from);
      n.sent++;
      n.bytesSent += b;
    }
  }
  const m = ev.message;
  if (ev.kind === 'deliver' && m) {
    const b = payloadBytes(m);
    s.delivered++;
    const t = counts(s.byType, m.type);
    t.received++;
    t.bytesReceived += b;
    const n = counts(s.byNode, m.to);
    n.received++;
    n.bytesReceived += b;
  } else if (ev.kind === 'lost' && m) {
    s.lost++;
    bump(s.lostBy, ev.reason ?? 'lost');
    counts(s.byType, m.type).lost++;
  } else if (ev.kind === 'drop' && m && !ev.reason) {
    s.dropped++;
    counts(s.byType, m.type).lost++;
  } else if (ev.kind === 'crash' && !ev.reason) {
    const lost = ev.detail?.lostMessages;
    if (Array.isArray(lost) && lost.length > 0) {
      s.lost += lost.length;
      bump(s.lostBy, 'crash', lost.length);
    }
  }
  s.step = ev.seq + 1;
}

/** A full recount of events [0, step): the reference the cached path must equal. */
export function countEvents(events: readonly TraceEvent[], step: number = events.length): MessageStats {
  const s = emptyStats();
  const end = Math.min(step, events.length);
  for (let i = 0; i < end; i++) addEvent(s, events[i]!);
  s.step = end;
  return s;
}

/** Cumulative stats at 0, CHECKPOINT, 2·CHECKPOINT, … per run (its events array). */
const checkpoints = new WeakMap<readonly TraceEvent[], MessageStats[]>();

function checkpointsOf(events: readonly TraceEvent[]): MessageStats[] {
  let cps = checkpoints.get(events);
  if (!cps) {
    cps = [emptyStats()];
    checkpoints.set(events, cps);
  }
  return cps;
}

/** Counts the block after the last checkpoint and caches its end. */
function addCheckpoint(events: readonly TraceEvent[], cps: MessageStats[]): void {
  const from = (cps.length - 1) * CHECKPOINT;
  const next = cloneStats(cps[cps.length - 1]!);
  for (let i = from; i < from + CHECKPOINT; i++) addEvent(next, events[i]!);
  next.step = from + CHECKPOINT;
  cps.push(next);
}

/**
 * Caches at most `blocks` more checkpoints towards the end of the recorded run; true while some
 * are left. The panel calls it in idle time, a few blocks per slice (issue 17): a far seek
 * forward then counts one block, not everything from the last checkpoint a seek reached.
 */
export function extendCheckpoints(events: readonly TraceEvent[], blocks: number): boolean {
  const cps = checkpointsOf(events);
  const last = Math.floor(events.length / CHECKPOINT);
  for (let b = 0; b < blocks && cps.length <= last; b++) addCheckpoint(events, cps);
  return cps.length <= last;
}

/** Stats of events [0, step), from the nearest cached checkpoint. */
export function statsAt(events: readonly TraceEvent[], step: number): MessageStats {
  const end = Math.max(0, Math.min(step, events.length));
  const cps = checkpointsOf(events);
  const want = Math.floor(end / CHECKPOINT);
  while (cps.length <= want) addCheckpoint(events, cps);
  const s = cloneStats(cps[want]!);
  for (let i = want * CHECKPOINT; i < end; i++) addEvent(s, events[i]!);
  s.step = end;
  return s;
}

export type SortKey = 'name' | keyof Counts;
export interface Sort {
  key: SortKey;
  desc: boolean;
}

/** Rows of a table, sorted; ties (and `null`: the given order) keep `order`, then name. */
export function sortedRows(m: Map<string, Counts>, sort: Sort | null, order: readonly string[] = []): [string, Counts][] {
  const rank = new Map(order.map((k, i) => [k, i]));
  const natural = (a: string, b: string) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0);
  const rows = [...m];
  if (!sort) return rows.sort(([a], [b]) => natural(a, b));
  const dir = sort.desc ? -1 : 1;
  return rows.sort(([a, ca], [b, cb]) => {
    const c = sort.key === 'name' ? natural(a, b) : ca[sort.key] - cb[sort.key];
    return c !== 0 ? c * dir : natural(a, b);
  });
}
