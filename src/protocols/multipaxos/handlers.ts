/**
 * The replica's steps as pure functions over a draft: each reads the context and the event,
 * writes the new context and the kernel actions to emit (sends, timers, client replies). The
 * machine (machine.ts) picks which step runs in which state; these say what a step does, after
 * the handlers of MultiPaxos-SMR (BecomeLeader, HandlePrepare, HandlePrepareReplies,
 * TakeNewRequest, HandleAccept, HandleAcceptReplies, HandleCommitNotice) and PMMC's preemption.
 */
import { majority, NO_BALLOT, nextBallot } from '../kit/ballots';
import { cancelTimer, output, send, setRandomTimer, setTimer, type KernelAction } from '../../sim/machineActions';
import type { MultiPaxosContext as Ctx } from './context';
import { advance, applyCmd, firstFreeSlot, instAt, mergePeaks, proposalsAfterPrepare, toPreparing, votesFrom, withInst } from './log';
import type { Accept, AcceptReply, ClientReply, Cmd, CommitNotice, Heartbeat, HeartbeatReply, Incoming, MultiPaxosMessage, NodeId, Prepare, PrepareReply, Preempted, Request, Slot } from './messages';

export const ELECTION = 'electionTimeout';
export const HEARTBEAT = 'heartbeat';
/** At most this many slots are resent to a lagging follower, or retransmitted, per heartbeat. */
export const CHUNK = 16;

export interface Draft {
  ctx: Ctx;
  out: KernelAction[];
}

const msg = (d: Draft, to: NodeId, m: MultiPaxosMessage) => d.out.push(send(to, m));
const toPeers = (d: Draft, m: MultiPaxosMessage) => d.ctx.peers.forEach((p) => msg(d, p, m));
const reply = (d: Draft, r: ClientReply) => d.out.push(output(r));
const patch = (d: Draft, p: Partial<Ctx>) => (d.ctx = { ...d.ctx, ...p });

/** Phase 2 needs a majority; `commit-quorum-minus-one` one fewer. */
export const commitQuorum = (c: Ctx): number => majority(c.count) - (c.bugs.commitQuorumMinusOne ? 1 : 0);

export function armElectionTimer(d: Draft): void {
  d.out.push(setRandomTimer(ELECTION, d.ctx.electionTimeout[0], d.ctx.electionTimeout[1]));
}

/** Op ids: the replica, the request's time and its durable counter (unique across restarts). */
const opId = (c: Ctx, at: number) => `${c.id}@${at}#${c.ops + 1}`;

// ── acceptor ────────────────────────────────────────────────────────────────────

/** HandlePrepare: promise m.bal, follow its sender, and report every vote from m.from on. The
 * promise is in the context (durable) in the same step as the reply leaves. */
export function promise(d: Draft, m: Incoming<Prepare>): void {
  const c = d.ctx;
  if (m.bal > c.balMaxKnown || c.leader !== m.from) patch(d, { balMaxKnown: m.bal, leader: m.from, balPrepared: NO_BALLOT, insts: toPreparing(c.insts) });
  msg(d, m.from, { type: 'PrepareReply', bal: m.bal, votes: votesFrom(c.insts, m.fromSlot) });
}

/** HandleAccept: vote <<m.bal, m.slot, m.cmd>> (durable) and answer. A committed slot keeps
 * its status and command. */
export function vote(d: Draft, m: Incoming<Accept>): void {
  const c = d.ctx;
  const was = instAt(c.insts, m.slot);
  const voted = { bal: m.bal, cmd: m.cmd };
  const inst = was?.status === 'Committed' ? { ...was, voted } : { status: 'Accepting' as const, cmd: m.cmd, voted };
  // SMR sets balMaxKnown := m.bal; below the promise that happens only under the bug switch.
  patch(d, { balMaxKnown: m.bal, leader: m.from, insts: withInst(c.insts, m.slot, inst) });
  msg(d, m.from, { type: 'AcceptReply', bal: m.bal, slot: m.slot, cmd: m.cmd });
}

/** A live leader of a ballot at least ours: follow it, and say how far we committed. */
export function follow(d: Draft, m: Incoming<Heartbeat>): void {
  const c = d.ctx;
  if (m.bal !== c.balMaxKnown || c.leader !== m.from) patch(d, { balMaxKnown: m.bal, leader: m.from });
  msg(d, m.from, { type: 'HeartbeatReply', bal: m.bal, commitUpTo: d.ctx.commitUpTo });
}

/** PMMC's preemption: the sender's ballot is below our promise. */
export function preempt(d: Draft, m: { from: NodeId }): void {
  msg(d, m.from, { type: 'Preempted', bal: d.ctx.balMaxKnown });
}

/** Evidence of a higher ballot: remember it (so our next ballot is above it) and stop leading. */
export function adoptHigher(d: Draft, m: Incoming<Preempted>): void {
  if (m.bal > d.ctx.balMaxKnown) patch(d, { balMaxKnown: m.bal, leader: null });
  patch(d, { balPrepared: NO_BALLOT });
}

// ── commit and apply ────────────────────────────────────────────────────────────

/** Marks `slot` committed with `cmd`, applies what is now contiguous, and answers this
 * replica's clients whose ops were applied. `execute-across-gap` applies it at once. */
export function commit(d: Draft, slot: Slot, cmd: Cmd): void {
  const c = d.ctx;
  const was = instAt(c.insts, slot);
  if (was?.status === 'Committed') return;
  const early = c.bugs.executeAcrossGap && slot > c.commitUpTo + 1;
  const inst = { status: 'Committed' as const, cmd, voted: was?.voted ?? null, ...(early ? { early: true as const } : {}) };
  const next = advance(withInst(c.insts, slot, inst), c.commitUpTo, early ? applyCmd(c.kvalue, cmd) : c.kvalue);
  const done = new Set(next.applied.map((a) => a.cmd.op));
  if (c.accepts[slot]) {
    const { [slot]: _, ...accepts } = c.accepts;
    patch(d, { accepts });
  }
  for (const a of next.applied) if (c.pending.includes(a.cmd.op)) reply(d, { type: 'committed', op: a.cmd.op, slot: a.slot, command: a.cmd.cmd });
  patch(d, { insts: next.insts, commitUpTo: next.commitUpTo, kvalue: next.kvalue, pending: c.pending.some((o) => done.has(o)) ? c.pending.filter((o) => !done.has(o)) : c.pending });
}

/** HandleCommitNotice. Under `bare-commit-notice` the notice has no command and the replica
 * commits its own last vote in the slot. */
export function learnCommit(d: Draft, m: Incoming<CommitNotice>): void {
  const cmd = m.cmd ?? instAt(d.ctx.insts, m.slot)?.voted?.cmd;
  if (cmd) commit(d, m.slot, cmd);
}

// ── leader ──────────────────────────────────────────────────────────────────────

/** BecomeLeader: a ballot of our own above every one we know, one Prepare for every slot
 * above commitUpTo, and our own promise counted at once. */
export function beginBallot(d: Draft): void {
  const c = d.ctx;
  const b = nextBallot(c.index, c.count, c.balMaxKnown);
  const from = c.commitUpTo + 1;
  patch(d, { balMaxKnown: b, balPrepared: NO_BALLOT, leader: c.id, insts: toPreparing(c.insts), promised: [c.id], peaks: votesFrom(c.insts, from), accepts: {} });
  toPeers(d, { type: 'Prepare', bal: b, fromSlot: from });
  armElectionTimer(d);
}

export function collectPromise(d: Draft, m: Incoming<PrepareReply>): void {
  const c = d.ctx;
  if (m.bal !== c.balMaxKnown || c.promised.includes(m.from)) return;
  patch(d, { promised: [...c.promised, m.from], peaks: mergePeaks(c.peaks, m.votes) });
}

export const promisesReachQuorum = (c: Ctx): boolean => c.promised.length >= majority(c.count);

/** Phase 2a for one slot: our own vote first (durable), then the Accept to every peer. */
export function propose(d: Draft, slot: Slot, cmd: Cmd): void {
  const c = d.ctx;
  const b = c.balPrepared;
  const was = instAt(c.insts, slot);
  const inst = was?.status === 'Committed' ? { ...was, voted: { bal: b, cmd } } : { status: 'Accepting' as const, cmd, voted: { bal: b, cmd } };
  patch(d, { insts: withInst(c.insts, slot, inst), accepts: { ...c.accepts, [slot]: [c.id] } });
  toPeers(d, { type: 'Accept', bal: b, slot, cmd });
  if (commitQuorum(d.ctx) <= 1) commitAsLeader(d, slot, cmd);
}

/** HandlePrepareReplies, once a quorum promised: adopt each slot's peak vote, fill the gaps
 * below the highest voted slot with no-ops, propose them all, then the queued requests. */
export function takeOffice(d: Draft): void {
  const c = d.ctx;
  patch(d, { balPrepared: c.balMaxKnown, leader: c.id, accepts: {} });
  d.out.push(cancelTimer(ELECTION));
  for (const p of proposalsAfterPrepare(c.insts, c.commitUpTo, c.peaks, c.bugs.ignorePrepareVotes)) propose(d, p.slot, p.cmd);
  const queued = d.ctx.queued;
  patch(d, { queued: [], peaks: {}, promised: [] });
  for (const q of queued) {
    const slot = firstFreeSlot(d.ctx.insts, d.ctx.commitUpTo, d.ctx.balPrepared);
    reply(d, { type: 'proposing', op: q.op, command: q.command, slot });
    propose(d, slot, { op: q.op, cmd: q.command });
  }
  announce(d);
}

function commitAsLeader(d: Draft, slot: Slot, cmd: Cmd): void {
  toPeers(d, { type: 'CommitNotice', slot, ...(d.ctx.bugs.bareCommitNotice ? {} : { cmd }) });
  commit(d, slot, cmd);
}

/** HandleAcceptReplies: a majority voted for our proposal in a slot, so it is chosen. */
export function countAcceptance(d: Draft, m: Incoming<AcceptReply>): void {
  const c = d.ctx;
  const had = c.accepts[m.slot];
  const inst = instAt(c.insts, m.slot);
  if (m.bal !== c.balPrepared || !had || had.includes(m.from) || inst?.voted?.bal !== c.balPrepared || inst.status === 'Committed') return;
  const voters = [...had, m.from];
  patch(d, { accepts: { ...c.accepts, [m.slot]: voters } });
  if (voters.length >= commitQuorum(c)) commitAsLeader(d, m.slot, inst.voted.cmd);
}

/** TakeNewRequest: the client's command goes in the first free slot. */
export function takeRequest(d: Draft, r: Request): void {
  const c = d.ctx;
  const op = opId(c, r.at);
  patch(d, { ops: c.ops + 1, pending: [...c.pending, op] });
  const slot = firstFreeSlot(c.insts, c.commitUpTo, c.balPrepared);
  reply(d, { type: 'proposing', op, command: r.command, slot });
  propose(d, slot, { op, cmd: r.command });
}

/** A would-be leader keeps the request until it is prepared. */
export function queueRequest(d: Draft, r: Request): void {
  const c = d.ctx;
  const op = opId(c, r.at);
  patch(d, { ops: c.ops + 1, pending: [...c.pending, op], queued: [...c.queued, { op, command: r.command }] });
  reply(d, { type: 'proposing', op, command: r.command, slot: null });
}

/** A follower refuses (the client should ask the leader): certainly not applied. */
export function redirect(d: Draft, r: Request): void {
  const c = d.ctx;
  patch(d, { ops: c.ops + 1 });
  reply(d, { type: 'redirect', op: opId(c, r.at), command: r.command, leaderHint: c.leader });
}

/** A would-be leader that steps down refuses what it queued: nothing of it was sent. */
export function refuseQueued(d: Draft): void {
  const c = d.ctx;
  if (c.queued.length === 0) return;
  for (const q of c.queued) reply(d, { type: 'redirect', op: q.op, command: q.command, leaderHint: c.leader });
  const gone = new Set(c.queued.map((q) => q.op));
  patch(d, { queued: [], pending: c.pending.filter((o) => !gone.has(o)) });
}

/** Tell the peers we lead (and how far we committed), and set the next heartbeat. */
function announce(d: Draft): void {
  toPeers(d, { type: 'Heartbeat', bal: d.ctx.balPrepared, commitUpTo: d.ctx.commitUpTo });
  d.out.push(setTimer(HEARTBEAT, d.ctx.heartbeatInterval));
}

/** Every heartbeat: announce, and resend the Accepts still short of a quorum (messages may be
 * lost), at most CHUNK slots of them. */
export function heartbeat(d: Draft): void {
  const c = d.ctx;
  announce(d);
  let n = 0;
  for (const [s, voters] of Object.entries(c.accepts)) {
    // Our own vote says what we proposed; a slot committed meanwhile (a notice from a later
    // leader) is not proposed again.
    const i = instAt(c.insts, Number(s));
    if (!i?.voted || i.status === 'Committed' || i.voted.bal !== c.balPrepared || n++ >= CHUNK) continue;
    for (const p of c.peers) if (!voters.includes(p)) msg(d, p, { type: 'Accept', bal: c.balPrepared, slot: Number(s), cmd: i.voted.cmd });
  }
}

/** A follower behind us: resend the commits it lacks, CHUNK at a time. */
export function catchUp(d: Draft, m: Incoming<HeartbeatReply>): void {
  const c = d.ctx;
  if (m.bal !== c.balPrepared) return;
  for (let s = m.commitUpTo + 1; s <= Math.min(c.insts.length, m.commitUpTo + CHUNK); s++) {
    const i = instAt(c.insts, s);
    if (i?.status === 'Committed' && i.cmd) msg(d, m.from, { type: 'CommitNotice', slot: s, ...(c.bugs.bareCommitNotice ? {} : { cmd: i.cmd }) });
  }
}
