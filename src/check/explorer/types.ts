/** The explorer's data: what a run is asked to do, what it reports, and the search's result. */
import type { Action, Scenario } from '../../scenario/types';

export type Strategy = 'uniform' | 'swarm' | 'triggered' | 'branch';
export const STRATEGIES: readonly Strategy[] = ['uniform', 'swarm', 'triggered', 'branch'];

/** Fault kinds a run may use; swarm testing switches each on or off per run. */
export type FaultKind = 'crash' | 'partition' | 'cut' | 'pause' | 'skew' | 'timeout' | 'drop' | 'duplicate';
export const FAULT_KINDS: readonly FaultKind[] = ['crash', 'partition', 'cut', 'pause', 'skew', 'timeout', 'drop', 'duplicate'];

/** Faults fired at protocol events (the triggered strategy; FoundationDB's BUGGIFY): each fault
 * point (the protocol's `explore.faultPoint`, else a send to several peers or a role change) is
 * active in a run with chance `active`; an active point fires with chance `rate`, drops all but
 * a quorum-boundary number of the messages its event sent and/or crashes the node. */
export interface Triggers {
  /** At most this many triggered faults at fault points in the run (PCT's depth bound d); the
   * protocol's own faults (`explore.faults`) have a budget of their own (`run.ts`). */
  budget: number;
  /** Chance that an active fault point fires. */
  rate: number;
  /** Chance that a fault point is active in this run. */
  active: number;
  /** Simulated ms before a crashed node restarts: a short downtime (forgotten state) ... */
  downFor: readonly [number, number];
  /** ... or a long one, which lets the others move on (Figure 8's stages). */
  longFor: readonly [number, number];
}

/** One run, fully decided by the coordinator so that any worker gives the same result. */
export interface RunSpec {
  /** Run number, from 0: the search reports the lowest failing one. */
  index: number;
  strategy: Strategy;
  scenario: Scenario;
  /** Seed of the run's own choices during the run (triggered faults). */
  seed: number;
  /** Triggered faults start after this time (a branch continues from its prefix). */
  from: number;
  triggers?: Triggers;
}

export interface Novel {
  abstract: string;
  time: number;
  /** The node whose event made the state, the run's event count after it, and the ids of the
   * messages it sent to other nodes: a branch may cut that broadcast short and crash the node. */
  node: string;
  step: number;
  sent: number[];
  /** The actions applied by `time`: with the run's scenario, the prefix to branch from. */
  actions: Action[];
}

export interface RunResult {
  index: number;
  strategy: Strategy;
  events: number;
  /** Abstract states this run reached that were not known when its batch began. */
  novel: Novel[];
  /** Set when an invariant broke: the replayable scenario (with any triggered actions). */
  violation?: { invariant: string; message: string; seq: number; scenario: Scenario };
}

export interface ExploreConfig {
  protocol: string;
  bugs: string[];
  seed: number;
  /** Runs per batch: results merge in run order after each, so the worker count cannot
   * change what the search does. */
  batch?: number;
  /** Node counts to choose from (default: 3 and 5 within the protocol's bounds). */
  nodes?: number[];
  /** Simulated length of a run, in ms. */
  until?: number;
  /** Stop after this many runs (besides the caller's time budget). */
  maxRuns?: number;
}

export interface Progress {
  runs: number;
  events: number;
  /** Distinct abstract states seen. */
  states: number;
  archive: number;
  /** Runs per strategy so far. */
  share: Record<Strategy, number>;
  phase: 'search' | 'shrink' | 'done';
  /** While shrinking: the current step, the scenario's action count and the shrink runs so far. */
  shrink?: { step: string; actions: number; runs?: number };
}

export interface Found {
  run: number;
  strategy: Strategy;
  invariant: string;
  /** The violation as the shrunk run shows it, the run a user opens (the run as found when the
   * shrunk one could not be confirmed). */
  message: string;
  /** As found, then shrunk. */
  original: Scenario;
  shrunk: Scenario;
  shrinkRuns: number;
  /** Actions the shrinker started from: the original's, plus its random network losses made
   * explicit (so never fewer than the shrunk scenario's). */
  shrunkFrom: number;
}

/** What shrinking adds to a found violation; `message` replaces the found run's. */
export type Shrunk = Pick<Found, 'shrunk' | 'shrinkRuns' | 'shrunkFrom'> & { message?: string };
