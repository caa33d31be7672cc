/**
 * An invariant runner brought to a recorded run's head without simulating it again (issue 17
 * item 4: V searches ahead on a copy of the run). The invariants' ghost history lives in their
 * closures, which no checkpoint can copy; but it is a function of what the checks were shown,
 * and the recorded events show it: each event's node view (its state, up and paused) after
 * the event, rebuilt here as the world had it.
 *
 * Exactly as the live run: every node has a view from the start (the world starts all nodes
 * before the first event, so the start events' states are all in place from event 0), a view
 * is replaced only when the event changed it (the runner reads "changed" by identity), and
 * an event that did nothing (`reason`) changes nothing.
 */
import type { ProtocolConfig, ProtocolModule } from '../protocols/types';
import type { NodeId, NodeView, TraceEvent } from '../sim/types';
import { invariantRunner, type InvariantRunner } from './invariants';

export interface Replayed {
  check: InvariantRunner;
  /** The views after the last event fed (the runner has seen these objects). */
  views: Map<NodeId, NodeView>;
}

/** A runner fed `events[0 … upTo)`: a fresh one, or `from`, a runner of the same run already
 * fed `events[0 … from.at)` with the views it was shown then. The violations found on the way
 * are the run's own, already recorded, and are dropped. */
export function replayRunner(module: ProtocolModule, cfg: ProtocolConfig, events: readonly TraceEvent[], upTo: number, from?: { check: InvariantRunner; views: ReadonlyMap<NodeId, NodeView>; at: number }): Replayed {
  if (from) {
    const views = new Map(from.views);
    for (let i = from.at; i < upTo; i++) feed(from.check, views, events[i]!);
    return { check: from.check, views };
  }
  const { nodes } = cfg;
  const roles = module.roles(cfg);
  const check = invariantRunner(module, cfg);
  const views = new Map<NodeId, NodeView>();
  for (const id of nodes) views.set(id, { id, role: roles[id] ?? '?', up: true, paused: false, state: {} });
  // The world runs every node's start before the first event is taken.
  for (let i = 0; i < Math.min(upTo, nodes.length); i++) {
    const ev = events[i]!;
    if (ev.kind === 'start' && ev.node !== undefined && ev.state !== undefined) views.set(ev.node, { ...views.get(ev.node)!, state: ev.state });
  }
  for (let i = 0; i < upTo; i++) feed(check, views, events[i]!);
  return { check, views };
}

function feed(check: InvariantRunner, views: Map<NodeId, NodeView>, ev: TraceEvent): void {
  if (ev.node !== undefined && ev.kind !== 'start') apply(views, ev);
  check(ev, views);
}

/** The node's view after `ev`, replaced only if something in it changed. */
function apply(views: Map<NodeId, NodeView>, ev: TraceEvent): void {
  const prev = views.get(ev.node!);
  if (!prev || ev.reason) return;
  let { up, paused } = prev;
  if (ev.kind === 'crash') [up, paused] = [false, false];
  else if (ev.kind === 'restart') up = true;
  else if (ev.kind === 'pause') paused = true;
  else if (ev.kind === 'resume') paused = false;
  const state = ev.state ?? prev.state;
  if (state === prev.state && up === prev.up && paused === prev.paused) return;
  views.set(ev.node!, { id: prev.id, role: prev.role, up, paused, state });
}
