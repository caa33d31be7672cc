/**
 * The tour engine over a run: where each step sits, what an ask step's answer is (played ahead,
 * so an author cannot get it wrong), whether a task is done, and the actions a step injects with
 * its `$name` nodes filled in. Shared by the player (store/tour.ts) and the dry run.
 */
import type { Simulation, ActionWithoutTime } from '../../sim/simulation';
import { nodeRef, resolveAnchor, type Bindings, type Position, type Resolution, type TraceSource, MAX_SCAN } from './anchors';
import type { Ask, EventMatch, TourStep } from './types';

/** A source that records the run as far as an anchor needs (at most MAX_SCAN events). */
export function simSource(sim: Simulation): TraceSource {
  return {
    event(seq) {
      while (sim.eventCount <= seq && seq < MAX_SCAN && sim.step());
      return sim.events[seq];
    },
    violations: (seq) => sim.violations.filter((v) => v.seq === seq).map((v) => v.invariant),
    until: sim.scenario.until,
  };
}

/** Where a played step sits, and the names bound up to it. */
export interface Place {
  index: number;
  at: Position;
  bindings: Bindings;
  moved?: { was: Position };
  /** A task step's completion: the steps after it are never placed before it. */
  done?: Position;
}

/** Where a played step ends: its task's completion, or its own position. */
export function endOf(p: Place): Position {
  return p.done ?? p.at;
}

/** Resolves step `index`, after the places already played (in play order). */
export function placeStep(steps: readonly TourStep[], index: number, played: readonly Place[], src: TraceSource): Resolution & { bindings?: Bindings } {
  const step = steps[index]!;
  const last = played.at(-1);
  const named = step.anchor.from === undefined ? undefined : [...played].reverse().find((p) => steps[p.index]!.id === step.anchor.from);
  const from = named?.at ?? last?.at ?? { step: 0, time: 0 };
  const bindings = last?.bindings ?? {};
  const r = resolveAnchor(step.anchor, from, src, bindings);
  if (!r.ok) return r;
  // Never behind the step before it, nor before its task's completion: a tour moves forward
  // through its run, and the text after a task describes what the task led to. An anchor
  // resolves from where the student acted, so it may name the task's outcome itself.
  const floor = last ? endOf(last) : null;
  const early = floor !== null && (r.at.step < floor.step || r.at.time < floor.time);
  const at = early ? { step: Math.max(r.at.step, floor.step), time: Math.max(r.at.time, floor.time) } : r.at;
  const bound = step.bind && r.node !== undefined ? { ...bindings, [step.bind]: r.node } : bindings;
  return { ...r, at, bindings: bound };
}

function firstMatch(m: EventMatch, from: Position, within: number | undefined, src: TraceSource, b: Bindings): { node?: string; time: number } | null {
  const r = resolveAnchor({ event: m, ...(within !== undefined ? { within } : {}) }, from, src, b);
  if (!r.ok) return null;
  return { time: r.at.time, ...(r.node !== undefined ? { node: r.node } : {}) };
}

/** The right answer, computed by playing ahead from the ask step; null when the run cannot say
 * (the event never comes), which the dry run reports. */
export function answerOf(ask: Ask, at: Position, src: TraceSource, b: Bindings): string | null {
  const a = ask.answer;
  if ('value' in a) return a.value;
  if ('happens' in a) return firstMatch(a.happens, at, a.within, src, b) ? 'yes' : 'no';
  return firstMatch(a.nodeOf, at, a.within, src, b)?.node ?? null;
}

/** Where a task is done: just after its event, the first after `acted` (the student's action)
 * within the task's time; null when it is not (yet) done. */
export function taskDoneAt(step: TourStep, acted: Position, src: TraceSource, b: Bindings): Position | null {
  if (!step.task) return null;
  const r = resolveAnchor({ event: step.task.done, within: step.task.within }, acted, src, b);
  return r.ok ? r.at : null;
}

/** Whether a task is done: its event happened after `acted`, in time. */
export function taskDone(step: TourStep, acted: Position, src: TraceSource, b: Bindings): boolean {
  return taskDoneAt(step, acted, src, b) !== null;
}

/** An injected action with its `$name` nodes replaced by the bound ids. */
export function bindAction(a: ActionWithoutTime, b: Bindings): ActionWithoutTime {
  const out: Record<string, unknown> = { ...a };
  for (const k of ['node', 'from', 'to']) {
    const v = out[k];
    if (typeof v === 'string' && v.startsWith('$')) out[k] = nodeRef(v, b) ?? v;
  }
  return out as ActionWithoutTime;
}

