/**
 * Each protocol's network message types, in the order the protocol introduces them (a request
 * before its reply). The palette colours them from this table alone, so a type's colour never
 * depends on which protocols were opened before; it lives here, not in the protocol modules,
 * because those load lazily and the palette must be whole at once. palette.test.ts fails when a
 * curated scenario sends a type missing here.
 */
export const MESSAGE_TYPES: Readonly<Record<string, readonly string[]>> = {
  raft: ['AppendEntries', 'AppendEntriesResponse', 'RequestVote', 'RequestVoteResponse'],
  twopc: ['Prepare', 'Prepared', 'VoteNo', 'Commit', 'Abort', 'Aborted', 'DecisionRequest', 'Uncertain'],
  threepc: ['CanCommit', 'Yes', 'No', 'PreCommit', 'Ack', 'DoCommit', 'Abort', 'StateReq', 'StateResp', 'DecisionReq'],
  chash: ['Put', 'PutOk', 'PutFailed', 'Replicate', 'Stored', 'Stale', 'Get', 'Value', 'NotMine', 'JoinRequest', 'Members', 'MembersAck', 'Busy', 'Pull', 'Transfer', 'TransferAck', 'JoinDone', 'LeaveRequest', 'LeaveDone'],
  paxos: ['1a', '1b', '2a', '2b', 'Nack'],
  zab: ['NOTIFICATION', 'CEPOCH', 'NEWEPOCH', 'ACKEPOCH', 'DIFF', 'TRUNC', 'SNAP', 'NEWLEADER', 'ACKLD', 'COMMITLD', 'PROPOSE', 'ACK', 'COMMIT', 'REQUEST', 'PING'],
  lock: ['Campaign', 'Elected', 'NotElected', 'Failover', 'Deposed', 'WrongEpoch', 'CreateSession', 'SessionCreated', 'SessionExpired', 'KeepAlive', 'KeepAliveReply', 'Renew', 'Renewed', 'Acquire', 'AcquireReply', 'Release', 'Released', 'Write', 'WriteOk', 'WriteRejected', 'DbWrite', 'DbAck', 'SetNX', 'SetReply', 'Del', 'DelReply'],
  multipaxos: ['Prepare', 'PrepareReply', 'Accept', 'AcceptReply', 'CommitNotice', 'Heartbeat', 'HeartbeatReply', 'Preempted', 'Request'],
};

/** The request a reply answers, when the table's protocol sends both: its colour's hue is
 * shared, in the other shade. */
export const REPLY_OF: Readonly<Record<string, string>> = {
  AppendEntriesResponse: 'AppendEntries',
  RequestVoteResponse: 'RequestVote',
  Prepared: 'Prepare',
  Aborted: 'Abort',
  PutOk: 'Put',
  Stored: 'Replicate',
  Value: 'Get',
  MembersAck: 'Members',
  TransferAck: 'Transfer',
  JoinDone: 'JoinRequest',
  LeaveDone: 'LeaveRequest',
  '1b': '1a',
  '2b': '2a',
  NEWEPOCH: 'CEPOCH',
  ACKEPOCH: 'NEWEPOCH',
  ACKLD: 'NEWLEADER',
  ACK: 'PROPOSE',
  Elected: 'Campaign',
  SessionCreated: 'CreateSession',
  KeepAliveReply: 'KeepAlive',
  Renewed: 'Renew',
  AcquireReply: 'Acquire',
  Released: 'Release',
  WriteOk: 'Write',
  DbAck: 'DbWrite',
  SetReply: 'SetNX',
  DelReply: 'Del',
  PrepareReply: 'Prepare',
  AcceptReply: 'Accept',
  HeartbeatReply: 'Heartbeat',
  StateResp: 'StateReq',
  Yes: 'CanCommit',
};
