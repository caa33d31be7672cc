/**
 * One Multi-Paxos replica (the SMR model: replica, leader candidate and acceptor in one node),
 * as an XState machine: follower ⇄ preparing(b) → leading(b). Any evidence of a higher ballot
 * sends it back to follower (PMMC section 2.4). What each step does is in handlers.ts; this file
 * says which step runs when. Randomized election timeouts come from the kernel's seeded
 * generator through the timer request.
 */
import { enqueueActions, setup } from 'xstate';
import type { CancelTimerParams, OutputParams, SendParams, SetTimerParams } from '../types';
import { NO_BALLOT } from '../kit/ballots';
import { cancelTimer, effects } from '../../sim/machineActions';
import type { MultiPaxosContext, MultiPaxosInput } from './context';
import type { Incoming, MultiPaxosMessage, Request } from './messages';
import * as h from './handlers';

type Event = Incoming | Request | { type: 'electionTimeout' } | { type: 'heartbeat' };

/** Wraps a handler as an action: it runs on a draft, and only a changed context is assigned
 * (an unchanged one keeps the node's observed state shared, which the kernel relies on). */
function step(fn: (d: h.Draft, e: never) => void): never {
  return enqueueActions(({ context, event, enqueue }) => {
    const c = context as MultiPaxosContext;
    const d: h.Draft = { ctx: c, out: [] };
    fn(d, event as never);
    if (d.ctx !== c) enqueue.assign(d.ctx as never);
    for (const a of d.out) effects(enqueue)(a);
  }) as never;
}

const bal = (e: Event) => (e as { bal: number }).bal;

export const multiPaxosMachine = setup({
  types: { context: {} as MultiPaxosContext, events: {} as Event, input: {} as MultiPaxosInput },
  actions: {
    send: (_, _params: SendParams) => {},
    setTimer: (_, _params: SetTimerParams) => {},
    cancelTimer: (_, _params: CancelTimerParams) => {},
    output: (_, _params: OutputParams) => {},
    'arm election timer': step((d) => h.armElectionTimer(d)),
    'stop heartbeats': step((d) => d.out.push(cancelTimer(h.HEARTBEAT))),
    promise: step(h.promise),
    vote: step(h.vote),
    follow: step(h.follow),
    preempt: step(h.preempt),
    'adopt the higher ballot': step(h.adoptHigher),
    'learn the commit': step(h.learnCommit),
    'begin a ballot': step((d) => h.beginBallot(d)),
    'collect the promise': step(h.collectPromise),
    'take office': step((d) => h.takeOffice(d)),
    'count the acceptance': step(h.countAcceptance),
    'take the request': step(h.takeRequest),
    'queue the request': step(h.queueRequest),
    'redirect the client': step(h.redirect),
    'refuse queued requests': step((d) => h.refuseQueued(d)),
    'send heartbeats': step((d) => h.heartbeat(d)),
    'catch the follower up': step(h.catchUp),
  },
  guards: {
    // HandlePrepare's condition m.bal > balMaxKnown; the same leader's resent Prepare is
    // answered again (its reply may have been lost).
    'prepare is not stale': ({ context: c, event }) => {
      const m = event as Incoming;
      return bal(m) > c.balMaxKnown || (bal(m) === c.balMaxKnown && c.leader === m.from && m.from !== c.id);
    },
    // HandleAccept's m.bal ≥ balMaxKnown (dropped by `accept-below-promise`).
    'accept is not stale': ({ context: c, event }) => c.bugs.acceptBelowPromise || bal(event) >= c.balMaxKnown,
    'ballot is at least ours': ({ context: c, event }) => bal(event) >= c.balMaxKnown,
    'ballot is above ours': ({ context: c, event }) => bal(event) > c.balMaxKnown,
    'ballot is below ours': ({ context: c, event }) => bal(event) < c.balMaxKnown,
    'this promise completes a quorum': ({ context: c, event }) => {
      const m = event as Incoming;
      return bal(m) === c.balMaxKnown && h.promisesReachQuorum({ ...c, promised: c.promised.includes(m.from) ? c.promised : [...c.promised, m.from] });
    },
  },
}).createMachine({
  id: 'multipaxos',
  context: ({ input }) => ({
    id: input.id,
    peers: input.nodes.filter((n) => n !== input.id),
    index: Math.max(0, input.nodes.indexOf(input.id)),
    count: input.nodes.length,
    electionTimeout: input.electionTimeout,
    heartbeatInterval: input.heartbeatInterval,
    bugs: input.bugs,
    balMaxKnown: input.durable?.balMaxKnown ?? NO_BALLOT,
    insts: input.durable?.insts ?? [],
    commitUpTo: input.durable?.commitUpTo ?? 0,
    kvalue: input.durable?.kvalue ?? {},
    ops: input.durable?.ops ?? 0,
    balPrepared: NO_BALLOT,
    leader: null,
    promised: [],
    peaks: {},
    accepts: {},
    pending: [],
    queued: [],
  }),
  initial: 'follower',
  // Handled alike in every state; a state's own `on` comes first.
  on: {
    Prepare: [
      { guard: 'prepare is not stale', target: '.follower', actions: ['promise', 'arm election timer'] },
      { guard: 'ballot is below ours', actions: 'preempt' },
    ],
    Accept: [
      { guard: 'accept is not stale', target: '.follower', actions: ['vote', 'arm election timer'] },
      { actions: 'preempt' },
    ],
    Heartbeat: [
      { guard: 'ballot is at least ours', target: '.follower', actions: ['follow', 'arm election timer'] },
      { actions: 'preempt' },
    ],
    Preempted: { guard: 'ballot is above ours', target: '.follower', actions: 'adopt the higher ballot' },
    CommitNotice: { actions: 'learn the commit' },
  },
  states: {
    follower: {
      entry: ['refuse queued requests', 'arm election timer'],
      on: {
        electionTimeout: 'preparing',
        Request: { actions: 'redirect the client' },
      },
    },
    preparing: {
      entry: 'begin a ballot',
      on: {
        electionTimeout: { target: 'preparing', reenter: true },
        PrepareReply: [
          { guard: 'this promise completes a quorum', target: 'leading', actions: 'collect the promise' },
          { actions: 'collect the promise' },
        ],
        Request: { actions: 'queue the request' },
      },
    },
    leading: {
      entry: 'take office',
      exit: 'stop heartbeats',
      on: {
        heartbeat: { actions: 'send heartbeats' },
        AcceptReply: { actions: 'count the acceptance' },
        HeartbeatReply: { actions: 'catch the follower up' },
        Request: { actions: 'take the request' },
      },
    },
  },
});

export type { MultiPaxosMessage };
