/**
 * The world: every node's machine snapshot, the network, the clock and the event queue.
 * `step()` advances by exactly one trace event. The world is a value that `checkpoint()`
 * copies cheaply (snapshots are immutable) and `World.restore()` brings back. Its data lives
 * in `worldBase.ts`, the effect interpreter in `worldIO.ts`; here are stepping and the
 * scenario's actions (faults, commands, manual scheduling).
 */
import type { Action, CommandAction, Scenario } from '../scenario/types';
import { isKernelAction } from '../scenario/types';
import type { ProtocolModule } from '../protocols/types';
import type { EventKind, TraceEvent } from './types';
import { HEALED, linkKey, partitioned } from './network';
import type { Arrival, Checkpoint, Item, NodeRuntime, Timer } from './worldState';
import { MAX_EVENTS_AT_ONE_INSTANT, ScenarioRuntimeError } from './worldState';
import { WorldIO } from './worldIO';
import { actionKey, manualCopyKey, startKey } from './causal';

export type { Checkpoint, Enabled } from './worldState';
export { MAX_EVENTS_AT_ONE_INSTANT, ScenarioRuntimeError } from './worldState';

export class World extends WorldIO {
  private constructor(module: ProtocolModule, scenario: Scenario, from: Checkpoint | null) {
    super(module, scenario, from);
    if (from) return;
    // Nodes start in order, each start's effects carried out before the next node starts.
    for (const id of this.scenario.nodes) {
      const role = this.roles[id]!;
      const { snapshot, effects } = this.stepper(role).start(this.module.input(id, role, this.cfg));
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
      if (this.causal) this.cause = startKey(this.hashOf(id));
      this.pending.push(this.afterTransition(node, effects, { kind: 'start', node: id }));
    }
  }

  static create(module: ProtocolModule, scenario: Scenario): World {
    return new World(module, scenario, null);
  }

  static restore(module: ProtocolModule, scenario: Scenario, cp: Checkpoint): World {
    return new World(module, scenario, cp);
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
        if (this.causal) this.cause = actionKey(actions, index);
        return this.number({ seq: -1, ...this.apply(action, index), action: index });
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
      if (ev) return this.number(ev);
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

  /** A start event, copied: checkpoints share the pending list, so it is never numbered in place. */
  private record(ev: Omit<TraceEvent, 'seq'>): TraceEvent {
    const out = { seq: 0, ...ev } as TraceEvent;
    out.seq = this.eventCount++;
    return out;
  }

  /** An event built for this step alone, with its `seq` slot first: numbered in place. */
  private number(ev: TraceEvent): TraceEvent {
    ev.seq = this.eventCount++;
    return ev;
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
          } else if (a.loseOutbox && arr.msg.from === node.id) {
            // What it sent and the network has not delivered dies with it (explorer, issue 12).
            this.inflight.delete(id);
            this.unhold(arr);
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
        const copy = this.launch(arr.msg.from, arr.msg.to, arr.msg.payload, this.copyLatency(arr.msg.from, arr.msg.to), false, arr.msg.id, this.causal ? manualCopyKey(this.cause) : 0);
        return { ...base, node: arr.msg.to, message: copy, sent: [copy] };
      }
      case 'delay': {
        const arr = this.inflight.get(a.message);
        if (!arr) return { ...base, reason: `message ${a.message} is not in flight` };
        this.unhold(arr);
        const msg = { ...arr.msg, arriveAt: Math.max(arr.time, this.time) + a.by };
        this.enqueue(msg, arr.dropped, arr.key);
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
