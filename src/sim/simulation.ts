/**
 * A run: the world, its recorded trace, live invariant checks and checkpoints for time travel.
 * `seek(k)` restores the nearest checkpoint at or before event k and replays to it.
 */
import type { ProtocolModule } from '../protocols/types';
import type { Action, Scenario } from '../scenario/types';
import { invariantRunner, type InvariantRunner } from '../check/invariants';
import type { NodeId, NodeView, Trace, TraceEvent, Violation } from './types';
import { World, type Checkpoint } from './world';
import { StateHistory } from './history';

export interface SimulationOptions {
  /** Check invariants after every event (default true). */
  invariants?: boolean;
  /** Keep every event in `events` (default true). */
  record?: boolean;
  /** Events between checkpoints (default 64), at least: a world with a large queue is
   * checkpointed less often, so checkpoints never cost more than a few entries per event.
   * A seek replays fewer events than this from its checkpoint (the p99 of a scrub, issue 17:
   * 128 made a seek allocate up to 860 KB at 129k events; docs/scrubbing.md has the memory).
   * Zero turns time travel off. */
  checkpointEvery?: number;
}

/** An action before it is placed in time (`Omit` spread over each member of the union). */
export type ActionWithoutTime = Action extends infer A ? (A extends Action ? Omit<A, 'at' | 'step'> : never) : never;

/** The default interval between checkpoints, in events. */
export const CHECKPOINT_EVERY = 64;

export class Simulation {
  readonly scenario: Scenario;
  readonly events: TraceEvent[] = [];
  readonly violations: Violation[] = [];
  private world: World;
  private readonly checkpoints: Checkpoint[] = [];
  /** The recorded events' states, kept as what each event changed (`event.state` reads it). */
  private readonly states = new StateHistory();
  private check: InvariantRunner | null;
  private readonly every: number;
  /** The event count at which the next checkpoint is taken. */
  private nextCheckpoint = 0;
  private readonly record: boolean;
  private finished = false;
  /** Events the last `seek` replayed from its checkpoint (for tests and the benches). */
  lastSeekReplayed = 0;

  constructor(
    readonly module: ProtocolModule,
    scenario: Scenario,
    options: SimulationOptions = {},
  ) {
    // The run owns its scenario: actions appended at the head must not touch the caller's copy.
    this.scenario = structuredClone(scenario);
    this.world = World.create(module, this.scenario);
    this.check = options.invariants === false ? null : invariantRunner(module, { nodes: scenario.nodes, params: scenario.params });
    this.every = options.checkpointEvery ?? CHECKPOINT_EVERY;
    this.record = options.record !== false;
    if (this.every > 0) this.takeCheckpoint();
  }

  /** A checkpoint copies the queue and the messages in flight: N requests at one instant put
   * N messages there, so the next one waits until the events since pay for its size. */
  private takeCheckpoint(): void {
    const cp = this.world.checkpoint();
    this.checkpoints.push(cp);
    const size = cp.queue.length + cp.inflight.length + cp.pending.length;
    this.nextCheckpoint = cp.eventCount + Math.max(this.every, Math.ceil(size / 4));
  }

  /** The live world after the last event. Read it; do not step it. */
  get current(): World {
    return this.world;
  }

  get done(): boolean {
    return this.finished;
  }

  /** Entries the recorded states hold (patches and keyframes): linear in what events changed. */
  get heldStateEntries(): number {
    return this.states.held;
  }

  get eventCount(): number {
    return this.world.eventCount;
  }

  /** How many checkpoints the run holds, and the queue, in-flight and pending entries they
   * copied: what time travel costs in memory (the bench prints it). */
  get checkpointStats(): { count: number; entries: number } {
    let entries = 0;
    for (const cp of this.checkpoints) entries += cp.queue.length + cp.inflight.length + cp.pending.length;
    return { count: this.checkpoints.length, entries };
  }

  /** The event count of the last checkpoint: a branch's world steps from there to the head. */
  get lastCheckpoint(): number {
    return this.checkpoints.at(-1)?.eventCount ?? 0;
  }

  step(limit = Infinity): TraceEvent | null {
    if (this.finished) return null;
    const step = this.world.step(limit);
    if (!step) {
      this.finished = this.world.finished;
      return null;
    }
    // Recorded before the checks: the checkers reuse the diff the record just made.
    const ev = this.record ? this.states.record(step) : step;
    if (this.record) this.events.push(ev);
    if (this.check) {
      const found = this.check(ev, this.world.views);
      if (found.length) this.violations.push(...found);
    }
    if (this.every > 0 && this.world.eventCount >= this.nextCheckpoint) this.takeCheckpoint();
    return ev;
  }

  /** Steps every event due by simulated time `time`; returns how many happened. */
  advanceTo(time: number): number {
    let n = 0;
    while (this.step(time)) n++;
    return n;
  }

  /**
   * Appends an action at the head of the run, right after the last event. The scenario the
   * simulation replays grows with it, so a copied link reproduces the run exactly.
   */
  append(action: ActionWithoutTime, at = this.world.time): Action {
    // Scripted actions not yet reached stay ahead of it: the new one goes where the run is.
    const index = this.world.actionIndex;
    const applied = this.scenario.actions[index - 1];
    const next = this.scenario.actions[index];
    const time = Math.max(at, this.world.time, applied?.at ?? 0);
    // Key order as the validator writes it, so a saved or linked scenario reads back identical.
    const placed = { at: next ? Math.min(time, next.at) : time, ...action, step: this.world.eventCount } as Action;
    this.scenario.actions.splice(index, 0, placed);
    if (placed.at > this.scenario.until) this.scenario.until = placed.at;
    this.finished = false;
    return placed;
  }

  /** Runs to the end, or until `maxEvents` more events. */
  run(maxEvents = Infinity): this {
    for (let i = 0; i < maxEvents && this.step(); i++);
    return this;
  }

  /**
   * A copy of this run at its head that goes on by itself, for a search ahead that must not
   * record into the run (store/probeAhead.ts): its world is restored from the last checkpoint
   * and stepped to the head (at most a checkpoint's interval of events), its invariants are
   * `check`, already fed this run's events (their ghost history lives in closures, which a
   * checkpoint cannot copy: check/replay.ts). Its `events` start at this run's head.
   */
  branch(check: InvariantRunner | null): Simulation {
    const b = new Simulation(this.module, this.scenario, { invariants: false, record: this.record, checkpointEvery: this.every });
    const head = this.world.eventCount;
    // The branch's world reads this run's scenario: adopted back, it must see actions the
    // run appends later (a branch is dropped as soon as the run's actions change).
    const world = this.every > 0 ? World.restore(this.module, this.scenario, this.checkpointAtOrBefore(head)) : World.create(this.module, this.scenario);
    while (world.eventCount < head && world.step());
    b.world = world;
    b.check = check;
    b.finished = this.finished;
    b.checkpoints.length = 0;
    if (b.every > 0) b.takeCheckpoint();
    return b;
  }

  /** Takes in what a branch of this run recorded past this run's head: the very events this
   * run would have recorded (a deterministic run), so it goes on from there as if it had.
   * Returns the invariants and node views it had at its old head (`at`): fed the events
   * since, they can start the next branch without re-checking the whole run. */
  adopt(b: Simulation): { check: InvariantRunner | null; views: ReadonlyMap<NodeId, NodeView>; at: number } {
    const head = this.world.eventCount;
    if ((b.events[0]?.seq ?? b.eventCount) > head || b.eventCount < head) throw new Error(`a branch at steps ${b.events[0]?.seq}…${b.eventCount} cannot join a run at step ${head}`);
    for (const ev of b.events) {
      if (ev.seq < head) continue;
      // Re-recorded into this run's state history (the event's state reads the branch's).
      const kept = this.record ? this.states.record(ev) : ev;
      if (this.record) this.events.push(kept);
    }
    for (const v of b.violations) if (v.seq >= head) this.violations.push(v);
    const old = { check: this.check, views: this.world.views, at: head };
    this.world = b.world;
    this.check = b.check;
    this.finished = b.finished;
    for (const cp of b.checkpoints) if (cp.eventCount > (this.checkpoints.at(-1)?.eventCount ?? -1)) this.checkpoints.push(cp);
    this.nextCheckpoint = b.nextCheckpoint;
    // A search from here (the next V) branches from this point, with nothing to step.
    if (this.every > 0 && this.lastCheckpoint < this.world.eventCount) this.takeCheckpoint();
    return old;
  }

  /** A fresh world exactly as it was after event k (k = -1: before any event). */
  seek(k: number): World {
    if (this.every <= 0) throw new Error('time travel is off (checkpointEvery is 0)');
    const target = k + 1;
    if (target < 0 || target > this.world.eventCount) throw new RangeError(`step ${k} is outside the run (0..${this.world.eventCount - 1})`);
    const cp = this.checkpointAtOrBefore(target);
    const world = World.restore(this.module, this.scenario, cp);
    this.lastSeekReplayed = target - cp.eventCount;
    while (world.eventCount < target) world.step();
    return world;
  }

  private checkpointAtOrBefore(count: number): Checkpoint {
    const cps = this.checkpoints;
    let lo = 0;
    let hi = cps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (cps[mid]!.eventCount <= count) lo = mid;
      else hi = mid - 1;
    }
    return cps[lo]!;
  }

  trace(): Trace {
    const nodes: Trace['final']['nodes'] = {};
    for (const [id, v] of this.world.views) nodes[id] = { up: v.up, state: v.state };
    return {
      format: 'faultline-trace',
      version: 1,
      scenario: this.scenario,
      events: this.events,
      final: { time: this.world.time, nodes },
      violations: this.violations,
    };
  }
}

/**
 * The scenario a fork at step k runs: the actions applied by then, plus the new one, placed
 * right after event k. The old future is dropped, as in an editor's undo.
 */
export function forkScenario(sim: Simulation, k: number, action: ActionWithoutTime, at?: number): Scenario {
  const world = sim.seek(k);
  const kept = sim.scenario.actions.slice(0, world.actionIndex);
  const placed = { at: Math.max(world.time, at ?? world.time), ...action, step: k + 1 } as Action;
  return { ...sim.scenario, actions: [...kept, placed], until: Math.max(sim.scenario.until, world.time) };
}

/** Runs a scenario to the end with invariants on. */
export function runScenario(module: ProtocolModule, scenario: Scenario, options: SimulationOptions = {}): Simulation {
  return new Simulation(module, scenario, options).run();
}
