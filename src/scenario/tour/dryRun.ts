/**
 * The dry run: plays every path of a tour headlessly (each branch choice, each task's demo) and
 * reports what would go wrong for a student: an anchor never reached, an ask the run cannot
 * answer, a task whose demo does not complete it, a step placed before the task it follows was
 * completed, an anchor that moved since it was authored.
 * It also returns the positions found, which the recorder stores as each anchor's cache.
 */
import { Simulation, forkScenario, type ActionWithoutTime } from '../../sim/simulation';
import type { ProtocolModule } from '../../protocols/types';
import type { Scenario } from '../types';
import { toResolved, type Position } from './anchors';
import { answerOf, bindAction, placeStep, simSource, taskDone, taskDoneAt, type Place } from './run';
import type { Resolved, Tour } from './types';

export interface DryRunNote {
  step: string;
  kind: 'unreached' | 'unanswerable' | 'task-not-done' | 'task-done-already' | 'before-task' | 'moved' | 'error';
  detail: string;
  /** The branch choices taken on the way (by index), to find the path. */
  path: number[];
}
export interface DryRunResult {
  notes: DryRunNote[];
  /** The cache each step's anchor resolved to on the first path that reached it. */
  resolved: Record<string, Resolved>;
  /** Where each task's demo completed it, on the first path that reached it. */
  completed: Record<string, Position>;
  /** Ask answers on the main path (first choice of every branch). */
  answers: Record<string, string>;
  /** Paths played. */
  paths: number;
}

const MAX_PATHS = 32;

/** Records `actions` at `at`, one after another, as the session's `act` does in the past. */
export function inject(module: ProtocolModule, sim: Simulation, at: Position, actions: readonly ActionWithoutTime[]): { sim: Simulation; at: Position } {
  let cur = sim;
  let pos = at;
  for (const a of actions) {
    const scenario: Scenario = forkScenario(cur, pos.step - 1, a, Math.floor(pos.time));
    cur = new Simulation(module, scenario);
    cur.advanceTo(pos.time);
    pos = { step: cur.eventCount, time: pos.time };
  }
  return { sim: cur, at: pos };
}

export function dryRun(tour: Tour, module: ProtocolModule): DryRunResult {
  const out: DryRunResult = { notes: [], resolved: {}, completed: {}, answers: {}, paths: 0 };
  const walk = (sim: Simulation, index: number, played: Place[], path: number[]) => {
    for (let i = index; i < tour.steps.length; ) {
      const step = tour.steps[i]!;
      const src = simSource(sim);
      const r = placeStep(tour.steps, i, played, src);
      if (!r.ok) return void out.notes.push({ step: step.id, kind: 'unreached', detail: r.detail, path });
      // The step after a task shows what the task led to: never a moment before its completion.
      const prev = played.at(-1);
      if (prev?.done && (r.at.step < prev.done.step || r.at.time < prev.done.time)) out.notes.push({ step: step.id, kind: 'before-task', detail: `placed at step ${r.at.step}, before the task completed at step ${prev.done.step}`, path });
      if (r.moved) out.notes.push({ step: step.id, kind: 'moved', detail: `was step ${r.moved.was.step} at ${r.moved.was.time} ms, now step ${r.at.step} at ${r.at.time} ms`, path });
      if (!Object.hasOwn(out.resolved, step.id)) out.resolved[step.id] = toResolved(r);
      const place: Place = { index: i, at: r.at, bindings: r.bindings ?? {} };
      played = [...played, place];
      if (step.ask) {
        const answer = answerOf(step.ask, r.at, src, place.bindings);
        if (answer === null) out.notes.push({ step: step.id, kind: 'unanswerable', detail: 'the event the answer depends on never happens', path });
        else if (path.every((c) => c === 0) && !Object.hasOwn(out.answers, step.id)) out.answers[step.id] = answer;
      }
      if (step.task) {
        if (taskDone(step, r.at, src, place.bindings)) out.notes.push({ step: step.id, kind: 'task-done-already', detail: 'the run completes the task without the student', path });
        const demo = inject(module, sim, r.at, step.task.demo.map((a) => bindAction(a, place.bindings)));
        sim = demo.sim;
        const done = taskDoneAt(step, demo.at, simSource(sim), place.bindings);
        played = [...played.slice(0, -1), { ...place, at: demo.at, ...(done ? { done } : {}) }];
        if (!done) out.notes.push({ step: step.id, kind: 'task-not-done', detail: `its demo does not complete it within ${step.task.within} ms`, path });
        else if (!Object.hasOwn(out.completed, step.id)) out.completed[step.id] = done;
      }
      if (step.branch) {
        step.branch.choices.forEach((c, k) => {
          if (out.paths >= MAX_PATHS) return;
          const forked = inject(module, sim, r.at, c.inject.map((a) => bindAction(a, place.bindings)));
          const target = c.goto === undefined ? i + 1 : tour.steps.findIndex((s) => s.id === c.goto);
          walk(forked.sim, target, [...played.slice(0, -1), { ...place, at: forked.at }], [...path, k]);
        });
        return;
      }
      i = step.next === undefined ? i + 1 : tour.steps.findIndex((s) => s.id === step.next);
    }
    out.paths++;
  };
  try {
    walk(new Simulation(module, tour.scenario), 0, [], []);
  } catch (e) {
    out.notes.push({ step: '?', kind: 'error', detail: e instanceof Error ? e.message : String(e), path: [] });
  }
  return out;
}
