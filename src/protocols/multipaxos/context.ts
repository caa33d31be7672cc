/** A Multi-Paxos replica's context: SMR's `NodeStates` (balMaxKnown, balPrepared, leader, insts,
 * commitUpTo, kvalue) plus the volatile bookkeeping of phases 1 and 2 and of clients. */
import type { Ballot } from '../kit/ballots';
import type { Insts, KValue } from './log';
import type { NodeId, Slot, Vote } from './messages';

/** What survives a crash: the promise, every slot's vote and commit (write-ahead, PMMC 4.3),
 * the applied prefix (equivalent to replaying the committed slots), and the client-op counter
 * so op ids stay unique across restarts. */
export interface MultiPaxosDurable {
  balMaxKnown: Ballot;
  insts: Insts;
  commitUpTo: Slot;
  kvalue: KValue;
  ops: number;
}

/** The bug switches a replica obeys. */
export interface Bugs {
  ignorePrepareVotes: boolean;
  commitQuorumMinusOne: boolean;
  acceptBelowPromise: boolean;
  executeAcrossGap: boolean;
  bareCommitNotice: boolean;
}

export interface MultiPaxosInput {
  id: NodeId;
  /** Every replica, in order: a replica's place is its ballot set (kit/ballots nextBallot). */
  nodes: readonly NodeId[];
  electionTimeout: readonly [number, number];
  heartbeatInterval: number;
  bugs: Bugs;
  durable?: MultiPaxosDurable;
}

export interface MultiPaxosContext extends MultiPaxosDurable {
  id: NodeId;
  peers: readonly NodeId[];
  index: number;
  count: number;
  electionTimeout: readonly [number, number];
  heartbeatInterval: number;
  bugs: Bugs;
  /** The ballot this replica completed phase 1 for as leader; -1 when none. */
  balPrepared: Ballot;
  /** Who this replica believes leads (the hint given to clients). */
  leader: NodeId | null;
  /** Phase 1: who promised balMaxKnown (self included), and the peak vote per slot so far. */
  promised: readonly NodeId[];
  peaks: Readonly<Record<string, Vote>>;
  /** Phase 2: per slot, who voted for this leader's proposal in balPrepared (self included). */
  accepts: Readonly<Record<string, readonly NodeId[]>>;
  /** Client ops this replica took and has not yet seen applied. */
  pending: readonly string[];
  /** Requests taken while preparing, proposed once prepared. */
  queued: readonly { op: string; command: string }[];
}
