/**
 * Re-checks a recorded trace: runs the invariants over its events alone (so a trace from any
 * source is judged on what it shows), and replays its scenario to confirm the trace is the run
 * the scenario gives.
 */
import type { ProtocolModule } from '../protocols/types';
import type { NodeId, NodeView, Trace, Violation } from '../sim/types';
import { Simulation } from '../sim/simulation';
import { invariantRunner } from './invariants';

export function recheckInvariants(module: ProtocolModule, trace: Trace): Violation[] {
  const { scenario } = trace;
  const cfg = { nodes: scenario.nodes, params: scenario.params };
  const roles = module.roles(cfg);
  const check = invariantRunner(module, cfg);
  const nodes = new Map<NodeId, NodeView>();
  const found: Violation[] = [];
  for (const ev of trace.events) {
    if (ev.node !== undefined) {
      const prev = nodes.get(ev.node) ?? { id: ev.node, role: roles[ev.node] ?? '?', up: true, paused: false, state: {} };
      const next: NodeView = { ...prev, state: ev.state ?? prev.state };
      if (!ev.reason) {
        if (ev.kind === 'crash') Object.assign(next, { up: false, paused: false });
        if (ev.kind === 'restart' || ev.kind === 'start') next.up = true;
        if (ev.kind === 'pause') next.paused = true;
        if (ev.kind === 'resume') next.paused = false;
      }
      nodes.set(ev.node, next);
    }
    found.push(...check(ev, nodes));
  }
  return found;
}

/**
 * The first event where the trace and a fresh replay of its scenario differ, or null. A trace
 * that stops early (the app exports a run up to its cursor) is a prefix: that is no difference.
 */
export function firstDivergence(module: ProtocolModule, trace: Trace): { seq: number; expected: string; found: string } | null {
  const sim = new Simulation(module, trace.scenario, { invariants: false, checkpointEvery: 0 });
  for (let i = 0; ; i++) {
    const recorded = trace.events[i];
    if (!recorded) return null;
    const ev = sim.step();
    const expected = ev ? JSON.stringify(ev) : 'the end of the run';
    const found = recorded ? JSON.stringify(recorded) : 'the end of the trace';
    if (expected !== found) return { seq: i, expected, found };
  }
}
