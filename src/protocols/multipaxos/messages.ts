/**
 * Multi-Paxos messages, named after tlaplus/Examples `specifications/MultiPaxos-SMR/MultiPaxos.tla`
 * (Prepare, PrepareReply, Accept, AcceptReply, CommitNotice), with Paxos Made Moderately Complex's
 * preemption signal and a heartbeat for failure detection (PMMC section 3). One Prepare covers
 * every slot from `fromSlot` on (Paxos Made Simple section 3). A CommitNotice carries the slot and the
 * command, as PMMC's `decision` does: the SMR spec's bare `upto` is a bug switch here.
 */
import type { Ballot } from '../kit/ballots';

export type NodeId = string;
export type Slot = number;

/** A log command: the client's text and its operation id, or the no-op of Paxos Made Simple
 * section 3 (`op` is NOOP_OP). The op id makes every submitted command distinct. */
export interface Cmd {
  op: string;
  cmd: string;
}
export const NOOP_OP = 'noop';
export const NOOP: Cmd = { op: NOOP_OP, cmd: 'no-op' };
export const isNoop = (c: Cmd): boolean => c.op === NOOP_OP;

/** An acceptor's latest vote in one slot: SMR's `insts[s].voted`. */
export interface Vote {
  bal: Ballot;
  cmd: Cmd;
}

/** Phase 1 for every slot ≥ `fromSlot` (the sender knows 1..fromSlot-1 committed). */
export type Prepare = { type: 'Prepare'; bal: Ballot; fromSlot: Slot };
/** The promise, with this acceptor's vote in every slot ≥ the Prepare's `fromSlot`. */
export type PrepareReply = { type: 'PrepareReply'; bal: Ballot; votes: Record<string, Vote> };
/** Phase 2a for one slot. */
export type Accept = { type: 'Accept'; bal: Ballot; slot: Slot; cmd: Cmd };
/** Phase 2b: the vote <<bal, slot, cmd>> (the command is carried so the checker can read votes
 * off messages, as Paxos.tla's 2b does). */
export type AcceptReply = { type: 'AcceptReply'; bal: Ballot; slot: Slot; cmd: Cmd };
/** The leader committed `cmd` in `slot`. `cmd` is absent only under `bare-commit-notice`. */
export type CommitNotice = { type: 'CommitNotice'; slot: Slot; cmd?: Cmd };
/** The sender's promise `bal` is above the ballot it was asked to join (PMMC's preempted). */
export type Preempted = { type: 'Preempted'; bal: Ballot };
/** The leader of `bal` is alive and has committed 1..commitUpTo. */
export type Heartbeat = { type: 'Heartbeat'; bal: Ballot; commitUpTo: Slot };
/** A follower's answer: how far it has committed, so the leader can resend what it missed. */
export type HeartbeatReply = { type: 'HeartbeatReply'; bal: Ballot; commitUpTo: Slot };

export type MultiPaxosMessage = Prepare | PrepareReply | Accept | AcceptReply | CommitNotice | Preempted | Heartbeat | HeartbeatReply;
export type Incoming<M extends MultiPaxosMessage = MultiPaxosMessage> = M & { from: NodeId };

/** The user's command: a client asks this node to replicate `command` ("k=v"). */
export type Request = { type: 'Request'; command: string; at: number };

/** What a node tells its client. `proposing`: the op is taken (a leader put it in a slot, or a
 * would-be leader queued it); `redirect`: refused, certainly not applied; `committed`: applied
 * in `slot`. */
export type ClientReply =
  | { type: 'proposing'; op: string; command: string; slot: Slot | null }
  | { type: 'redirect'; op: string; command: string; leaderHint: NodeId | null }
  | { type: 'committed'; op: string; slot: Slot; command: string };
