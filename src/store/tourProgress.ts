/**
 * Tour progress for an embedding page (the embed mode's postMessage bridge reads it): which tour,
 * which step, the student's answers, whether it is complete; and a way to go to a step.
 */
import { tourStore, type TourState } from './tour';

export interface TourProgress {
  tourId: string | null;
  /** The current tour step (0-based index into the tour's steps). */
  step: number;
  steps: number;
  /** The student's answers by step id (an ask's option or node id, a branch's choice index). */
  answers: Record<string, string>;
  completed: boolean;
}

export interface TourProgressSource {
  get(): TourProgress;
  /** Called on any change of get()'s value. */
  subscribe(listener: () => void): () => void;
  /** Go to tour step `step` (0-based). */
  goTo(step: number): void;
}

function progressOf(t: TourState): TourProgress {
  return { tourId: t.tour?.id ?? null, step: t.played.at(-1)?.index ?? 0, steps: t.tour?.steps.length ?? 0, answers: t.answers, completed: t.completed };
}

const same = (a: TourProgress, b: TourProgress) => a.tourId === b.tourId && a.step === b.step && a.steps === b.steps && a.answers === b.answers && a.completed === b.completed;

let last = progressOf(tourStore.getState());

/** The same object until the progress changes, so it can back a React external store. */
function current(): TourProgress {
  const now = progressOf(tourStore.getState());
  if (!same(now, last)) last = now;
  return last;
}

export const tourProgressSource: TourProgressSource = {
  get: current,
  subscribe(listener) {
    let seen = current();
    return tourStore.subscribe(() => {
      const now = current();
      if (now !== seen) {
        seen = now;
        listener();
      }
    });
  },
  goTo: (step) => tourStore.getState().goTo(step),
};
