/** Pure helpers of the Raft machine (Figure 2's rules for servers): what a message says, when
 * an entry commits, what a newer term resets. The machine (machine.ts) calls them. */
import type { SendParams, SetTimerParams } from '../types';
import type { AppendEntries, AppendEntriesResponse, Entry, Incoming, NodeId, RequestVote } from './messages';
import { lastTerm, matchesAt, mergeEntries, termAt } from './log';
import { leaderContactTimer } from './lease';
import { serveReads, settleWrites, type ClientReply } from './clients';
import { sliceOf } from '../../sim/parray';
import { send as sendAction, setRandomTimer, type KernelAction } from '../../sim/machineActions';
import type { RaftContext } from './context';

export const ELECTION = 'electionTimeout';
export const HEARTBEAT = 'heartbeat';
/** Entries per AppendEntries at most, as real implementations bound a message (etcd's
 * MaxSizePerMsg): without it, N requests at one instant send N messages of up to N entries. */
export const MAX_ENTRIES = 64;

export type Send = KernelAction & { type: 'send' };

export function send(to: NodeId, msg: SendParams['msg']): Send {
  return sendAction(to, msg) as Send;
}

export function electionTimer(ctx: RaftContext): KernelAction {
  return setRandomTimer(ELECTION, ctx.electionTimeout[0], ctx.electionTimeout[1]);
}

export const electionTimerParams = (ctx: RaftContext): SetTimerParams => ({ name: ELECTION, min: ctx.electionTimeout[0], max: ctx.electionTimeout[1] });

export function majority(ctx: RaftContext): number {
  return Math.floor((ctx.peers.length + 1) / 2) + 1;
}

/** No entries to send: one shared empty array, not a fresh one per heartbeat. */
const NO_ENTRIES: Entry[] = [];

/** The AppendEntries for `peer`, from `nextIndex` (the context's unless a reply just moved it). */
export function appendEntriesFor(ctx: RaftContext, peer: NodeId, nextIndex: Readonly<Record<NodeId, number>> = ctx.nextIndex): AppendEntries {
  const prevLogIndex = (nextIndex[peer] ?? ctx.log.length + 1) - 1;
  const msg: AppendEntries = {
    type: 'AppendEntries',
    term: ctx.currentTerm,
    leaderId: ctx.id,
    prevLogIndex,
    prevLogTerm: termAt(ctx.log, prevLogIndex),
    entries: prevLogIndex < ctx.log.length ? sliceOf(ctx.log, prevLogIndex, prevLogIndex + MAX_ENTRIES) : NO_ENTRIES,
    leaderCommit: ctx.commitIndex,
  };
  // Under leases every round counts, so every message carries one (lease.ts).
  if (ctx.reads.length > 0 || ctx.leaseReads) msg.round = ctx.readRound;
  return msg;
}

/** A new candidate's kernel actions, its term already begun: the election timer, then a
 * RequestVote to each peer. */
export function requestVotes(ctx: RaftContext): KernelAction[] {
  const rv: RequestVote = { type: 'RequestVote', term: ctx.currentTerm, candidateId: ctx.id, lastLogIndex: ctx.log.length, lastLogTerm: lastTerm(ctx.log) };
  const out: KernelAction[] = [electionTimer(ctx)];
  for (const p of ctx.peers) out.push(send(p, rv));
  return out;
}

/** A heartbeat round's kernel actions: an AppendEntries to each peer, then the next round's timer. */
export function heartbeatActions(ctx: RaftContext): KernelAction[] {
  const out: KernelAction[] = ctx.peers.map((p) => send(p, appendEntriesFor(ctx, p)));
  out.push({ type: 'setTimer', params: { name: HEARTBEAT, delay: ctx.heartbeatInterval } });
  return out;
}

export const reply = (data: ClientReply): KernelAction => ({ type: 'output', params: { data } });

/** Writes whose fate is known and reads a majority confirmed, answered. */
export function answerClients(ctx: RaftContext): { patch: Partial<RaftContext>; out: KernelAction[] } {
  const w = settleWrites(ctx);
  const r = serveReads(ctx);
  const patch: Partial<RaftContext> = {};
  if (w.waiting !== ctx.waiting) patch.waiting = w.waiting;
  if (r.reads !== ctx.reads) patch.reads = r.reads;
  return { patch, out: [...w.replies, ...r.replies].map(reply) };
}

/** Figure 2, Rules for Servers, Leaders: the largest N > commitIndex held by a majority whose
 * entry is of the current term (section 5.4.2). The bug switch drops the term condition. */
export function advancedCommitIndex(ctx: RaftContext, matchIndex: Readonly<Record<NodeId, number>>): number {
  // The largest N held by a majority (the leader holds its whole log) is the (majority - 1)-th
  // largest peer matchIndex. Terms in a log never decrease, so when that entry is not of the
  // current term no smaller one is: one sort of the peers, not a scan of the log per reply.
  const held = ctx.peers.map((p) => Math.min(matchIndex[p] ?? 0, ctx.log.length)).sort((a, b) => b - a);
  const n = majority(ctx) === 1 ? ctx.log.length : (held[majority(ctx) - 2] ?? 0);
  if (n <= ctx.commitIndex) return ctx.commitIndex;
  if (!ctx.commitPreviousTerm && termAt(ctx.log, n) !== ctx.currentTerm) return ctx.commitIndex;
  return n;
}

/** The answer to an AppendEntries, echoing its round. */
function appendReply(m: Incoming<AppendEntries>, term: number, success: boolean, matchIndex: number): Send {
  return { type: 'send', params: appendReplyParams(m, term, success, matchIndex) };
}

function appendReplyParams(m: Incoming<AppendEntries>, term: number, success: boolean, matchIndex: number): SendParams {
  const r: AppendEntriesResponse = { type: 'AppendEntriesResponse', term, success, matchIndex };
  if (m.round !== undefined) r.round = m.round;
  return { to: m.from, msg: r };
}

/** An AppendEntries that only confirms the leader: of our term and leader, nothing to append
 * or commit, no clients waiting and no leases. `receiveAppendEntries` would then only reset
 * the election timer and answer success, which the machine does with two plain actions. */
export function isPlainHeartbeat(ctx: RaftContext, m: Incoming<AppendEntries>): boolean {
  return (
    m.term === ctx.currentTerm &&
    m.entries.length === 0 &&
    !ctx.leaseReads &&
    ctx.leaderId === m.leaderId &&
    ctx.waiting.length === 0 &&
    ctx.reads.length === 0 &&
    matchesAt(ctx.log, m.prevLogIndex, m.prevLogTerm) &&
    !(m.leaderCommit > ctx.commitIndex && Math.min(m.leaderCommit, m.prevLogIndex) > ctx.commitIndex)
  );
}

/** `receiveAppendEntries`'s reply to a plain heartbeat. */
export const heartbeatReply = (ctx: RaftContext, m: Incoming<AppendEntries>): SendParams => appendReplyParams(m, ctx.currentTerm, true, m.prevLogIndex);

/** Figure 2, AppendEntries receiver: the reply and the timers a current leader resets go out
 * through `emit`; returns what to assign (null: nothing changed, the common heartbeat). */
export function receiveAppendEntries(ctx: RaftContext, m: Incoming<AppendEntries>, emit: (a: KernelAction) => void): Partial<RaftContext> | null {
  if (m.term < ctx.currentTerm) {
    emit(appendReply(m, ctx.currentTerm, false, 0));
    return null;
  }
  // A current leader speaks: this is what keeps a follower from starting an election.
  emit(electionTimer(ctx));
  let patch: Partial<RaftContext> | null = null;
  if (ctx.leaseReads) {
    if (!ctx.leaderRecent) patch = { leaderRecent: true };
    emit(leaderContactTimer(ctx));
  }
  // Assign only what changes: an unchanged context keeps the node's observed state shared,
  // which is what lets the kernel and the invariants skip a heartbeat cheaply.
  if (ctx.leaderId !== m.leaderId) (patch ??= {}).leaderId = m.leaderId;
  if (!matchesAt(ctx.log, m.prevLogIndex, m.prevLogTerm)) {
    emit(appendReply(m, ctx.currentTerm, false, 0));
    return patch;
  }
  const log = mergeEntries(ctx.log, m.prevLogIndex, m.entries);
  const lastNew = m.prevLogIndex + m.entries.length;
  const commitIndex = m.leaderCommit > ctx.commitIndex ? Math.max(ctx.commitIndex, Math.min(m.leaderCommit, lastNew)) : ctx.commitIndex;
  if (log !== ctx.log || commitIndex !== ctx.commitIndex) Object.assign((patch ??= {}), { log, commitIndex });
  emit(appendReply(m, ctx.currentTerm, true, lastNew));
  return patch;
}

/** Section 5.1: any RPC with a newer term makes us adopt it and forget our vote. */
export function adoptTerm(ctx: RaftContext, term: number): Partial<RaftContext> {
  return term > ctx.currentTerm ? { currentTerm: term, votedFor: null, leaderId: null } : {};
}


/** Whether a follower's answer to AppendEntries would change anything at the leader: a newer
 * acknowledged round, or a matchIndex or nextIndex that moves (the rules of
 * `afterAppendResponse`, without building anything). Most answers are to heartbeats and change
 * nothing, so the machine skips them without an action. */
export function appendResponseMatters(ctx: RaftContext, m: Incoming<AppendEntriesResponse>): boolean {
  if (m.round !== undefined && m.round > (ctx.acked[m.from] ?? 0)) return true;
  const matchIndex = ctx.matchIndex[m.from];
  const nextIndex = ctx.nextIndex[m.from];
  if (m.success) {
    const match = Math.max(matchIndex ?? 0, m.matchIndex);
    return match !== matchIndex || Math.max(nextIndex ?? 1, match + 1) !== nextIndex;
  }
  const current = nextIndex ?? 1;
  return Math.max(1, (matchIndex ?? 0) + 1, current - 1) !== current;
}

/** A follower's answer to AppendEntries, at the leader: its acknowledged round, then its
 * matchIndex and nextIndex (and the commit index they allow), or a step back after a failed
 * consistency check. What to assign (null: nothing) and what to send (null: nothing). */
export function afterAppendResponse(ctx: RaftContext, m: Incoming<AppendEntriesResponse>): { patch: Partial<RaftContext> | null; out: Send | null } {
  let patch: Partial<RaftContext> | null = null;
  if (m.round !== undefined && m.round > (ctx.acked[m.from] ?? 0)) patch = { acked: { ...ctx.acked, [m.from]: m.round } };
  if (m.success) {
    const match = Math.max(ctx.matchIndex[m.from] ?? 0, m.matchIndex);
    const next = Math.max(ctx.nextIndex[m.from] ?? 1, match + 1);
    if (match === ctx.matchIndex[m.from] && next === ctx.nextIndex[m.from]) return { patch, out: null };
    const matchIndex = { ...ctx.matchIndex, [m.from]: match };
    const nextIndex = { ...ctx.nextIndex, [m.from]: next };
    patch = Object.assign(patch ?? {}, { matchIndex, nextIndex, commitIndex: advancedCommitIndex(ctx, matchIndex) });
    // A reply that acknowledges a full message, from a follower still behind, gets the next
    // message now rather than at the heartbeat; smaller replies wait, so a backlog moves in
    // whole messages and not one entry per round trip.
    const acked = match - (ctx.matchIndex[m.from] ?? 0);
    return { patch, out: acked >= MAX_ENTRIES && match < ctx.log.length ? send(m.from, appendEntriesFor(ctx, m.from, nextIndex)) : null };
  }
  // The consistency check failed: back off one entry and retry at once. Never below what
  // the follower is known to match, so a duplicated or stale rejection cannot undo progress;
  // with nothing left to back off, the next heartbeat retries instead.
  const current = ctx.nextIndex[m.from] ?? 1;
  const next = Math.max(1, (ctx.matchIndex[m.from] ?? 0) + 1, current - 1);
  if (next === current) return { patch, out: null };
  const nextIndex = { ...ctx.nextIndex, [m.from]: next };
  patch = Object.assign(patch ?? {}, { nextIndex });
  return { patch, out: send(m.from, appendEntriesFor(ctx, m.from, nextIndex)) };
}
