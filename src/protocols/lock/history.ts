/**
 * Contract hooks: the client history read off trace events (clients' `output` records, see
 * messages.ts `ClientOutput`), and the explorer's abstraction of a cluster state.
 */
import type { ClientRecord, NodeId, NodeView, TraceEvent } from '../types';
import type { ClientOutput } from './messages';
import type { LockObservable } from './observe';

const isOutput = (x: unknown): x is ClientOutput => typeof x === 'object' && x !== null && 'kind' in x && 'op' in x;

/** Acquire, release and write as client operations; a write's key is the storage resource. */
export function clientHistory(event: TraceEvent): ClientRecord[] {
  if (!event.node || !event.output) return [];
  return event.output.filter(isOutput).map((o): ClientRecord => {
    switch (o.kind) {
      case 'invoke':
        return { kind: 'invoke', op: o.op, client: event.node!, f: o.f, key: o.key, ...(o.value === undefined ? {} : { value: o.value }) };
      case 'ok':
        return { kind: 'ok', op: o.op, ...(o.value === undefined ? {} : { value: o.value }) };
      case 'fail':
        return { kind: 'fail', op: o.op, reason: o.reason };
      case 'info':
        return { kind: 'info', op: o.op, reason: o.reason };
    }
  });
}

/**
 * Roles and phases with epochs and generations left out (they only grow): which cell node is
 * master and in which phase, each lock's holder by client, each client's session state and
 * belief, and how many writes storage accepted and rejected (capped, so the space stays small).
 */
export function abstractState(nodes: ReadonlyMap<NodeId, NodeView>): string {
  const parts: string[] = [];
  const clientOf = new Map<string, NodeId>();
  for (const v of nodes.values()) {
    const s = v.state as LockObservable;
    if (s.role === 'client' && s.sid) clientOf.set(s.sid, v.id);
  }
  for (const v of [...nodes.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    const s = v.state as LockObservable;
    const up = v.up ? (v.paused ? 'P' : '') : 'X';
    switch (s.role) {
      case 'cell': {
        const locks = Object.entries(s.locks).map(([l, x]) => `${l}:${x.holder === null ? (x.delayed ? 'd' : '-') : (clientOf.get(x.holder) ?? '?')}`);
        parts.push(`${v.id}${up}=${s.status[0]}${s.leaseOk ? '+' : ''}[${locks.sort().join(',')}]`);
        break;
      }
      case 'client':
      case 'redis-client':
        parts.push(`${v.id}${up}=${s.session[0]}[${Object.keys(s.believes).sort().join(',')}${s.working ? '*' : ''}]`);
        break;
      case 'storage': {
        const ok = s.log.filter((e) => e.accepted).length;
        parts.push(`${v.id}${up}=${Math.min(ok, 3)}/${Math.min(s.log.length - ok, 2)}`);
        break;
      }
      case 'db':
        parts.push(`${v.id}${up}=${s.alive ? (s.master ?? '-') : '-'}`);
        break;
      case 'redis':
        parts.push(`${v.id}${up}=[${Object.keys(s.keys).sort().join(',')}]`);
        break;
    }
  }
  return parts.join(' ');
}
