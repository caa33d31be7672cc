/**
 * One Raft server (Ongaro and Ousterhout, USENIX ATC 2014, Figure 2) as an XState machine.
 * Network I/O and timers are custom actions the kernel interprets; randomness comes from the
 * kernel through the timer request (`min`..`max`).
 */
import { assign, enqueueActions, setup } from 'xstate';
import type { CancelTimerParams, OutputParams, SendParams, SetTimerParams } from '../types';
import type {
  AppendEntries,
  AppendEntriesResponse,
  ClientRead,
  ClientRequest,
  Entry,
  Incoming,
  NodeId,
  RaftEvent,
  RequestVote,
  RequestVoteResponse,
} from './messages';
import { isUpToDate, lastTerm, matchesAt, mergeEntries, termAt } from './log';
import { NOOP, parseWrite, serveReads, settleWrites, valueAt, type ClientReply, type WaitingRead, type WaitingWrite } from './clients';
import { effects, send as sendAction, setRandomTimer, type KernelAction } from '../../sim/machineActions';

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
  durable?: RaftDurable;
}

export interface RaftContext extends RaftDurable {
  id: NodeId;
  peers: readonly NodeId[];
  commitIndex: number;
  /** Who we believe leads currentTerm: the hint given to clients. */
  leaderId: NodeId | null;
  votesGranted: readonly NodeId[];
  nextIndex: Readonly<Record<NodeId, number>>;
  matchIndex: Readonly<Record<NodeId, number>>;
  electionTimeout: readonly [number, number];
  heartbeatInterval: number;
  commitPreviousTerm: boolean;
  leaderNoop: boolean;
  ackOnAppend: boolean;
  staleRead: boolean;
  /** Client requests this server took and has not answered (volatile). */
  waiting: readonly WaitingWrite[];
  reads: readonly WaitingRead[];
  /** ReadIndex heartbeat rounds: the last one started, and the last one each peer answered. */
  readRound: number;
  acked: Readonly<Record<NodeId, number>>;
}

// ── pure helpers ───────────────────────────────────────────────────────────────

const ELECTION = 'electionTimeout';
const HEARTBEAT = 'heartbeat';
/** Entries per AppendEntries at most, as real implementations bound a message (etcd's
 * MaxSizePerMsg): without it, N requests at one instant send N messages of up to N entries. */
export const MAX_ENTRIES = 64;

type Send = KernelAction & { type: 'send' };

function send(to: NodeId, msg: SendParams['msg']): Send {
  return sendAction(to, msg) as Send;
}

function electionTimer(ctx: RaftContext): KernelAction {
  return setRandomTimer(ELECTION, ctx.electionTimeout[0], ctx.electionTimeout[1]);
}

function majority(ctx: RaftContext): number {
  return Math.floor((ctx.peers.length + 1) / 2) + 1;
}

function appendEntriesFor(ctx: RaftContext, peer: NodeId): AppendEntries {
  const prevLogIndex = (ctx.nextIndex[peer] ?? ctx.log.length + 1) - 1;
  return {
    type: 'AppendEntries',
    term: ctx.currentTerm,
    leaderId: ctx.id,
    prevLogIndex,
    prevLogTerm: termAt(ctx.log, prevLogIndex),
    entries: ctx.log.slice(prevLogIndex, prevLogIndex + MAX_ENTRIES),
    leaderCommit: ctx.commitIndex,
    ...(ctx.reads.length > 0 ? { round: ctx.readRound } : {}),
  };
}

const reply = (data: ClientReply): KernelAction => ({ type: 'output', params: { data } });

/** Writes whose fate is known and reads a majority confirmed, answered. */
function answerClients(ctx: RaftContext): { patch: Partial<RaftContext>; out: KernelAction[] } {
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

/** Section 5.1: any RPC with a newer term makes us adopt it and forget our vote. */
function adoptTerm(ctx: RaftContext, term: number): Partial<RaftContext> {
  return term > ctx.currentTerm ? { currentTerm: term, votedFor: null, leaderId: null } : {};
}

// ── the machine ────────────────────────────────────────────────────────────────

export const raftMachine = setup({
  types: {
    context: {} as RaftContext,
    events: {} as RaftEvent,
    input: {} as RaftInput,
  },
  actions: {
    send: (_, _params: SendParams) => {},
    setTimer: (_, _params: SetTimerParams) => {},
    cancelTimer: (_, _params: CancelTimerParams) => {},
    output: (_, _params: OutputParams) => {},
    'adopt newer term': assign(({ context, event }) => adoptTerm(context, (event as { term: number }).term)),
    'reset election timer': enqueueActions(({ context, enqueue }) => effects(enqueue)(electionTimer(context))),
    'handle vote request': enqueueActions(({ context, event, enqueue }) => {
      const m = event as Incoming<RequestVote>;
      const ctx = { ...context, ...adoptTerm(context, m.term) };
      const grant =
        m.term === ctx.currentTerm &&
        (ctx.votedFor === null || ctx.votedFor === m.candidateId) &&
        isUpToDate(ctx.log, m.lastLogTerm, m.lastLogIndex);
      if (grant) {
        enqueue.assign({ votedFor: m.candidateId });
        effects(enqueue)(electionTimer(ctx));
      }
      const reply: RequestVoteResponse = { type: 'RequestVoteResponse', term: ctx.currentTerm, voteGranted: grant };
      effects(enqueue)(send(m.from, reply));
    }),
    'handle append entries': enqueueActions(({ context, event, enqueue }) => {
      const m = event as Incoming<AppendEntries>;
      const round = m.round === undefined ? {} : { round: m.round };
      const reply = (success: boolean, matchIndex: number): Send =>
        send(m.from, { type: 'AppendEntriesResponse', term: context.currentTerm, success, matchIndex, ...round } satisfies AppendEntriesResponse);
      if (m.term < context.currentTerm) {
        effects(enqueue)(reply(false, 0));
        return;
      }
      // A current leader speaks: this is what keeps a follower from starting an election.
      effects(enqueue)(electionTimer(context));
      // Assign only what changes: an unchanged context keeps the node's observed state shared,
      // which is what lets the kernel and the invariants skip a heartbeat cheaply.
      if (context.leaderId !== m.leaderId) enqueue.assign({ leaderId: m.leaderId });
      if (!matchesAt(context.log, m.prevLogIndex, m.prevLogTerm)) {
        effects(enqueue)(reply(false, 0));
        return;
      }
      const log = mergeEntries(context.log, m.prevLogIndex, m.entries);
      const lastNew = m.prevLogIndex + m.entries.length;
      const commitIndex = m.leaderCommit > context.commitIndex ? Math.max(context.commitIndex, Math.min(m.leaderCommit, lastNew)) : context.commitIndex;
      if (log !== context.log || commitIndex !== context.commitIndex) enqueue.assign({ log, commitIndex });
      effects(enqueue)(reply(true, lastNew));
    }),
    'reject append entries': enqueueActions(({ context, event, enqueue }) => {
      const m = event as Incoming<AppendEntries>;
      effects(enqueue)(send(m.from, { type: 'AppendEntriesResponse', term: context.currentTerm, success: false, matchIndex: 0 } satisfies AppendEntriesResponse));
    }),
    'start election': enqueueActions(({ context, enqueue }) => {
      const term = context.currentTerm + 1;
      enqueue.assign({ currentTerm: term, votedFor: context.id, votesGranted: [context.id], leaderId: null });
      effects(enqueue)(electionTimer(context));
      const rv: RequestVote = {
        type: 'RequestVote',
        term,
        candidateId: context.id,
        lastLogIndex: context.log.length,
        lastLogTerm: lastTerm(context.log),
      };
      for (const p of context.peers) effects(enqueue)(send(p, rv));
    }),
    'count vote': assign(({ context, event }) => {
      const m = event as Incoming<RequestVoteResponse>;
      return context.votesGranted.includes(m.from) ? {} : { votesGranted: [...context.votesGranted, m.from] };
    }),
    'initialize leader state': assign(({ context }) => ({
      leaderId: context.id,
      nextIndex: Object.fromEntries(context.peers.map((p) => [p, context.log.length + 1])),
      matchIndex: Object.fromEntries(context.peers.map((p) => [p, 0])),
      readRound: 0,
      acked: {},
    })),
    'append no-op': assign(({ context }) => (context.leaderNoop ? { log: [...context.log, { term: context.currentTerm, command: NOOP }] } : {})),
    'answer clients': enqueueActions(({ context, enqueue }) => {
      const { patch, out } = answerClients(context);
      if (Object.keys(patch).length > 0) enqueue.assign(patch);
      for (const a of out) effects(enqueue)(a);
    }),
    // A deposed leader cannot confirm its reads any more; they failed and changed nothing.
    'fail waiting reads': enqueueActions(({ context, enqueue }) => {
      if (context.reads.length === 0) return;
      for (const r of context.reads) effects(enqueue)(reply({ type: 'fail', op: r.op, reason: 'no longer the leader' }));
      enqueue.assign({ reads: [] });
    }),
    'start read': enqueueActions(({ context, event, enqueue }) => {
      const { key, op } = event as ClientRead;
      if (context.staleRead) {
        effects(enqueue)(reply({ type: 'ok', op, f: 'get', key, value: valueAt(context.log, context.commitIndex, key) }));
        return;
      }
      const next = { ...context, readRound: context.readRound + 1, reads: [...context.reads, { op, key, round: context.readRound + 1 }] };
      enqueue.assign({ readRound: next.readRound, reads: next.reads });
      effects(enqueue)(reply({ type: 'accepted-read', op, f: 'get', key }));
      for (const p of context.peers) effects(enqueue)(send(p, appendEntriesFor(next, p)));
    }),
    'cancel election timer': enqueueActions(({ enqueue }) => effects(enqueue)({ type: 'cancelTimer', params: { name: ELECTION } })),
    'send heartbeats': enqueueActions(({ context, enqueue }) => {
      for (const p of context.peers) effects(enqueue)(send(p, appendEntriesFor(context, p)));
      effects(enqueue)({ type: 'setTimer', params: { name: HEARTBEAT, delay: context.heartbeatInterval } });
    }),
    'cancel heartbeat timer': enqueueActions(({ enqueue }) => effects(enqueue)({ type: 'cancelTimer', params: { name: HEARTBEAT } })),
    'handle append response': enqueueActions(({ context, event, enqueue }) => {
      const m = event as Incoming<AppendEntriesResponse>;
      if (m.round !== undefined && m.round > (context.acked[m.from] ?? 0)) enqueue.assign({ acked: { ...context.acked, [m.from]: m.round } });
      if (m.success) {
        const match = Math.max(context.matchIndex[m.from] ?? 0, m.matchIndex);
        const next = Math.max(context.nextIndex[m.from] ?? 1, match + 1);
        if (match === context.matchIndex[m.from] && next === context.nextIndex[m.from]) return;
        const matchIndex = { ...context.matchIndex, [m.from]: match };
        const nextIndex = { ...context.nextIndex, [m.from]: next };
        enqueue.assign({ matchIndex, nextIndex, commitIndex: advancedCommitIndex(context, matchIndex) });
        // A reply that acknowledges a full message, from a follower still behind, gets the next
        // message now rather than at the heartbeat; smaller replies wait, so a backlog moves in
        // whole messages and not one entry per round trip.
        const acked = match - (context.matchIndex[m.from] ?? 0);
        if (acked >= MAX_ENTRIES && match < context.log.length) effects(enqueue)(send(m.from, appendEntriesFor({ ...context, nextIndex }, m.from)));
        return;
      }
      // The consistency check failed: back off one entry and retry at once. Never below what
      // the follower is known to match, so a duplicated or stale rejection cannot undo progress;
      // with nothing left to back off, the next heartbeat retries instead.
      const current = context.nextIndex[m.from] ?? 1;
      const next = Math.max(1, (context.matchIndex[m.from] ?? 0) + 1, current - 1);
      if (next === current) return;
      const nextIndex = { ...context.nextIndex, [m.from]: next };
      enqueue.assign({ nextIndex });
      effects(enqueue)(send(m.from, appendEntriesFor({ ...context, nextIndex }, m.from)));
    }),
    'append client command': enqueueActions(({ context, event, enqueue }) => {
      const { command, op } = event as ClientRequest;
      const w = parseWrite(command) ?? { key: command, value: '' };
      const log = [...context.log, { term: context.currentTerm, command, op }];
      const next = { ...context, log };
      // Figure 2: respond after the entry is applied to the state machine. The bug answers now.
      if (context.ackOnAppend) {
        enqueue.assign({ log });
        effects(enqueue)(reply({ type: 'ok', op, f: 'put', key: w.key, value: w.value, index: log.length }));
      } else {
        enqueue.assign({ log, waiting: [...context.waiting, { op, index: log.length }] });
        effects(enqueue)(reply({ type: 'accepted', op, f: 'put', key: w.key, value: w.value, index: log.length, term: context.currentTerm }));
      }
      for (const p of context.peers) effects(enqueue)(send(p, appendEntriesFor(next, p)));
    }),
    'redirect client': enqueueActions(({ context, event, enqueue }) => {
      const e = event as ClientRequest | ClientRead;
      const asked = e.type === 'ClientRead' ? { f: 'get' as const, key: e.key } : { f: 'put' as const, ...(parseWrite(e.command) ?? { key: e.command, value: '' }) };
      effects(enqueue)(reply({ type: 'redirect', op: e.op, ...asked, leaderHint: context.leaderId }));
    }),
  },
  guards: {
    'term is newer': ({ context, event }) => (event as { term: number }).term > context.currentTerm,
    'term is current or newer': ({ context, event }) => (event as { term: number }).term >= context.currentTerm,
    'term is older': ({ context, event }) => (event as { term: number }).term < context.currentTerm,
    'vote is granted in this term': ({ context, event }) => {
      const m = event as Incoming<RequestVoteResponse>;
      return m.term === context.currentTerm && m.voteGranted;
    },
    'votes form a majority': ({ context }) => context.votesGranted.length >= majority(context),
    'reply is for this term': ({ context, event }) => (event as { term: number }).term === context.currentTerm,
  },
}).createMachine({
  id: 'raft',
  context: ({ input }) => ({
    id: input.id,
    peers: input.peers,
    currentTerm: input.durable?.currentTerm ?? 0,
    votedFor: input.durable?.votedFor ?? null,
    log: input.durable?.log ?? [],
    commitIndex: 0,
    leaderId: null,
    votesGranted: [],
    nextIndex: {},
    matchIndex: {},
    electionTimeout: input.electionTimeout,
    heartbeatInterval: input.heartbeatInterval,
    commitPreviousTerm: input.commitPreviousTerm,
    leaderNoop: input.leaderNoop,
    ackOnAppend: input.ackOnAppend,
    staleRead: input.staleRead,
    waiting: [],
    reads: [],
    readRound: 0,
    acked: {},
  }),
  initial: 'follower',
  states: {
    follower: {
      entry: 'reset election timer',
      on: {
        electionTimeout: 'candidate',
        RequestVote: { actions: ['adopt newer term', 'handle vote request'] },
        AppendEntries: { actions: ['adopt newer term', 'handle append entries', 'answer clients'] },
        RequestVoteResponse: { actions: 'adopt newer term' },
        AppendEntriesResponse: { actions: 'adopt newer term' },
        ClientRequest: { actions: 'redirect client' },
        ClientRead: { actions: 'redirect client' },
      },
    },
    candidate: {
      entry: 'start election',
      always: { guard: 'votes form a majority', target: 'leader' },
      on: {
        electionTimeout: { target: 'candidate', reenter: true },
        RequestVote: [
          { guard: 'term is newer', target: 'follower', actions: ['adopt newer term', 'handle vote request'] },
          { actions: 'handle vote request' },
        ],
        AppendEntries: [
          // A leader of our term has won: step down and follow it (section 5.2).
          { guard: 'term is current or newer', target: 'follower', actions: ['adopt newer term', 'handle append entries', 'answer clients'] },
          { actions: 'reject append entries' },
        ],
        RequestVoteResponse: [
          { guard: 'term is newer', target: 'follower', actions: 'adopt newer term' },
          { guard: 'vote is granted in this term', actions: 'count vote' },
        ],
        AppendEntriesResponse: { guard: 'term is newer', target: 'follower', actions: 'adopt newer term' },
        ClientRequest: { actions: 'redirect client' },
        ClientRead: { actions: 'redirect client' },
      },
    },
    leader: {
      entry: ['cancel election timer', 'initialize leader state', 'append no-op', 'send heartbeats'],
      exit: ['cancel heartbeat timer', 'fail waiting reads'],
      on: {
        heartbeat: { actions: 'send heartbeats' },
        RequestVote: [
          { guard: 'term is newer', target: 'follower', actions: ['adopt newer term', 'handle vote request'] },
          { actions: 'handle vote request' },
        ],
        AppendEntries: [
          { guard: 'term is newer', target: 'follower', actions: ['adopt newer term', 'handle append entries', 'answer clients'] },
          { guard: 'term is older', actions: 'reject append entries' },
          // Same term: a second leader, possible only once Election Safety is already broken
          // (a bug switch, a lost disk). raft.tla has no rule for it; answering would start an
          // endless reject-and-retry storm between the two, so the message is ignored.
        ],
        RequestVoteResponse: { guard: 'term is newer', target: 'follower', actions: 'adopt newer term' },
        AppendEntriesResponse: [
          { guard: 'term is newer', target: 'follower', actions: 'adopt newer term' },
          { guard: 'reply is for this term', actions: ['handle append response', 'answer clients'] },
        ],
        ClientRequest: { actions: 'append client command' },
        ClientRead: { actions: 'start read' },
      },
    },
  },
});
