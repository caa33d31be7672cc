/**
 * The world: every node's machine snapshot, the network, the clock and the event queue.
 * `step()` advances by exactly one trace event. The world is a value that `checkpoint()`
 * copies cheaply (snapshots are immutable) and `World.restore()` brings back.
 */
import type { EventObject } from 'xstate';
import type { Action, CommandAction, Scenario } from '../scenario/types';
import { isKernelAction } from '../scenario/types';
import type { ProtocolConfig, ProtocolModule } from '../protocols/types';
import type { EventKind, Message, NodeId, NodeView, TraceEvent } from './types';
import { EventQueue } from './queue';
import { Purpose, Rng, hashString, keyedUnit, unitToInt } from './rng';
import { HEALED, blockedBy, linkKey, linkTable, partitioned, type LinkParams, type NetworkState } from './network';
import { stepperFor, type Stepper, type Effect } from './effects';
import type { Arrival, Checkpoint, Enabled, Item, NodeRuntime, Timer } from './worldState';
import { MAX_EVENTS_AT_ONE_INSTANT, ScenarioRuntimeError } from './worldState';

export type { Checkpoint, Enabled } from './worldState';
export { MAX_EVENTS_AT_ONE_INSTANT, ScenarioRuntimeError } from './worldState';

export class World {
  time = 0;
  /** The schedule in force: the scenario's, until a `schedule` action switches it. */
  mode: 'auto' | 'manual' = 'auto';
  /** Trace events produced so far. */
  eventCount = 0;
  actionIndex = 0;
  private queueSeq = 0;
  private nextMessageId = 1;
  private nextTimerId = 1;
  /** Version 1's one shared generator; version 2 draws only from keyed streams. */
  private rng: Rng;
  private readonly keyed: boolean;
  private readonly index = new Map<NodeId, number>();
  private linkDraws: number[];
  private timerDraws: number[];
  private readonly nameHash = new Map<string, number>();
  private queue: EventQueue<Item>;
  /** Messages in flight by id; an item whose entry differs is stale (dropped or delayed). */
  private inflight: Map<number, Arrival>;
  private network: NetworkState;
  private readonly nodes: Map<NodeId, NodeRuntime>;
  /** The latest NodeView of each node, replaced (never mutated) on change. */
  readonly views: Map<NodeId, NodeView>;
  private readonly link: ReturnType<typeof linkTable>;
  private readonly steppers = new Map<string, Stepper>();
  /** What observe() last saw per node (a cache, not world state: never checkpointed). */
  private readonly observed = new Map<NodeId, { context: unknown; value: unknown }>();
  private readonly cfg: ProtocolConfig;
  private stuckAt = -1;
  private eventsAtInstant = 0;
  /** Events produced while starting, returned by the first steps. */
  private pending: Omit<TraceEvent, 'seq'>[] = [];

  private constructor(
    readonly module: ProtocolModule,
    readonly scenario: Scenario,
    from: Checkpoint | null,
  ) {
    this.cfg = { nodes: scenario.nodes, params: scenario.params };
    this.link = linkTable(scenario.network);
    this.keyed = scenario.version >= 2;
    scenario.nodes.forEach((id, i) => this.index.set(id, i));
    const n = scenario.nodes.length;
    const roles = module.roles(this.cfg);
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
      this.inflight = new Map(from.inflight);
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
    for (const id of scenario.nodes) {
      const role = roles[id]!;
      const { snapshot, effects } = this.stepper(role).start(module.input(id, role, this.cfg));
      const node: NodeRuntime = {
        id,
        role,
        snapshot,
        up: true,
        paused: false,
        rate: 1,
        timers: new Map(),
        held: [],
        disk: undefined,
        view: { id, role, up: true, paused: false, state: {} },
      };
      this.nodes.set(id, node);
      this.pending.push(this.afterTransition(node, effects, { kind: 'start', node: id }));
    }
  }

  static create(module: ProtocolModule, scenario: Scenario): World {
    return new World(module, scenario, null);
  }

  static restore(module: ProtocolModule, scenario: Scenario, cp: Checkpoint): World {
    return new World(module, scenario, cp);
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
      inflight: new Map(this.inflight),
      network: this.network,
      nodes: [...this.nodes.values()].map((n) => ({ ...n, timers: new Map(n.timers), held: n.held.slice() })),
      pending: this.pending.slice() as TraceEvent[],
    };
  }

  /** Advances by one trace event. Null when nothing is left to happen by `limit` (a playback
   * cursor) or by the scenario's `until`; reaching `until` moves the clock there. The clock
   * never moves to a limit: only events move it, so a live run and its replay agree. */
  step(limit = Infinity): TraceEvent | null {
    const started = this.pending.shift();
    if (started) return this.record(started);
    const { actions, until } = this.scenario;
    const end = Math.min(until, limit);
    for (;;) {
      const action = actions[this.actionIndex];
      const head = this.mode === 'auto' ? this.queue.peek() : undefined;
      if (action && action.at <= end && (!head || this.actionIsDue(action, head))) {
        const index = this.actionIndex++;
        this.time = Math.max(this.time, action.at);
        return this.record({ ...this.apply(action, index), action: index });
      }
      if (!head || head.time > end) {
        if (end === until && this.mode === 'auto') this.time = Math.max(this.time, until);
        return null;
      }
      this.queue.pop();
      this.checkProgress(head.time);
      // Events held back by a manual stretch come due late; time still only moves forward.
      this.time = Math.max(this.time, head.time);
      const ev = this.process(head);
      if (ev) return this.record(ev);
    }
  }

  /** True once the run can produce nothing more: past `until`, or out of actions in manual. */
  get finished(): boolean {
    if (this.pending.length > 0) return false;
    const action = this.scenario.actions[this.actionIndex];
    if (action && action.at <= this.scenario.until) return false;
    if (this.mode === 'manual') return true;
    const head = this.queue.peek();
    return !head || head.time > this.scenario.until;
  }

  /** Ends a run whose clock stopped: a message storm at zero latency would otherwise hang the
   * CLI or the page. Not world state: a restored world starts counting afresh. */
  private checkProgress(time: number): void {
    if (time !== this.stuckAt) {
      this.stuckAt = time;
      this.eventsAtInstant = 0;
    } else if (++this.eventsAtInstant > MAX_EVENTS_AT_ONE_INSTANT) {
      throw new ScenarioRuntimeError(
        `livelock: more than ${MAX_EVENTS_AT_ONE_INSTANT.toLocaleString('en-US')} events at t=${time} ms without time advancing (a message storm?)`,
      );
    }
  }

  /** An action wins ties at its time, unless it asks to wait for a trace position (`step`),
   * which orders a fork exactly after the event the user acted on. */
  private actionIsDue(action: Action, head: Item): boolean {
    if (action.at < head.time) return true;
    if (action.at > head.time) return false;
    return action.step === undefined || this.eventCount >= action.step;
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

  private record(ev: Omit<TraceEvent, 'seq'>): TraceEvent {
    const out = { seq: this.eventCount++, ...ev } as TraceEvent;
    return out;
  }

  private stepper(role: string): Stepper {
    return this.steppers.get(role)!;
  }

  private node(id: NodeId): NodeRuntime {
    const n = this.nodes.get(id);
    if (!n) throw new ScenarioRuntimeError(`unknown node "${id}"`);
    return n;
  }

  // ── queue items ──────────────────────────────────────────────────────────────

  private process(item: Item): Omit<TraceEvent, 'seq'> | null {
    if (item.kind === 'arrive') {
      if (this.inflight.get(item.msg.id) !== item) return null;
      const to = this.nodes.get(item.msg.to)!;
      if (to.up && to.paused && !item.dropped && !blockedBy(this.network, item.msg.from, item.msg.to)) {
        to.held.push(item);
        return null;
      }
      this.inflight.delete(item.msg.id);
      return this.arrive(item);
    }
    const node = this.nodes.get(item.node)!;
    const timer = node.timers.get(item.name);
    if (!timer || timer.id !== item.id || !node.up) return null;
    if (node.paused) {
      node.held.push(item);
      return null;
    }
    node.timers.delete(item.name);
    return this.deliver(node, timer.event ?? { type: item.name }, { kind: 'timer', node: node.id, timer: item.name });
  }

  private arrive(a: Arrival): Omit<TraceEvent, 'seq'> {
    const { msg } = a;
    const to = this.nodes.get(msg.to)!;
    const reason = a.dropped ? 'dropped' : (blockedBy(this.network, msg.from, msg.to) ?? (to.up ? null : 'down'));
    if (reason) return { time: this.time, kind: 'lost', node: msg.to, message: msg, reason };
    return this.deliver(to, { ...msg.payload, type: msg.type, from: msg.from } as EventObject, { kind: 'deliver', node: to.id, message: msg });
  }

  private deliver(node: NodeRuntime, event: EventObject, ev: Omit<TraceEvent, 'seq' | 'time'>): Omit<TraceEvent, 'seq'> {
    const { snapshot, effects } = this.stepper(node.role).step(node.snapshot, event);
    node.snapshot = snapshot;
    return this.afterTransition(node, effects, ev);
  }

  /** Interprets a transition's effects, refreshes the node's view, and builds its event. */
  private afterTransition(node: NodeRuntime, effects: readonly Effect[], ev: Omit<TraceEvent, 'seq' | 'time'>): Omit<TraceEvent, 'seq'> {
    let sent: Message[] | undefined;
    let output: unknown[] | undefined;
    for (const e of effects) {
      switch (e.type) {
        case 'send':
          this.send(node.id, e.params.to, e.params.msg, (sent ??= []));
          break;
        case 'setTimer': {
          const p = e.params;
          this.setTimer(node, p.name, p.delay ?? this.timerDraw(node.id, p.name, p.min ?? 0, p.max ?? p.min ?? 0), p.event);
          break;
        }
        case 'cancelTimer':
          node.timers.delete(e.params.name);
          break;
        case 'output':
          (output ??= []).push(e.params.data);
          break;
      }
    }
    this.refreshView(node);
    const out: Omit<TraceEvent, 'seq'> = { time: this.time, ...ev, state: node.view.state };
    if (sent) out.sent = sent;
    if (output) out.output = output;
    return out;
  }

  /** A node's view is replaced only when something in it changed, so consumers (invariants,
   * views) can tell "unchanged" by identity. observe() is skipped while the machine's state
   * value and context hold the same values as last time: XState copies the context on every
   * `assign`, even one that changes nothing, and observe() is a function of those two. */
  private refreshView(node: NodeRuntime): void {
    const { snapshot, view } = node;
    const memo = this.observed.get(node.id);
    let state = view.state;
    if (memo === undefined) {
      state = this.module.observe(snapshot);
      this.observed.set(node.id, { context: snapshot.context, value: snapshot.value });
    } else if (memo.context !== snapshot.context || memo.value !== snapshot.value) {
      if (!shallowSame(memo.context, snapshot.context) || !sameValue(memo.value, snapshot.value)) state = this.module.observe(snapshot);
      memo.context = snapshot.context;
      memo.value = snapshot.value;
    }
    if (state === view.state && node.up === view.up && node.paused === view.paused) return;
    node.view = { id: node.id, role: node.role, up: node.up, paused: node.paused, state };
    this.views.set(node.id, node.view);
  }

  private setTimer(node: NodeRuntime, name: string, delay: number, event?: EventObject): void {
    const due = this.time + Math.round(delay / node.rate);
    const timer: Timer = { id: this.nextTimerId++, due, set: this.time, ...(event ? { event } : {}) };
    node.timers.set(name, timer);
    this.queue.push({ time: due, seq: this.queueSeq++, kind: 'timer', node: node.id, name, id: timer.id });
  }

  /** A random timer's delay: version 1 from the shared generator, version 2 keyed by
   * (node, timer name, how many random timers the node has drawn). */
  private timerDraw(id: NodeId, name: string, min: number, max: number): number {
    if (!this.keyed) return this.rng.int(min, max);
    const i = this.index.get(id)!;
    let h = this.nameHash.get(name);
    if (h === undefined) this.nameHash.set(name, (h = hashString(name)));
    return unitToInt(keyedUnit(this.scenario.seed, Purpose.Timer, i, h, this.timerDraws[i]!++), min, max);
  }

  /** Sends one message (and a duplicate, if the link makes one), appending them to `out`. */
  private send(from: NodeId, to: NodeId, payload: Message['payload'], out: Message[]): void {
    if (!this.nodes.has(to)) throw new ScenarioRuntimeError(`node ${from} sent ${payload.type} to unknown node "${to}"`);
    const link = this.link(from, to);
    if (this.keyed) return this.sendKeyed(from, to, payload, link, out);
    const msg = this.launch(from, to, payload, this.rng.int(link.latency[0], link.latency[1]), this.rng.chance(link.drop));
    out.push(msg);
    if (!this.rng.chance(link.duplicate)) return;
    out.push(this.launch(from, to, payload, this.rng.int(link.latency[0], link.latency[1]), false, msg.id));
  }

  /** Version 2: the k-th message on a directed link draws its latency, loss and duplication
   * from streams keyed by (link, k), so other links' and other messages' draws never shift. */
  private sendKeyed(from: NodeId, to: NodeId, payload: Message['payload'], link: LinkParams, out: Message[]): void {
    const f = this.index.get(from)!;
    const t = this.index.get(to)!;
    const k = this.linkDraws[f * this.scenario.nodes.length + t]!++;
    const seed = this.scenario.seed;
    const [lo, hi] = link.latency;
    // No closures here: this runs for every message.
    const dropped = link.drop > 0 && (link.drop >= 1 || keyedUnit(seed, Purpose.Drop, f, t, k) < link.drop);
    const msg = this.launch(from, to, payload, unitToInt(keyedUnit(seed, Purpose.Latency, f, t, k), lo, hi), dropped);
    out.push(msg);
    const dup = link.duplicate > 0 && (link.duplicate >= 1 || keyedUnit(seed, Purpose.Duplicate, f, t, k) < link.duplicate);
    if (dup) out.push(this.launch(from, to, payload, unitToInt(keyedUnit(seed, Purpose.DuplicateLatency, f, t, k), lo, hi), false, msg.id));
  }

  /** A latency for a copy the user asked for (the `duplicate` action). */
  private copyLatency(from: NodeId, to: NodeId): number {
    const [lo, hi] = this.link(from, to).latency;
    if (!this.keyed) return this.rng.int(lo, hi);
    const f = this.index.get(from)!;
    const t = this.index.get(to)!;
    const k = this.linkDraws[f * this.scenario.nodes.length + t]!++;
    return unitToInt(keyedUnit(this.scenario.seed, Purpose.ManualDuplicate, f, t, k), lo, hi);
  }

  private launch(from: NodeId, to: NodeId, payload: Message['payload'], latency: number, dropped: boolean, duplicateOf?: number): Message {
    const msg: Message = {
      id: this.nextMessageId++,
      from,
      to,
      type: payload.type,
      payload,
      sentAt: this.time,
      arriveAt: this.time + latency,
      ...(duplicateOf === undefined ? {} : { duplicateOf }),
    };
    this.enqueue(msg, dropped);
    return msg;
  }

  private enqueue(msg: Message, dropped: boolean): void {
    const item: Arrival = { time: msg.arriveAt, seq: this.queueSeq++, kind: 'arrive', msg, dropped };
    this.inflight.set(msg.id, item);
    this.queue.push(item);
  }

  // ── scenario actions ─────────────────────────────────────────────────────────

  private apply(action: Action, index: number): Omit<TraceEvent, 'seq'> {
    if (!isKernelAction(action)) return this.command(action as CommandAction, index);
    const base = { time: this.time, kind: action.do as EventKind };
    const a = action;
    switch (a.do) {
      case 'crash': {
        const node = this.node(a.node);
        if (!node.up) return { ...base, node: node.id, reason: 'already down' };
        node.disk = this.module.durable(node.snapshot);
        node.up = false;
        node.paused = false;
        node.timers.clear();
        node.held = [];
        const lost: number[] = [];
        for (const [id, arr] of this.inflight) {
          if (arr.msg.to === node.id) {
            this.inflight.delete(id);
            lost.push(id);
          }
        }
        this.refreshView(node);
        return { ...base, node: node.id, state: node.view.state, detail: { lostMessages: lost } };
      }
      case 'restart': {
        const node = this.node(a.node);
        if (node.up) return { ...base, node: node.id, reason: 'already up' };
        node.up = true;
        node.rate = 1;
        const disk = a.loseDisk ? undefined : node.disk;
        const { snapshot, effects } = this.stepper(node.role).start(this.module.input(node.id, node.role, this.cfg, disk));
        node.snapshot = snapshot;
        return this.afterTransition(node, effects, { kind: 'restart', node: node.id, detail: { loseDisk: a.loseDisk === true } });
      }
      case 'pause': {
        const node = this.node(a.node);
        if (!node.up || node.paused) return { ...base, node: node.id, reason: node.up ? 'already paused' : 'node is down' };
        node.paused = true;
        this.refreshView(node);
        return { ...base, node: node.id, state: node.view.state };
      }
      case 'resume': {
        const node = this.node(a.node);
        if (!node.paused) return { ...base, node: node.id, reason: 'not paused' };
        node.paused = false;
        // Held events come due now, in the order they were held.
        for (const item of node.held) {
          const again = { ...item, time: this.time, seq: this.queueSeq++ };
          this.queue.push(again);
          if (again.kind === 'arrive') this.inflight.set(again.msg.id, again);
        }
        node.held = [];
        this.refreshView(node);
        return { ...base, node: node.id, state: node.view.state };
      }
      case 'skew': {
        const node = this.node(a.node);
        node.rate = a.rate;
        return { ...base, node: node.id, detail: { rate: a.rate } };
      }
      case 'timeout':
      case 'fire': {
        const node = this.node(a.node);
        if (!node.up) return { ...base, kind: 'timeout', node: node.id, reason: 'node is down' };
        const name = a.timer ?? this.soonestTimer(node);
        const timer = name === undefined ? undefined : node.timers.get(name);
        if (name === undefined || !timer) return { ...base, kind: 'timeout', node: node.id, reason: a.timer ? `no pending timer "${a.timer}"` : 'no pending timer' };
        node.timers.delete(name);
        return this.deliver(node, timer.event ?? { type: name }, { kind: a.do === 'fire' ? 'timer' : 'timeout', node: node.id, timer: name });
      }
      case 'partition':
        this.network = { groups: partitioned(a.groups), cuts: this.network.cuts };
        return { ...base, detail: { groups: a.groups } };
      case 'cut':
        this.network = { groups: this.network.groups, cuts: new Set([...this.network.cuts, linkKey(a.from, a.to)]) };
        return { ...base, detail: { from: a.from, to: a.to } };
      case 'heal':
        this.network = HEALED;
        return base;
      case 'drop': {
        const arr = this.inflight.get(a.message);
        if (!arr) return { ...base, reason: `message ${a.message} is not in flight` };
        this.inflight.delete(a.message);
        this.unhold(arr);
        return { ...base, node: arr.msg.to, message: arr.msg };
      }
      case 'duplicate': {
        const arr = this.inflight.get(a.message);
        if (!arr) return { ...base, reason: `message ${a.message} is not in flight` };
        const copy = this.launch(arr.msg.from, arr.msg.to, arr.msg.payload, this.copyLatency(arr.msg.from, arr.msg.to), false, arr.msg.id);
        return { ...base, node: arr.msg.to, message: copy, sent: [copy] };
      }
      case 'delay': {
        const arr = this.inflight.get(a.message);
        if (!arr) return { ...base, reason: `message ${a.message} is not in flight` };
        this.unhold(arr);
        const msg = { ...arr.msg, arriveAt: Math.max(arr.time, this.time) + a.by };
        this.enqueue(msg, arr.dropped);
        return { ...base, node: msg.to, message: msg, detail: { by: a.by } };
      }
      case 'schedule':
        this.mode = a.mode;
        return { ...base, detail: { mode: a.mode } };
      case 'deliver': {
        const arr = this.inflight.get(a.message);
        if (!arr) return { ...base, kind: 'deliver', reason: `message ${a.message} is not in flight` };
        this.inflight.delete(a.message);
        this.unhold(arr);
        return this.arrive(arr);
      }
    }
  }

  private unhold(arr: Arrival): void {
    const node = this.nodes.get(arr.msg.to);
    if (node && node.held.includes(arr)) node.held = node.held.filter((h) => h !== arr);
  }

  private soonestTimer(node: NodeRuntime): string | undefined {
    let best: [string, Timer] | undefined;
    for (const entry of node.timers) if (!best || entry[1].due < best[1].due) best = entry;
    return best?.[0];
  }

  private command(action: CommandAction, index: number): Omit<TraceEvent, 'seq'> {
    const base = { time: this.time, kind: 'command' as const, node: action.node, detail: { command: action.do } };
    const spec = this.module.commands.find((c) => c.id === action.do);
    if (!spec) throw new ScenarioRuntimeError(`protocol ${this.module.id} has no command "${action.do}"`);
    const node = this.node(action.node);
    if (spec.roles && !spec.roles.includes(node.role)) return { ...base, reason: `role ${node.role} does not take "${action.do}"` };
    if (!node.up) return { ...base, reason: 'node is down' };
    if (node.paused) return { ...base, reason: 'node is paused' };
    // The action's place in the scenario names the client operation it starts: unique in the
    // run, and the same in every replay (a fork keeps the actions before it in place).
    return this.deliver(node, spec.event(action, { op: `a${index}` }), base);
  }
}

/** Same own keys holding the same values (by identity). */
function shallowSame(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (x[k] !== y[k] || !Object.hasOwn(y, k)) return false;
    n++;
  }
  for (const k in y) if (Object.hasOwn(y, k) && --n < 0) return false;
  return n === 0;
}

/** XState rebuilds a nested state value on every snapshot copy: compare it by content. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) if (!Object.hasOwn(y, k) || !sameValue(x[k], y[k])) return false;
  return true;
}
