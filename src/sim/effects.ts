/**
 * The effect interpreter's front half: steps an XState machine purely and turns the
 * actions it returns into kernel effects. Network I/O and timers exist only as these effects.
 */
import { createActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';
import type { CancelTimerParams, OutputParams, SendParams, SetTimerParams } from '../protocols/types';
import { ASK, IGNORED, selection } from './ignored';
import type { BatchParams } from './machineActions';
import { StepMemo, clear } from './stepMemo';

/** A kernel action as the machine emitted it: the action object itself, not a copy (this runs
 * for every message and timer). Only delayed raises and cancels are translated, and a `batch`
 * (machineActions.ts) is spread into the actions it lists. */
export type Effect =
  | { type: 'send'; params: SendParams }
  | { type: 'setTimer'; params: SetTimerParams & { event?: EventObject } }
  | { type: 'cancelTimer'; params: CancelTimerParams }
  | { type: 'output'; params: OutputParams };

/** What a step returns. `effects` is one array per stepper, refilled by every call: read it
 * before the next `start` or `step` (the kernel interprets it at once). */
export interface Stepped {
  snapshot: AnyMachineSnapshot;
  effects: readonly Effect[];
}

export interface Stepper {
  start(input: unknown): Stepped;
  step(snapshot: AnyMachineSnapshot, event: EventObject): Stepped;
  /** Steps taken so far (for the benches): `transition()` calls, events skipped as ignored
   * without one (`ignored.ts`), and steps answered from an earlier unchanged step (`stepMemo.ts`). */
  readonly counts: { transitions: number; skipped: number; remembered: number };
}

interface ActionLike {
  type: string;
  params?: unknown;
}

function toEffect(action: ActionLike): Effect | null {
  switch (action.type) {
    case 'send':
    case 'setTimer':
    case 'cancelTimer':
    case 'output':
      return action as Effect;
    case 'xstate.raise': {
      // A delayed raise is an `after` timer: the kernel owns the clock.
      const p = action.params as { delay?: unknown; id?: unknown; event?: unknown } | undefined;
      if (p && typeof p.delay === 'number') return { type: 'setTimer', params: { name: String(p.id), delay: p.delay, event: p.event as EventObject } };
      return null;
    }
    case 'xstate.cancel': {
      const p = action.params as { sendId?: unknown } | undefined;
      return p ? { type: 'cancelTimer', params: { name: String(p.sendId) } } : null;
    }
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

/** One stepper per machine, shared by every world: it holds no state between calls but a
 * cache of XState's pure answers (stepMemo.ts). */
export function stepperFor(machine: AnyStateMachine, sampleInput: unknown): Stepper {
  let stepper = cache.get(machine);
  if (!stepper) cache.set(machine, (stepper = createStepper(machine, sampleInput)));
  return stepper;
}

/** A stepper of its own (tests and benches; the kernel shares `stepperFor`'s); `memo: false`
 * asks XState every step that is not skipped as ignored. */
export function createStepper(machine: AnyStateMachine, sampleInput: unknown, options: { memo?: boolean } = {}): Stepper {
  // Kernel actions go straight into the one effects array; the rest are dropped here.
  const effects: Effect[] = [];
  const result: Stepped = { snapshot: undefined as unknown as AnyMachineSnapshot, effects };
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
      if (a.type === 'batch') {
        // Each is a kernel action already, in the shape an Effect has.
        for (const b of (a.params as BatchParams).actions) effects.push(b as Effect);
        return;
      }
      const e = toEffect(a);
      if (e) effects.push(e);
    },
  } as unknown as AnyActorScope;
  const counts = { transitions: 0, skipped: 0, remembered: 0 };
  const memo = options.memo === false ? null : new StepMemo();
  return {
    counts,
    start(input) {
      clear(effects);
      result.snapshot = machine.getInitialSnapshot(scope, input) as AnyMachineSnapshot;
      return result;
    },
    step(snapshot, event) {
      clear(effects);
      // An event no transition takes leaves the snapshot as it is and runs nothing.
      const s = selection(snapshot, event.type);
      if (s === IGNORED) {
        counts.skipped++;
        result.snapshot = snapshot;
        return result;
      }
      // The same unchanged step again, skipped or not: XState's earlier answer.
      const known = memo?.find(snapshot, event);
      if (known) {
        counts.remembered++;
        for (let i = 0; i < known.length; i++) effects.push(known[i]!);
        result.snapshot = snapshot;
        return result;
      }
      if (s === ASK && machine.getTransitionData(snapshot, event).length === 0) {
        counts.skipped++;
        memo?.remember(snapshot, event, effects);
        result.snapshot = snapshot;
        return result;
      }
      counts.transitions++;
      result.snapshot = machine.transition(snapshot, event, scope) as AnyMachineSnapshot;
      if (memo && result.snapshot === snapshot) memo.remember(snapshot, event, effects);
      return result;
    },
  };
}

