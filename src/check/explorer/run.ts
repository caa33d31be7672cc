/**
 * One explorer run: no trace, no checkpoints; invariants after every event, the protocol's
 * abstraction after every event that changed a node, and (triggered strategy) faults fired at
 * protocol events, written into the run's scenario so the run replays from it alone.
 */
import type { ProtocolModule } from '../../protocols/types';
import type { Action } from '../../scenario/types';
import { Rng, hashString } from '../../sim/rng';
import { Simulation } from '../../sim/simulation';
import { ScenarioRuntimeError } from '../../sim/world';
import type { NodeView, TraceEvent } from '../../sim/types';
import type { Novel, RunResult, RunSpec, Triggers } from './types';
import { dropSent, firePoints } from './points';

/** Novel states reported per run: enough to branch from, few enough to send cheaply. */
const MAX_NOVEL = 12;

/** At most this many of the protocol's own faults per triggered run (see `executeRun`). */
const OWN_BUDGET = 6;

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

/** The fault point an event marks: the protocol's own, else a generic one (a send to several
 * peers, which fires ten times less often since heartbeats are such sends; a role change). */
function pointOf(module: ProtocolModule, ev: TraceEvent, before: NodeView | undefined, nodes: ReadonlyMap<string, NodeView>): { name: string; scale: number } | undefined {
  const hook = module.explore?.faultPoint;
  if (hook) {
    const name = hook(ev, before, nodes);
    return name === undefined ? undefined : { name, scale: 1 };
  }
  const view = nodes.get(ev.node!);
  if (ev.sent !== undefined && ev.sent.length >= 2) return { name: 'send-many', scale: 0.1 };
  if (before && view && before.state.role !== view.state.role) return { name: 'role-change', scale: 1 };
  return undefined;
}

/** What a fault point does when it fires, drawn once per run and point: a deep bug needs the
 * same move at the same point more than once (Figure 8 cuts two leaders' broadcasts short). */
interface Move {
  /** Messages of the event to keep (the rest are dropped), or undefined to drop none. */
  keep?: number;
  crash: boolean;
  long: boolean;
}

function drawMove(rng: Rng, majority: number): Move {
  const partial = rng.chance(0.6);
  return {
    ...(partial ? { keep: Math.max(0, rng.pick([0, majority - 2, majority - 1])) } : {}),
    crash: !partial || rng.chance(0.8),
    long: rng.chance(0.5),
  };
}

/** The triggered fault at a point that fired: drop all but a quorum-boundary number of the
 * messages the event sent (FoundationDB's "exactly minimal quorum"), crash the node, or both;
 * the node restarts after a short or a long downtime. */
function fire(sim: Simulation, ev: TraceEvent, t: Triggers, rng: Rng, move: Move): void {
  const node = ev.node!;
  const sent = ev.sent ? ev.sent.filter((m) => m.to !== node) : [];
  if (move.keep !== undefined) dropSent(sim, ev, move.keep, rng);
  if (move.crash || sent.length <= (move.keep ?? 0)) {
    sim.append({ do: 'crash', node });
    const down = move.long ? t.longFor : t.downFor;
    scheduleAction(sim, { at: ev.time + rng.int(down[0], down[1]), do: 'restart', node });
  }
}

/** A prefix to branch from: the actions applied so far, and the heals still to come of faults
 * in force (a crashed node's restart, a partition's heal, a paused node's resume). Without them
 * a branch taken between a crash and its restart keeps the node down for good, and a bug whose
 * later stages need the node back (Figure 8's last leader) cannot be reached by branching. */
function prefixOf(sim: Simulation): Action[] {
  const actions = sim.scenario.actions;
  const i = sim.current.actionIndex;
  const out = actions.slice(0, i);
  const down = new Set<string>();
  const paused = new Set<string>();
  for (const v of sim.current.views.values()) {
    if (!v.up) down.add(v.id);
    if (v.paused) paused.add(v.id);
  }
  let split = false;
  for (let k = i - 1; k >= 0; k--) {
    const d = actions[k]!.do;
    if (d === 'heal') break;
    if (d === 'partition' || d === 'cut') split = true;
  }
  for (let k = i; k < actions.length; k++) {
    const a = actions[k]!;
    const node = (a as { node?: string }).node;
    if (a.do === 'restart' && node !== undefined && down.delete(node)) out.push(a);
    else if (a.do === 'resume' && node !== undefined && paused.delete(node)) out.push(a);
    else if (a.do === 'heal' && split) {
      split = false;
      out.push(a);
    }
  }
  return out;
}

/** `onEnd` sees the simulation when the run ends (tests count what runs exercised). */
export function executeRun(module: ProtocolModule, spec: RunSpec, known: ReadonlySet<string>, onEnd?: (sim: Simulation) => void): RunResult {
  const sim = new Simulation(module, spec.scenario, { record: false, checkpointEvery: 0 });
  const abstract = module.explore?.abstract;
  const rng = Rng.fromSeed(spec.seed);
  const t = spec.triggers;
  let budget = t?.budget ?? 0;
  // The protocol's own faults (`explore.faults`) have a budget of their own, the largest depth
  // the triggered strategy draws: the protocol proposes them only where its stories need them,
  // so a story of three (Figure 8's stages) must not fail because the run drew a depth of 1 or 2
  // for its faults at generic points, nor because those spent it first. Runs to find Figure 8,
  // explorer seeds 1-10: median 89 with one shared budget, 29 with two.
  let own = t ? OWN_BUDGET : 0;
  const majority = Math.floor(spec.scenario.nodes.length / 2) + 1;
  const novel: Novel[] = [];
  const local = new Set<string>();
  const lastView = new Map<string, NodeView>();
  const resent = new WeakSet<object>();
  // BUGGIFY's activation: whether a point is on in this run, and what it does, depend on the
  // run and the point's name only, not on the order in which points are met.
  const moves = new Map<string, Move | null>();
  const moveAt = (name: string): Move | null => {
    let m = moves.get(name);
    if (m === undefined) {
      const r = Rng.fromSeed((hashString(name) ^ spec.seed) >>> 0);
      moves.set(name, (m = r.chance(t!.active) ? drawMove(r, majority) : null));
    }
    return m;
  };
  try {
    for (;;) {
      const ev = sim.step();
      if (!ev) break;
      if (sim.violations.length > 0) {
        const v = sim.violations[0]!;
        const scenario = { ...sim.scenario, actions: sim.scenario.actions.filter((a) => a.at <= ev.time), until: ev.time + 1 };
        onEnd?.(sim);
        return { index: spec.index, strategy: spec.strategy, events: sim.eventCount, novel, violation: { invariant: v.invariant, message: v.message, seq: v.seq, scenario } };
      }
      const node = ev.node;
      if (node === undefined) continue;
      followHint(sim, ev, resent);
      if (t && own > 0 && ev.time >= spec.from) own -= firePoints(module, sim, ev, rng, own, lastView.get(node));
      const views = sim.current.views;
      const view = views.get(node);
      const before = lastView.get(node);
      if (!view || before === view) continue;
      lastView.set(node, view);
      let fresh = false;
      if (abstract && (t || novel.length < MAX_NOVEL)) {
        const a = abstract(views);
        fresh = !known.has(a);
        if (fresh && !local.has(a) && novel.length < MAX_NOVEL) {
          local.add(a);
          novel.push({ abstract: a, time: ev.time, node, step: sim.eventCount, sent: ev.sent ? ev.sent.filter((m) => m.to !== node).map((m) => m.id) : [], actions: prefixOf(sim) });
        }
      }
      if (!t || budget <= 0 || ev.time < spec.from || !view.up) continue;
      const point = pointOf(module, ev, before, views);
      const move = point && moveAt(point.name);
      // A point met in a state the search has not seen fires more often: a novel state is where
      // the next stage of a deep bug starts (novelty on the abstraction, as in Antithesis).
      if (move && rng.chance(Math.min(1, t.rate * point.scale * (fresh ? 4 : 1)))) {
        budget--;
        fire(sim, ev, t, rng, move);
      }
    }
  } catch (e) {
    // A livelock ends the run; it is not a safety violation.
    if (!(e instanceof ScenarioRuntimeError)) throw e;
  }
  onEnd?.(sim);
  return { index: spec.index, strategy: spec.strategy, events: sim.eventCount, novel };
}

/** Runs contiguous specs in order and stops after the first that breaks an invariant: the search
 * keeps the lowest failing run and drops every result after it, so the rest of the batch would
 * change nothing but the time to find (a find at run 13 no longer waits for runs 14-31). */
export function runUntilViolation(specs: readonly RunSpec[], run: (spec: RunSpec) => RunResult): RunResult[] {
  const out: RunResult[] = [];
  for (const s of specs) {
    const r = run(s);
    out.push(r);
    if (r.violation) break;
  }
  return out;
}
