/**
 * Transaction-commit safety checks shared by commit protocols (2PC, 3PC): TCConsistent,
 * "commit only after every participant voted yes" and "decisions are final", over whatever a
 * protocol calls its per-transaction states. Each checker looks only at the node an event
 * touched, and only at transactions whose state changed there, so checking every step stays
 * cheap.
 */
import { diff } from '../../sim/patch';
import type { InvariantCheck, InvariantFailure, NodeId, NodeView, Observable, ProtocolConfig, TraceEvent } from '../types';

type TxId = string;
export type TxChange = { tx: TxId; now: string | undefined };

/** How a protocol's observable reads as transaction states. */
export interface CommitStates {
  /** The node's state per transaction (2PC's tmState or rmState, 3PC's state). */
  mapOf(state: Observable): Readonly<Record<TxId, string>>;
  committed: string;
  aborted: string;
}

/** The transactions whose state differs, in the map's order, then those gone. The kernel's
 * structural diff is shared (and remembered for large maps), so the four checkers of a run
 * and the trace walk a map of thousands of transactions once per event, not five times. */
export function txStateChanges(prev: Readonly<Record<TxId, string>>, map: Readonly<Record<TxId, string>>): TxChange[] {
  const p = diff(prev, map);
  if (p === null) return [];
  if (p.k === 'obj') {
    const out: TxChange[] = p.set.map(([tx]) => ({ tx, now: map[tx] }));
    if (p.del) for (const tx of p.del) out.push({ tx, now: undefined });
    return out;
  }
  const out: TxChange[] = [];
  for (const tx of Object.keys(map)) if (!Object.hasOwn(prev, tx) || prev[tx] !== map[tx]) out.push({ tx, now: map[tx] });
  for (const tx of Object.keys(prev)) if (!Object.hasOwn(map, tx)) out.push({ tx, now: undefined });
  return out;
}

/** Remembers each node's last state map and reports what changed, including entries a
 * restart lost (`now: undefined`). */
export class TxChanges {
  private readonly last = new Map<NodeId, Readonly<Record<TxId, string>>>();
  constructor(private readonly states: CommitStates) {}

  of(event: TraceEvent, nodes: ReadonlyMap<NodeId, NodeView>): { id: NodeId; role: string; changes: TxChange[] } | null {
    const id = event.node;
    const view = id === undefined ? undefined : nodes.get(id);
    if (!id || !view) return null;
    const map = this.states.mapOf(view.state);
    const prev = this.last.get(id);
    if (prev === map) return null;
    this.last.set(id, map);
    return { id, role: view.role, changes: prev ? txStateChanges(prev, map) : Object.keys(map).map((tx) => ({ tx, now: map[tx] })) };
  }
}

/** TCConsistent: no node commits a transaction another aborted. `counts`: the roles judged. */
export function consistencyCheck(states: CommitStates, counts: (role: string) => boolean = () => true): InvariantCheck {
  const seen = new TxChanges(states);
  const first = new Map<string, Map<TxId, NodeId>>([
    [states.committed, new Map()],
    [states.aborted, new Map()],
  ]);
  return ({ event, nodes }) => {
    const t = seen.of(event, nodes);
    if (!t || !counts(t.role)) return null;
    for (const { tx, now } of t.changes) {
      const mine = now === undefined ? undefined : first.get(now);
      if (!mine) continue;
      if (!mine.has(tx)) mine.set(tx, t.id);
      const other = first.get(now === states.committed ? states.aborted : states.committed)!.get(tx);
      if (other !== undefined && other !== t.id) {
        const [c, a] = now === states.committed ? [t.id, other] : [other, t.id];
        return { message: `${tx}: ${c} committed and ${a} aborted`, nodes: [c, a] };
      }
    }
    return null;
  };
}

/** A node commits only after every participant (every node but the first) voted yes: reached
 * one of `votedYes`. `vote` names the vote in the message ("prepared", "voted yes"). */
export function commitNeedsAllCheck(states: CommitStates, cfg: ProtocolConfig, votedYes: readonly string[], vote: string): InvariantCheck {
  const seen = new TxChanges(states);
  const participants = cfg.nodes.slice(1);
  const voted = new Map<TxId, Set<NodeId>>();
  return ({ event, nodes }) => {
    const t = seen.of(event, nodes);
    if (!t) return null;
    for (const { tx, now } of t.changes) {
      if (now === states.committed) {
        const have = voted.get(tx) ?? new Set<NodeId>();
        const missing = participants.filter((p) => !have.has(p));
        if (missing.length > 0) return { message: `${t.id} committed ${tx} before ${missing.join(', ')} ${vote}`, nodes: [t.id, ...missing] };
      }
      if (t.role === 'participant' && now !== undefined && votedYes.includes(now)) {
        if (!voted.has(tx)) voted.set(tx, new Set());
        voted.get(tx)!.add(t.id);
      }
    }
    return null;
  };
}

/** Once committed or aborted, a node's transaction never changes or is forgotten. */
export function decisionsFinalCheck(states: CommitStates, message: (id: NodeId, first: string, tx: TxId, now: string | undefined) => string): InvariantCheck {
  const seen = new TxChanges(states);
  const decided = new Map<string, string>();
  return ({ event, nodes }): InvariantFailure | null => {
    const t = seen.of(event, nodes);
    if (!t) return null;
    for (const { tx, now } of t.changes) {
      const key = `${t.id}|${tx}`;
      const first = decided.get(key);
      if (first !== undefined && now !== first) return { message: message(t.id, first, tx, now), nodes: [t.id] };
      if (first === undefined && (now === states.committed || now === states.aborted)) decided.set(key, now);
    }
    return null;
  };
}
