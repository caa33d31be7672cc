/**
 * Ghost history the checker keeps from the trace (never the nodes, and never reset by a
 * crash): every grant the lock service issued, numbered per lock in the order issued, which
 * grant each client holds, and which grant each write to storage was sent under. The ghost
 * number is what a writer *thinks* it holds, so storage mutual exclusion is checkable even when
 * storage ignores tokens, and even when tokens repeat (`volatile-generation`).
 */
import type { NodeId, NodeView, TraceEvent } from '../types';
import type { Message } from '../../sim/types';
import type { ClientObservable, DbObservable } from './observe';

export interface Grant {
  lock: string;
  /** Ghost sequence number: 1, 2, … per lock, in the order grants were issued. */
  n: number;
}

export class GrantGhost {
  private readonly byKey = new Map<string, Grant>();
  private readonly next = new Map<string, number>();
  /** Grant replies and writes by message id (duplicates map to their original). */
  private readonly grantMsg = new Map<number, Grant>();
  private readonly writeMsg = new Map<number, Grant | null>();
  private readonly holding = new Map<NodeId, Map<string, Grant>>();

  /** Reads one event; returns the grant a Write delivered to storage was sent under, if any. */
  update(event: TraceEvent, nodes: ReadonlyMap<NodeId, NodeView>): void {
    // A grant is numbered when the database first records it (a reply may leave much later,
    // from a master that was paused), or when its reply leaves if the database never showed it.
    const db = event.node === undefined ? undefined : (nodes.get(event.node)?.state as DbObservable | undefined);
    if (db?.role === 'db') for (const [l, x] of Object.entries(db.locks)) if (x.holder !== null) this.grant(l, `${x.holder}|${x.gen}`);
    for (const m of event.sent ?? []) this.sent(m);
    const m = event.message;
    if (event.kind !== 'deliver' || !m || !event.node) return;
    const g = this.grantMsg.get(m.duplicateOf ?? m.id);
    const s = nodes.get(event.node)?.state as ClientObservable | undefined;
    if (g && s && Object.hasOwn(s.held ?? {}, g.lock)) {
      let mine = this.holding.get(event.node);
      if (!mine) this.holding.set(event.node, (mine = new Map()));
      mine.set(g.lock, g);
    }
  }

  /** The grant a Write message was sent under (null: its writer held none). */
  writeGrant(m: Message): Grant | null | undefined {
    return this.writeMsg.get(m.duplicateOf ?? m.id);
  }

  private sent(m: Message): void {
    if (m.duplicateOf !== undefined) {
      if (this.grantMsg.has(m.duplicateOf)) this.grantMsg.set(m.id, this.grantMsg.get(m.duplicateOf)!);
      return;
    }
    const p = m.payload as Record<string, unknown>;
    if (m.type === 'AcquireReply' && p.ok === true) this.grantMsg.set(m.id, this.grant(String(p.lock), `${String(p.sid)}|${String(p.token)}`));
    else if (m.type === 'SetReply' && p.ok === true) this.grantMsg.set(m.id, this.grant(String(p.key), String(p.owner)));
    else if (m.type === 'Write') this.writeMsg.set(m.id, this.holding.get(m.from)?.get(String(p.resource)) ?? null);
  }

  private grant(lock: string, holder: string): Grant {
    const key = `${lock}|${holder}`;
    let g = this.byKey.get(key);
    if (!g) {
      const n = (this.next.get(lock) ?? 0) + 1;
      this.next.set(lock, n);
      this.byKey.set(key, (g = { lock, n }));
    }
    return g;
  }
}
