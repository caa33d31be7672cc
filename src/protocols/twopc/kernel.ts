/** The kernel's custom actions, as the machines enqueue them, and per-transaction timer names. */
import type { CancelTimerParams, OutputParams, SendParams, SetTimerParams } from '../types';
import type { CommandReply, NodeId, TwoPcMessage, TxId } from './messages';

export type KernelAction =
  | { type: 'send'; params: SendParams }
  | { type: 'setTimer'; params: SetTimerParams }
  | { type: 'cancelTimer'; params: CancelTimerParams }
  | { type: 'output'; params: OutputParams };

/** Inside `setup()` an enqueue cannot yet see the kernel actions declared beside it, so
 * effects go through this one typed door (as in the Raft machine). */
export function effects(enqueue: unknown): (action: KernelAction) => void {
  return enqueue as (action: KernelAction) => void;
}

export const send = (to: NodeId, msg: TwoPcMessage): KernelAction => ({ type: 'send', params: { to, msg } });
export const setTimer = (name: string, delay: number): KernelAction => ({ type: 'setTimer', params: { name, delay } });
export const cancelTimer = (name: string): KernelAction => ({ type: 'cancelTimer', params: { name } });
export const reply = (data: CommandReply): KernelAction => ({ type: 'output', params: { data } });

/** `voteTimeout.t1`: the kernel delivers it back as the event type. */
export const timerName = (kind: string, tx: TxId): string => `${kind}.${tx}`;
/** The transaction a timer event is about: everything after the first dot. */
export const timerTx = (type: string): TxId => type.slice(type.indexOf('.') + 1);

/** The transaction an event is about: a message's or command's `tx`, or the part of a timer's
 * name after the first dot. */
export const txOf = (event: { type: string }): TxId => ('tx' in event ? (event as { tx: TxId }).tx : timerTx(event.type));

/** A per-transaction entry, own properties only: a transaction named "constructor" must not
 * reach Object.prototype. */
export function entry<T>(map: Readonly<Record<TxId, T>>, tx: TxId): T | undefined {
  return Object.hasOwn(map, tx) ? map[tx] : undefined;
}
