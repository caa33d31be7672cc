/**
 * What the space-time diagram needs from a recorded run, indexed once and kept up to date as
 * the run grows (only new events are read): every message's send and end, the spans when
 * nodes were down or paused, partitions and one-way cuts, and the fault events to mark.
 * Per-message facts live in typed arrays indexed by message id (ids are dense, in send order,
 * so `sentAt` never decreases with the id), so a window query reads no objects it does not draw.
 */
import type { Message, NodeId, TraceEvent } from '../../sim/types';
import { KERNEL_ACTIONS } from '../../scenario/types';

/** How a message ended. */
export const FATE = { flight: 0, delivered: 1, lost: 2, dropped: 3, crashed: 4 } as const;
export type Fate = (typeof FATE)[keyof typeof FATE];

export interface LaneSpan {
  kind: 'down' | 'paused';
  lane: number;
  start: number;
  /** Infinity while still open at the head of the run. */
  end: number;
  startSeq: number;
  /** -1 while open. */
  endSeq: number;
}

export interface PartitionSpan {
  start: number;
  end: number;
  startSeq: number;
  endSeq: number;
  groups: NodeId[][];
  /** Group number of every lane (nodes in no group form one more group together). */
  groupOf: number[];
}

export interface CutSpan {
  from: number;
  to: number;
  start: number;
  end: number;
  startSeq: number;
  endSeq: number;
}

/** Kinds drawn as markers on a lane (or on the axis when they touch no node): the kernel's
 * faults and client commands; picks of the manual schedule and schedule switches are not. */
export const MARKER_KINDS: ReadonlySet<string> = new Set<string>([
  ...KERNEL_ACTIONS.filter((k) => k !== 'deliver' && k !== 'fire' && k !== 'schedule'),
  'command',
]);

const BLOCK = 64;
const BLOCK_SHIFT = 6;

function grow<T extends Float64Array | Int32Array | Uint8Array | Int16Array>(a: T, size: number, fill: number): T {
  if (a.length >= size) return a;
  let n = Math.max(64, a.length);
  while (n < size) n *= 2;
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  b.fill(fill, a.length);
  return b;
}

export class RunIndex {
  readonly lanes: readonly NodeId[];
  readonly laneOf: ReadonlyMap<NodeId, number>;
  /** Events read so far. */
  processed = 0;

  /** Highest message id seen, plus one. */
  messageEnd = 0;
  messages: (Message | undefined)[] = [];
  sentAt = new Float64Array(0);
  /** When it was delivered or lost; Infinity while in flight at the head. */
  endAt = new Float64Array(0);
  sendSeq = new Int32Array(0);
  endSeq = new Int32Array(0);
  fate = new Uint8Array(0);
  from = new Int16Array(0);
  to = new Int16Array(0);
  /** Latest end of any message in each block of 64 ids: whole blocks are skipped by a query. */
  private blockMax = new Float64Array(0);

  readonly spans: LaneSpan[] = [];
  readonly partitions: PartitionSpan[] = [];
  readonly cuts: CutSpan[] = [];
  /** Seqs of the events drawn as markers, in order. */
  markers: number[] = [];

  delivered = 0;
  lost = 0;
  sends = 0;

  private openSpan = new Map<string, LaneSpan>();
  private openPartition: PartitionSpan | null = null;
  private openCuts = new Map<string, CutSpan>();

  constructor(nodes: readonly NodeId[]) {
    this.lanes = [...nodes];
    this.laneOf = new Map(nodes.map((id, i) => [id, i]));
  }

  private lane(id: NodeId | undefined): number {
    return id === undefined ? -1 : (this.laneOf.get(id) ?? -1);
  }

  private reserve(id: number): void {
    const size = id + 1;
    if (this.sentAt.length < size) {
      this.sentAt = grow(this.sentAt, size, 0);
      this.endAt = grow(this.endAt, size, -Infinity);
      this.sendSeq = grow(this.sendSeq, size, -1);
      this.endSeq = grow(this.endSeq, size, -1);
      this.fate = grow(this.fate, size, 0);
      this.from = grow(this.from, size, -1);
      this.to = grow(this.to, size, -1);
    }
    const blocks = (size >> BLOCK_SHIFT) + 1;
    if (this.blockMax.length < blocks) this.blockMax = grow(this.blockMax, blocks, -Infinity);
  }

  private send(m: Message, seq: number): void {
    this.reserve(m.id);
    // A gap in ids (never in a kernel trace) keeps sentAt sorted: the slot copies its neighbour.
    for (let g = this.messageEnd; g < m.id; g++) this.sentAt[g] = g > 0 ? this.sentAt[g - 1]! : m.sentAt;
    this.messages[m.id] = m;
    this.sentAt[m.id] = m.sentAt;
    this.endAt[m.id] = Infinity;
    this.sendSeq[m.id] = seq;
    this.from[m.id] = this.lane(m.from);
    this.to[m.id] = this.lane(m.to);
    this.blockMax[m.id >> BLOCK_SHIFT] = Infinity;
    this.messageEnd = Math.max(this.messageEnd, m.id + 1);
    this.sends++;
  }

  private end(id: number, seq: number, time: number, fate: Fate): void {
    if (id >= this.messageEnd || this.endSeq[id]! >= 0 || this.sendSeq[id]! < 0) return;
    this.endAt[id] = time;
    this.endSeq[id] = seq;
    this.fate[id] = fate;
    if (fate === FATE.delivered) this.delivered++;
    else this.lost++;
    const b = id >> BLOCK_SHIFT;
    let max = -Infinity;
    for (let i = b << BLOCK_SHIFT, n = Math.min(this.messageEnd, (b + 1) << BLOCK_SHIFT); i < n; i++) if (this.endAt[i]! > max) max = this.endAt[i]!;
    this.blockMax[b] = max;
  }

  private open(kind: LaneSpan['kind'], lane: number, e: TraceEvent): void {
    const key = `${kind}:${lane}`;
    if (lane < 0 || this.openSpan.has(key)) return;
    const span: LaneSpan = { kind, lane, start: e.time, end: Infinity, startSeq: e.seq, endSeq: -1 };
    this.spans.push(span);
    this.openSpan.set(key, span);
  }

  private close(kind: LaneSpan['kind'], lane: number, e: TraceEvent): void {
    const key = `${kind}:${lane}`;
    const span = this.openSpan.get(key);
    if (!span) return;
    span.end = e.time;
    span.endSeq = e.seq;
    this.openSpan.delete(key);
  }

  private closePartition(e: TraceEvent): void {
    const p = this.openPartition;
    if (!p) return;
    p.end = e.time;
    p.endSeq = e.seq;
    this.openPartition = null;
  }

  /** Reads events [processed, count). */
  update(events: readonly TraceEvent[], count: number = events.length): void {
    for (let i = this.processed; i < count; i++) this.read(events[i]!);
    this.processed = Math.max(this.processed, count);
  }

  private read(e: TraceEvent): void {
    if (e.sent) for (const m of e.sent) this.send(m, e.seq);
    // An action that did nothing ("already down", "not in flight") changes no span.
    const noop = e.reason !== undefined && e.kind !== 'lost';
    if (MARKER_KINDS.has(e.kind)) this.markers.push(e.seq);
    if (noop) return;
    const lane = this.lane(e.node);
    switch (e.kind) {
      case 'deliver':
        if (e.message) this.end(e.message.id, e.seq, e.time, FATE.delivered);
        break;
      case 'lost':
        if (e.message) this.end(e.message.id, e.seq, e.time, FATE.lost);
        break;
      case 'drop':
        if (e.message) this.end(e.message.id, e.seq, e.time, FATE.dropped);
        break;
      case 'delay':
        // The delayed copy carries the new arrival time.
        if (e.message && e.message.id < this.messageEnd) this.messages[e.message.id] = e.message;
        break;
      case 'crash': {
        this.close('paused', lane, e);
        this.open('down', lane, e);
        const lostIds = e.detail?.lostMessages;
        if (Array.isArray(lostIds)) for (const id of lostIds) if (typeof id === 'number') this.end(id, e.seq, e.time, FATE.crashed);
        break;
      }
      case 'restart':
        this.close('down', lane, e);
        break;
      case 'pause':
        this.open('paused', lane, e);
        break;
      case 'resume':
        this.close('paused', lane, e);
        break;
      case 'partition': {
        this.closePartition(e);
        const groups = (Array.isArray(e.detail?.groups) ? e.detail.groups : []) as NodeId[][];
        const of = new Map<NodeId, number>();
        groups.forEach((g, i) => g.forEach((id) => of.set(id, i)));
        const groupOf = this.lanes.map((id) => of.get(id) ?? groups.length);
        const p: PartitionSpan = { start: e.time, end: Infinity, startSeq: e.seq, endSeq: -1, groups, groupOf };
        this.partitions.push(p);
        this.openPartition = p;
        break;
      }
      case 'cut': {
        const from = this.lane(e.detail?.from as NodeId | undefined);
        const to = this.lane(e.detail?.to as NodeId | undefined);
        const key = `${from}>${to}`;
        if (from < 0 || to < 0 || this.openCuts.has(key)) break;
        const c: CutSpan = { from, to, start: e.time, end: Infinity, startSeq: e.seq, endSeq: -1 };
        this.cuts.push(c);
        this.openCuts.set(key, c);
        break;
      }
      case 'heal':
        this.closePartition(e);
        for (const c of this.openCuts.values()) {
          c.end = e.time;
          c.endSeq = e.seq;
        }
        this.openCuts.clear();
        break;
    }
  }

  /**
   * Ids of the messages whose flight overlaps [t0, t1] (sent by t1, ended at or after t0, or
   * still in flight), in id order, written into `out`. Stops after `limit` and returns
   * limit + 1 when there are more.
   */
  messagesIn(t0: number, t1: number, out: Int32Array, limit: number = out.length - 1): number {
    // Ids sent by t1: sentAt is sorted by id.
    let lo = 0;
    let hi = this.messageEnd;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sentAt[mid]! <= t1) lo = mid + 1;
      else hi = mid;
    }
    const last = lo;
    let n = 0;
    for (let b = 0, blocks = (last + BLOCK - 1) >> BLOCK_SHIFT; b < blocks; b++) {
      if (this.blockMax[b]! < t0) continue;
      for (let id = b << BLOCK_SHIFT, stop = Math.min(last, (b + 1) << BLOCK_SHIFT); id < stop; id++) {
        if (this.sendSeq[id]! < 0 || this.endAt[id]! < t0) continue;
        if (n >= limit) return limit + 1;
        out[n++] = id;
      }
    }
    return n;
  }

  /** Spans of `kind` per lane, as [start, end] pairs (end Infinity while open). */
  spansOf(kind: LaneSpan['kind'], lane: number): [number, number][] {
    return this.spans.filter((s) => s.kind === kind && s.lane === lane).map((s) => [s.start, s.end]);
  }
}

const cache = new WeakMap<readonly TraceEvent[], RunIndex>();

/**
 * The index of a run's events (the same array only grows with the run), brought up to at least
 * `count` events. A different array (a new run, a fork) gets a fresh index.
 */
export function indexFor(events: readonly TraceEvent[], nodes: readonly NodeId[], count: number = events.length): RunIndex {
  let index = cache.get(events);
  if (!index || index.lanes.length !== nodes.length || index.lanes.some((id, i) => id !== nodes[i])) {
    index = new RunIndex(nodes);
    cache.set(events, index);
  }
  index.update(events, count);
  return index;
}
