/**
 * Looking ahead for a violation or a fault without recording it into the run (walk-through
 * item 3): V in free play with nothing to find must not stretch the user's run to the search's
 * horizon (its step count and the timeline's axis). A scratch copy of the run, replayed from its
 * scenario (deterministic: the same events), searches instead; only when it finds something is
 * the run itself recorded up to there. Pressed again, the search goes on from where it stopped.
 */
import { Simulation } from '../sim/simulation';
import type { TraceEvent } from '../sim/types';

interface Probe {
  sim: Simulation;
  /** The run the probe copies, as it was: a run recorded further or acted on is a new search. */
  head: number;
  actions: number;
}

const probes = new WeakMap<Simulation, Probe>();

export type Found = { found: true } | { found: false; time: number; done: boolean };

/** Searches up to `budget` events past the run's head (and past where the last search stopped)
 * for an event `stop` accepts; the run itself is untouched. */
export function probeAhead(run: Simulation, stop: (ev: TraceEvent, violated: boolean) => boolean, budget: number): Found {
  let p = probes.get(run);
  if (!p || p.head !== run.eventCount || p.actions !== run.scenario.actions.length) {
    p = { sim: new Simulation(run.module, run.scenario, { checkpointEvery: 0 }), head: run.eventCount, actions: run.scenario.actions.length };
    probes.set(run, p);
    // Catch up with the run (its own events, no search there).
    while (p.sim.eventCount < run.eventCount && p.sim.step());
  }
  const { sim } = p;
  for (let i = 0; i < budget; i++) {
    const seen = sim.violations.length;
    const ev = sim.step();
    if (!ev) break;
    if (stop(ev, sim.violations.length > seen)) {
      probes.delete(run);
      return { found: true };
    }
  }
  return { found: false, time: sim.current.time, done: sim.done };
}
