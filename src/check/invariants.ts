/** Runs a protocol's invariants after every event. Each invariant reports its first violation
 * only: after that its history is already broken, and repeating it would drown the rest. */
import type { InvariantCheck, ProtocolConfig, ProtocolModule } from '../protocols/types';
import type { NodeId, NodeView, TraceEvent, Violation } from '../sim/types';

export type InvariantRunner = (event: TraceEvent, nodes: ReadonlyMap<NodeId, NodeView>) => Violation[];

export function invariantRunner(module: ProtocolModule, cfg: ProtocolConfig): InvariantRunner {
  const live: { id: string; check: InvariantCheck }[] = module.invariants.map((inv) => ({ id: inv.id, check: inv.create(cfg) }));
  const broken = new Set<string>();
  return (event, nodes) => {
    let found: Violation[] | undefined;
    for (const { id, check } of live) {
      if (broken.has(id)) continue;
      const failure = check({ event, nodes });
      if (failure) {
        broken.add(id);
        (found ??= []).push({ seq: event.seq, invariant: id, message: failure.message, ...(failure.nodes ? { nodes: failure.nodes } : {}) });
      }
    }
    return found ?? [];
  };
}
