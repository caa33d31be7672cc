/**
 * The kernel's custom actions as chash machines use them, and a draft: a handler copies the
 * context, changes fields and collects effects, and the machine commits only what changed,
 * so an event that changes nothing leaves the snapshot's context (and the node's view) as is.
 */
import { output, send as sendAny, type KernelAction } from '../../sim/machineActions';
import type { ChashMessage, CommandReply, NodeId } from './messages';

export type { KernelAction } from '../../sim/machineActions';
export { effects, setTimer, cancelTimer } from '../../sim/machineActions';

export const send = (to: NodeId, msg: ChashMessage): KernelAction => sendAny(to, msg);
export const reply = (data: CommandReply): KernelAction => output(data);

export { draft, changes, run, timerSubject, type Draft } from '../kit/draft';
