/**
 * The tour format, version 1 (docs/formats.md, "Tours"). A tour is a scenario plus steps; each
 * step is anchored by meaning ("the first time a node becomes leader after step 3"), with the
 * position it resolved to when authored cached beside it, so that a protocol change that moves
 * the anchor is found again and reported (anchors.ts).
 */
import type { Scenario } from '../types';
import type { EventKind } from '../../sim/types';
import type { ActionWithoutTime } from '../../sim/simulation';

export const TOUR_FORMAT = 'faultline-tour';
export const TOUR_VERSION = 1 as const;

/** Text in one language, or per language (`en` required; others fall back to it). */
export type Text = string | { en: string; 'zh-CN'?: string };

/** A node id, or `$name`: the node a previous step bound (`bind`). */
export type NodeRef = string;

/** What an event must look like. All given fields must match. */
export interface EventMatch {
  kind?: EventKind;
  node?: NodeRef;
  /** The type of the message delivered or lost at the event, or of one it sent. */
  message?: string;
  /** The touched node's observed fields after the event equal these, and did not all before. */
  becomes?: Record<string, Scalar>;
  /** An invariant broke at the event (a name, or any when true). */
  violation?: string | true;
}

export type Scalar = string | number | boolean | null;

/** A state that holds: `count` (default 1) or more nodes whose observed fields equal `state`. */
export interface StateMatch {
  state: Record<string, Scalar>;
  node?: NodeRef;
  count?: number;
}

/** The cached position an anchor resolved to when authored: `step` events applied, at `time`;
 * `check` fingerprints the event there, so a moved anchor is noticed. */
export interface Resolved {
  step: number;
  time: number;
  check: string;
}

interface AnchorBase {
  /** Resolve from this step's position (default: the previous step's). */
  from?: string;
  /** Not reached within this many simulated ms after `from`: the anchor fails. */
  within?: number;
  resolved?: Resolved;
}
export type Anchor =
  | (AnchorBase & { at: 'start' })
  | (AnchorBase & { time: number })
  | (AnchorBase & { after: number })
  | (AnchorBase & { event: EventMatch; nth?: number })
  | (AnchorBase & { until: StateMatch });

/** What a step points at (drawn on the cluster view, the logs, the invariants and the timeline). */
export interface Highlights {
  nodes?: NodeRef[];
  messages?: { type?: string; from?: NodeRef; to?: NodeRef };
  entries?: { node: NodeRef; index: number }[];
  invariants?: string[];
  /** A timeline span from this step's position back to the named step's. */
  spanFrom?: string;
  /** Fade the nodes that are not highlighted. */
  dim?: boolean;
}

export type TourAction = ActionWithoutTime;

export interface AskOption {
  id: string;
  label: Text;
}
/** `node`: which node? (options are the scenario's nodes). `yesno`: will it happen? */
export type AskAnswer =
  /** The node of the first matching event after this step, found by playing ahead. */
  | { nodeOf: EventMatch; within?: number }
  /** "yes" if a matching event happens within `within` ms after this step, else "no". */
  | { happens: EventMatch; within: number }
  /** A fixed option (for questions the simulation cannot answer, such as "why"). */
  | { value: string };
export interface Ask {
  type: 'node' | 'yesno' | 'choice';
  question: Text;
  options?: AskOption[];
  answer: AskAnswer;
  /** Shown after answering, whatever the answer. */
  explain?: Text;
}

export interface Task {
  /** Done when a matching event happens after the student acts, within `within` ms. */
  done: EventMatch;
  within: number;
  /** "Show me": what the app does when the student skips the task. */
  demo: TourAction[];
}

export interface BranchChoice {
  label: Text;
  /** Recorded at the step's position: the run forks there. */
  inject: TourAction[];
  /** The step to go to next (default: the following step). */
  goto?: string;
}

export type StepKind = 'narrate' | 'wait' | 'ask' | 'task' | 'branch' | 'sandbox';

export interface TourStep {
  id: string;
  kind: StepKind;
  anchor: Anchor;
  say: Text;
  show?: Highlights;
  /** Binds `$name` to the node of this step's anchor event, for later steps and `{{name}}`. */
  bind?: string;
  ask?: Ask;
  task?: Task;
  branch?: { choices: BranchChoice[] };
  /** The step that follows this one (default: the next in the list); forward only. */
  next?: string;
}

export interface Tour {
  format: typeof TOUR_FORMAT;
  version: typeof TOUR_VERSION;
  id: string;
  title: Text;
  description?: Text;
  authors?: string[];
  /** `protocol:name` of a curated scenario to run (docs/formats.md); when absent, `scenario` is
   * the tour's own. Once read (validate.ts, scenarioRef.ts), `scenario` holds it either way. */
  scenarioId?: string;
  scenario: Scenario;
  steps: TourStep[];
}

/** A tour as written: its own scenario, or a curated one named by `scenarioId`. */
export type TourInput = Omit<Tour, 'scenario'> & { scenario?: Scenario };
