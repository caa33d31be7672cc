/**
 * The kernel's skip of ignored events (`sim/ignored.ts`) reads XState's state nodes: this checks, for every
 * registered protocol, that each skipped step is what XState's own `transition()` gives (the
 * same snapshot, no action run), so a change in XState's internals or a new protocol's machine
 * shape that made the skip inexact fails here rather than altering traces. It lives with the
 * CLI's tests because it needs the whole registry, which `sim/` may not import.
 */
import { describe, expect, it } from 'vitest';
import { createActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';
import { protocols } from '../protocols/registry';
import { stepperFor, type Stepper } from '../sim/effects';
import { runWatched } from './watchSteps';

interface Tally {
  skipped: number;
  stepped: number;
  mismatches: string[];
}

/** Wraps a stepper so each of its steps is also run through plain `transition()`. */
function watch(machine: AnyStateMachine, input: unknown, tally: Tally): () => void {
  const stepper: Stepper = stepperFor(machine, input);
  const counter = { actions: 0 };
  const self = createActor(machine, { input });
  const scope = { self, defer: () => {}, id: '', logger: () => {}, sessionId: '', stopChild: () => {}, system: self.system, emit: () => {}, actionExecutor: () => counter.actions++ } as unknown as AnyActorScope;
  const original = stepper.step.bind(stepper);
  stepper.step = (snapshot: AnyMachineSnapshot, event: EventObject) => {
    const before = stepper.counts.skipped;
    counter.actions = 0;
    const plain = machine.transition(snapshot, event, scope) as AnyMachineSnapshot;
    const out = original(snapshot, event);
    if (stepper.counts.skipped > before) {
      tally.skipped++;
      if (plain !== snapshot || counter.actions !== 0 || out.effects.length !== 0) tally.mismatches.push(`${machine.id} ${event.type}`);
    } else tally.stepped++;
    return out;
  };
  return () => {
    stepper.step = original;
  };
}

describe('skipping ignored events, for every protocol', () => {
  for (const [id, module] of protocols) {
    it(`${id}: every skipped step is what transition() gives`, () => {
      const tally: Tally = { skipped: 0, stepped: 0, mismatches: [] };
      runWatched(module, (machine, input) => watch(machine, input, tally));
      expect(tally.mismatches).toEqual([]);
      expect(tally.stepped).toBeGreaterThan(0);
    });
  }
});
