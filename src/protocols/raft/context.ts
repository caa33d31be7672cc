/** A Raft server's input and context: Figure 2's state plus what this lab adds (clients,
 * ReadIndex rounds, leases, parameters and bug switches). */
import type { Entry, NodeId } from './messages';
import type { WaitingRead, WaitingWrite } from './clients';

export interface RaftDurable {
  currentTerm: number;
  votedFor: NodeId | null;
  log: readonly Entry[];
}

export interface RaftInput {
  id: NodeId;
  peers: readonly NodeId[];
  electionTimeout: readonly [number, number];
  heartbeatInterval: number;
  /** Figure 8's bug: commit an entry of an earlier term by counting replicas. */
  commitPreviousTerm: boolean;
  /** Section 8: a new leader appends a no-op entry at the start of its term. */
  leaderNoop: boolean;
  /** Bug switch: answer a write when it is appended, before it commits. */
  ackOnAppend: boolean;
  /** Bug switch: serve reads from the leader's state without confirming leadership. */
  staleRead: boolean;
  /** Dissertation section 6.4.1: serve reads under a lease instead of a round each (lease.ts). */
  leaseReads?: boolean;
  /** The clock assumption leases rest on: no clock runs more than this factor faster than
   * another. The lease lasts electionTimeout[0] / leaseDriftBound from its round's sending. */
  leaseDriftBound?: number;
  durable?: RaftDurable;
}

/** The input's settings, kept as they came (leases filled in with their defaults). */
export interface RaftContext extends RaftDurable, Required<Omit<RaftInput, 'durable'>> {
  commitIndex: number;
  /** Who we believe leads currentTerm: the hint given to clients. */
  leaderId: NodeId | null;
  votesGranted: readonly NodeId[];
  nextIndex: Readonly<Record<NodeId, number>>;
  matchIndex: Readonly<Record<NodeId, number>>;
  /** Client requests this server took and has not answered (volatile). */
  waiting: readonly WaitingWrite[];
  reads: readonly WaitingRead[];
  /** ReadIndex heartbeat rounds: the last one started, and the last one each peer answered. */
  readRound: number;
  acked: Readonly<Record<NodeId, number>>;
  /** Leader: the latest round whose lease ran out on this server's clock. */
  leaseExpired: number;
  /** Follower, with leases: heard from a current leader within electionTimeout[0] (section
   * 4.2.3), so it ignores RequestVote. */
  leaderRecent: boolean;
}
