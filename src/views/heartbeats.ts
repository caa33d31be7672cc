/**
 * The "hide heartbeats" filter (issue 17, item 10), shared by the space-time diagram and the
 * cluster view: one switch for the page, so both pictures always agree. What counts as a
 * heartbeat is the protocol's (view hint `heartbeat`), else an empty `entries` list; and a
 * heartbeat's reply is one too when the protocol calls it a plain acknowledgement (view hint
 * `heartbeatReply`): a message its receiver sent back to its sender while handling it, found
 * from the run's events (walk-through: Raft's AppendEntriesResponse says nothing of what it
 * answers, and every reply to an empty AppendEntries stayed in the diagram). A rejection or a
 * Preempted sent back stays in view (review: hiding it hid the lesson of the scenario).
 */
import { useSyncExternalStore } from 'react';
import type { ProtocolModule } from '../protocols/types';
import type { Message, TraceEvent } from '../sim/types';
import { isEmptyPayload } from './cluster/geometry';

let hidden = false;
const listeners = new Set<() => void>();

export function subscribeHeartbeats(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function heartbeatsHidden(): boolean {
  return hidden;
}

export function setHeartbeatsHidden(value: boolean): void {
  if (value === hidden) return;
  hidden = value;
  for (const l of listeners) l();
}

export function useHeartbeatsHidden(): boolean {
  return useSyncExternalStore(subscribeHeartbeats, heartbeatsHidden);
}

function isBeat(module: ProtocolModule, m: { type: string; payload: Record<string, unknown> }): boolean {
  return module.view.heartbeat ? module.view.heartbeat(m.type, m.payload) : isEmptyPayload(m.payload);
}

/** A run as far as it is recorded (the session's simulation). */
interface Run {
  module: ProtocolModule;
  events: readonly TraceEvent[];
}

/** Per run: the ids of heartbeat replies among the events scanned so far (scanned once, on). */
const replies = new WeakMap<Run, { scanned: number; ids: Set<number> }>();

function isReply(sim: Run, id: number): boolean {
  let r = replies.get(sim);
  if (!r) replies.set(sim, (r = { scanned: 0, ids: new Set() }));
  const events = sim.events;
  for (; r.scanned < events.length; r.scanned++) {
    const e = events[r.scanned]!;
    if (e.kind !== 'deliver' || !e.message || !e.sent || !isBeat(sim.module, e.message)) continue;
    const ack = sim.module.view.heartbeatReply;
    if (!ack) continue;
    for (const m of e.sent) if (m.to === e.message.from && ack(m, e.message)) r.ids.add(m.id);
  }
  return r.ids.has(id);
}

/** A heartbeat, or (given the run) a reply to one. */
export function isHeartbeat(module: ProtocolModule, m: Pick<Message, 'type' | 'payload'> & { id?: number }, sim?: Run): boolean {
  if (isBeat(module, m)) return true;
  return sim !== undefined && m.id !== undefined && isReply(sim, m.id);
}
