/**
 * The effect interpreter's back half: queue items coming due, messages delivered or lost, a
 * transition's effects (sends, timers, outputs) carried out, and each node's view refreshed.
 * Runs for every event, so it allocates only what the trace keeps.
 */
import type { EventObject } from 'xstate';
import type { Message, NodeId, TraceEvent } from './types';
import { Purpose, hashString, keyedUnit, unitToInt } from './rng';
import { copyKey, messageKey, timerKey } from './causal';
import { blockedBy, type LinkParams } from './network';
import type { Effect } from './effects';
import type { Arrival, Item, NodeRuntime, Timer } from './worldState';
import { ScenarioRuntimeError } from './worldState';
import { WorldBase } from './worldBase';

export abstract class WorldIO extends WorldBase {
  // ── queue items ──────────────────────────────────────────────────────────────

  /** Events built here carry a `seq` slot first (-1 until `World` numbers them in place), so
   * the trace's key order holds without copying every event once more. */
  protected process(item: Item): TraceEvent | null {
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
    this.cause = timer.key;
    return this.deliverAs(node, timer.event ?? { type: item.name }, { seq: -1, time: this.time, kind: 'timer', node: node.id, timer: item.name });
  }

  protected arrive(a: Arrival): TraceEvent {
    const { msg } = a;
    const to = this.nodes.get(msg.to)!;
    this.cause = a.key;
    const reason = a.dropped ? 'dropped' : (blockedBy(this.network, msg.from, msg.to) ?? (to.up ? null : 'down'));
    if (reason) return { seq: -1, time: this.time, kind: 'lost', node: msg.to, message: msg, reason };
    return this.deliverAs(to, { ...msg.payload, type: msg.type, from: msg.from } as EventObject, { seq: -1, time: this.time, kind: 'deliver', node: to.id, message: msg });
  }

  protected deliver(node: NodeRuntime, event: EventObject, ev: Omit<TraceEvent, 'seq' | 'time'>): TraceEvent {
    return this.deliverAs(node, event, { seq: -1, time: this.time, ...ev });
  }

  /** `deliver` for the hot paths, whose event is built here with its `seq` and `time` first. */
  private deliverAs(node: NodeRuntime, event: EventObject, out: TraceEvent): TraceEvent {
    const { snapshot, effects } = this.stepper(node.role).step(node.snapshot, event);
    node.snapshot = snapshot;
    return this.complete(node, effects, out);
  }

  /** Interprets a transition's effects, refreshes the node's view, and builds its event. */
  protected afterTransition(node: NodeRuntime, effects: readonly Effect[], ev: Omit<TraceEvent, 'seq' | 'time'>): TraceEvent {
    return this.complete(node, effects, { seq: -1, time: this.time, ...ev });
  }

  /** The same, filling in an event that holds what the step was (its state, sends and outputs
   * go after, as the trace orders them): one object per event, not a spread copy. */
  private complete(node: NodeRuntime, effects: readonly Effect[], out: TraceEvent): TraceEvent {
    let sent: Message[] | undefined;
    let output: unknown[] | undefined;
    for (let j = 0; j < effects.length; j++) {
      const e = effects[j]!;
      switch (e.type) {
        case 'send':
          this.send(node.id, e.params.to, e.params.msg, (sent ??= []), this.causal ? this.effectKey(effects, j) : 0);
          break;
        case 'setTimer': {
          const p = e.params;
          const key = this.causal ? this.effectKey(effects, j) : 0;
          this.setTimer(node, p.name, p.delay ?? this.timerDraw(node.id, p.name, p.min ?? 0, p.max ?? p.min ?? 0, key), p.event, key);
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
    out.state = node.view.state;
    if (sent) out.sent = sent;
    if (output) out.output = output;
    return out;
  }

  /** A node's view is replaced only when something in it changed, so consumers (invariants,
   * views) can tell "unchanged" by identity. observe() is skipped while the machine's state
   * value and context hold the same values as last time: XState copies the context on every
   * `assign`, even one that changes nothing, and observe() is a function of those two. */
  protected refreshView(node: NodeRuntime): void {
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

  /** Version 3: the key of effect j, a send or a timer, of the event keyed `this.cause`: the
   * n-th send to its destination, or the n-th timer of its name, that the event made. */
  protected effectKey(effects: readonly Effect[], j: number): number {
    const e = effects[j]!;
    const send = e.type === 'send';
    const name = send ? e.params.to : (e as Extract<Effect, { type: 'setTimer' }>).params.name;
    let n = 0;
    for (let i = 0; i < j; i++) {
      const f = effects[i]!;
      if (send ? f.type === 'send' && f.params.to === name : f.type === 'setTimer' && f.params.name === name) n++;
    }
    return send ? messageKey(this.cause, this.hashOf(name), n) : timerKey(this.cause, this.hashOf(name), n);
  }

  protected hashOf(name: string): number {
    let h = this.nameHash.get(name);
    if (h === undefined) this.nameHash.set(name, (h = hashString(name)));
    return h;
  }

  protected setTimer(node: NodeRuntime, name: string, delay: number, event: EventObject | undefined, key: number): void {
    const due = this.time + Math.round(delay / node.rate);
    const timer: Timer = { id: this.nextTimerId++, due, set: this.time, key };
    if (event) timer.event = event;
    node.timers.set(name, timer);
    this.queue.push({ time: due, seq: this.queueSeq++, kind: 'timer', node: node.id, name, id: timer.id });
  }

  /** A random timer's delay: version 1 from the shared generator, version 2 keyed by
   * (node, timer name, how many random timers the node has drawn), version 3 by the timer's key. */
  protected timerDraw(id: NodeId, name: string, min: number, max: number, key: number): number {
    if (this.causal) return unitToInt(keyedUnit(this.scenario.seed, Purpose.Timer, key, 0, 3), min, max);
    if (!this.keyed) return this.rng.int(min, max);
    const i = this.index.get(id)!;
    return unitToInt(keyedUnit(this.scenario.seed, Purpose.Timer, i, this.hashOf(name), this.timerDraws[i]!++), min, max);
  }

  /** Sends one message (and a duplicate, if the link makes one), appending them to `out`. */
  protected send(from: NodeId, to: NodeId, payload: Message['payload'], out: Message[], key: number): void {
    if (!this.nodes.has(to)) throw new ScenarioRuntimeError(`node ${from} sent ${payload.type} to unknown node "${to}"`);
    const link = this.link(from, to);
    if (this.causal) return this.sendCausal(from, to, payload, link, key, out);
    if (this.keyed) return this.sendKeyed(from, to, payload, link, out);
    const msg = this.launch(from, to, payload, this.rng.int(link.latency[0], link.latency[1]), this.rng.chance(link.drop));
    out.push(msg);
    if (!this.rng.chance(link.duplicate)) return;
    out.push(this.launch(from, to, payload, this.rng.int(link.latency[0], link.latency[1]), false, msg.id));
  }

  /** Version 2: the k-th message on a directed link draws its latency, loss and duplication
   * from streams keyed by (link, k), so other links' and other messages' draws never shift. */
  protected sendKeyed(from: NodeId, to: NodeId, payload: Message['payload'], link: LinkParams, out: Message[]): void {
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

  /** Version 3: a message draws its latency, loss and duplication from its causal key. */
  protected sendCausal(from: NodeId, to: NodeId, payload: Message['payload'], link: LinkParams, key: number, out: Message[]): void {
    const seed = this.scenario.seed;
    const [lo, hi] = link.latency;
    const dropped = link.drop > 0 && (link.drop >= 1 || keyedUnit(seed, Purpose.Drop, key, 0, 3) < link.drop);
    const msg = this.launch(from, to, payload, unitToInt(keyedUnit(seed, Purpose.Latency, key, 0, 3), lo, hi), dropped, undefined, key);
    out.push(msg);
    const dup = link.duplicate > 0 && (link.duplicate >= 1 || keyedUnit(seed, Purpose.Duplicate, key, 0, 3) < link.duplicate);
    if (dup) out.push(this.launch(from, to, payload, unitToInt(keyedUnit(seed, Purpose.DuplicateLatency, key, 0, 3), lo, hi), false, msg.id, copyKey(key)));
  }

  /** A latency for a copy the user asked for (the `duplicate` action). */
  protected copyLatency(from: NodeId, to: NodeId): number {
    const [lo, hi] = this.link(from, to).latency;
    // Version 3: keyed by the action's key (the event being made).
    if (this.causal) return unitToInt(keyedUnit(this.scenario.seed, Purpose.ManualDuplicate, this.cause, 0, 3), lo, hi);
    if (!this.keyed) return this.rng.int(lo, hi);
    const f = this.index.get(from)!;
    const t = this.index.get(to)!;
    const k = this.linkDraws[f * this.scenario.nodes.length + t]!++;
    return unitToInt(keyedUnit(this.scenario.seed, Purpose.ManualDuplicate, f, t, k), lo, hi);
  }

  protected launch(from: NodeId, to: NodeId, payload: Message['payload'], latency: number, dropped: boolean, duplicateOf?: number, key = 0): Message {
    const msg: Message = {
      id: this.nextMessageId++,
      from,
      to,
      type: payload.type,
      payload,
      sentAt: this.time,
      arriveAt: this.time + latency,
    };
    if (duplicateOf !== undefined) msg.duplicateOf = duplicateOf;
    this.enqueue(msg, dropped, key);
    return msg;
  }

  protected enqueue(msg: Message, dropped: boolean, key: number): void {
    const item: Arrival = { time: msg.arriveAt, seq: this.queueSeq++, kind: 'arrive', msg, dropped, key };
    this.inflight.set(msg.id, item);
    this.queue.push(item);
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
