/**
 * For the stepper's exactness tests (ignoredEvents.test.ts, stepMemo.test.ts): runs a protocol's
 * first curated scenarios and a few random ones with every role's shared stepper wrapped by
 * `watch`, which returns how to unwrap it.
 */
import type { AnyStateMachine } from 'xstate';
import type { ProtocolModule } from '../protocols/types';
import type { Scenario } from '../scenario/types';
import { randomScenario } from '../check/explore';
import { Simulation } from '../sim/simulation';

export function runWatched(module: ProtocolModule, watch: (machine: AnyStateMachine, input: unknown) => () => void, random: (seed: number) => Scenario = (seed) => randomScenario(module, seed, { until: 6_000, drop: 0.05, duplicate: 0.05 })): void {
  const scenarios = [...module.scenarios.slice(0, 6)];
  for (let seed = 1; seed <= 4; seed++) scenarios.push(random(seed));
  for (const scenario of scenarios) {
    const cfg = { nodes: scenario.nodes, params: scenario.params } as Parameters<typeof module.roles>[0];
    const roles = module.roles(cfg);
    const undo: (() => void)[] = [];
    for (const role of new Set(Object.values(roles))) undo.push(watch(module.machine(role), module.input(scenario.nodes[0]!, role, cfg)));
    try {
      new Simulation(module, scenario, { record: false, checkpointEvery: 0 }).run(8_000);
    } finally {
      undo.forEach((u) => u());
    }
  }
}
