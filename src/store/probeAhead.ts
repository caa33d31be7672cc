/**
 * Looking ahead for a violation or a fault without recording it into the run (walk-through
 * item 3): V in free play with nothing to find must not stretch the user's run to the search's
 * horizon (its step count and the timeline's axis). A branch of the run searches instead
 * (`Simulation.branch`): its world restored from the run's last checkpoint, its invariants
 * brought to the head by feeding them the recorded events (`check/replay.ts`), so nothing
 * before the head is simulated again. When it finds something, the run takes in the branch's
 * events (`Simulation.adopt`) instead of recording them a second time. Pressed again, the
 * search goes on from where it stopped.
 */
import type { Simulation } from '../sim/simulation';
import type { TraceEvent } from '../sim/types';
import { replayRunner } from '../check/replay';
import type { InvariantRunner } from '../check/invariants';
import type { NodeId, NodeView } from '../sim/types';

interface Probe {
  sim: Simulation;
  /** The run's script when branched: a run acted on is a new search. */
  actions: number;
}

const probes = new WeakMap<Simulation, Probe>();
/** The invariants a run had before it took in a branch, with the views they were shown and
 * the event count they had seen: the next branch feeds them only the events since. */
const spares = new WeakMap<Simulation, { check: InvariantRunner; views: ReadonlyMap<NodeId, NodeView>; at: number }>();

/** Work done by searches ahead, for the bench and tests: events simulated (the branch's world
 * catching up from a checkpoint, and the search itself), recorded events fed to invariants. */
export const probeWork = { simulated: 0, replayed: 0 };

export type Found = { found: true; adopted: boolean } | { found: false; time: number; done: boolean };

function branchOf(run: Simulation): Probe {
  const head = run.eventCount;
  const spare = spares.get(run);
  spares.delete(run);
  const from = spare && spare.at <= head ? spare : undefined;
  const replayed = replayRunner(run.module, { nodes: run.scenario.nodes, params: run.scenario.params }, run.events, head, from);
  probeWork.replayed += head - (from?.at ?? 0);
  // What the restored world steps to reach the head: at most a checkpoint's interval.
  probeWork.simulated += head - run.lastCheckpoint;
  const sim = run.branch(replayed.check);
  return { sim, actions: run.scenario.actions.length };
}

/** Searches up to `budget` events past the run's head (and past where the last search stopped)
 * for an event `stop` accepts; the run is untouched unless something is found. Found, the run
 * has recorded up to it when `adopted`; otherwise (the branch had gone past it in an earlier
 * search for something else) the caller records the run up to it. */
export function probeAhead(run: Simulation, stop: (ev: TraceEvent, violated: boolean) => boolean, budget: number): Found {
  const head = run.eventCount;
  let p = probes.get(run);
  // A branch from an older head still holds the run's future as long as the script is the
  // same and the run has not passed it.
  if (!p || p.actions !== run.scenario.actions.length || p.sim.eventCount < head || (p.sim.events[0]?.seq ?? head) > head) {
    p = branchOf(run);
    probes.set(run, p);
  }
  const { sim } = p;
  // What an earlier search already ran through (looking for something else): read, not run.
  let v = 0;
  for (const ev of sim.events) {
    if (ev.seq < head) continue;
    while (v < sim.violations.length && sim.violations[v]!.seq < ev.seq) v++;
    if (stop(ev, v < sim.violations.length && sim.violations[v]!.seq === ev.seq)) return settle(run, ev.seq === sim.eventCount - 1);
  }
  for (let i = 0; i < budget; i++) {
    const seen = sim.violations.length;
    const ev = sim.step();
    if (!ev) break;
    probeWork.simulated++;
    if (stop(ev, sim.violations.length > seen)) return settle(run, true);
  }
  return { found: false, time: sim.current.time, done: sim.done };
}

/** Found: the branch joins the run when it ends at the find; either way it is spent. */
function settle(run: Simulation, atEnd: boolean): Found {
  const p = probes.get(run)!;
  probes.delete(run);
  if (atEnd) {
    const old = run.adopt(p.sim);
    if (old.check) spares.set(run, { check: old.check, views: old.views, at: old.at });
  }
  return { found: true, adopted: atEnd };
}
