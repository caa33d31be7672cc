/** The kernel's custom actions as Paxos machines enqueue them (typed sends and replies). */
import { output, send as sendAny, type KernelAction } from '../../sim/machineActions';
import type { NodeId, PaxosMessage, ProposeReply } from './messages';

export { effects, setTimer, setRandomTimer, cancelTimer } from '../../sim/machineActions';
export type { KernelAction };

export const send = (to: NodeId, msg: PaxosMessage): KernelAction => sendAny(to, msg);
export const reply = (data: ProposeReply): KernelAction => output(data);
