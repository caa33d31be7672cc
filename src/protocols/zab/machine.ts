/**
 * A Zab server as an XState machine. Its states are Zab.tla's `state` (LOOKING, FOLLOWING,
 * LEADING); `zabState` and the rest live in the context. Every event runs the pure step of
 * server.ts; the kernel interprets the sends, timers and client answers it enqueues.
 */
import { enqueueActions, setup } from 'xstate';
import type { CancelTimerParams, OutputParams, SendParams, SetTimerParams } from '../types';
import { effects } from '../../sim/machineActions';
import type { ZabContext, ZabDurable, ZabParams } from './context';
import { lookForLeader } from './election';
import type { ZabEvent } from './messages';
import { step } from './server';
import type { NodeId } from './types';

export interface ZabInput {
  id: NodeId;
  servers: readonly NodeId[];
  params: ZabParams;
  durable?: ZabDurable;
}

export function initialContext(input: ZabInput): ZabContext {
  const d = input.durable;
  return {
    id: input.id,
    servers: input.servers,
    params: input.params,
    acceptedEpoch: d?.acceptedEpoch ?? 0,
    currentEpoch: d?.currentEpoch ?? 0,
    log: d?.log ?? [],
    incarnation: d ? d.incarnation + 1 : 0,
    state: 'LOOKING',
    zabState: 'ELECTION',
    buffer: [],
    replaceLog: false,
    lastCommitted: 0,
    round: 0,
    vote: { leader: input.id, zxid: [0, 0], epoch: 0 },
    recvVotes: {},
    outOfElection: {},
    finalizing: false,
    leader: null,
    link: null,
    connCount: 0,
    syncMode: null,
    newLeaderEpoch: null,
    ackedNewLeader: false,
    ackldZxid: null,
    heardTick: 0,
    learners: {},
    newEpoch: null,
    acks: {},
    ticks: 0,
    phaseTick: 0,
    pending: [],
    opCount: 0,
    anomalies: [],
  };
}

export const zabMachine = setup({
  types: {
    context: {} as ZabContext,
    events: {} as ZabEvent,
    input: {} as ZabInput,
  },
  actions: {
    send: (_, _params: SendParams) => {},
    setTimer: (_, _params: SetTimerParams) => {},
    cancelTimer: (_, _params: CancelTimerParams) => {},
    output: (_, _params: OutputParams) => {},
    'start looking': enqueueActions(({ context, enqueue }) => {
      const s = { c: context, out: [] };
      lookForLeader(s, true);
      enqueue.assign(() => s.c);
      for (const a of s.out) effects(enqueue)(a);
    }),
    'run the Zab step': enqueueActions(({ context, event, enqueue }) => {
      const s = step(context, event);
      if (s.c !== context) enqueue.assign(() => s.c);
      for (const a of s.out) effects(enqueue)(a);
    }),
  },
  guards: {
    'is looking': ({ context }) => context.state === 'LOOKING',
    'is following': ({ context }) => context.state === 'FOLLOWING',
    'is leading': ({ context }) => context.state === 'LEADING',
  },
}).createMachine({
  id: 'zab',
  context: ({ input }) => initialContext(input),
  entry: 'start looking',
  on: { '*': { actions: 'run the Zab step' } },
  initial: 'LOOKING',
  states: {
    LOOKING: { always: [{ guard: 'is following', target: 'FOLLOWING' }, { guard: 'is leading', target: 'LEADING' }] },
    FOLLOWING: { always: [{ guard: 'is looking', target: 'LOOKING' }, { guard: 'is leading', target: 'LEADING' }] },
    LEADING: { always: [{ guard: 'is looking', target: 'LOOKING' }, { guard: 'is following', target: 'FOLLOWING' }] },
  },
});
