/** The scenario format, versions 1 to 3 (docs/formats.md). A scenario is the whole input of a
 * run. Versions differ only in how the kernel draws message and timer randomness: 1 from one
 * generator, 2 from streams keyed by per-link and per-node counts (sim/rng.ts), 3 from keys
 * derived from each event's cause (sim/causal.ts). Each replays with its own draws. */
export type NodeId = string;

export interface LinkOverride {
  from: NodeId;
  to: NodeId;
  latency?: [number, number];
  drop?: number;
  duplicate?: number;
}

export interface NetworkSettings {
  /** Inclusive range of one-way delivery delays, in simulated ms. */
  latency: [number, number];
  /** Probability that a message is lost. */
  drop: number;
  /** Probability that a message is delivered twice. */
  duplicate: number;
  /** Per-link overrides of the defaults above (directed: from → to). */
  links?: LinkOverride[];
}

interface At {
  /** Simulated ms at which the action happens. */
  at: number;
  /** Trace position to wait for when the action ties with a queued event at `at`: a fork
   * places its action right after the event the user acted on (sim/simulation.ts). */
  step?: number;
}

export type KernelAction =
  | (At & { do: 'crash'; node: NodeId; loseOutbox?: boolean })
  | (At & { do: 'restart'; node: NodeId; loseDisk?: boolean })
  | (At & { do: 'pause'; node: NodeId })
  | (At & { do: 'resume'; node: NodeId })
  | (At & { do: 'skew'; node: NodeId; rate: number })
  | (At & { do: 'timeout'; node: NodeId; timer?: string })
  | (At & { do: 'partition'; groups: NodeId[][] })
  | (At & { do: 'cut'; from: NodeId; to: NodeId })
  | (At & { do: 'heal' })
  | (At & { do: 'drop'; message: number })
  | (At & { do: 'duplicate'; message: number })
  | (At & { do: 'delay'; message: number; by: number })
  | (At & { do: 'deliver'; message: number })
  | (At & { do: 'fire'; node: NodeId; timer: string })
  | (At & { do: 'schedule'; mode: 'auto' | 'manual' });

export type KernelActionKind = KernelAction['do'];

/** A protocol command ('request', 'begin', …): `do` names one of the protocol's commands. */
export interface CommandAction extends At {
  do: string;
  node: NodeId;
  [field: string]: unknown;
}

export type Action = KernelAction | CommandAction;

export interface Note {
  at: number;
  text: string;
}

export interface Scenario {
  format: 'faultline-scenario';
  version: ScenarioVersion;
  protocol: string;
  /** Short id, for curated scenarios ('figure-8'). */
  name?: string;
  title?: string;
  /** What to watch for. */
  description?: string;
  nodes: NodeId[];
  seed: number;
  params: { bugs: string[]; [key: string]: unknown };
  network: NetworkSettings;
  schedule: 'auto' | 'manual';
  actions: Action[];
  /** The run stops at this simulated time. */
  until: number;
  notes?: Note[];
  /** Compare mode: the same nodes, seed, network and fault script run again under another
   * protocol (or the same one with other parameters), side by side (scenario/compare.ts). */
  compare?: CompareSpec;
}

/** 1: one shared generator. 2: draws keyed per link and node counts. 3 (current): draws keyed
 * by cause (sim/causal.ts), so removing an action re-draws only what it caused. */
export type ScenarioVersion = 1 | 2 | 3;
export const SCENARIO_VERSION = 3 as const;

export interface CompareSpec {
  protocol: string;
  params: Scenario['params'];
}

export const KERNEL_ACTIONS: readonly KernelActionKind[] = [
  'crash',
  'restart',
  'pause',
  'resume',
  'skew',
  'timeout',
  'partition',
  'cut',
  'heal',
  'drop',
  'duplicate',
  'delay',
  'deliver',
  'fire',
  'schedule',
];

export function isKernelAction(action: Action): action is KernelAction {
  return (KERNEL_ACTIONS as readonly string[]).includes(action.do);
}
