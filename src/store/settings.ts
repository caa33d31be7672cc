/** Builds a free-play scenario from the settings a user picks. */
import type { Scenario } from '../scenario/types';

export interface ClusterSettings {
  protocol: string;
  size: number;
  seed: number;
  latency: [number, number];
  drop: number;
  duplicate: number;
  bugs: string[];
  params: Record<string, unknown>;
}

/** Ten minutes of simulated time: long enough to play, short enough to share. */
export const FREE_PLAY_UNTIL = 600_000;

export const DEFAULT_SETTINGS: ClusterSettings = {
  protocol: 'raft',
  size: 5,
  seed: 1,
  latency: [10, 30],
  drop: 0,
  duplicate: 0,
  bugs: [],
  params: {},
};

export function freeCluster(s: ClusterSettings): Scenario {
  return {
    format: 'faultline-scenario',
    version: 2,
    protocol: s.protocol,
    name: 'free-play',
    title: 'Free play',
    nodes: Array.from({ length: s.size }, (_, i) => `n${i + 1}`),
    seed: s.seed,
    params: { ...s.params, bugs: s.bugs },
    network: { latency: s.latency, drop: s.drop, duplicate: s.duplicate },
    schedule: 'auto',
    actions: [],
    until: FREE_PLAY_UNTIL,
  };
}

/** The settings a scenario was built with, to prefill the settings dialog. */
export function settingsOf(s: Scenario): ClusterSettings {
  const { bugs, ...params } = s.params;
  return {
    protocol: s.protocol,
    size: s.nodes.length,
    seed: s.seed,
    latency: [...s.network.latency],
    drop: s.network.drop,
    duplicate: s.network.duplicate,
    bugs: [...bugs],
    params,
  };
}
