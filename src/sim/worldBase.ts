/**
 * The world's data and its copies: clocks, counters, the queue, the messages in flight and
 * every node's runtime, set up fresh or from a checkpoint, and the read-only queries views
 * use. `worldIO.ts` interprets effects on it and `world.ts` steps it.
 */
import type { Scenario } from '../scenario/types';
import type { ProtocolConfig, ProtocolModule } from '../protocols/types';
import type { Message, NodeId, NodeView, TraceEvent } from './types';
import { EventQueue } from './queue';
import { Rng } from './rng';
import { HEALED, blockedBy, linkTable, type NetworkState } from './network';
import { stepperFor, type Stepper } from './effects';
import type { Arrival, Checkpoint, Enabled, Item, NodeRuntime } from './worldState';
import { ScenarioRuntimeError } from './worldState';

export abstract class WorldBase {
  time = 0;
  /** The schedule in force: the scenario's, until a `schedule` action switches it. */
  mode: 'auto' | 'manual' = 'auto';
  /** Trace events produced so far. */
  eventCount = 0;
  actionIndex = 0;
  protected queueSeq = 0;
  protected nextMessageId = 1;
  protected nextTimerId = 1;
  /** Version 1's one shared generator; version 2 draws only from keyed streams. */
  protected rng: Rng;
  protected readonly keyed: boolean;
  /** Version 3: draws keyed by cause (sim/causal.ts), and the key of the event being made. */
  protected readonly causal: boolean;
  protected cause = 0;
  protected readonly index = new Map<NodeId, number>();
  protected linkDraws: number[];
  protected timerDraws: number[];
  protected readonly nameHash = new Map<string, number>();
  protected queue: EventQueue<Item>;
  /** Messages in flight by id; an item whose entry differs is stale (dropped or delayed). */
  protected inflight: Map<number, Arrival>;
  protected network: NetworkState;
  protected readonly nodes: Map<NodeId, NodeRuntime>;
  /** The latest NodeView of each node, replaced (never mutated) on change. */
  readonly views: Map<NodeId, NodeView>;
  protected readonly link: ReturnType<typeof linkTable>;
  protected readonly steppers = new Map<string, Stepper>();
  /** What observe() last saw per node (a cache, not world state: never checkpointed). */
  protected readonly observed = new Map<NodeId, { context: unknown; value: unknown }>();
  protected readonly cfg: ProtocolConfig;
  protected readonly roles: Record<NodeId, string>;
  protected stuckAt = -1;
  protected eventsAtInstant = 0;
  /** Events produced while starting, returned by the first steps. */
  protected pending: Omit<TraceEvent, 'seq'>[] = [];

  protected constructor(
    readonly module: ProtocolModule,
    readonly scenario: Scenario,
    from: Checkpoint | null,
  ) {
    this.cfg = { nodes: scenario.nodes, params: scenario.params };
    this.link = linkTable(scenario.network);
    this.keyed = scenario.version >= 2;
    this.causal = scenario.version >= 3;
    scenario.nodes.forEach((id, i) => this.index.set(id, i));
    const n = scenario.nodes.length;
    const roles = (this.roles = module.roles(this.cfg));
    for (const id of scenario.nodes) {
      const role = roles[id];
      if (role === undefined) throw new ScenarioRuntimeError(`protocol ${module.id} gave node ${id} no role`);
      if (!this.steppers.has(role)) {
        this.steppers.set(role, stepperFor(module.machine(role), module.input(id, role, this.cfg)));
      }
    }
    if (from) {
      this.time = from.time;
      this.mode = from.mode;
      this.eventCount = from.eventCount;
      this.queueSeq = from.queueSeq;
      this.nextMessageId = from.nextMessageId;
      this.nextTimerId = from.nextTimerId;
      this.rng = new Rng(from.rng);
      this.linkDraws = from.linkDraws.slice();
      this.timerDraws = from.timerDraws.slice();
      this.actionIndex = from.actionIndex;
      this.queue = new EventQueue(from.queue);
      this.inflight = new Map();
      for (const a of from.inflight) this.inflight.set(a.msg.id, a);
      this.network = from.network;
      this.nodes = new Map(from.nodes.map((n) => [n.id, { ...n, timers: new Map(n.timers), held: n.held.slice() }]));
      this.views = new Map(from.nodes.map((n) => [n.id, n.view]));
      this.pending = from.pending.slice();
      return;
    }
    this.mode = scenario.schedule;
    this.rng = Rng.fromSeed(scenario.seed);
    this.linkDraws = new Array<number>(n * n).fill(0);
    this.timerDraws = new Array<number>(n).fill(0);
    this.queue = new EventQueue();
    this.inflight = new Map();
    this.network = HEALED;
    this.nodes = new Map();
    this.views = new Map();
  }

  checkpoint(): Checkpoint {
    return {
      time: this.time,
      mode: this.mode,
      eventCount: this.eventCount,
      queueSeq: this.queueSeq,
      nextMessageId: this.nextMessageId,
      nextTimerId: this.nextTimerId,
      rng: this.rng.state(),
      linkDraws: this.linkDraws.slice(),
      timerDraws: this.timerDraws.slice(),
      actionIndex: this.actionIndex,
      queue: this.queue.toArray().slice(),
      inflight: [...this.inflight.values()],
      network: this.network,
      nodes: [...this.nodes.values()].map((n) => ({ ...n, timers: [...n.timers], held: n.held.slice() })),
      pending: this.pending.slice() as TraceEvent[],
    };
  }

  /** The events a manual schedule may pick next, soonest first. */
  enabled(): Enabled[] {
    const out: Enabled[] = [];
    for (const a of this.inflight.values()) {
      const node = this.nodes.get(a.msg.to);
      if (node && !node.paused) out.push({ kind: 'deliver', message: a.msg, dueAt: a.time });
    }
    for (const n of this.nodes.values()) {
      if (!n.up || n.paused) continue;
      for (const [name, t] of n.timers) out.push({ kind: 'fire', node: n.id, timer: name, dueAt: t.due });
    }
    return out.sort((x, y) => x.dueAt - y.dueAt);
  }

  /** In-flight messages (for views): not yet arrived, including those held at paused nodes. */
  inFlight(): Message[] {
    return [...this.inflight.values()].map((a) => a.msg);
  }

  networkState(): NetworkState {
    return this.network;
  }

  pendingTimers(node: NodeId): { name: string; set: number; due: number }[] {
    const n = this.nodes.get(node);
    return n ? [...n.timers].map(([name, t]) => ({ name, set: t.set, due: t.due })) : [];
  }

  /** Clock-skew rate of a node (1 when unskewed). */
  rateOf(node: NodeId): number {
    return this.nodes.get(node)?.rate ?? 1;
  }

  /** Whether a message sent now from → to would be lost to the network (for views). */
  blocked(from: NodeId, to: NodeId): 'partition' | 'cut' | null {
    return blockedBy(this.network, from, to);
  }

  protected stepper(role: string): Stepper {
    return this.steppers.get(role)!;
  }

  protected node(id: NodeId): NodeRuntime {
    const n = this.nodes.get(id);
    if (!n) throw new ScenarioRuntimeError(`unknown node "${id}"`);
    return n;
  }
}
