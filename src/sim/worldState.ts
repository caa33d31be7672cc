/**
 * The world's state as data: queue items (arrivals, timer fires), timers, each node's runtime,
 * and the checkpoint that copies them. Split from `world.ts`, which steps them.
 */
import type { AnyMachineSnapshot, EventObject } from 'xstate';
import type { Message, NodeId, NodeView, TraceEvent } from './types';
import type { RngState } from './rng';
import type { NetworkState } from './network';

export interface Arrival {
  time: number;
  seq: number;
  kind: 'arrive';
  msg: Message;
  /** Lost to the link's drop rate, decided when sent. */
  dropped: boolean;
  /** Version 3: the message's causal key (sim/causal.ts); 0 before. */
  key: number;
}
export interface TimerFire {
  time: number;
  seq: number;
  kind: 'timer';
  node: NodeId;
  name: string;
  id: number;
}
export type Item = Arrival | TimerFire;

export interface Timer {
  id: number;
  due: number;
  /** When it was set: views draw its progress. */
  set: number;
  /** Event to deliver; `{ type: name }` when absent (XState `after` timers carry their own). */
  event?: EventObject;
  /** Version 3: the timer's causal key (sim/causal.ts); 0 before. */
  key: number;
}

export interface NodeRuntime {
  readonly id: NodeId;
  readonly role: string;
  snapshot: AnyMachineSnapshot;
  up: boolean;
  paused: boolean;
  /** Clock-skew rate: timers run `rate` times as fast as simulated time. */
  rate: number;
  timers: Map<string, Timer>;
  /** Items that came due while the node was paused, in order. */
  held: Item[];
  /** What survived the last crash. */
  disk: unknown;
  view: NodeView;
}

export interface Checkpoint {
  readonly time: number;
  readonly mode: 'auto' | 'manual';
  readonly eventCount: number;
  readonly queueSeq: number;
  readonly nextMessageId: number;
  readonly nextTimerId: number;
  readonly rng: RngState;
  /** Keyed-draw counters (version 2): messages sent per directed link, random timers per node. */
  readonly linkDraws: readonly number[];
  readonly timerDraws: readonly number[];
  readonly actionIndex: number;
  readonly queue: readonly Item[];
  /** The messages in flight in the order the world's map holds them (keyed by `msg.id`): an
   * array costs a fraction of a map's memory, and a run holds a thousand checkpoints. */
  readonly inflight: readonly Arrival[];
  readonly network: NetworkState;
  readonly nodes: readonly CheckpointNode[];
  readonly pending: readonly TraceEvent[];
}

/** A node's runtime in a checkpoint: its timers as entries, in the map's order. */
export type CheckpointNode = Readonly<Omit<NodeRuntime, 'timers' | 'held'>> & { readonly timers: readonly (readonly [string, Timer])[]; readonly held: readonly Item[] };

/** A pending event the manual schedule may pick. */
export type Enabled =
  | { kind: 'deliver'; message: Message; dueAt: number }
  | { kind: 'fire'; node: NodeId; timer: string; dueAt: number };

export class ScenarioRuntimeError extends Error {}

export const MAX_EVENTS_AT_ONE_INSTANT = 100_000;
