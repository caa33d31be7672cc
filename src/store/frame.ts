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

export function computeFrame(sim: Simulation, world: World, step: number, time: number): Frame {
  const { nodes } = sim.scenario;
  const events = sim.events;
  const lost: LostView[] = [];
  for (let i = step - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.time < time - LOST_LINGER) break;
    if (e.kind === 'lost' && e.message) lost.push({ message: e.message, reason: e.reason ?? 'lost', at: e.time });
  }
  return {
    time,
    step,
    head: sim.eventCount,
    finished: step === sim.eventCount && sim.done,
    mode: world.mode,
    nodes: nodes.map((id) => ({ ...world.views.get(id)!, timers: world.pendingTimers(id), rate: world.rateOf(id) })),
    inFlight: world.inFlight().map((message) => ({ message, blocked: world.blocked(message.from, message.to) })),
    lost,
    partition: groupsOf(world, nodes),
    cuts: [...world.networkState().cuts].map((k) => k.split('>') as [NodeId, NodeId]),
    enabled: world.mode === 'manual' ? world.enabled() : [],
    violations: sim.violations.filter((v) => v.seq < step),
    event: step > 0 ? (events[step - 1] ?? null) : null,
  };
}
