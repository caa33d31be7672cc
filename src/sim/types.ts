/** The trace format, version 1 (docs/formats.md), and the kernel's view of nodes. */
import type { Scenario, NodeId } from '../scenario/types';

export type { NodeId };

/** JSON-safe observable state of one node: its `observe()` result. */
export type Observable = Record<string, unknown>;

export interface MessageBody {
  type: string;
  [field: string]: unknown;
}

export interface Message {
  id: number;
  from: NodeId;
  to: NodeId;
  type: string;
  payload: MessageBody;
  sentAt: number;
  /** Scheduled arrival time (after latency and any delay). */
  arriveAt: number;
  /** Set on the second copy of a duplicated message. */
  duplicateOf?: number;
}

export type EventKind =
  | 'start'
  | 'deliver'
  | 'lost'
  | 'timer'
  | 'command'
  | 'crash'
  | 'restart'
  | 'pause'
  | 'resume'
  | 'skew'
  | 'timeout'
  | 'partition'
  | 'cut'
  | 'heal'
  | 'drop'
  | 'duplicate'
  | 'delay'
  | 'schedule';

export interface TraceEvent {
  /** Position in the trace, from 0. */
  seq: number;
  time: number;
  kind: EventKind;
  node?: NodeId;
  /** The message delivered, lost, dropped, duplicated or delayed. */
  message?: Message;
  /** The messages this event sent. */
  sent?: Message[];
  /** The touched node's observe() after the event. */
  state?: Observable;
  /** Timer name for 'timer' and 'timeout'. */
  timer?: string;
  /** Why a message was lost ('partition', 'cut', 'down', 'dropped'), or why an action did nothing. */
  reason?: string;
  /** Answers to clients (leader hints, acknowledgements). */
  output?: unknown[];
  /** The scenario action that caused this event, by index in `scenario.actions`. */
  action?: number;
  /** Extra detail for network and fault events (groups, rate, cut link, delay). */
  detail?: Record<string, unknown>;
}

export interface Violation {
  seq: number;
  invariant: string;
  message: string;
  nodes?: NodeId[];
}

export interface NodeView {
  id: NodeId;
  role: string;
  up: boolean;
  paused: boolean;
  /** observe() of the node; kept while the node is down (its last state). */
  state: Observable;
}

export interface Trace {
  format: 'faultline-trace';
  version: 1;
  scenario: Scenario;
  events: TraceEvent[];
  final: { time: number; nodes: Record<NodeId, { up: boolean; state: Observable }> };
  violations: Violation[];
}
