/** Raft's RPCs as messages (Ongaro and Ousterhout 2014, Figure 2). Field names follow the paper. */
export type NodeId = string;

export type Entry = {
  term: number;
  command: string;
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
}

export type AppendEntriesResponse = {
  type: 'AppendEntriesResponse';
  term: number;
  success: boolean;
  /** The last index the follower now matches (raft.tla's mmatchIndex), so a reordered or
   * duplicated reply can never move the leader's matchIndex backwards. */
  matchIndex: number;
}

export type RaftMessage = RequestVote | RequestVoteResponse | AppendEntries | AppendEntriesResponse;

/** Delivered by the kernel: the message plus its sender. */
export type Incoming<M extends RaftMessage = RaftMessage> = M & { from: NodeId };

export type ClientRequest = {
  type: 'ClientRequest';
  command: string;
}

export type RaftEvent =
  | { type: 'electionTimeout' }
  | { type: 'heartbeat' }
  | Incoming<RequestVote>
  | Incoming<RequestVoteResponse>
  | Incoming<AppendEntries>
  | Incoming<AppendEntriesResponse>
  | ClientRequest;

/** What a client is told. */
export type ClientReply =
  | { type: 'redirect'; leaderHint: NodeId | null }
  | { type: 'accepted'; index: number; term: number };
