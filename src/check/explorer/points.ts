/**
 * Protocol fault points (`explore.faults`): faults the protocol proposes after an event,
 * at places random timing almost never hits (a crash between two persistence steps, a pause
 * between a lock check and the write it guards). The triggered strategy fires each with a coin
 * flip, within the run's fault budget, and schedules its heal, so the run replays from its
 * scenario alone. Generic: the explorer knows nothing of what the point means.
 */
import type { ProtocolFault, ProtocolModule } from '../../protocols/types';
import type { Rng } from '../../sim/rng';
import type { Simulation } from '../../sim/simulation';
import type { TraceEvent } from '../../sim/types';
import { scheduleAction } from './run';

/** Chance that a proposed point fires: high, since the protocol proposes few and precise ones. */
const FIRE = 0.5;

/** Fires the protocol's points for `ev`; returns how much of the budget they used. */
export function firePoints(module: ProtocolModule, sim: Simulation, ev: TraceEvent, rng: Rng, budget: number): number {
  const propose = module.explore?.faults;
  if (!propose || budget <= 0) return 0;
  let used = 0;
  for (const p of propose(ev, sim.current.views, { nodes: sim.scenario.nodes, params: sim.scenario.params })) {
    if (used >= budget || !rng.chance(FIRE)) continue;
    used++;
    fire(sim, p, ev.time + rng.int(p.heal[0], Math.max(p.heal[0], p.heal[1])));
  }
  return used;
}

function fire(sim: Simulation, p: ProtocolFault, healAt: number): void {
  if (p.fault === 'cut') {
    sim.append({ do: 'cut', from: p.from, to: p.to });
    scheduleAction(sim, { at: healAt, do: 'heal' });
    return;
  }
  const view = sim.current.views.get(p.node);
  if (!view?.up || (p.fault === 'pause' && view.paused)) return;
  sim.append({ do: p.fault, node: p.node });
  scheduleAction(sim, { at: healAt, do: p.fault === 'crash' ? 'restart' : 'resume', node: p.node });
}
