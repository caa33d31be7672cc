/**
 * Zab's messages. Names follow Zab.tla (CEPOCH, NEWEPOCH, ACKEPOCH, NEWLEADER, ACKLD, COMMITLD,
 * PROPOSE, ACK, COMMIT); the sync modes DIFF / TRUNC / SNAP and REQUEST / PING come from the
 * implementation (ZkV3_7_0.tla, Learner.java, LearnerHandler.java). FLE speaks NOTIFICATION
 * (FastLeaderElection.tla).
 */
import type { NodeId, ServerState, Txn, Vote, Zxid } from './types';

/** Every leader–follower message travels on one connection, numbered, so that it is read in
 * order exactly once: Zab assumes TCP's FIFO channels (channel.ts). */
export interface OnLink {
  conn: string;
  n: number;
}

export type Notification = { type: 'NOTIFICATION'; round: number; state: ServerState; vote: Vote };

export type LinkBody =
  | { type: 'CEPOCH'; mepoch: number }
  | { type: 'NEWEPOCH'; mepoch: number }
  | { type: 'ACKEPOCH'; mepoch: number; mzxid: Zxid }
  | { type: 'DIFF'; mtxns: Txn[] }
  | { type: 'TRUNC'; mtruncZxid: Zxid; mtxns: Txn[] }
  | { type: 'SNAP'; mtxns: Txn[] }
  | { type: 'NEWLEADER'; mepoch: number }
  | { type: 'ACKLD'; mzxid: Zxid }
  | { type: 'COMMITLD'; mzxid: Zxid }
  | { type: 'PROPOSE'; mtxn: Txn }
  | { type: 'ACK'; mzxid: Zxid }
  | { type: 'COMMIT'; mzxid: Zxid }
  | { type: 'REQUEST'; value: string; op: string; client: NodeId }
  | { type: 'PING' };

export type LinkMessage = LinkBody & OnLink;
export type ZabMessage = Notification | LinkMessage;
export type Incoming<M = ZabMessage> = M & { from: NodeId };

export type ZabEvent =
  | Incoming<ZabMessage>
  | { type: 'ClientRequest'; command: string; at: number }
  | { type: 'notifyTimeout' }
  | { type: 'finalizeWait' }
  | { type: 'tick' }
  | { type: 'syncLimit' }
  | { type: 'reconnect' }
  | { type: 'flush' };

/** What a client is told: after commit (ok), certainly not applied (fail), or unknown (info). */
export type ClientReply =
  | { type: 'invoke'; op: string; key: string; value: string }
  | { type: 'ok'; op: string; zxid: Zxid }
  | { type: 'fail'; op: string; reason: string }
  | { type: 'info'; op: string; reason: string };

export const LINK_TYPES: readonly string[] = [
  'CEPOCH', 'NEWEPOCH', 'ACKEPOCH', 'DIFF', 'TRUNC', 'SNAP', 'NEWLEADER', 'ACKLD', 'COMMITLD', 'PROPOSE', 'ACK', 'COMMIT', 'REQUEST', 'PING',
];
