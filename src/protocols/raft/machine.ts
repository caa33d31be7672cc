/**
 * One Raft server (Ongaro and Ousterhout, USENIX ATC 2014, Figure 2) as an XState machine.
 * Network I/O and timers are custom actions the kernel interprets; randomness comes from the
 * kernel through the timer request (`min`..`max`).
 */
import { assign, enqueueActions, setup } from 'xstate';
import type { CancelTimerParams, OutputParams, SendParams, SetTimerParams } from '../types';
import type { AppendEntries, AppendEntriesResponse, ClientRead, ClientRequest, Incoming, RaftEvent, RequestVote, RequestVoteResponse } from './messages';
import { appended, isUpToDate } from './log';
import { persistentArray } from '../../sim/parray';
import { NOOP, parseWrite } from './clients';
import { effects, type BatchParams, type KernelAction } from '../../sim/machineActions';
import type { RaftContext, RaftInput } from './context';
import { startRead } from './reads';
import { adoptTerm, afterAppendResponse, answerClients, appendEntriesFor, appendResponseMatters, electionTimer, electionTimerParams, ELECTION, heartbeatActions, heartbeatReply, requestVotes, isPlainHeartbeat, HEARTBEAT, majority, receiveAppendEntries, reply, send } from './rules';
import { leaderContactTimer, leaseTimer, type LeaseExpired, type LeaseRead } from './lease';

export type { RaftContext, RaftDurable, RaftInput } from './context';
export { advancedCommitIndex, MAX_ENTRIES } from './rules';

/** What `enqueueActions` hands a handler, as the helpers below use it. */
type Enqueue = ((action: KernelAction) => void) & { assign(patch: Partial<RaftContext>): void };

/** A handler's patch as one assign, then the clients the new state answers (writes committed
 * or overwritten, reads confirmed), their replies after the handler's own effects. One assign,
 * because XState copies the context and the snapshot on every one. */
function answerAfter(context: RaftContext, patch: Partial<RaftContext> | null, enqueue: unknown): void {
  const q = enqueue as Enqueue;
  if (context.waiting.length === 0 && context.reads.length === 0) {
    if (patch) q.assign(patch);
    return;
  }
  const answered = answerClients(patch ? { ...context, ...patch } : context);
  const all = Object.keys(answered.patch).length > 0 ? { ...patch, ...answered.patch } : patch;
  if (all) q.assign(all);
  for (const a of answered.out) q(a);
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
    batch: (_, _params: BatchParams) => {},
    'adopt newer term': assign(({ context, event }) => adoptTerm(context, (event as { term: number }).term)),
    'reset election timer': enqueueActions(({ context, enqueue }) => effects(enqueue)(electionTimer(context))),
    'handle vote request': enqueueActions(({ context, event, enqueue }) => {
      const m = event as Incoming<RequestVote>;
      // 'adopt newer term' ran before whenever the term is newer; adopted here all the same.
      const newer = m.term > context.currentTerm;
      const term = newer ? m.term : context.currentTerm;
      const votedFor = newer ? null : context.votedFor;
      const grant = m.term === term && (votedFor === null || votedFor === m.candidateId) && isUpToDate(context.log, m.lastLogTerm, m.lastLogIndex);
      if (grant) {
        enqueue.assign({ votedFor: m.candidateId });
        effects(enqueue)(electionTimer(context));
      }
      const reply: RequestVoteResponse = { type: 'RequestVoteResponse', term, voteGranted: grant };
      effects(enqueue)(send(m.from, reply));
    }),
    // Figure 2's receiver rules, then the clients this server can now answer: one action and
    // at most one assign, because XState copies the context and the snapshot on every assign
    // and most AppendEntries are heartbeats that change nothing.
    'handle append entries': enqueueActions(({ context, event, enqueue }) => {
      answerAfter(context, receiveAppendEntries(context, event as Incoming<AppendEntries>, effects(enqueue)), enqueue);
    }),
    'reject append entries': enqueueActions(({ context, event, enqueue }) => {
      const m = event as Incoming<AppendEntries>;
      effects(enqueue)(send(m.from, { type: 'AppendEntriesResponse', term: context.currentTerm, success: false, matchIndex: 0 } satisfies AppendEntriesResponse));
    }),
    // Starting an election is a new term voted for oneself, then the timer and the requests
    // (the 'request votes' batch): an assign and a kernel action, no enqueueActions.
    'start election': assign(({ context }) => ({ currentTerm: context.currentTerm + 1, votedFor: context.id, votesGranted: [context.id], leaderId: null, leaderRecent: false })),
    'count vote': assign(({ context, event }) => ({ votesGranted: [...context.votesGranted, (event as Incoming<RequestVoteResponse>).from] })),
    'initialize leader state': assign(({ context }) => ({
      leaderId: context.id,
      nextIndex: Object.fromEntries(context.peers.map((p) => [p, context.log.length + 1])),
      matchIndex: Object.fromEntries(context.peers.map((p) => [p, 0])),
      readRound: 0,
      acked: {},
      leaseExpired: 0,
    })),
    'append no-op': assign(({ context }) => (context.leaderNoop ? { log: appended(context.log, { term: context.currentTerm, command: NOOP }) } : {})),
    // A deposed leader cannot confirm its reads any more; they failed and changed nothing.
    'fail waiting reads': enqueueActions(({ context, enqueue }) => {
      if (context.reads.length === 0) return;
      for (const r of context.reads) effects(enqueue)(reply({ type: 'fail', op: r.op, reason: 'no longer the leader' }));
      enqueue.assign({ reads: [] });
    }),
    'fail lease read': enqueueActions(({ event, enqueue }) => effects(enqueue)(reply({ type: 'fail', op: (event as LeaseRead).op, reason: 'no longer the leader' }))),
    'start read': enqueueActions(({ context, event, enqueue }) => {
      const r = startRead(context, event as ClientRead | LeaseRead);
      if (r.patch) enqueue.assign(r.patch);
      for (const action of r.out) effects(enqueue)(action);
    }),
    'cancel election timer': enqueueActions(({ enqueue }) => effects(enqueue)({ type: 'cancelTimer', params: { name: ELECTION } })),
    'send heartbeats': enqueueActions(({ context, enqueue }) => {
      // Under leases every heartbeat round is a round, with its lease timer from this moment.
      const round = context.leaseReads ? { ...context, readRound: context.readRound + 1 } : context;
      if (round !== context) {
        enqueue.assign({ readRound: round.readRound });
        effects(enqueue)(leaseTimer(round, round.readRound));
      }
      for (const a of heartbeatActions(round)) effects(enqueue)(a);
    }),
    'note lease expired': assign(({ context, event }) => {
      const e = event as LeaseExpired;
      return e.term === context.currentTerm && e.round > context.leaseExpired ? { leaseExpired: e.round } : {};
    }),
    'forget leader contact': assign({ leaderRecent: false }),
    'start leader contact timer': enqueueActions(({ context, enqueue }) => {
      if (context.leaderRecent) effects(enqueue)(leaderContactTimer(context));
    }),
    'cancel heartbeat timer': enqueueActions(({ enqueue }) => effects(enqueue)({ type: 'cancelTimer', params: { name: HEARTBEAT } })),
    'handle append response': enqueueActions(({ context, event, enqueue }) => {
      const { patch, out } = afterAppendResponse(context, event as Incoming<AppendEntriesResponse>);
      if (out) effects(enqueue)(out);
      answerAfter(context, patch, enqueue);
    }),
    'append client command': enqueueActions(({ context, event, enqueue }) => {
      const { command, op } = event as ClientRequest;
      const w = parseWrite(command) ?? { key: command, value: '' };
      const log = appended(context.log, { term: context.currentTerm, command, op });
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
    // A vote counts once per voter (a duplicated reply is not a second vote).
    'vote is new and granted in this term': ({ context, event }) => {
      const m = event as Incoming<RequestVoteResponse>;
      return m.term === context.currentTerm && m.voteGranted && !context.votesGranted.includes(m.from);
    },
    'vote completes a majority': ({ context, event }) => {
      const m = event as Incoming<RequestVoteResponse>;
      return m.term === context.currentTerm && m.voteGranted && !context.votesGranted.includes(m.from) && context.votesGranted.length + 1 >= majority(context);
    },
    // Most answers are to heartbeats and change nothing: then no action runs at all.
    'reply is for this term and changes something': ({ context, event }) => {
      const m = event as Incoming<AppendEntriesResponse>;
      return m.term === context.currentTerm && (context.waiting.length > 0 || context.reads.length > 0 || appendResponseMatters(context, m));
    },
    // Section 4.2.3, which leases need: a server that heard from a current leader within the
    // minimum election timeout neither adopts the candidate's term nor votes.
    'append entries is a plain heartbeat': ({ context, event }) => isPlainHeartbeat(context, event as Incoming<AppendEntries>),
    'leader was heard recently': ({ context }) => context.leaseReads && context.leaderRecent,
    'leases are on': ({ context }) => context.leaseReads,
  },
}).createMachine({
  id: 'raft',
  context: ({ input }) => ({
    id: input.id,
    peers: input.peers,
    currentTerm: input.durable?.currentTerm ?? 0,
    votedFor: input.durable?.votedFor ?? null,
    log: persistentArray(input.durable?.log ?? []),
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
    leaseReads: input.leaseReads ?? false,
    leaseDriftBound: input.leaseDriftBound ?? 1,
    leaseExpired: 0,
    // A server that restarts waits a minimum election timeout before it votes: it may have
    // acknowledged a lease it no longer remembers. A fresh one acknowledged nothing.
    leaderRecent: (input.leaseReads ?? false) && input.durable !== undefined,
  }),
  initial: 'follower',
  states: {
    follower: {
      entry: ['reset election timer', 'start leader contact timer'],
      on: {
        // Standing is voting for oneself: inside section 4.2.3's window a server does not (a
        // timer that fired early, or a forced timeout, is a clock fault leases must survive).
        electionTimeout: [{ guard: 'leader was heard recently', actions: 'reset election timer' }, { target: 'candidate' }],
        leaderContact: { actions: 'forget leader contact' },
        // 'adopt newer term' only when it is: an assign copies the context even when it changes nothing.
        RequestVote: [{ guard: 'leader was heard recently' }, { guard: 'term is newer', actions: ['adopt newer term', 'handle vote request'] }, { actions: 'handle vote request' }],
        AppendEntries: [
          { guard: 'term is newer', actions: ['adopt newer term', 'handle append entries'] },
          // The common case, as two kernel actions: no enqueueActions closures, no assign.
          {
            guard: 'append entries is a plain heartbeat',
            actions: [
              { type: 'setTimer', params: ({ context }) => electionTimerParams(context) },
              { type: 'send', params: ({ context, event }) => heartbeatReply(context, event) },
            ],
          },
          { actions: 'handle append entries' },
        ],
        RequestVoteResponse: { guard: 'term is newer', actions: 'adopt newer term' },
        AppendEntriesResponse: { guard: 'term is newer', actions: 'adopt newer term' },
        ClientRequest: { actions: 'redirect client' },
        ClientRead: { actions: 'redirect client' },
        leaseRead: { actions: 'fail lease read' },
      },
    },
    candidate: {
      entry: ['start election', { type: 'batch', params: ({ context }) => ({ actions: requestVotes(context) }) }],
      on: {
        electionTimeout: { target: 'candidate', reenter: true },
        RequestVote: [
          { guard: 'term is newer', target: 'follower', actions: ['adopt newer term', 'handle vote request'] },
          { actions: 'handle vote request' },
        ],
        AppendEntries: [
          // A leader of our term has won: step down and follow it (section 5.2).
          { guard: 'term is current or newer', target: 'follower', actions: ['adopt newer term', 'handle append entries'] },
          { actions: 'reject append entries' },
        ],
        RequestVoteResponse: [
          { guard: 'term is newer', target: 'follower', actions: 'adopt newer term' },
          // The vote that completes a majority elects: no eventless transition to re-check.
          { guard: 'vote completes a majority', target: 'leader', actions: 'count vote' },
          { guard: 'vote is new and granted in this term', actions: 'count vote' },
        ],
        AppendEntriesResponse: { guard: 'term is newer', target: 'follower', actions: 'adopt newer term' },
        ClientRequest: { actions: 'redirect client' },
        ClientRead: { actions: 'redirect client' },
        leaseRead: { actions: 'fail lease read' },
      },
    },
    leader: {
      entry: ['cancel election timer', 'initialize leader state', 'append no-op', 'send heartbeats'],
      exit: ['cancel heartbeat timer', 'fail waiting reads'],
      on: {
        // Without leases a round changes nothing: its sends and timer as one kernel action.
        heartbeat: [{ guard: 'leases are on', actions: 'send heartbeats' }, { actions: { type: 'batch', params: ({ context }) => ({ actions: heartbeatActions(context) }) } }],
        leaseExpired: { actions: 'note lease expired' },
        RequestVote: [
          { guard: 'term is newer', target: 'follower', actions: ['adopt newer term', 'handle vote request'] },
          { actions: 'handle vote request' },
        ],
        AppendEntries: [
          { guard: 'term is newer', target: 'follower', actions: ['adopt newer term', 'handle append entries'] },
          { guard: 'term is older', actions: 'reject append entries' },
          // Same term: a second leader, possible only once Election Safety is already broken
          // (a bug switch, a lost disk). raft.tla has no rule for it; answering would start an
          // endless reject-and-retry storm between the two, so the message is ignored.
        ],
        RequestVoteResponse: { guard: 'term is newer', target: 'follower', actions: 'adopt newer term' },
        AppendEntriesResponse: [
          { guard: 'term is newer', target: 'follower', actions: 'adopt newer term' },
          { guard: 'reply is for this term and changes something', actions: 'handle append response' },
        ],
        ClientRequest: { actions: 'append client command' },
        ClientRead: { actions: 'start read' },
        leaseRead: { actions: 'start read' },
      },
    },
  },
});
