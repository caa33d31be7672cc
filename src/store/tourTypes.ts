/** The tour player's state and actions (tour.ts implements them). */
import type { SessionStore } from './session';
import type { Tour } from '../scenario/tour/types';
import type { Position } from '../scenario/tour/anchors';
import type { Place } from '../scenario/tour/run';

export interface Moved {
  step: string;
  was: Position;
  now: Position;
}

export interface TourState {
  tour: Tour | null;
  session: SessionStore | null;
  /** Played steps, in play order (branches skip some); the last is the current step. */
  played: Place[];
  /** The student's answers, and the answers the run gives (computed by playing ahead). */
  answers: Record<string, string>;
  truth: Record<string, string>;
  /** Tasks done, by step id; and where the student first acted on the current task. */
  done: Record<string, boolean>;
  acted: { revision: number; at: Position | null } | null;
  /** Anchors that resolved elsewhere than their cache said (for the author). */
  moved: Moved[];
  /** The next step cannot be placed (its anchor is never reached on this run). */
  stuck: string | null;
  /** A wait step playing towards its position. */
  waitingFor: Position | null;
  /** Show me playing towards the task's outcome (found ahead): a violation on the way does not
   * stop it, so the demo always ends on "done". */
  showing: Position | null;
  completed: boolean;
  pickerOpen: boolean;

  /** `quiet`: opened by a URL, so there is no earlier run to tell the user about. */
  start(tour: Tour, session: SessionStore, step?: number, quiet?: boolean): void;
  next(): void;
  back(): void;
  /** Go to tour step `index` (0-based): back through the played steps, or on through the tour
   * (a branch takes its first choice, a task its demo). */
  goTo(index: number): void;
  answer(option: string): void;
  /** Do the task's demo at the cursor. */
  showMe(): void;
  choose(choice: number): void;
  /** The tour closes; the run stays. */
  leave(): void;
  setPicker(open: boolean): void;
}
