/**
 * The effect interpreter's front half: steps an XState machine purely and turns the
 * actions it returns into kernel effects. Network I/O and timers exist only as these effects.
 */
import { createActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';
import type { CancelTimerParams, OutputParams, SendParams, SetTimerParams } from '../protocols/types';

export type Effect =
  | ({ type: 'send' } & SendParams)
  | ({ type: 'setTimer'; event?: EventObject } & SetTimerParams)
  | ({ type: 'cancelTimer' } & CancelTimerParams)
  | ({ type: 'output' } & OutputParams);

export interface Stepper {
  start(input: unknown): { snapshot: AnyMachineSnapshot; effects: Effect[] };
  step(snapshot: AnyMachineSnapshot, event: EventObject): { snapshot: AnyMachineSnapshot; effects: Effect[] };
}

interface ActionLike {
  type: string;
  params?: unknown;
}

function toEffect(action: ActionLike): Effect | null {
  const p = action.params as Record<string, unknown> | undefined;
  switch (action.type) {
    case 'send':
      return { type: 'send', ...(p as unknown as SendParams) };
    case 'setTimer':
      return { type: 'setTimer', ...(p as unknown as SetTimerParams) };
    case 'cancelTimer':
      return { type: 'cancelTimer', ...(p as unknown as CancelTimerParams) };
    case 'output':
      return { type: 'output', ...(p as unknown as OutputParams) };
    case 'xstate.raise':
      // A delayed raise is an `after` timer: the kernel owns the clock.
      if (p && typeof p.delay === 'number') return { type: 'setTimer', name: String(p.id), delay: p.delay, event: p.event as EventObject };
      return null;
    case 'xstate.cancel':
      return p ? { type: 'cancelTimer', name: String(p.sendId) } : null;
    default:
      return null;
  }
}

/**
 * `transition()` from xstate builds a throwaway actor on every call, which runs the context
 * factory again (about 30 µs a step). One inert scope per machine, reused, makes a step
 * about 5 µs and keeps it pure: the scope only collects the actions.
 */
const cache = new WeakMap<AnyStateMachine, Stepper>();

/** One stepper per machine, shared by every world: it holds no state between calls. */
export function stepperFor(machine: AnyStateMachine, sampleInput: unknown): Stepper {
  let stepper = cache.get(machine);
  if (!stepper) cache.set(machine, (stepper = createStepper(machine, sampleInput)));
  return stepper;
}

function createStepper(machine: AnyStateMachine, sampleInput: unknown): Stepper {
  let collected: ActionLike[] = [];
  const self = createActor(machine, { input: sampleInput });
  const scope = {
    self,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system: self.system,
    emit: () => {},
    actionExecutor: (a: ActionLike) => {
      collected.push(a);
    },
  } as unknown as AnyActorScope;
  const drain = (): Effect[] => {
    const effects: Effect[] = [];
    for (const a of collected) {
      const e = toEffect(a);
      if (e) effects.push(e);
    }
    collected = [];
    return effects;
  };
  return {
    start(input) {
      collected = [];
      const snapshot = machine.getInitialSnapshot(scope, input) as AnyMachineSnapshot;
      return { snapshot, effects: drain() };
    },
    step(snapshot, event) {
      collected = [];
      const next = machine.transition(snapshot, event, scope) as AnyMachineSnapshot;
      return { snapshot: next, effects: drain() };
    },
  };
}
