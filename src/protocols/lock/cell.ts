/**
 * A cell node: a standby that campaigns with the database until elected, then a master that
 * first recovers (§2.9: only KeepAlives until every rebuilt session has answered the fail-over
 * or expired) and then serves. It acts as master only while its master lease runs, a lease it
 * keeps conservatively, as a client keeps its session lease (lease.ts).
 */
import { enqueueActions, setup } from 'xstate';
import type { CancelTimerParams, OutputParams, SendParams, SetTimerParams } from '../types';
import { run, send, setTimer, timerSubject } from './kernel';
import { confirm, fired, holds, NO_LEASE, ridOf } from './lease';
import { acquire, allAcked, announce, createSession, expire, flush, keepAlive, MLEASE, release, renew, stepDown, takeOver, type CellContext } from './master';
import type { ClientToMaster, DbToMaster, Incoming } from './messages';

export type CellInput = Pick<CellContext, 'id' | 'db' | 'lease' | 'lockDelay' | 'rho' | 'masterLease' | 'campaign' | 'bugs'>;

type Timer = { type: 'campaign' | 'renew' | `${typeof MLEASE}.${string}` | `expire.${string}` | `delay.${string}` };
export type CellEvent = Incoming<ClientToMaster> | Incoming<DbToMaster> | Timer;
type Call = Incoming<ClientToMaster & { epoch: number }>;

export function cellContext(input: CellInput): CellContext {
  return { ...input, status: 'standby', epoch: 0, version: 0, acked: 0, mlease: NO_LEASE, sessions: {}, locks: {}, outbox: [], nextSession: 1, announce: [] };
}

export const cellMachine = setup({
  types: { context: {} as CellContext, events: {} as CellEvent, input: {} as CellInput },
  actions: {
    send: (_, _params: SendParams) => {},
    setTimer: (_, _params: SetTimerParams) => {},
    cancelTimer: (_, _params: CancelTimerParams) => {},
    output: (_, _params: OutputParams) => {},
    'campaign for master': enqueueActions(({ context, enqueue }) =>
      run(context, enqueue, (d) => void d.out.push(send(context.db, { type: 'Campaign', epoch: context.epoch }), setTimer('campaign', context.campaign))),
    ),
    'take over with a new epoch': enqueueActions(({ context, event, enqueue }) =>
      run(context, enqueue, (d) => {
        d.ctx.status = 'recovering';
        takeOver(d, event as Incoming<DbToMaster & { type: 'Elected' }>);
      }),
    ),
    'renew the master lease': enqueueActions(({ context, enqueue }) => run(context, enqueue, renew)),
    'confirm the master lease': enqueueActions(({ context, event, enqueue }) =>
      run(context, enqueue, (d) => {
        const r = confirm(context.mlease, MLEASE, (event as { rid: number }).rid);
        if (!r) return;
        d.ctx.mlease = r.track;
        d.out.push(...r.fx);
        announce(d);
      }),
    ),
    'note a lease timer': enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => void (d.ctx.mlease = fired(context.mlease, ridOf(event.type)).track))),
    'step down': enqueueActions(({ context, enqueue }) => run(context, enqueue, stepDown)),
    'record the database ack': enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => flush(d, (event as { version: number }).version))),
    'expire the session': enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => expire(d, timerSubject(event.type)))),
    'end the lock-delay': enqueueActions(({ context, event, enqueue }) =>
      run(context, enqueue, (d) => {
        const l = timerSubject(event.type);
        const s = context.locks[l];
        if (s) d.ctx.locks = { ...context.locks, [l]: { ...s, delayed: false } };
      }),
    ),
    'answer the KeepAlive': enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => keepAlive(d, event as Incoming<ClientToMaster & { type: 'KeepAlive' }>))),
    'create a session': enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => createSession(d, event as Incoming<ClientToMaster & { type: 'CreateSession' }>))),
    'grant or refuse the lock': enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => acquire(d, event as Incoming<ClientToMaster & { type: 'Acquire' }>))),
    'release the lock': enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => release(d, event as Incoming<ClientToMaster & { type: 'Release' }>))),
    'refuse the Acquire while recovering': enqueueActions(({ context, event, enqueue }) =>
      run(context, enqueue, (d) => {
        const m = event as Incoming<ClientToMaster & { type: 'Acquire' }>;
        d.out.push(send(m.from, { type: 'AcquireReply', sid: m.sid, epoch: context.epoch, lock: m.lock, op: m.op, ok: false }));
      }),
    ),
    // §2.9 step 1: "The master rejects calls from clients using older epoch numbers, and
    // provides the new epoch number."
    'reject the old epoch': enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => void d.out.push(send((event as Call).from, { type: 'WrongEpoch', epoch: context.epoch })))),
    serve: enqueueActions(({ context, enqueue }) => run(context, enqueue, (d) => void (d.ctx.status = 'serving'))),
  },
  guards: {
    'the master lease lapsed': ({ context, event }) => fired(context.mlease, ridOf(event.type)).expired,
    'the master lease runs': ({ context }) => holds(context.mlease),
    'the call has an old epoch': ({ context, event }) => (event as Call).epoch < context.epoch,
    'the call has this epoch and the master lease runs': ({ context, event }) => (event as Call).epoch === context.epoch && holds(context.mlease),
    'the deposition is for this epoch': ({ context, event }) => (event as { epoch: number }).epoch >= context.epoch,
    'every session answered or expired': ({ context }) => allAcked(context),
  },
}).createMachine({
  id: 'lock-cell',
  context: ({ input }) => cellContext(input),
  initial: 'standby',
  states: {
    standby: {
      entry: 'campaign for master',
      on: {
        campaign: { actions: 'campaign for master' },
        Elected: { target: 'master', actions: 'take over with a new epoch' },
      },
    },
    master: {
      initial: 'recovering',
      on: {
        renew: { actions: 'renew the master lease' },
        Renewed: { actions: 'confirm the master lease' },
        'mlease.*': [{ guard: 'the master lease lapsed', target: 'standby', actions: 'step down' }, { actions: 'note a lease timer' }],
        Deposed: { guard: 'the deposition is for this epoch', target: 'standby', actions: 'step down' },
        DbAck: { actions: 'record the database ack' },
        'expire.*': { actions: 'expire the session' },
        'delay.*': { actions: 'end the lock-delay' },
        KeepAlive: [
          { guard: 'the call has an old epoch', actions: 'reject the old epoch' },
          { guard: 'the call has this epoch and the master lease runs', actions: 'answer the KeepAlive' },
        ],
      },
      states: {
        // §2.9 step 4: only KeepAlives until every rebuilt session answered or expired.
        recovering: {
          always: { guard: 'every session answered or expired', target: 'serving', actions: 'serve' },
          on: {
            Acquire: { guard: 'the call has this epoch and the master lease runs', actions: 'refuse the Acquire while recovering' },
          },
        },
        serving: {
          on: {
            CreateSession: { guard: 'the master lease runs', actions: 'create a session' },
            Acquire: [
              { guard: 'the call has an old epoch', actions: 'reject the old epoch' },
              { guard: 'the call has this epoch and the master lease runs', actions: 'grant or refuse the lock' },
            ],
            Release: [
              { guard: 'the call has an old epoch', actions: 'reject the old epoch' },
              { guard: 'the call has this epoch and the master lease runs', actions: 'release the lock' },
            ],
          },
        },
      },
    },
  },
});
