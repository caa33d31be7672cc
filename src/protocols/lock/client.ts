/**
 * A Chubby client with a session (§2.8): `none → active ⇄ jeopardy → expired → none`. While
 * active it sends KeepAlives and keeps a conservative local lease; when the lease runs out it
 * is in jeopardy and stops acting on its locks for the grace period; a reply makes it safe
 * again, the end of the grace period expires the session and its locks.
 */
import { enqueueActions, setup } from 'xstate';
import type { CancelTimerParams, OutputParams, SendParams, SetTimerParams } from '../types';
import { run } from './kernel';
import { confirm, fired, NO_LEASE, ridOf } from './lease';
import * as ops from './clientOps';
import * as writes from './writes';
import type { ClientContext } from './clientOps';
import type { Incoming, MasterToClient, StorageMessage } from './messages';
import type { NodeId } from './config';

export interface ClientDurable {
  /** Op ids stay unique across restarts. */
  nextOp: number;
}
export interface ClientInput extends Omit<ClientContext, 'session' | 'sid' | 'epoch' | 'master' | 'kal' | 'held' | 'acquiring' | 'releasing' | 'working' | 'writing' | 'nextOp'> {
  durable?: ClientDurable;
}
type Command = { type: 'acquire'; lock: string } | { type: 'release'; lock: string } | { type: 'write'; lock: string; value: string };
type Timer = { type: 'ka' | 'retry' | 'grace' | 'reconnect' | 'work' | `lease.${string}` };
export type ClientEvent = Incoming<MasterToClient> | Incoming<StorageMessage> | Command | Timer;

export function clientContext(input: ClientInput): ClientContext {
  const { durable, ...rest } = input;
  return { ...rest, session: 'none', sid: null, epoch: 0, master: null as NodeId | null, kal: NO_LEASE, held: {}, acquiring: {}, releasing: {}, working: null, writing: [], nextOp: durable?.nextOp ?? 0 };
}

export const clientMachine = setup({
  types: { context: {} as ClientContext, events: {} as ClientEvent, input: {} as ClientInput },
  actions: {
    send: (_, _params: SendParams) => {},
    setTimer: (_, _params: SetTimerParams) => {},
    cancelTimer: (_, _params: CancelTimerParams) => {},
    output: (_, _params: OutputParams) => {},
    'ask for a session': enqueueActions(({ context, enqueue }) =>
      run(context, enqueue, (d) => {
        Object.assign(d.ctx, { session: 'none', sid: null, held: {}, working: null });
        ops.askForSession(d);
      }),
    ),
    'start the session': enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => ops.startSession(d, event as Incoming<MasterToClient & { type: 'SessionCreated' }>))),
    'become active': enqueueActions(({ context, enqueue }) =>
      run(context, enqueue, (d) => {
        d.ctx.session = 'active';
        ops.sendKeepAlive(d, false);
        ops.resendCalls(d);
      }),
    ),
    'send a KeepAlive to the master': enqueueActions(({ context, enqueue }) => run(context, enqueue, (d) => ops.sendKeepAlive(d, false))),
    'send a KeepAlive to every cell node': enqueueActions(({ context, enqueue }) => run(context, enqueue, (d) => ops.sendKeepAlive(d, true))),
    'renew the local lease': enqueueActions(({ context, event, enqueue }) =>
      run(context, enqueue, (d) => void ops.confirmLease(d, event as Incoming<MasterToClient & { type: 'KeepAliveReply' }>)),
    ),
    'note a lease timer': enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => void (d.ctx.kal = fired(context.kal, ridOf(event.type)).track))),
    'enter jeopardy': enqueueActions(({ context, event, enqueue }) =>
      run(context, enqueue, (d) => {
        d.ctx.kal = fired(context.kal, ridOf(event.type)).track;
        d.ctx.session = 'jeopardy';
        ops.enterJeopardy(d);
      }),
    ),
    'expire the session': enqueueActions(({ context, enqueue }) =>
      run(context, enqueue, (d) => {
        d.ctx.session = 'expired';
        ops.expireSession(d);
      }),
    ),
    'learn the new epoch': enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => ops.learnEpoch(d, event as Incoming<{ type: string; epoch: number }>))),
    'resend calls': enqueueActions(({ context, enqueue }) => run(context, enqueue, ops.resendCalls)),
    acquire: enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => ops.acquire(d, String((event as Command).lock)))),
    release: enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => ops.release(d, String((event as Command).lock)))),
    write: enqueueActions(({ context, event, enqueue }) =>
      run(context, enqueue, (d) => {
        const e = event as Command & { type: 'write' };
        writes.write(d, String(e.lock), String(e.value), ops.mayAct(d.ctx) ? null : d.ctx.session, true);
      }),
    ),
    'send the write': enqueueActions(({ context, enqueue }) => run(context, enqueue, writes.sendWrite)),
    'take the grant': enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => ops.granted(d, event as Incoming<MasterToClient & { type: 'AcquireReply' }>))),
    'note the release': enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => ops.released(d, event as Incoming<MasterToClient & { type: 'Released' }>))),
    'note the write outcome': enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => writes.writeAnswered(d, event as Incoming<StorageMessage>))),
  },
  guards: {
    'the local lease ran out': ({ context, event }) => fired(context.kal, ridOf(event.type)).expired,
    'the reply renews the lease': ({ context, event }) => {
      const m = event as Incoming<MasterToClient & { type: 'KeepAliveReply' }>;
      return m.sid === context.sid && confirm(context.kal, ops.LEASE, m.rid) !== null;
    },
    'the reply starts the lease': ({ context, event }) => ops.sessionLeaseRuns(context, event as Incoming<MasterToClient & { type: 'SessionCreated' }>),
    'it is about this session': ({ context, event }) => (event as { sid: string }).sid === context.sid,
    'the client ignores jeopardy': ({ context }) => ops.ignoresJeopardy(context),
  },
}).createMachine({
  id: 'lock-client',
  context: ({ input }) => clientContext(input),
  initial: 'none',
  on: {
    acquire: { actions: 'acquire' },
    release: { actions: 'release' },
    write: { actions: 'write' },
    AcquireReply: { actions: 'take the grant' },
    Released: { actions: 'note the release' },
    WriteOk: { actions: 'note the write outcome' },
    WriteRejected: { actions: 'note the write outcome' },
  },
  states: {
    none: {
      entry: 'ask for a session',
      on: {
        retry: { actions: 'ask for a session' },
        SessionCreated: { guard: 'the reply starts the lease', target: 'active', actions: 'start the session' },
        'lease.*': { actions: 'note a lease timer' },
      },
    },
    active: {
      entry: 'become active',
      on: {
        ka: { actions: 'send a KeepAlive to the master' },
        KeepAliveReply: { actions: 'renew the local lease' },
        'lease.*': [{ guard: 'the local lease ran out', target: 'jeopardy', actions: 'enter jeopardy' }, { actions: 'note a lease timer' }],
        WrongEpoch: { actions: 'learn the new epoch' },
        Failover: { actions: 'learn the new epoch' },
        SessionExpired: { guard: 'it is about this session', target: 'expired' },
        retry: { actions: 'resend calls' },
        work: { actions: 'send the write' },
      },
    },
    jeopardy: {
      on: {
        ka: { actions: 'send a KeepAlive to every cell node' },
        // "safe" (§2.8): a KeepAlive got through within the grace period.
        KeepAliveReply: { guard: 'the reply renews the lease', target: 'active', actions: 'renew the local lease' },
        'lease.*': { actions: 'note a lease timer' },
        grace: { target: 'expired' },
        WrongEpoch: { actions: 'learn the new epoch' },
        Failover: { actions: 'learn the new epoch' },
        SessionExpired: { guard: 'it is about this session', target: 'expired' },
        work: { guard: 'the client ignores jeopardy', actions: 'send the write' },
      },
    },
    expired: {
      entry: 'expire the session',
      on: {
        reconnect: { target: 'none' },
        work: { guard: 'the client ignores jeopardy', actions: 'send the write' },
      },
    },
  },
});
