/**
 * A frame: everything the views draw at the cursor, derived from the world there. Views read
 * frames; they never touch the world or the machines.
 */
import type { Message, NodeId, NodeView, TraceEvent, Violation } from '../sim/types';
import type { Enabled, World } from '../sim/world';
import type { Simulation } from '../sim/simulation';

/** How long (simulated ms) a lost message stays on screen after it should have arrived. */
export const LOST_LINGER = 40;

export interface TimerView {
  name: string;
  set: number;
  due: number;
}
export interface NodeFrame extends NodeView {
  timers: TimerView[];
  /** Clock-skew rate; 1 when unskewed. */
  rate: number;
}
export interface FlightView {
  message: Message;
  /** The network will lose it: it flies to the wall and stops there. */
  blocked: 'partition' | 'cut' | null;
}
export interface LostView {
  message: Message;
  reason: string;
  /** When it was lost (its arrival time). */
  at: number;
}

export interface Frame {
  /** Cursor time, in simulated ms (between events while playing). */
  time: number;
  /** Events applied at the cursor. */
  step: number;
  /** Events recorded so far (the head of the run). */
  head: number;
  finished: boolean;
  /** Acting at the cursor would drop recorded actions (scripted or the user's) after it. */
  dropsActions: boolean;
  mode: 'auto' | 'manual';
  nodes: NodeFrame[];
  inFlight: FlightView[];
  lost: LostView[];
  /** Partition groups in force (unlisted nodes shown as their own group), or null. */
  partition: NodeId[][] | null;
  cuts: [NodeId, NodeId][];
  enabled: Enabled[];
  /** Violations found up to the cursor. */
  violations: Violation[];
  /** The last event applied at the cursor. */
  event: TraceEvent | null;
}

function groupsOf(world: World, nodes: readonly NodeId[]): NodeId[][] | null {
  const { groups } = world.networkState();
  if (!groups) return null;
  const out: NodeId[][] = [];
  const rest: NodeId[] = [];
  for (const n of nodes) {
    const g = groups.get(n);
    if (g === undefined) rest.push(n);
    else (out[g] ??= []).push(n);
  }
  if (rest.length) out.push(rest);
  return out.filter(Boolean);
}

/** What a frame was computed from, to tell which parts can be reused. */
interface Basis {
  world: World;
  eventCount: number;
  step: number;
}
const bases = new WeakMap<Frame, Basis>();

function sameTimers(a: readonly TimerView[], b: readonly TimerView[]): boolean {
  return a.length === b.length && a.every((t, i) => t.name === b[i]!.name && t.set === b[i]!.set && t.due === b[i]!.due);
}

/**
 * The frame at the cursor. Parts that did not change since `prev` are the same objects, so
 * views with narrow selectors skip re-rendering while time glides between events.
 */
export function computeFrame(sim: Simulation, world: World, step: number, time: number, prev?: Frame): Frame {
  const { nodes } = sim.scenario;
  const events = sim.events;
  const basis = prev ? bases.get(prev) : undefined;
  const sameWorld = !!basis && basis.world === world && basis.eventCount === world.eventCount && basis.step === step;

  let nodeFrames: NodeFrame[];
  if (sameWorld) nodeFrames = prev!.nodes;
  else {
    let changed = !prev || prev.nodes.length !== nodes.length;
    nodeFrames = nodes.map((id, i) => {
      const view = world.views.get(id)!;
      const timers = world.pendingTimers(id);
      const rate = world.rateOf(id);
      const old = prev?.nodes[i];
      if (old && old.id === id && old.state === view.state && old.up === view.up && old.paused === view.paused && old.rate === rate && sameTimers(old.timers, timers)) return old;
      changed = true;
      return { ...view, timers, rate };
    });
    if (!changed) nodeFrames = prev!.nodes;
  }

  const lost: LostView[] = [];
  for (let i = step - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.time < time - LOST_LINGER) break;
    if (e.kind === 'lost' && e.message) lost.push({ message: e.message, reason: e.reason ?? 'lost', at: e.time });
  }
  const sameLost = !!prev && prev.lost.length === lost.length && prev.lost.every((l, i) => l.message === lost[i]!.message);
  const violations = sim.violations.filter((v) => v.seq < step);

  const frame: Frame = {
    time,
    step,
    head: sim.eventCount,
    // In the manual schedule the run waits for the user's next pick: it is never over. A run
    // whose events ran out early (a quiet 2PC) still has its clock to run to `until`.
    finished: world.mode === 'auto' && step === sim.eventCount && sim.done && time >= sim.scenario.until,
    dropsActions: world.actionIndex < sim.scenario.actions.length,
    mode: world.mode,
    nodes: nodeFrames,
    inFlight: sameWorld ? prev!.inFlight : world.inFlight().map((message) => ({ message, blocked: world.blocked(message.from, message.to) })),
    lost: sameLost ? prev!.lost : lost,
    partition: sameWorld ? prev!.partition : groupsOf(world, nodes),
    cuts: sameWorld ? prev!.cuts : [...world.networkState().cuts].map((k) => k.split('>') as [NodeId, NodeId]),
    enabled: sameWorld ? prev!.enabled : world.mode === 'manual' ? world.enabled() : [],
    violations: prev && prev.violations.length === violations.length ? prev.violations : violations,
    event: step > 0 ? (events[step - 1] ?? null) : null,
  };
  bases.set(frame, { world, eventCount: world.eventCount, step });
  return frame;
}
