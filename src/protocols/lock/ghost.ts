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

const NONE: ReadonlySet<string> = new Set();

export class GrantGhost {
  private readonly byKey = new Map<string, Grant>();
  private readonly next = new Map<string, number>();
  /** Grant replies and writes by message id (duplicates map to their original). */
  private readonly grantMsg = new Map<number, Grant>();
  private readonly writeMsg = new Map<number, Grant | null>();
  private readonly holding = new Map<NodeId, Map<string, Grant>>();
  /** What each client held after its last event, to see which delivery gave it a lock. */
  private readonly lastHeld = new Map<NodeId, Readonly<Record<string, number>>>();

  /** Reads one event: grants issued and taken, and the grant each Write leaves under. */
  update(event: TraceEvent, nodes: ReadonlyMap<NodeId, NodeView>): void {
    // A grant is numbered when the database first records it (a reply may leave much later,
    // from a master that was paused), or when its reply leaves if the database never showed it.
    const db = event.node === undefined ? undefined : (nodes.get(event.node)?.state as DbObservable | undefined);
    if (db?.role === 'db') for (const [l, x] of Object.entries(db.locks)) if (x.holder !== null) this.grant(l, `${x.holder}|${x.gen}`);
    for (const m of event.sent ?? []) this.sent(m);
    const gained = this.gained(event, nodes);
    const m = event.message;
    if (event.kind !== 'deliver' || !m || !event.node) return;
    const g = this.grantMsg.get(m.duplicateOf ?? m.id);
    // The grant counts only if this delivery is what gave the client the lock: a late grant
    // the client ignores (an old session's, say) must not retag the writes of a newer one.
    if (g && gained.has(g.lock)) {
      let mine = this.holding.get(event.node);
      if (!mine) this.holding.set(event.node, (mine = new Map()));
      mine.set(g.lock, g);
    }
  }

  /** The locks an event at a client gave it: held after it, and not held (or held with another
   * token) before it. */
  private gained(event: TraceEvent, nodes: ReadonlyMap<NodeId, NodeView>): ReadonlySet<string> {
    const s = event.node === undefined ? undefined : (nodes.get(event.node)?.state as ClientObservable | undefined);
    if (!s || (s.role !== 'client' && s.role !== 'redis-client')) return NONE;
    const before = this.lastHeld.get(event.node!) ?? {};
    this.lastHeld.set(event.node!, s.held);
    return new Set(Object.keys(s.held).filter((l) => !Object.hasOwn(before, l) || before[l] !== s.held[l]));
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
