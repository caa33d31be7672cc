/**
 * "Record a tour": the author steps through a run and adds steps at the cursor. Anchors,
 * highlights (the selection), ask answers and task demos are captured from the session; the
 * draft can be previewed, reordered, edited, dry-run and exported as a file or a link.
 */
import { createStore } from 'zustand/vanilla';
import type { SessionStore } from './session';
import type { Scenario } from '../scenario/types';
import type { Highlights, StepKind, Tour, TourAction, TourStep } from '../scenario/tour/types';
import { simSource } from '../scenario/tour/run';
import { proposeAnchor, proposeAnswer } from '../scenario/tour/propose';
import { dryRun, type DryRunResult } from '../scenario/tour/dryRun';
import { encodeTour } from '../scenario/tour/codec';
import { getProtocol } from '../protocols/loader';
import { tourStore } from './tour';
import { reportTourPresence } from './tourPresence';

export interface RecordState {
  session: SessionStore | null;
  title: string;
  scenario: Scenario | null;
  steps: TourStep[];
  /** A task being recorded: the next action the author takes becomes its demo. */
  armed: { revision: number; actions: number } | null;
  dry: DryRunResult | null;
  link: string | null;

  start(session: SessionStore): void;
  setTitle(title: string): void;
  /** Adds a step of `kind` at the cursor, with `say` as its text. */
  add(kind: Exclude<StepKind, 'task' | 'branch'>, say: string, question?: string): void;
  /** Arms a task step: the author's next action is recorded as the demo. */
  armTask(say: string): void;
  edit(index: number, say: string): void;
  move(index: number, by: -1 | 1): void;
  remove(index: number): void;
  draft(): Tour | null;
  check(): DryRunResult | null;
  preview(): void;
  exportLink(base: string): string | null;
  stop(): void;
}

const empty = { session: null, title: '', scenario: null, steps: [], armed: null, dry: null, link: null };

function selectionShow(session: SessionStore): Highlights | undefined {
  const s = session.getState();
  const sel = s.selection;
  if (sel?.kind === 'node') return { nodes: [sel.id] };
  if (sel?.kind === 'message') {
    const m = s.frame.inFlight.find((f) => f.message.id === sel.id)?.message;
    return m ? { messages: { type: m.type, from: m.from, to: m.to } } : undefined;
  }
  return undefined;
}

export const recordStore = createStore<RecordState>()((set, get) => {
  const here = () => {
    const f = get().session!.getState().frame;
    return { step: f.step, time: f.time };
  };
  const prevPos = () => {
    const last = get().steps.at(-1)?.anchor.resolved;
    return last ? { step: last.step, time: last.time } : null;
  };
  const unique = (base: string) => {
    let i = get().steps.length + 1;
    while (get().steps.some((s) => s.id === `${base}-${i}`)) i++;
    return `${base}-${i}`;
  };
  let unwatch: (() => void) | null = null;

  return {
    ...empty,
    start(session) {
      unwatch?.();
      tourStore.getState().leave();
      set({ ...empty, session, scenario: structuredClone(session.getState().sim.scenario), title: session.getState().sim.scenario.title ?? 'My tour' });
      // A task being recorded: the author's action (a fork of the run) becomes its demo.
      unwatch = session.subscribe((s) => {
        const armed = get().armed;
        if (!armed || s.revision === armed.revision) return;
        const acts = s.sim.scenario.actions;
        const last = acts.at(-1);
        if (!last) return;
        const demo = { ...last } as Record<string, unknown>;
        delete demo.at;
        delete demo.step;
        const step = get().steps.at(-1);
        if (!step?.task) return;
        const after = { step: s.frame.step, time: s.frame.time };
        const answer = proposeAnswer(after, simSource(s.sim));
        const done = answer && 'nodeOf' in answer ? answer.nodeOf : { kind: 'deliver' as const };
        const task = { ...step.task, demo: [demo as unknown as TourAction], done };
        set({ armed: null, steps: [...get().steps.slice(0, -1), { ...step, task }], dry: null });
      });
    },
    setTitle: (title) => set({ title }),

    add(kind, say, question) {
      const session = get().session;
      if (!session) return;
      const src = simSource(session.getState().sim);
      const anchor = get().steps.length === 0 && kind !== 'sandbox' ? proposeAnchor(null, here(), src) : proposeAnchor(prevPos(), here(), src);
      const show = selectionShow(session);
      const step: TourStep = { id: unique(kind), kind: kind === 'narrate' && 'event' in anchor ? 'wait' : kind, anchor, say, ...(show ? { show } : {}) };
      if (kind === 'ask') {
        const answer = proposeAnswer(here(), src);
        step.ask = answer ? { type: 'node', question: question || say, answer } : { type: 'yesno', question: question || say, answer: { happens: { violation: true }, within: 1000 } };
      }
      set({ steps: [...get().steps, step], dry: null, link: null });
    },

    armTask(say) {
      const session = get().session;
      if (!session) return;
      const anchor = proposeAnchor(prevPos(), here(), simSource(session.getState().sim));
      const step: TourStep = { id: unique('task'), kind: 'task', anchor, say, task: { done: { kind: 'deliver' }, within: 3000, demo: [] } };
      set({ steps: [...get().steps, step], armed: { revision: session.getState().revision, actions: session.getState().sim.scenario.actions.length }, dry: null, link: null });
    },

    edit: (i, say) => set({ steps: get().steps.map((s, k) => (k === i ? { ...s, say } : s)), dry: null, link: null }),
    move(i, by) {
      const steps = get().steps.slice();
      const j = i + by;
      if (j < 0 || j >= steps.length) return;
      [steps[i], steps[j]] = [steps[j]!, steps[i]!];
      set({ steps, dry: null, link: null });
    },
    remove: (i) => set({ steps: get().steps.filter((_, k) => k !== i), dry: null, link: null }),

    draft() {
      const { scenario, steps, title } = get();
      if (!scenario || steps.length === 0) return null;
      // A task without its demo yet cannot be played: it is left out until recorded.
      const ready = steps.filter((s) => !s.task || s.task.demo.length > 0);
      return { format: 'faultline-tour', version: 1, id: 'my-tour', title: title || 'My tour', scenario, steps: ready };
    },

    check() {
      const tour = get().draft();
      const module = tour && getProtocol(tour.scenario.protocol);
      if (!tour || !module) return null;
      const dry = dryRun(tour, module);
      set({ dry });
      return dry;
    },

    preview() {
      const { session } = get();
      const tour = get().draft();
      if (session && tour) tourStore.getState().start(tour, session);
    },

    exportLink(base) {
      const tour = get().draft();
      if (!tour) return null;
      const link = `${base}#tour=${encodeTour(tour)}`;
      set({ link });
      return link;
    },

    stop() {
      unwatch?.();
      unwatch = null;
      set({ ...empty });
    },
  };
});
// The views that are always on screen follow tourPresence, so they load no tour code (issue 17).
recordStore.subscribe((s) => reportTourPresence({ recording: s.session !== null }));
