/** Runs a protocol's invariants after every event. Each invariant reports its first violation
 * only: after that its history is already broken, and repeating it would drown the rest. */
import type { InvariantCheck, ProtocolConfig, ProtocolModule } from '../protocols/types';
import type { NodeId, NodeView, TraceEvent, Violation } from '../sim/types';

export type InvariantRunner = (event: TraceEvent, nodes: ReadonlyMap<NodeId, NodeView>) => Violation[];

export function invariantRunner(module: ProtocolModule, cfg: ProtocolConfig): InvariantRunner {
  const live: { id: string; everyEvent: boolean; check: InvariantCheck }[] = module.invariants.map((inv) => ({
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
    for (const { id, everyEvent, check } of live) {
      if (broken.has(id) || (!changed && !everyEvent)) continue;
      const failure = check({ event, nodes });
      if (failure) {
        broken.add(id);
        (found ??= []).push({ seq: event.seq, invariant: id, message: failure.message, ...(failure.nodes ? { nodes: failure.nodes } : {}) });
      }
    }
    return found ?? [];
  };
}
