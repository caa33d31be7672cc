/**
 * The lease chart's model, read from the trace up to the cursor: per client, when it believed
 * it held the lock (and its token), when it was in jeopardy, expired, paused or down, and when a
 * master (or the Redis server) said it held it; the stretches where two clients believed at
 * once; and the storage's write log with times. Views only: it reads observable states, never
 * machines. The observable shapes are the lock protocol's (protocols/lock/observe.ts).
 */
import type { TraceEvent, Violation } from '../../sim/types';

export type SpanKind = 'holds' | 'jeopardy' | 'expired' | 'paused' | 'down';
export interface Span {
  from: number;
  to: number;
  kind: SpanKind;
  /** The token (sequencer) the client believes it holds, or that the master granted. */
  token?: number;
}
export interface LeaseRow {
  client: string;
  /** What the client believes, and its session state when it believes nothing. */
  belief: Span[];
  /** When the authority (a master whose lease runs, or Redis) says this client holds it. */
  master: Span[];
  /** At the cursor. */
  now: { session: string; token: number | null; paused: boolean; up: boolean };
}
export interface WriteRow {
  seq: number;
  time: number;
  writer: string;
  token: number | null;
  value: string;
  accepted: boolean;
  /** Accepted although an older holder's: storage-mutex broke here. */
  stale: boolean;
}
export interface LeaseChart {
  lock: string | null;
  rows: LeaseRow[];
  overlaps: { from: number; to: number; clients: string[] }[];
  writes: WriteRow[];
}

interface Obs {
  role?: string;
  session?: string;
  believes?: Record<string, number>;
  status?: string;
  leaseOk?: boolean;
  locks?: Record<string, { holder: string | null; gen: number }>;
  sessions?: Record<string, { client: string }>;
  keys?: Record<string, string>;
}
interface NodeNow {
  state: Obs;
  up: boolean;
  paused: boolean;
}

const CLIENT_ROLES = new Set(['client', 'redis-client']);

/** Who the authorities say holds `lock`, as client → token (0 without tokens). */
function authority(nodes: Map<string, NodeNow>, lock: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of nodes.values()) {
    const s = n.state;
    if (!n.up || n.paused) continue;
    if (s.role === 'cell' && s.status !== 'standby' && s.leaseOk && s.locks && Object.hasOwn(s.locks, lock)) {
      const l = s.locks[lock]!;
      if (l.holder !== null) out.set(s.sessions && Object.hasOwn(s.sessions, l.holder) ? s.sessions[l.holder]!.client : l.holder, l.gen);
    }
    if (s.role === 'redis' && s.keys && Object.hasOwn(s.keys, lock)) out.set(s.keys[lock]!.split('.')[0]!, 0);
  }
  return out;
}

/** One lane: extends the open span while its key is unchanged, else closes it and opens the next. */
class Lane {
  readonly spans: Span[] = [];
  private open: (Span & { key: string }) | null = null;
  set(time: number, span: Omit<Span, 'from' | 'to'> | null): void {
    const key = span ? `${span.kind}|${span.token ?? ''}` : '';
    if (this.open && this.open.key === key) return;
    this.close(time);
    if (span) this.open = { ...span, from: time, to: time, key };
  }
  close(time: number): void {
    if (!this.open) return;
    const { key: _key, ...span } = this.open;
    if (time > span.from) this.spans.push({ ...span, to: time });
    this.open = null;
  }
}

export function leaseChart(events: readonly TraceEvent[], step: number, time: number, clients: readonly string[], violations: readonly Violation[] = []): LeaseChart {
  const nodes = new Map<string, NodeNow>();
  const lanes = new Map(clients.map((c) => [c, { client: new Lane(), master: new Lane() }]));
  const stale = new Set(violations.filter((v) => v.invariant === 'storage-mutex').map((v) => v.seq));
  const writes: WriteRow[] = [];
  const overlaps: LeaseChart['overlaps'] = [];
  let lock: string | null = null;
  let overlap: { from: number; clients: string[] } | null = null;

  const sample = (t: number) => {
    if (lock === null) return;
    const says = authority(nodes, lock);
    const believers: string[] = [];
    for (const [c, lane] of lanes) {
      const n = nodes.get(c);
      const token = n?.state.believes && Object.hasOwn(n.state.believes, lock) ? n.state.believes[lock]! : undefined;
      let span: Omit<Span, 'from' | 'to'> | null = null;
      if (!n || !n.up) span = { kind: 'down' };
      else if (n.paused) span = { kind: 'paused', ...(token === undefined ? {} : { token }) };
      else if (token !== undefined) span = { kind: 'holds', token };
      else if (n.state.session === 'jeopardy' || n.state.session === 'expired') span = { kind: n.state.session };
      if (span?.kind === 'holds') believers.push(c);
      lane.client.set(t, span);
      lane.master.set(t, says.has(c) ? { kind: 'holds', token: says.get(c)! } : null);
    }
    const both = believers.length > 1 ? believers : null;
    if (overlap && (!both || both.join() !== overlap.clients.join())) {
      if (t > overlap.from) overlaps.push({ ...overlap, to: t });
      overlap = null;
    }
    if (both && !overlap) overlap = { from: t, clients: both };
  };

  for (let i = 0; i < Math.min(step, events.length); i++) {
    const e = events[i]!;
    // The state an instant ends with is what lasts: sample when time moves on.
    if (i > 0 && e.time > events[i - 1]!.time) sample(events[i - 1]!.time);
    if (!e.node) continue;
    const n = nodes.get(e.node) ?? { state: {}, up: true, paused: false };
    if (e.kind === 'crash') Object.assign(n, { up: false, paused: false });
    if (e.kind === 'restart' && !e.reason) n.up = true;
    if (e.kind === 'pause' && !e.reason) n.paused = true;
    if (e.kind === 'resume' && !e.reason) n.paused = false;
    if (e.state) n.state = e.state as Obs;
    nodes.set(e.node, n);
    if (lock === null) lock = Object.keys(n.state.believes ?? n.state.locks ?? n.state.keys ?? {})[0] ?? null;
    if (e.kind === 'deliver' && e.message?.type === 'Write') {
      const p = e.message.payload as { resource?: string; token?: number; value?: string };
      lock ??= p.resource ?? null;
      writes.push({ seq: e.seq, time: e.time, writer: e.message.from, token: p.token ?? null, value: String(p.value ?? ''), accepted: (e.sent ?? []).some((m) => m.type === 'WriteOk'), stale: stale.has(e.seq) });
    }
  }
  const last = events[Math.min(step, events.length) - 1];
  if (last) sample(last.time);
  for (const lane of lanes.values()) {
    lane.client.close(time);
    lane.master.close(time);
  }
  if (overlap !== null && time > (overlap as { from: number }).from) overlaps.push({ ...(overlap as { from: number; clients: string[] }), to: time });
  const rows = clients.map((c): LeaseRow => {
    const n = nodes.get(c);
    const token = lock !== null && n?.state.believes && Object.hasOwn(n.state.believes, lock) ? n.state.believes[lock]! : null;
    return { client: c, belief: lanes.get(c)!.client.spans, master: lanes.get(c)!.master.spans, now: { session: n?.state.session ?? 'none', token, paused: n?.paused ?? false, up: n?.up ?? true } };
  });
  return { lock, rows, overlaps, writes };
}

/** The clients among a frame's nodes. */
export const clientsOf = (nodes: readonly { id: string; role: string }[]): string[] => nodes.filter((n) => CLIENT_ROLES.has(n.role)).map((n) => n.id);
