/**
 * The states a trace shows, stored by what each event changed. Every recorded event that
 * carries a node's state keeps only a patch against that node's previous recorded state, and
 * each node keeps a full state (a keyframe) whenever its patches since the last one outweigh
 * that keyframe: memory grows with what events changed, and rebuilding any state costs about
 * one state's size. `event.state` stays readable (a getter), so readers, `JSON.stringify` and
 * the exported trace see exactly the states the run produced.
 */
import type { NodeId, Observable, TraceEvent } from './types';
import { apply, applyOwned, diff, size, weight, type Patch } from './patch';

/** Patches of at least this weight before a node takes a keyframe, however small its state. */
const MIN_KEYFRAME_GAP = 256;
/** Recently rebuilt states, so that readers going back and forth get the same objects. */
const CACHE = 64;

interface NodeLog {
  /** Seqs of the node's events that carry a state, in order. */
  seqs: number[];
  /** Per entry of `seqs`: null for a keyframe, a patch against the entry before, or
   * undefined when nothing changed. */
  steps: (Patch | null | undefined)[];
  /** Keyframe states by their index in `seqs`. */
  keyframes: Map<number, Observable>;
  keyIndex: number[];
  /** The state of the last entry (the live state the world emitted). */
  last: Observable;
  /** Weight of the patches since the last keyframe, and that keyframe's size. */
  since: number;
  budget: number;
  /** The last state rebuilt going forward, to step from it cheaply. */
  cursor: { index: number; state: Observable } | null;
}

export class StateHistory {
  private readonly nodes = new Map<NodeId, NodeLog>();
  /** By seq, for events that carry a state: their node's log and their index in it. */
  private readonly logOf: (NodeLog | undefined)[] = [];
  private readonly indexOf: number[] = [];
  private readonly cache = new Map<number, Observable>();
  private readonly getter: () => Observable | undefined;
  /** Entries held: patches plus keyframes (for tests and the bench: it grows with changes). */
  held = 0;

  constructor() {
    const stateAt = (seq: number) => this.stateAt(seq);
    this.getter = function (this: TraceEvent) {
      return stateAt(this.seq);
    };
  }

  /** Takes the event's state into the history; returns the event to keep, whose `state` is a
   * getter in the same place among its keys. */
  record(event: TraceEvent): TraceEvent {
    const state = event.state;
    if (state === undefined || event.node === undefined) return event;
    let log = this.nodes.get(event.node);
    if (!log) {
      log = { seqs: [], steps: [], keyframes: new Map(), keyIndex: [], last: state, since: 0, budget: 0, cursor: null };
      this.nodes.set(event.node, log);
    }
    const index = log.seqs.length;
    log.seqs.push(event.seq);
    const patch = index === 0 ? null : diff(log.last, state);
    if (index === 0 || (patch && log.since + weight(patch) > log.budget)) {
      log.keyframes.set(index, state);
      log.keyIndex.push(index);
      log.steps.push(null);
      log.since = 0;
      log.budget = Math.max(MIN_KEYFRAME_GAP, size(state));
      this.held += log.budget;
    } else {
      log.steps.push(patch ?? undefined);
      if (patch) {
        const w = weight(patch);
        log.since += w;
        this.held += w;
      }
    }
    log.last = state;
    this.logOf[event.seq] = log;
    this.indexOf[event.seq] = index;
    // A new object built in key order: turning the data property into a getter in place
    // would drop the event into V8's slow dictionary mode, and cost memory on every event.
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(event)) {
      if (k === 'state') Object.defineProperty(out, 'state', { get: this.getter, enumerable: true, configurable: true });
      else out[k] = event[k as keyof TraceEvent];
    }
    return out as unknown as TraceEvent;
  }

  /** The state recorded with event `seq`, or undefined when it carries none. */
  stateAt(seq: number): Observable | undefined {
    const hit = this.cache.get(seq);
    if (hit) return hit;
    const log = this.logOf[seq];
    if (!log) return undefined;
    const index = this.indexOf[seq]!;
    const state = this.rebuild(log, index);
    this.cache.set(seq, state);
    if (this.cache.size > CACHE) this.cache.delete(this.cache.keys().next().value!);
    return state;
  }

  private rebuild(log: NodeLog, index: number): Observable {
    if (index === log.seqs.length - 1) return log.last;
    const key = log.keyframes.get(index);
    if (key) return key;
    const c = log.cursor;
    const base = this.keyframeBefore(log, index);
    let state: Observable;
    if (c && c.index < index && c.index >= base) {
      // Reading forward (a scan, an export): one patch on the state before, sharing the rest.
      state = c.state;
      for (let i = c.index + 1; i <= index; i++) {
        const p = log.steps[i];
        if (p === null) state = log.keyframes.get(i)!;
        else if (p) state = apply(state, p) as Observable;
      }
    } else {
      const owned = new Set<object>();
      state = log.keyframes.get(base)!;
      for (let i = base + 1; i <= index; i++) {
        const p = log.steps[i];
        if (p) state = applyOwned(state, p, owned) as Observable;
      }
    }
    log.cursor = { index, state };
    return state;
  }

  private keyframeBefore(log: NodeLog, index: number): number {
    const ks = log.keyIndex;
    let lo = 0;
    let hi = ks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ks[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return ks[lo]!;
  }
}
