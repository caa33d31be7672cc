/**
 * The protocol contract (DESIGN.md section 3). A protocol is one folder exporting one
 * ProtocolModule; the kernel knows nothing else about it.
 */
import type { AnyStateMachine, EventObject, Snapshot } from 'xstate';
import type { NodeId, NodeView, Observable, TraceEvent, MessageBody } from '../sim/types';
import type { Action, Scenario, CommandAction } from '../scenario/types';

export type { NodeId, NodeView, Observable, TraceEvent, MessageBody };
export type RoleId = string;

export interface ProtocolConfig {
  nodes: readonly NodeId[];
  params: Scenario['params'];
}

/** What the kernel interprets. Machines emit these as parameterized custom actions. */
export interface SendParams {
  to: NodeId;
  msg: MessageBody;
}
/** A timer on the node's simulated clock. A fixed `delay`, or a `min`..`max` range that the
 * kernel draws from the world's seeded generator. Setting a timer that is pending resets it. */
export interface SetTimerParams {
  name: string;
  delay?: number;
  min?: number;
  max?: number;
}
export interface CancelTimerParams {
  name: string;
}
/** An answer to a client outside the cluster (a leader hint, an acknowledgement). */
export interface OutputParams {
  data: unknown;
}

/** Event delivered when a timer fires: `{ type: name }`. A message arrives as
 * `{ ...payload, type, from }`. */
export type MessageEvent = MessageBody & { from: NodeId };

export interface Invariant {
  id: string;
  name: string;
  /** One line: what must hold. */
  description: string;
  /** Paper section or TLA+ operator. */
  source: string;
  /** Called on every event. By default a checker runs only after events that changed some
   * node's view (state, up or paused), which is all a predicate over node states needs. */
  everyEvent?: boolean;
  /** A fresh checker for one run. It may keep history (incremental checks). */
  create(cfg: ProtocolConfig): InvariantCheck;
}

export interface InvariantInput {
  event: TraceEvent;
  /** Every node, with the state after the event. */
  nodes: ReadonlyMap<NodeId, NodeView>;
}
export interface InvariantFailure {
  message: string;
  nodes?: NodeId[];
}
export type InvariantCheck = (input: InvariantInput) => InvariantFailure | null;

export interface BugSpec {
  id: string;
  description: string;
  /** The invariants this bug is known to break. */
  breaks: string[];
}

export interface CommandField {
  name: string;
  kind: 'string' | 'number' | 'boolean';
  default: string | number | boolean;
  /** Values the explorer picks from (src/check/explore.ts); without it, a string field gets
   * `<default before '='>=<random number>`. */
  sample?: readonly (string | number | boolean)[];
  description?: string;
}
export interface CommandContext {
  op: string;
}
export interface CommandSpec {
  id: string;
  label: string;
  description: string;
  fields: CommandField[];
  /** Roles that accept it; all when absent. */
  roles?: RoleId[];
  /** Whether the UI offers it to a node in this observable state (a join only to a server
   * outside the ring); always when absent. Scripts may still send it anywhere. */
  available?(state: Observable): boolean;
  /** The event delivered to the node. `ctx.op` names the client operation the command starts
   * (`a<index of the action>`): unique per run, across restarts, and stable under replay, so a
   * protocol can put it in its replies and its `clientHistory`. */
  event(action: CommandAction, ctx?: CommandContext): EventObject;
}

export interface ParamSpec {
  name: string;
  description: string;
  default: unknown;
  /** A message naming the problem, or null when the value is fine. */
  check(value: unknown): string | null;
  /** Values the explorer's swarm strategy may draw for this parameter (issue 12), as
   * TigerBeetle's VOPR draws its configuration per run. List only configurations the protocol
   * claims are correct: with no bug switch, a violation under one of them is a protocol bug. */
  sample?: readonly unknown[];
}

/** What a transaction state means, for colour and for the blocked-for measure. */
export type TxKind = 'active' | 'uncertain' | 'committed' | 'aborted';

/** How the transaction table reads a node: its state per transaction, by the protocol's own
 * names (2PC `prepared`, 3PC `w`). */
export interface TransactionHints {
  /** The transactions this node knows of, and its state in each. */
  states(state: Observable): Readonly<Record<string, string>>;
  kinds: Readonly<Record<string, TxKind>>;
  /** Per role, the state of a transaction a node does not list (a 2PC RM's `working`). */
  absent: Readonly<Record<RoleId, string>>;
  /** Roles that hold locks while uncertain (participants, not the coordinator). */
  lockHolders: readonly RoleId[];
}

/** Text for the views named by an i18n key the protocol's strings define (a protocol cannot
 * import the i18n layer), with its placeholders' values. */
export interface NoteText {
  key: string;
  vars?: Record<string, string | number>;
}
/** What a node's glyph shows beyond the defaults: a badge inside the body (where Raft shows
 * its term), a line under the id, and a padlock. */
export interface NodeNote {
  badge?: NoteText;
  sub?: NoteText;
  locked?: boolean;
}

export interface ViewHints {
  /** Short glyph or letter per role, for the cluster view. */
  roleGlyphs: Record<RoleId, string>;
  /** Panels this protocol wants ('log', 'ring', 'transactions'). */
  panels: string[];
  transactions?: TransactionHints;
  /** The cluster view's note on a live node (a lock holder and its token, a client in
   * jeopardy); none when absent. */
  nodeNote?(state: Observable): NodeNote | null;
  /** Where a node sits on a hash ring, as a fraction of the circle from 12 o'clock clockwise
   * (its first token); null for a node off the ring (a client). When present, the cluster view
   * draws the ring as its stage and places nodes on it. */
  ringPlace?(id: NodeId, state: Observable): number | null;
  /** Whether a message is a heartbeat (carries nothing new), which the views can hide. When
   * absent, a message with an empty `entries` list is one (Raft's empty AppendEntries). */
  heartbeat?(type: string, payload: Record<string, unknown>): boolean;
  /** Whether `reply`, sent back to a heartbeat's sender while its receiver handled `beat`, is
   * a plain acknowledgement the views may hide with the heartbeats. Absent: no reply is; a
   * reply that rejects, or carries a newer term or ballot, must never be (it is the news). */
  heartbeatReply?(reply: { type: string; payload: Record<string, unknown> }, beat: { type: string; payload: Record<string, unknown> }): boolean;
  /** The message types a run with these parameters can send, when that is fewer than all the
   * protocol's types (the lock service's Redis mode sends none of the cell's): the legend keys
   * only these. Absent: every type the protocol declares. */
  messageTypes?(params: Readonly<Record<string, unknown>>): readonly string[];
}

/**
 * One record of the client history (DESIGN.md section 6), read off a trace event by the
 * protocol's `clientHistory`. The record's time is the event's time; `client` is the node that
 * invoked the operation. An operation is invoked once and ends at most once: `ok` (it took
 * effect, with the value a read returned), `fail` (it certainly did not take effect) or `info`
 * (unknown: it may or may not have taken effect, as a timeout). One with no end is pending.
 */
export type ClientRecord =
  | { kind: 'invoke'; op: string; client: NodeId; f: string; key: string; value?: unknown }
  | { kind: 'ok'; op: string; value?: unknown }
  | { kind: 'fail'; op: string; reason?: string }
  | { kind: 'info'; op: string; reason?: string };

/**
 * The explorer's view of a run (issue 12). `abstract` maps the cluster to a short string that
 * names an abstract state (roles, terms modulo renaming, commit progress); runs that reach a
 * new one are kept for branching. `faultPoint` names the moments worth a fault.
 */
export interface ExploreHints {
  abstract(nodes: ReadonlyMap<NodeId, NodeView>): string;
  /**
   * Fault points (FoundationDB's BUGGIFY; research A.3.1): the name of the protocol moment this
   * event marks, such as `raft.leader-append` or a persistence step, or undefined. `before` is
   * the event's node as it was before the event (undefined at its first event); `nodes` holds
   * every node after it. Each explorer run switches each name on or off and, at an active point,
   * may drop all but a quorum-boundary number of the messages the event sent and crash the node
   * right after the event, restarting it soon or late. Pure; without it the explorer uses
   * generic points (a send to several peers, a role change).
   */
  faultPoint?(event: TraceEvent, before: NodeView | undefined, nodes: ReadonlyMap<NodeId, NodeView>): string | undefined;
  /** Node counts worth exploring (default: 3 and 5 within the protocol's bounds), for a
   * protocol whose roles need more nodes than that (two clients besides the servers). */
  nodes?: readonly number[];
  /** Faults the protocol spells out in full after each event at `event.node`, where
   * `faultPoint`'s crash of that node is not the fault that matters: a pause of a lock holder
   * between its check and its write, a cut between a new master and a holder, a crash with a
   * downtime the protocol's timing needs. The triggered strategy fires each with a coin flip,
   * within its fault budget, and schedules its heal. `before` is the node's view before the
   * event, when known. Pure. */
  faults?(event: TraceEvent, nodes: ReadonlyMap<NodeId, NodeView>, cfg: ProtocolConfig, before?: NodeView): ProtocolFault[];
  /** The protocol's fault model: each random action the explorer drew, kept, changed (skew
   * brought inside an assumed clock bound) or dropped (null: a forced lease timer is a clock
   * jump no bound allows). Without it every action is kept. */
  admit?(action: Action, cfg: ProtocolConfig): Action | null;
}

/** A fault a protocol proposes (`ExploreHints.faults`), healed (restart, resume, heal) after
 * a draw from `heal` ms. `keep`: of the messages the event sent to other nodes, only this many
 * (drawn at random) are delivered, the rest dropped; a crash keeping 0 loses all its messages
 * still in flight (`loseOutbox`: a crash before its broadcast got out). */
export type ProtocolFault = (
  | { fault: 'crash' | 'pause'; node: NodeId; heal: readonly [number, number]; keep?: number }
  | { fault: 'cut'; from: NodeId; to: NodeId; heal: readonly [number, number] }
) & {
  /** Chance that the triggered strategy fires it (default ½): higher for a point met once
   * per stage of a story that needs every stage's fault (Raft's Figure 8). */
  chance?: number;
};

export interface ProtocolModule {
  id: string;
  name: string;
  minNodes: number;
  maxNodes: number;
  params: ParamSpec[];
  /** Rules that tie parameters together (defaults filled in by the protocol), as
   * `{ path: 'heartbeatInterval', message }` problems. */
  checkParams?(params: ProtocolConfig['params']): { path: string; message: string }[];
  roles(cfg: ProtocolConfig): Record<NodeId, RoleId>;
  machine(role: RoleId): AnyStateMachine;
  input(node: NodeId, role: RoleId, cfg: ProtocolConfig, durable?: unknown): unknown;
  durable(snapshot: Snapshot<unknown>): unknown;
  observe(snapshot: Snapshot<unknown>): Observable;
  commands: CommandSpec[];
  invariants: Invariant[];
  bugs: BugSpec[];
  scenarios: Scenario[];
  view: ViewHints;
  /** Protocol-specific lines for the CLI summary (leaders per term, committed entries). */
  summarize?(nodes: ReadonlyMap<NodeId, NodeView>, events: readonly TraceEvent[]): string[];
  /** What `summarize` reads of the events, so the CLI can stream a long run and keep only
   * those: 'state' (a node's state: events that repeat the node's last state are left out),
   * 'sent' (events that sent messages), 'output'. Absent: every event is kept whole. */
  summaryReads?: readonly ('state' | 'sent' | 'output')[];
  /** The client-history records this event carries (invocations and completions, usually
   * from `event.output` and command events). Pure: a replay derives the same history. */
  clientHistory?(event: TraceEvent): ClientRecord[];
  /** What the protocol promises its clients. With `clientHistory`, the checker holds the
   * history to linearizability (src/check/linearizability) unless this says `none` (a
   * Dynamo-style store that promises only eventual consistency shows its history unchecked). */
  clientConsistency?: 'linearizable' | 'none';
  /** The explorer's abstraction of a state. */
  explore?: ExploreHints;
}
