/**
 * One explorer run: no trace, no checkpoints; invariants after every event, the protocol's
 * abstraction after every event that changed a node, and (triggered strategy) faults fired at
 * protocol events, written into the run's scenario so the run replays from it alone.
 */
import type { ProtocolModule } from '../../protocols/types';
import type { Action } from '../../scenario/types';
import { Rng } from '../../sim/rng';
import { Simulation } from '../../sim/simulation';
import { ScenarioRuntimeError } from '../../sim/world';
import type { NodeView, TraceEvent } from '../../sim/types';
import type { Novel, RunResult, RunSpec } from './types';
import { firePoints } from './points';

/** Novel states reported per run: enough to branch from, few enough to send cheaply. */
const MAX_NOVEL = 12;

/** Puts an action among the scenario's future actions, in time order. */
export function scheduleAction(sim: Simulation, action: Action): void {
  const actions = sim.scenario.actions;
  let i = sim.current.actionIndex;
  while (i < actions.length && actions[i]!.at <= action.at) i++;
  actions.splice(i, 0, action);
  if (action.at > sim.scenario.until) sim.scenario.until = action.at;
}

/** A client that follows leader hints: a command answered with `{ leaderHint }` (Raft's
 * redirect) is sent again to the hinted node, once, as a real client would. Without this most
 * of a run's requests land on followers and do nothing. */
function followHint(sim: Simulation, ev: TraceEvent, resent: WeakSet<object>): void {
  if (ev.kind !== 'command' || ev.action === undefined || !ev.output) return;
  const action = sim.scenario.actions[ev.action];
  // A resent command is not resent again: stale hints could bounce it forever.
  if (!action || resent.has(action)) return;
  for (const o of ev.output) {
    const hint = (o as { leaderHint?: unknown } | null)?.leaderHint;
    if (typeof hint === 'string' && hint !== ev.node) {
      const { at: _a, step: _s, ...rest } = action as unknown as Record<string, unknown>;
      resent.add(sim.append({ ...rest, node: hint } as never));
      return;
    }
  }
}

export function executeRun(module: ProtocolModule, spec: RunSpec, known: ReadonlySet<string>): RunResult {
  const sim = new Simulation(module, spec.scenario, { record: false, checkpointEvery: 0 });
  const abstract = module.explore?.abstract;
  const rng = Rng.fromSeed(spec.seed);
  const t = spec.triggers;
  let budget = t?.budget ?? 0;
  const majority = Math.floor(spec.scenario.nodes.length / 2) + 1;
  const novel: Novel[] = [];
  const local = new Set<string>();
  const lastView = new Map<string, NodeView>();
  const lastRole = new Map<string, unknown>();
  const resent = new WeakSet<object>();
  try {
    for (;;) {
      const ev = sim.step();
      if (!ev) break;
      if (sim.violations.length > 0) {
        const v = sim.violations[0]!;
        const scenario = { ...sim.scenario, actions: sim.scenario.actions.filter((a) => a.at <= ev.time), until: ev.time + 1 };
        return { index: spec.index, strategy: spec.strategy, events: sim.eventCount, novel, violation: { invariant: v.invariant, message: v.message, seq: v.seq, scenario } };
      }
      const node = ev.node;
      if (node === undefined) continue;
      followHint(sim, ev, resent);
      if (t && budget > 0 && ev.time >= spec.from) budget -= firePoints(module, sim, ev, rng, budget);
      const view = sim.current.views.get(node);
      if (!view || lastView.get(node) === view) continue;
      lastView.set(node, view);
      if (abstract && novel.length < MAX_NOVEL) {
        const a = abstract(sim.current.views);
        if (!known.has(a) && !local.has(a)) {
          local.add(a);
          novel.push({ abstract: a, time: ev.time, actions: sim.scenario.actions.slice(0, sim.current.actionIndex) });
        }
      }
      if (!t || budget <= 0 || ev.time < spec.from) continue;
      const role = view.state.role;
      const roleChanged = lastRole.has(node) && lastRole.get(node) !== role;
      lastRole.set(node, role);
      const broadcast = ev.sent !== undefined && ev.sent.length >= 2 && view.up;
      if (broadcast && rng.chance(t.rate)) {
        budget--;
        // Crash the sender right after it reached exactly a quorum-boundary number of peers.
        const keep = Math.max(0, majority - 1 - rng.int(0, 1));
        const sent = ev.sent!.filter((m) => m.to !== node);
        for (const m of sent.slice(keep)) sim.append({ do: 'drop', message: m.id });
        if (rng.chance(0.7)) {
          sim.append({ do: 'crash', node });
          scheduleAction(sim, { at: ev.time + rng.int(t.downFor[0], t.downFor[1]), do: 'restart', node });
        }
      } else if (roleChanged && view.up && rng.chance(Math.min(1, t.rate * 10))) {
        budget--;
        sim.append({ do: 'crash', node });
        scheduleAction(sim, { at: ev.time + rng.int(t.downFor[0], t.downFor[1]), do: 'restart', node });
      }
    }
  } catch (e) {
    // A livelock ends the run; it is not a safety violation.
    if (!(e instanceof ScenarioRuntimeError)) throw e;
  }
  return { index: spec.index, strategy: spec.strategy, events: sim.eventCount, novel };
}
