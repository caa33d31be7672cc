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
  // Never behind the step before it: a tour moves forward through its run.
  const at = last && (r.at.step < last.at.step || r.at.time < last.at.time) ? { step: Math.max(r.at.step, last.at.step), time: Math.max(r.at.time, last.at.time) } : r.at;
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

/** Whether a task is done: its event happened after `acted` (the student's action), in time. */
export function taskDone(step: TourStep, acted: Position, src: TraceSource, b: Bindings): boolean {
  if (!step.task) return false;
  return firstMatch(step.task.done, acted, step.task.within, src, b) !== null;
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

