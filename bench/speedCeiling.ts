/**
 * What XState alone costs in the speed bench's run (issue 12), so the 200k events/s target can
 * be weighed against DESIGN.md §4 (machines stepped by `transition()`): the same 100k-event
 * stretch is run whole, then its steps (each node's snapshot and event, recorded in passing)
 * are replayed through a stepper of their own with no memo (stepMemo.ts), which is
 * `machine.transition()` for every step not skipped as ignored: what XState costs a run that
 * asks it every time. Both are timed in CPU time, alternately, best of `ROUNDS`, so the load slows
 * both alike. 1 / (XState per event) is the ceiling of a run that asks XState every step, however
 * cheap the kernel and the invariants were.
 *
 *   npx tsx bench/speedCeiling.ts [nodes=3,5]
 */
import type { AnyMachineSnapshot, EventObject } from 'xstate';
import { raft } from '../src/protocols/raft';
import { Simulation } from '../src/sim/simulation';
import { createStepper, stepperFor, type Stepper } from '../src/sim/effects';
import { speedScenario } from './speedCounts';

const EVENTS = 100_000;
const ROUNDS = 5;

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function ceiling(nodes: number): string {
  const stepper = stepperFor(raft.machine('server'), null) as Stepper & { step: Stepper['step'] };
  const step = stepper.step.bind(stepper);
  const bare = createStepper(raft.machine('server'), null, { memo: false });
  const scenario = speedScenario(nodes);
  // Record the stretch's steps once.
  const snaps: AnyMachineSnapshot[] = [];
  const events: EventObject[] = [];
  stepper.step = (s, e) => {
    snaps.push(s);
    events.push(e);
    return step(s, e);
  };
  const recording = new Simulation(raft, scenario, { record: false, checkpointEvery: 0 }).run(50_000);
  const from = snaps.length;
  recording.run(EVENTS);
  stepper.step = step;
  let whole = Infinity;
  let alone = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    // The whole run's first 50k events are not timed: the stretch is the next 100k.
    const sim = new Simulation(raft, scenario, { record: false, checkpointEvery: 0 }).run(50_000);
    let t = cpuNow();
    sim.run(EVENTS);
    whole = Math.min(whole, cpuNow() - t);
    t = cpuNow();
    for (let i = from; i < snaps.length; i++) bare.step(snaps[i]!, events[i]!);
    alone = Math.min(alone, cpuNow() - t);
  }
  const us = (ms: number) => ((ms * 1000) / EVENTS).toFixed(2);
  return `  ${String(nodes).padStart(5)}  ${us(whole).padStart(12)}  ${us(alone).padStart(12)}  ${Math.round(EVENTS / (whole / 1000)).toLocaleString('en-US').padStart(9)}  ${Math.round(EVENTS / (alone / 1000)).toLocaleString('en-US').padStart(9)}`;
}

export function speedCeilingLines(nodesList = [3, 5]): string[] {
  return [
    `What XState costs (${EVENTS / 1000}k events after 50k; CPU µs per event, best of ${ROUNDS}, whole run and XState's steps alone, no memo, alternating):`,
    '  nodes  whole event  XState alone  events/s  ceiling (XState alone)',
    ...nodesList.map(ceiling),
  ];
}

if (process.argv[1]?.endsWith('speedCeiling.ts')) console.log(speedCeilingLines((process.argv[2] ?? '3,5').split(',').map(Number)).join('\n'));
