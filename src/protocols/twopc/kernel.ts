/** The kernel's custom actions, as the machines enqueue them, and per-transaction timer names. */
import { output, send as sendAny, type KernelAction } from '../../sim/machineActions';
import { entryOf } from '../../sim/precord';
import type { CommandReply, NodeId, TwoPcMessage, TxId } from './messages';

export type { KernelAction } from '../../sim/machineActions';
export { effects, setTimer, cancelTimer } from '../../sim/machineActions';

export const send = (to: NodeId, msg: TwoPcMessage): KernelAction => sendAny(to, msg);
export const reply = (data: CommandReply): KernelAction => output(data);

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
  return entryOf(map, tx);
}
