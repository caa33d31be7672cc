/** Runs a protocol's invariants after every event. Each invariant reports its first violation
 * only: after that its history is already broken, and repeating it would drown the rest. */
import type { Invariant, InvariantCheck, ProtocolConfig, ProtocolModule } from '../protocols/types';
import { historyInvariants } from './linearizability/invariant';
import type { NodeId, NodeView, TraceEvent, Violation } from '../sim/types';

export type InvariantRunner = (event: TraceEvent, nodes: ReadonlyMap<NodeId, NodeView>) => readonly Violation[];

export function invariantRunner(module: ProtocolModule, cfg: ProtocolConfig): InvariantRunner {
  const live: { id: string; everyEvent: boolean; check: InvariantCheck }[] = invariantsOf(module).map((inv) => ({
    id: inv.id,
    everyEvent: inv.everyEvent === true,
    check: inv.create(cfg),
  }));
  const broken = new Set<string>();
  const seen = new Map<NodeId, NodeView>();
  return (event, nodes) => {
    // Views are replaced only when they change, so identity tells whether anything did.
    const view = event.node === undefined ? undefined : nodes.get(event.node);
    const changed = view !== undefined && seen.get(event.node!) !== view;
    if (changed) seen.set(event.node!, view);
    let found: Violation[] | undefined;
    // One argument object per event, not per invariant: this runs for every event.
    let args: { event: TraceEvent; nodes: ReadonlyMap<NodeId, NodeView> } | undefined;
    for (const { id, everyEvent, check } of live) {
      if (broken.has(id) || (!changed && !everyEvent)) continue;
      const failure = check((args ??= { event, nodes }));
      if (failure) {
        broken.add(id);
        (found ??= []).push({ seq: event.seq, invariant: id, message: failure.message, ...(failure.nodes ? { nodes: failure.nodes } : {}) });
      }
    }
    return found ?? NONE;
  };
}

/** What most events find: shared, so checking allocates nothing when nothing is wrong. */
const NONE: readonly Violation[] = [];

/** Every invariant a run of this protocol is checked against: its own, plus the client-history
 * checks any protocol with a `clientHistory` hook gets (linearizability). */
export function invariantsOf(module: ProtocolModule): Invariant[] {
  let all = memo.get(module);
  if (!all) {
    const extra = historyInvariants(module);
    all = extra.length === 0 ? module.invariants : [...module.invariants, ...extra];
    memo.set(module, all);
  }
  return all;
}
const memo = new WeakMap<ProtocolModule, Invariant[]>();
