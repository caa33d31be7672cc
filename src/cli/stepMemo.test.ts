/**
 * The stepper's memo (`sim/stepMemo.ts`) answers a step from an earlier one that left the same
 * snapshot unchanged on an equal event: this checks, for every registered protocol, that each
 * remembered answer is what a stepper asking XState gives (the same snapshot, equal effects).
 * It lives with the CLI's tests because it needs the whole registry, which `sim/` may not import.
 */
import { describe, expect, it } from 'vitest';
import type { AnyMachineSnapshot, AnyStateMachine, EventObject } from 'xstate';
import { protocols } from '../protocols/registry';
import { randomScenario } from '../check/explore';
import { createStepper, stepperFor, type Effect } from '../sim/effects';
import { runWatched } from './watchSteps';

interface Tally {
  remembered: number;
  mismatches: string[];
}

/** Wraps the kernel's stepper so each remembered step is also asked of XState. */
function watch(machine: AnyStateMachine, input: unknown, tally: Tally): () => void {
  const stepper = stepperFor(machine, input);
  const bare = createStepper(machine, input, { memo: false });
  const original = stepper.step.bind(stepper);
  stepper.step = (snapshot: AnyMachineSnapshot, event: EventObject) => {
    const before = stepper.counts.remembered;
    const out = original(snapshot, event);
    if (stepper.counts.remembered === before) return out;
    tally.remembered++;
    // What the kernel reads of an effect: its type and params (XState's action object also
    // holds the stepper's own actor, which differs between the two steppers).
    const read = (effects: readonly Effect[]) => effects.map((e) => ({ type: e.type, params: e.params }));
    const effects = read(out.effects);
    const plain = bare.step(snapshot, event);
    try {
      expect(plain.snapshot).toBe(snapshot);
      expect(effects).toEqual(read(plain.effects));
    } catch {
      tally.mismatches.push(`${machine.id} ${event.type}`);
    }
    return out;
  };
  return () => {
    stepper.step = original;
  };
}

describe('remembered steps, for every protocol', () => {
  for (const [id, module] of protocols) {
    it(`${id}: every remembered step is what transition() gives`, () => {
      const tally: Tally = { remembered: 0, mismatches: [] };
      runWatched(
        module,
        (machine, input) => watch(machine, input, tally),
        (seed) => {
          // Versions 1-3 and bug switches: every kind of step the kernel makes.
          const s = randomScenario(module, seed, { until: 6_000, drop: 0.05, duplicate: 0.05, bugs: seed % 2 === 0 && module.bugs.length > 0 ? [module.bugs[seed % module.bugs.length]!.id] : [] });
          s.version = ((seed % 3) + 1) as 1 | 2 | 3;
          return s;
        },
      );
      expect(tally.mismatches).toEqual([]);
      // Raft's followers see the same heartbeat round after round: the memo must be in use.
      if (id === 'raft') expect(tally.remembered).toBeGreaterThan(100);
    });
  }
});
