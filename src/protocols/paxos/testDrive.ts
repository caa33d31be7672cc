/** Test helper: drives one Paxos machine with `initialTransition`/`transition` and reads back
 * its context and the kernel actions it emitted. Used by the machine unit tests only. */
import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';

export interface Step<C> {
  snap: AnyMachineSnapshot;
  actions: { type: string; params?: unknown }[];
  ctx: C;
}

export function drive<C, I>(machine: AnyStateMachine) {
  const wrap = (snap: AnyMachineSnapshot, actions: Step<C>['actions']): Step<C> => ({ snap, actions, ctx: snap.context as C });
  return {
    start: (input: I): Step<C> => {
      const [snap, actions] = initialTransition(machine, input);
      return wrap(snap, actions);
    },
    send: (s: Step<C>, event: { type: string; [k: string]: unknown }): Step<C> => {
      const [snap, actions] = transition(machine, s.snap as never, event as never);
      return wrap(snap, actions);
    },
  };
}

export const sends = (s: Step<unknown>) => s.actions.filter((a) => a.type === 'send').map((a) => a.params as { to: string; msg: Record<string, unknown> });
export const kernel = (s: Step<unknown>, type: string) => s.actions.filter((a) => a.type === type).map((a) => a.params);
