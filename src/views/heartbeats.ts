/**
 * The "hide heartbeats" filter (issue 17, item 10), shared by the space-time diagram and the
 * cluster view: one switch for the page, so both pictures always agree. What counts as a
 * heartbeat is the protocol's (view hint `heartbeat`), else an empty `entries` list.
 */
import { useSyncExternalStore } from 'react';
import type { ProtocolModule } from '../protocols/types';
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

export function isHeartbeat(module: ProtocolModule, m: { type: string; payload: Record<string, unknown> }): boolean {
  return module.view.heartbeat ? module.view.heartbeat(m.type, m.payload) : isEmptyPayload(m.payload);
}
