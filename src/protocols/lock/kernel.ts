/** The kernel's custom actions as the lock machines use them, typed to the lock's messages. */
import { output, send as sendAny, type KernelAction } from '../../sim/machineActions';
import type { ClientOutput, LockMessage } from './messages';
import type { NodeId } from './config';

export type { KernelAction } from '../../sim/machineActions';
export { setTimer, cancelTimer } from '../../sim/machineActions';
export { run, timerSubject, type Draft } from '../kit/draft';

export const send = (to: NodeId, msg: LockMessage): KernelAction => sendAny(to, msg);
/** A client-history record (messages.ts `ClientOutput`). */
export const record = (data: ClientOutput): KernelAction => output(data);

/** Own entries only: a lock or session named "constructor" must not reach Object.prototype. */
export function entry<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}
export function without<T>(map: Readonly<Record<string, T>>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(map).filter(([k]) => k !== key));
}
