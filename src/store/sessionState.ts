/**
 * The session's state and actions (its type), its playback constants and the notices it
 * shows. Split from `session.ts`, which implements them; import both from `session.ts`.
 */
import type { Scenario } from '../scenario/types';
import type { Simulation, ActionWithoutTime } from '../sim/simulation';
import type { Enabled, World } from '../sim/world';
import type { TraceEvent } from '../sim/types';
import type { ProtocolModule } from '../protocols/types';
import type { Frame } from './frame';
import type { UiSlice } from './ui';

export const MIN_SPEED = 0.01;
export const MAX_SPEED = 100;
export const DEFAULT_SPEED = 0.1;
/** Events a playback tick records at most (issue 10: a link with 10,000 requests at once). */
export const TICK_EVENTS = 2000;
/** Wall-clock ms a playback tick spends recording at most, checked every 64 events: on a slow
 * or busy machine 2,000 events of a large run (2PC's thousands of transactions) took seconds. */
export const TICK_MS = 25;

/** Something to tell the user: text from the app (a key) or from the input (a reason). */
export interface Notice {
  kind: 'error' | 'info';
  key:
    | 'notice.badLink'
    | 'notice.runError'
    | 'notice.forked'
    | 'notice.restored'
    | 'notice.linkCopied'
    | 'notice.copyFailed'
    | 'notice.linkFailed'
    | 'notice.imported'
    | 'notice.importFailed'
    | 'notice.traceLoaded'
    | 'notice.traceMismatch'
    | 'notice.traceViolations'
    | 'notice.exportFailed'
    | 'notice.dropOne'
    | 'notice.compareViolation'
    | 'notice.compareFailed'
    | 'notice.extended'
    | 'notice.actionRefused'
    | 'notice.otherRunMessage'
    | 'notice.explorerOpened'
    | 'newcomer.replaying'
    | 'newcomer.replaced'
    | 'newcomer.badLinkFresh'
    | 'newcomer.nothingAhead'
    | 'newcomer.endAhead'
    | 'walk.compare.nothingAhead';
  detail?: string;
}

export interface SessionState extends UiSlice {
  module: ProtocolModule;
  sim: Simulation;
  /** The world at the cursor (the live head, or a sought past). */
  world: World;
  frame: Frame;
  /** The furthest step this run has shown. Acting before it drops events the user has seen
   * (the fork warning); a run the app opened at a step (a tour, a reload, a link) has shown
   * nothing after it, however far it was recorded ahead. */
  seen: number;
  /** Grows on every change of the run's scenario, for persistence and links. */
  revision: number;
  /** The run a scenario, settings, import or link replaced, for one undo. */
  beforeReplace: { scenario: Scenario; step: number; time: number } | null;
  /** Grows each time the user goes back to a replaced run: a tour over the replacing run ends. */
  replacesUndone: number;
  /** The scenario before the last fork, for one undo. */
  beforeFork: { scenario: Scenario; step: number; head: number } | null;
  playing: boolean;
  speed: number;
  notice: Notice | null;

  load(scenario: Scenario, step?: number): void;
  /** `load`, keeping the run it replaces for one undo (a scenario opened, a new run, an
   * import, a link), and saying so. */
  replace(scenario: Scenario, step?: number): void;
  undoReplace(): void;
  /** `replace` with a run recorded elsewhere (in chunks, by `store/loader.ts`). */
  adopt(sim: Simulation, step?: number): void;
  /** Record a fault or command at the cursor; in the past, this forks the run. */
  act(action: ActionWithoutTime): void;
  /** Manual schedule: deliver this message or fire this timer next. */
  pick(choice: Enabled): void;
  setSchedule(mode: 'auto' | 'manual'): void;
  undoFork(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  /** Advance playback by `realMs` of wall-clock time. */
  tick(realMs: number): void;
  stepForward(): void;
  stepBack(): void;
  /** Put the cursor right after event `step - 1` (0: before any event). */
  seekStep(step: number, time?: number): void;
  /** Put the cursor at simulated time `time`, within what is recorded (scrubbing). */
  seekTime(time: number): void;
  /** Put the cursor at simulated time `time`, recording the run up to it if needed (a
   * compare run following the first one's cursor). */
  followTime(time: number): void;
  setNotice(notice: Notice | null): void;
  /** Records up to `maxEvents` more events at the head without moving the cursor, stopping
   * after the first event for which `stop` holds (told whether that event broke an
   * invariant). Returns whether it stopped there. Lets a fresh run be navigated at once. */
  recordAhead(stop: (ev: TraceEvent, violated: boolean) => boolean, maxEvents: number): boolean;
  /** Compare mode: the first violation of the compared run in (from, to], if any. */
  peerStop: ((from: number, to: number) => { time: number; detail: string } | null) | null;
}
