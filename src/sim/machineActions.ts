/**
 * The custom actions a protocol machine emits and the kernel interprets (DESIGN.md section 4):
 * their shapes and builders, shared by every protocol.
 */
import type { CancelTimerParams, MessageBody, OutputParams, SendParams, SetTimerParams } from '../protocols/types';

export type KernelAction =
  | { type: 'send'; params: SendParams }
  | { type: 'setTimer'; params: SetTimerParams }
  | { type: 'cancelTimer'; params: CancelTimerParams }
  | { type: 'output'; params: OutputParams };

/** Several kernel actions as one: the kernel carries them out in order, exactly as if the
 * machine had emitted each. A handler that only sends and sets timers (a leader's heartbeat:
 * one send per peer) then needs one action whose params list them, instead of
 * `enqueueActions`, which builds ten closures and a queue on every call (issue 12). */
export interface BatchParams {
  actions: readonly KernelAction[];
}

/** Inside `setup()` an enqueue cannot yet see the kernel actions declared beside it, so
 * effects go through this one typed door. */
export function effects(enqueue: unknown): (action: KernelAction) => void {
  return enqueue as (action: KernelAction) => void;
}

export const send = (to: string, msg: MessageBody): KernelAction => ({ type: 'send', params: { to, msg } });
export const setTimer = (name: string, delay: number): KernelAction => ({ type: 'setTimer', params: { name, delay } });
/** A timer whose delay the kernel draws from `min`..`max` with the world's seeded generator. */
export const setRandomTimer = (name: string, min: number, max: number): KernelAction => ({ type: 'setTimer', params: { name, min, max } });
export const cancelTimer = (name: string): KernelAction => ({ type: 'cancelTimer', params: { name } });
export const output = (data: unknown): KernelAction => ({ type: 'output', params: { data } });
