/**
 * A storage server: one machine for every server, in or out of the ring. It serves gets,
 * coordinates and stores puts (replication.ts), follows membership changes and hands keys off
 * (ringChange.ts); the first server is also the seed that orders those changes.
 */
import { enqueueActions, setup } from 'xstate';
import type { CancelTimerParams, OutputParams, SendParams, SetTimerParams } from '../types';
import { run, effects, reply, send, timerSubject, type Draft } from './kernel';
import { tokenOf } from './hash';
import { initialMembership, statusOf } from './membership';
import type { Incoming, ServerEvent, ServerMessage } from './messages';
import {
  adopt,
  answerPull,
  receiveBusy,
  receiveMembersAck,
  receiveTransfer,
  receiveTransferAck,
  request,
  resumeHandoff,
  retryHandoff,
  retryRequest,
  seedReceive,
  tellUninformed,
} from './ringChange';
import { coordinatePut, replicaStale, replicaStored, serveGet, storeReplica, writeTimedOut } from './replication';
import type { ServerContext, ServerInput } from './serverContext';

export type { ServerContext, ServerDurable, ServerInput } from './serverContext';

type D = Draft<ServerContext>;

// ── pure helpers ───────────────────────────────────────────────────────────────

/** Routes one message to its handler. */
function receive(d: D, m: Incoming<ServerMessage>): void {
  switch (m.type) {
    case 'Get':
      return serveGet(d, m.from, m.op, m.key);
    case 'Put':
      return coordinatePut(d, m.from, m.op, m.key, m.entry);
    case 'Replicate':
      return storeReplica(d, m.from, m.wid, m.key, m.entry, m.ring);
    case 'Stored':
      return replicaStored(d, m.from, m.wid);
    case 'Stale':
      return replicaStale(d, m.from, m.wid, m.ring);
    case 'Members':
      adopt(d, m.ring);
      return void d.out.push(send(m.from, { type: 'MembersAck', epoch: d.ctx.ring.epoch }));
    case 'MembersAck':
      return receiveMembersAck(d, m.from, m.epoch);
    case 'Busy':
      return receiveBusy(d, m.ring, m.final);
    case 'JoinRequest':
    case 'LeaveRequest':
    case 'JoinDone':
    case 'LeaveDone':
      // Only the seed orders changes; a request that reaches another server is ignored.
      if (d.ctx.id === d.ctx.seed) seedReceive(d, m.from, m.type, m.epoch);
      return;
    case 'Pull':
      return answerPull(d, m.from, m.ring);
    case 'Transfer':
      return receiveTransfer(d, m.from, m.ring, m.entries);
    case 'TransferAck':
      return receiveTransferAck(d, m.from, m.epoch);
  }
}

export function serverContext(input: ServerInput): ServerContext {
  return {
    id: input.id,
    seed: input.seed,
    peers: input.peers,
    vnodes: input.vnodes,
    replicas: input.replicas,
    timeout: input.timeout,
    bugs: input.bugs,
    tokens: Array.from({ length: input.vnodes }, (_, i) => tokenOf(input.id, i)),
    ring: input.durable?.ring ?? initialMembership(input.initial),
    store: input.durable?.store ?? {},
    writes: {},
    nextWrite: input.durable?.nextWrite ?? 0,
    want: null,
    handoff: null,
    informed: {},
  };
}

// ── the machine ────────────────────────────────────────────────────────────────

export const serverMachine = setup({
  types: {
    context: {} as ServerContext,
    events: {} as ServerEvent,
    input: {} as ServerInput,
  },
  actions: {
    send: (_, _params: SendParams) => {},
    setTimer: (_, _params: SetTimerParams) => {},
    cancelTimer: (_, _params: CancelTimerParams) => {},
    output: (_, _params: OutputParams) => {},
    // After a restart: finish a handoff the crash interrupted, and (seed) retell the epoch.
    'resume duties': enqueueActions(({ context, enqueue }) =>
      run(context, enqueue, (d) => {
        resumeHandoff(d);
        if (d.ctx.id === d.ctx.seed) tellUninformed(d);
      }),
    ),
    'handle message': enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => receive(d, event as Incoming<ServerMessage>))),
    'ask the seed to join': enqueueActions(({ context, enqueue }) =>
      run(context, enqueue, (d) => {
        request(d, 'join');
        d.out.push(reply({ type: 'accepted', command: 'join' }));
      }),
    ),
    'ask the seed to leave': enqueueActions(({ context, enqueue }) =>
      run(context, enqueue, (d) => {
        request(d, 'leave');
        d.out.push(reply({ type: 'accepted', command: 'leave' }));
      }),
    ),
    'refuse join': enqueueActions(({ context, enqueue }) =>
      effects(enqueue)(reply({ type: 'refused', reason: `already in the ring (${statusOf(context.ring, context.id)})` })),
    ),
    'refuse leave': enqueueActions(({ context, enqueue }) => {
      const s = statusOf(context.ring, context.id);
      effects(enqueue)(reply({ type: 'refused', reason: s === undefined ? 'not in the ring' : s === 'up' ? 'the last server cannot leave' : `already ${s}` }));
    }),
    'ask the seed again': enqueueActions(({ context, enqueue }) => run(context, enqueue, retryRequest)),
    'retry the handoff': enqueueActions(({ context, enqueue }) => run(context, enqueue, retryHandoff)),
    'tell late nodes the epoch': enqueueActions(({ context, enqueue }) => run(context, enqueue, tellUninformed)),
    'fail the write': enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => writeTimedOut(d, timerSubject(event.type)))),
  },
  guards: {
    'server is in the ring': ({ context }) => statusOf(context.ring, context.id) !== undefined,
    // The last server up would leave an empty ring; a joining or leaving one is mid-change.
    'server cannot leave': ({ context }) => {
      const s = statusOf(context.ring, context.id);
      return s !== 'up' || Object.values(context.ring.status).filter((x) => x !== 'joining').length === 1;
    },
  },
}).createMachine({
  id: 'chash-server',
  context: ({ input }) => serverContext(input),
  initial: 'serving',
  states: {
    serving: {
      entry: 'resume duties',
      on: {
        join: [{ guard: 'server is in the ring', actions: 'refuse join' }, { actions: 'ask the seed to join' }],
        leave: [{ guard: 'server cannot leave', actions: 'refuse leave' }, { actions: 'ask the seed to leave' }],
        // Puts and gets come from clients as messages; the commands belong to clients.
        put: {},
        get: {},
        requestRetry: { actions: 'ask the seed again' },
        handoffRetry: { actions: 'retry the handoff' },
        membershipRetry: { actions: 'tell late nodes the epoch' },
        'replicaTimeout.*': { actions: 'fail the write' },
        '*': { actions: 'handle message' },
      },
    },
  },
});
