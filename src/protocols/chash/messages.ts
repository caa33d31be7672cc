/**
 * The consistent-hashing protocol's messages and events. Names follow Dynamo (DeCandia et al.
 * 2007): a coordinator replicates a put to the key's preference list; membership changes are
 * ordered by a seed and handed off between servers with Pull and Transfer.
 */
export type NodeId = string;
export type Key = string;

/** A server's place in the ring, as the seed decided it. Absent from the map: not in the ring
 * (a spare, or a server that left). */
export type MemberStatus = 'joining' | 'up' | 'leaving';

/** The ring membership at one epoch. Only the seed makes a new epoch, one change at a time, so
 * two views with the same epoch are the same view. */
export interface Membership {
  epoch: number;
  status: Readonly<Record<NodeId, MemberStatus>>;
}

/** A stored value. Versions come from the writing client's counter; ties (two clients) break
 * by writer id, so every replica picks the same winner (last writer wins). */
export interface Entry {
  value: string;
  version: number;
  writer: NodeId;
}
export type Store = Readonly<Record<Key, Entry>>;

// ── client ↔ server ──────────────────────────────────────────────────────────────
export type Get = { type: 'Get'; op: string; key: Key };
export type Put = { type: 'Put'; op: string; key: Key; entry: Entry };
/** A read's answer: the replica's entry, or null when it holds none. */
export type Value = { type: 'Value'; op: string; key: Key; entry: Entry | null };
export type PutOk = { type: 'PutOk'; op: string; key: Key; version: number };
/** The server does not serve this key in its view of the ring; here is that view. */
export type NotMine = { type: 'NotMine'; op: string; ring: Membership };
/** The put reached no agreement with every replica (one was down, behind or ahead). */
export type PutFailed = { type: 'PutFailed'; op: string; reason: string; ring: Membership };

// ── coordinator ↔ replica ────────────────────────────────────────────────────────
/** Carries the coordinator's ring: a replica behind it catches up, one ahead refuses. */
export type Replicate = { type: 'Replicate'; wid: string; key: Key; entry: Entry; ring: Membership };
export type Stored = { type: 'Stored'; wid: string };
export type Stale = { type: 'Stale'; wid: string; ring: Membership };

// ── membership ───────────────────────────────────────────────────────────────────
/** `epoch`: the requester's epoch. The seed grants a request only at its own epoch, so a late
 * or duplicated request (say, a join's, arriving after the server joined and left again) changes
 * nothing; a requester that is behind learns the ring from the answer and asks again. */
export type JoinRequest = { type: 'JoinRequest'; epoch: number };
export type LeaveRequest = { type: 'LeaveRequest'; epoch: number };
/** The seed is ordering another change (ask again later), or, when `final`, the request
 * cannot be granted (the last server of the ring cannot leave). */
export type Busy = { type: 'Busy'; ring: Membership; final: boolean };
export type Members = { type: 'Members'; ring: Membership };
export type MembersAck = { type: 'MembersAck'; epoch: number };
export type JoinDone = { type: 'JoinDone'; epoch: number };
export type LeaveDone = { type: 'LeaveDone'; epoch: number };

// ── handoff ──────────────────────────────────────────────────────────────────────
/** A joining server asks an old replica for the keys it gains. */
export type Pull = { type: 'Pull'; ring: Membership };
/** Keys handed to a joining server (answering Pull) or by a leaving one (acked). */
export type Transfer = { type: 'Transfer'; ring: Membership; entries: Store };
export type TransferAck = { type: 'TransferAck'; epoch: number };

export type ClientMessage = Value | PutOk | NotMine | PutFailed | Members;
export type ServerMessage =
  | Get
  | Put
  | Replicate
  | Stored
  | Stale
  | JoinRequest
  | LeaveRequest
  | Busy
  | Members
  | MembersAck
  | JoinDone
  | LeaveDone
  | Pull
  | Transfer
  | TransferAck;
export type ChashMessage = ClientMessage | ServerMessage;

export type Incoming<M extends ChashMessage = ChashMessage> = M & { from: NodeId };

// ── commands and timers ──────────────────────────────────────────────────────────
export type PutCommand = { type: 'put'; key: Key; value: string };
export type GetCommand = { type: 'get'; key: Key };
export type JoinCommand = { type: 'join' };
export type LeaveCommand = { type: 'leave' };

/** Client: `requestTimeout.<op>`. Server: `replicaTimeout.<wid>`, and one retry timer per
 * duty (`membershipRetry`, `requestRetry`, `handoffRetry`). */
export type OpTimer = { type: `requestTimeout.${string}` };
export type WriteTimer = { type: `replicaTimeout.${string}` };
export type RetryTimer = { type: 'membershipRetry' | 'requestRetry' | 'handoffRetry' };

export type ServerEvent = Incoming<ServerMessage> | JoinCommand | LeaveCommand | PutCommand | GetCommand | WriteTimer | RetryTimer;
export type ClientEvent = Incoming<ClientMessage> | PutCommand | GetCommand | JoinCommand | LeaveCommand | OpTimer;

/** What the user is told about a command. */
export type CommandReply =
  | { type: 'put-ok'; op: string; key: Key; version: number }
  | { type: 'get'; op: string; key: Key; value: string | null; version: number | null; from: NodeId }
  | { type: 'failed'; op: string; key: Key; reason: string }
  | { type: 'accepted'; command: string }
  | { type: 'refused'; reason: string };
