/**
 * The tour player: which step of which tour, where each played step sits in the run, the
 * student's answers and tasks. It drives the session only through its public actions (replace,
 * seekStep, act, play), so leaving the tour keeps the run as it is.
 */
import { createStore } from 'zustand/vanilla';
import type { Position } from '../scenario/tour/anchors';
import type { TourState } from './tourTypes';
import { answerOf, bindAction, endOf, placeStep, simSource, taskDoneAt, type Place } from '../scenario/tour/run';
import { checkTask, whenOpened } from './tourWatch';
import { reportTourPresence } from './tourPresence';

export type { Moved, TourState } from './tourTypes';

let unfollow: (() => void) | null = null;
/** The session's `replacesUndone` when the tour opened its run: going back past it ends the tour. */
let undoneAtStart = 0;

/** Without a screen (tests, the CLI) or with reduced motion asked for: discrete steps. */
const animate = () => typeof matchMedia === 'function' && !matchMedia('(prefers-reduced-motion: reduce)').matches;

const empty = { tour: null, session: null, played: [], answers: {}, truth: {}, done: {}, acted: null, moved: [], stuck: null, waitingFor: null, showing: null, completed: false };

export const tourStore = createStore<TourState>()((set, get) => {
  /** Puts the session's cursor on the current step (instantly, or playing up to it); a done
   * task's step shows its completion. */
  const showPlace = (place: Place, from?: Position) => {
    const s = get().session!.getState();
    const step = get().tour!.steps[place.index]!;
    const at = endOf(place);
    if (step.kind === 'wait' && from && animate() && (from.step < at.step || from.time < at.time)) {
      s.seekStep(from.step, from.time);
      set({ waitingFor: at });
      s.play();
      return;
    }
    s.pause();
    s.seekStep(at.step, at.time);
    set({ waitingFor: null });
  };

  /** Marks the current task done at `done` (its completion) and shows that moment. */
  const finishTask = (done: Position) => {
    const { tour, played } = get();
    const cur = played.at(-1)!;
    set({ done: { ...get().done, [tour!.steps[cur.index]!.id]: true }, played: [...played.slice(0, -1), { ...cur, done }], acted: null, showing: null });
    showPlace(get().played.at(-1)!);
  };

  /** Places step `index` after the played ones and shows it; false if it cannot be placed. */
  const enter = (index: number): boolean => {
    const { tour, session, played } = get();
    if (!tour || !session) return false;
    const sim = session.getState().sim;
    const src = simSource(sim);
    const r = placeStep(tour.steps, index, played, src);
    const step = tour.steps[index]!;
    if (!r.ok) {
      set({ stuck: `${step.id}: ${r.detail}` });
      return false;
    }
    const place: Place = { index, at: r.at, bindings: r.bindings ?? {}, ...(r.moved ? { moved: r.moved } : {}) };
    const truth = step.ask ? answerOf(step.ask, r.at, src, place.bindings) : null;
    const moved = r.moved ? [...get().moved.filter((m) => m.step !== step.id), { step: step.id, was: r.moved.was, now: r.at }] : get().moved;
    const prev = played.at(-1);
    const from = prev && endOf(prev);
    set({
      played: [...played, place],
      stuck: null,
      showing: null,
      moved,
      acted: step.kind === 'task' ? { revision: session.getState().revision, at: null } : null,
      ...(truth !== null ? { truth: { ...get().truth, [step.id]: truth } } : {}),
      completed: get().completed || (index === tour.steps.length - 1),
    });
    showPlace(place, from);
    return true;
  };

  /** Records actions at the current place (the run forks there) and moves the place after them. */
  const inject = (actions: Parameters<typeof bindAction>[0][]) => {
    const { session, played } = get();
    const place = played.at(-1);
    if (!session || !place) return;
    const s = session.getState();
    s.pause();
    s.seekStep(place.at.step, place.at.time);
    for (const a of actions) session.getState().act(bindAction(a, place.bindings));
    // The tour's own actions fork its run on purpose: no "you acted in the past" warning.
    if (session.getState().notice?.key === 'notice.forked') session.getState().setNotice(null);
    const f = session.getState().frame;
    set({ played: [...played.slice(0, -1), { ...place, at: { step: f.step, time: f.time } }] });
  };

  /** The current task's completion on the run as recorded ahead (its demo done first when the
   * student has not acted), or null when the run never completes it. */
  const completeNow = (): Position | null => {
    const { tour, played, acted, session } = get();
    const cur = played.at(-1)!;
    const step = tour!.steps[cur.index]!;
    const src = () => simSource(session!.getState().sim);
    const theirs = acted?.at ? taskDoneAt(step, acted.at, src(), cur.bindings) : null;
    if (theirs) {
      set({ played: [...played.slice(0, -1), { ...cur, at: acted!.at! }] });
      return theirs;
    }
    inject(step.task!.demo);
    return taskDoneAt(step, get().played.at(-1)!.at, src(), cur.bindings);
  };

  const following = (): number | null => {
    const { tour, played } = get();
    const cur = played.at(-1);
    if (!tour || !cur) return null;
    const step = tour.steps[cur.index]!;
    const nextId = step.next;
    const i = nextId === undefined ? cur.index + 1 : tour.steps.findIndex((s) => s.id === nextId);
    return i >= 0 && i < tour.steps.length ? i : null;
  };

  return {
    ...empty,
    pickerOpen: false,

    start(tour, session, step, quiet) {
      unfollow?.();
      set({ ...empty, tour, session, pickerOpen: false });
      unfollow = session.subscribe(followSession);
      // At its start: the tour places its first step, and nothing after it counts as seen.
      undoneAtStart = session.getState().replacesUndone;
      session.getState().replace(structuredClone(tour.scenario), 0);
      whenOpened(session, tour.scenario, (ok) => {
        if (!ok || get().tour !== tour) return;
        // The top bar names the run after the tour, not its scenario's id.
        session.getState().setRunTitle({ scenario: tour.scenario.name, text: tour.title });
        // A tour opened by a link or an embed replaced nothing of the user's: no way back to offer
        // (review: its Back left the tour running over another run, and a locked embed refuses it).
        if (quiet) session.setState({ beforeReplace: null, ...(session.getState().notice?.key === 'newcomer.replaced' ? { notice: null } : {}) });
        if (enter(0) && step !== undefined) get().goTo(step);
      });
    },

    next() {
      const { tour, played, waitingFor } = get();
      const cur = played.at(-1);
      if (!tour || !cur) return;
      // The first Next during a wait finishes it.
      if (waitingFor) return showPlace(cur);
      const step = tour.steps[cur.index]!;
      if (step.kind === 'branch') return;
      // A task skipped: the app does it (the demo), so the tour goes on from the same run, after
      // the task's outcome.
      if (step.kind === 'task' && !get().done[step.id]) {
        const done = completeNow();
        if (done) finishTask(done);
      }
      const i = following();
      if (i !== null) enter(i);
    },

    back() {
      const { played } = get();
      if (played.length <= 1) return;
      const rest = played.slice(0, -1);
      set({ played: rest, stuck: null, acted: null, showing: null });
      // Exact and instant: the previous step's position, sought (never re-simulated from scratch).
      showPlace(rest.at(-1)!);
    },

    goTo(index) {
      const { tour, played } = get();
      if (!tour || index < 0 || index >= tour.steps.length) return;
      if (played.some((p) => p.index === index)) {
        while (get().played.at(-1)!.index !== index) get().back();
        return;
      }
      while (get().tour && get().played.at(-1)!.index < index) {
        const before = get().played.length;
        const cur = get().tour!.steps[get().played.at(-1)!.index]!;
        if (cur.kind === 'branch') get().choose(0);
        else get().next();
        if (get().waitingFor) get().next();
        if (get().played.length === before) break;
      }
    },

    answer(option) {
      const cur = get().played.at(-1);
      const step = cur && get().tour?.steps[cur.index];
      if (!step?.ask || get().answers[step.id] !== undefined) return;
      set({ answers: { ...get().answers, [step.id]: option } });
    },

    showMe() {
      const { tour, played } = get();
      const cur = played.at(-1);
      const step = cur && tour?.steps[cur.index];
      if (!step?.task || get().done[step.id]) return;
      inject(step.task.demo);
      const s = get().session!.getState();
      const at = get().played.at(-1)!.at;
      // The outcome, found on the run recorded ahead (null: the demo never completes the task).
      const done = taskDoneAt(step, at, simSource(s.sim), get().played.at(-1)!.bindings);
      // Played up to the outcome, where followSession marks it done and stops (through any
      // violation on the way: Figure 8's task comes after one); discrete without a screen or
      // with reduced motion.
      if (animate()) {
        set({ acted: { revision: s.revision, at }, showing: done });
        s.play();
        return;
      }
      if (done) finishTask(done);
    },

    choose(k) {
      const { tour, played } = get();
      const cur = played.at(-1);
      const step = cur && tour?.steps[cur.index];
      const choice = step?.branch?.choices[k];
      if (!step || !choice) return;
      inject(choice.inject);
      set({ answers: { ...get().answers, [step.id]: String(k) } });
      const i = choice.goto === undefined ? cur.index + 1 : tour.steps.findIndex((s) => s.id === choice.goto);
      if (i >= 0) enter(i);
    },

    leave() {
      unfollow?.();
      unfollow = null;
      const { session, tour } = get();
      const title = session?.getState().runTitle;
      if (tour && title && !title.left && title.scenario === tour.scenario.name) session!.getState().setRunTitle({ ...title, left: true });
      set({ ...empty });
    },
    setPicker: (open) => set({ pickerOpen: open }),
  };
});
// The views that are always on screen follow tourPresence, so they load no tour code (issue 17).
tourStore.subscribe((s) => reportTourPresence({ touring: s.tour !== null }));

/** Called on every session change while a tour is on: stops a wait at its step, checks a task. */
export function followSession(): void {
  const t = tourStore.getState();
  const s = t.session?.getState();
  if (!s || !t.tour) return;
  // The user went back to the run the tour replaced: the tour is over.
  if (s.replacesUndone !== undoneAtStart) return t.leave();
  if (t.waitingFor) {
    const { frame } = s;
    if (frame.step >= t.waitingFor.step && frame.time >= t.waitingFor.time) {
      // Done waiting before pausing: pause notifies this listener again, synchronously (a
      // compared run's store re-entered here without end).
      const at = t.waitingFor;
      tourStore.setState({ waitingFor: null });
      s.pause();
      s.seekStep(at.step, at.time);
    }
    // Paused on the way (a violation, the user): the wait stays, and Next jumps to its step.
    return;
  }
  const update = checkTask(t, s);
  if (!update) {
    // Show me stopped short of the outcome at a violation (playback pauses on each): go on.
    const at = t.showing;
    if (at && !s.playing && s.frame.step < at.step && s.sim.violations.some((v) => v.seq === s.frame.step - 1)) s.play();
    return;
  }
  tourStore.setState({ ...update, showing: null });
  // Done: stop on the moment the task was completed, which the next step starts from.
  const done = update.played?.at(-1)?.done;
  if (done) {
    s.pause();
    s.seekStep(done.step, done.time);
  }
}
