/** Raft's RPCs as messages (Ongaro and Ousterhout 2014, Figure 2). Field names follow the paper. */
export type NodeId = string;

export type Entry = {
  term: number;
  command: string;
  /** The client op that proposed it, so the server that took the request can answer once it
   * is applied (and tell when another leader overwrote it). */
  op?: string;
}

export type RequestVote = {
  type: 'RequestVote';
  term: number;
  candidateId: NodeId;
  lastLogIndex: number;
  lastLogTerm: number;
}

export type RequestVoteResponse = {
  type: 'RequestVoteResponse';
  term: number;
  voteGranted: boolean;
}

export type AppendEntries = {
  type: 'AppendEntries';
  term: number;
  leaderId: NodeId;
  prevLogIndex: number;
  prevLogTerm: number;
  entries: Entry[];
  leaderCommit: number;
  /** ReadIndex's heartbeat round (dissertation section 6.4), present while reads wait. */
  round?: number;
}

export type AppendEntriesResponse = {
  type: 'AppendEntriesResponse';
  term: number;
  success: boolean;
  /** The last index the follower now matches (raft.tla's mmatchIndex), so a reordered or
   * duplicated reply can never move the leader's matchIndex backwards. */
  matchIndex: number;
  /** The round of the AppendEntries this answers, echoed. */
  round?: number;
}

export type RaftMessage = RequestVote | RequestVoteResponse | AppendEntries | AppendEntriesResponse;

/** Delivered by the kernel: the message plus its sender. */
export type Incoming<M extends RaftMessage = RaftMessage> = M & { from: NodeId };

export type ClientRequest = {
  type: 'ClientRequest';
  command: string;
  op: string;
}

export type ClientRead = {
  type: 'ClientRead';
  key: string;
  op: string;
}

export type RaftEvent =
  | { type: 'electionTimeout' }
  | { type: 'heartbeat' }
  | Incoming<RequestVote>
  | Incoming<RequestVoteResponse>
  | Incoming<AppendEntries>
  | Incoming<AppendEntriesResponse>
  | ClientRequest
  | ClientRead
  /** Lease reads (lease.ts): a round's lease ran out; a read under lease comes due; section
   * 4.2.3's window closed. */
  | { type: 'leaseExpired'; term: number; round: number }
  | { type: 'leaseRead'; key: string; op: string }
  | { type: 'leaderContact' };

export type { ClientReply } from './clients';
