/**
 * The ring of the live run, read from the node states at the cursor and the trace before it:
 * the newest membership, the keys the servers store, and the membership changes so far (from
 * the epochs the servers reported). Pure: the views memoize it by step.
 */
import type { NodeView, TraceEvent } from '../../sim/types';

export type MemberStatus = 'joining' | 'up' | 'leaving';
export interface Membership {
  epoch: number;
  status: Readonly<Record<string, MemberStatus>>;
}
export interface Change {
  kind: 'join' | 'leave';
  server: string;
}

/** A membership change seen in the trace: when the seed decided it, and when it finished. */
export interface SeenChange extends Change {
  epoch: number;
  at: number;
  /** Time of the epoch that ended it, or null while under way. */
  doneAt: number | null;
  /** Ring members (read ring) before, and after (future ring), in name order. */
  before: string[];
  after: string[];
}

export interface LiveRing {
  /** Every server of the scenario (not clients), in scenario order: colours follow it. */
  servers: string[];
  /** Servers whose last state is down. */
  down: Set<string>;
  membership: Membership | null;
  /** The ring the keys are placed on: the future ring while a change is under way. */
  members: string[];
  /** The servers in the first epoch, in scenario order (the replay start of the comparison). */
  initial: string[];
  keys: string[];
  /** Servers whose store holds each key (down servers included: their disk keeps it). */
  stored: Map<string, string[]>;
  changes: SeenChange[];
}

/** A node's view of the ring from its observed state (chash's `epoch` and `members`), or null. */
export function membershipOf(state: Record<string, unknown> | undefined): Membership | null {
  const epoch = state?.epoch;
  const status = state?.members;
  return typeof epoch === 'number' && status && typeof status === 'object' && !Array.isArray(status) ? { epoch, status: status as Membership['status'] } : null;
}

function storeKeys(state: Record<string, unknown> | undefined): string[] {
  const s = state?.store;
  if (!s || typeof s !== 'object') return [];
  return Array.isArray(s) ? s.filter((k): k is string => typeof k === 'string') : Object.keys(s);
}

const named = (m: Membership, keep: (s: MemberStatus) => boolean) =>
  Object.keys(m.status)
    .filter((id) => keep(m.status[id]!))
    .sort();
export const readMembers = (m: Membership) => named(m, (s) => s !== 'joining');
export const futureMembers = (m: Membership) => named(m, (s) => s !== 'leaving');
export function pendingOf(m: Membership): Change | null {
  for (const id of Object.keys(m.status).sort()) {
    const s = m.status[id];
    if (s === 'joining') return { kind: 'join', server: id };
    if (s === 'leaving') return { kind: 'leave', server: id };
  }
  return null;
}

interface EpochSeen {
  seq: number;
  time: number;
  membership: Membership;
}
interface Scan {
  scanned: number;
  epochs: Map<number, EpochSeen>;
}
const scans = new WeakMap<readonly TraceEvent[], Scan>();

/** Every epoch reported in the trace, with the first event that reported it; scanned once per
 * run and then only the new events. */
function epochsOf(events: readonly TraceEvent[]): Map<number, EpochSeen> {
  let scan = scans.get(events);
  if (!scan || scan.scanned > events.length) scans.set(events, (scan = { scanned: 0, epochs: new Map() }));
  for (; scan.scanned < events.length; scan.scanned++) {
    const e = events[scan.scanned]!;
    const m = membershipOf(e.state);
    if (m && !scan.epochs.has(m.epoch)) scan.epochs.set(m.epoch, { seq: e.seq, time: e.time, membership: m });
  }
  return scan.epochs;
}

/** The changes in epoch order, up to (excluding) event `step`. */
export function changesUpTo(events: readonly TraceEvent[], step: number): SeenChange[] {
  const seen = [...epochsOf(events).values()].filter((e) => e.seq < step).sort((a, b) => a.membership.epoch - b.membership.epoch);
  const out: SeenChange[] = [];
  for (const e of seen) {
    const p = pendingOf(e.membership);
    const last = out.at(-1);
    if (last && last.doneAt === null && !(p && p.kind === last.kind && p.server === last.server)) last.doneAt = e.time;
    if (p && !(last && last.kind === p.kind && last.server === p.server && last.doneAt === null)) {
      out.push({ ...p, epoch: e.membership.epoch, at: e.time, doneAt: null, before: readMembers(e.membership), after: futureMembers(e.membership) });
    }
  }
  return out;
}

export function liveRing(nodes: readonly NodeView[], events: readonly TraceEvent[], step: number): LiveRing {
  const servers = nodes.filter((n) => n.role !== 'client').map((n) => n.id);
  const down = new Set(nodes.filter((n) => !n.up && n.role !== 'client').map((n) => n.id));
  let membership: Membership | null = null;
  const stored = new Map<string, string[]>();
  for (const n of nodes) {
    if (n.role === 'client') continue;
    const m = membershipOf(n.state);
    if (m && (!membership || m.epoch > membership.epoch)) membership = m;
    for (const k of storeKeys(n.state)) {
      const list = stored.get(k);
      if (list) list.push(n.id);
      else stored.set(k, [n.id]);
    }
  }
  const epochs = epochsOf(events);
  const first = [...epochs.values()].filter((e) => e.seq < step).sort((a, b) => a.membership.epoch - b.membership.epoch)[0];
  const initialSet = new Set(first ? readMembers(first.membership) : membership ? readMembers(membership) : []);
  const keys = [...stored.keys()].sort();
  return {
    servers,
    down,
    membership,
    members: membership ? futureMembers(membership) : [],
    initial: servers.filter((s) => initialSet.has(s)),
    keys,
    stored,
    changes: changesUpTo(events, step),
  };
}
