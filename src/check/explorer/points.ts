/**
 * Protocol fault points (`explore.faults`): faults the protocol proposes after an event,
 * at places random timing almost never hits (a crash between two persistence steps, a pause
 * between a lock check and the write it guards). The triggered strategy fires each with a coin
 * flip, within a budget of their own (apart from the generic points' depth bound), and
 * schedules its heal, so the run replays from its scenario alone. Generic: the explorer knows
 * nothing of what the point means.
 */
import type { ProtocolFault, ProtocolModule } from '../../protocols/types';
import type { Rng } from '../../sim/rng';
import type { Simulation } from '../../sim/simulation';
import type { NodeView, TraceEvent } from '../../sim/types';
import { scheduleAction } from './run';

/** Chance that a proposed point fires unless the protocol says otherwise: high, since the
 * protocol proposes few and precise ones. */
const FIRE = 0.5;

/** Fires the protocol's points for `ev`; returns how much of the budget they used. */
export function firePoints(module: ProtocolModule, sim: Simulation, ev: TraceEvent, rng: Rng, budget: number, before?: NodeView): number {
  const propose = module.explore?.faults;
  if (!propose || budget <= 0) return 0;
  let used = 0;
  for (const p of propose(ev, sim.current.views, { nodes: sim.scenario.nodes, params: sim.scenario.params }, before)) {
    if (used >= budget || !rng.chance(p.chance ?? FIRE)) continue;
    used++;
    // Keeping none is a crash that loses its outbox: one action, and no message ids.
    if (p.fault !== 'cut' && p.keep !== undefined && !(p.fault === 'crash' && p.keep === 0)) dropSent(sim, ev, p.keep, rng);
    fire(sim, p, ev.time + rng.int(p.heal[0], Math.max(p.heal[0], p.heal[1])));
  }
  return used;
}

/** Drops all but `keep` of the messages the event sent to other nodes, chosen at random. */
export function dropSent(sim: Simulation, ev: TraceEvent, keep: number, rng: Rng): void {
  const sent = ev.sent ? ev.sent.filter((m) => m.to !== ev.node) : [];
  if (sent.length <= keep) return;
  const order = sent.map((m) => [rng.next(), m] as const).sort((a, b) => a[0] - b[0]);
  for (const [, m] of order.slice(keep)) sim.append({ do: 'drop', message: m.id });
}

function fire(sim: Simulation, p: ProtocolFault, healAt: number): void {
  if (p.fault === 'cut') {
    sim.append({ do: 'cut', from: p.from, to: p.to });
    scheduleAction(sim, { at: healAt, do: 'heal' });
    return;
  }
  const view = sim.current.views.get(p.node);
  if (!view?.up || (p.fault === 'pause' && view.paused)) return;
  sim.append(p.fault === 'crash' && p.keep === 0 ? { do: 'crash', node: p.node, loseOutbox: true } : { do: p.fault, node: p.node });
  scheduleAction(sim, { at: healAt, do: p.fault === 'crash' ? 'restart' : 'resume', node: p.node });
}
