/**
 * A client of the Redis-style lock. It takes the lock with SET NX and a TTL and believes it
 * holds it for TTL / rho from when it sent the request (as careful as a Redis client gets);
 * there is no session to keep alive and no token to send with its writes.
 */
import { enqueueActions, setup } from 'xstate';
import type { CancelTimerParams, OutputParams, SendParams, SetTimerParams } from '../types';
import type { NodeId } from './config';
import { cancelTimer, entry, record, run, send, setTimer, timerSubject, without, type Draft } from './kernel';
import type { Incoming, RedisMessage, StorageMessage } from './messages';
import * as writes from './writes';

export interface RedisClientContext extends writes.Writer {
  redis: NodeId;
  lease: number;
  rho: number;
  retry: number;
  /** Locks being taken: the op, and whether a SET NX is in flight (its validity timer runs). */
  acquiring: Readonly<Record<string, { op: string; asking: boolean }>>;
  /** The owner value of each held lock (the op id of the SET NX), for the compare-and-delete. */
  owners: Readonly<Record<string, string>>;
  /** Releases sent and not yet answered: the op of each lock's Del. */
  releasing: Readonly<Record<string, string>>;
}
export interface RedisClientInput extends Omit<RedisClientContext, 'held' | 'working' | 'writing' | 'acquiring' | 'owners' | 'releasing' | 'nextOp'> {
  durable?: { nextOp: number };
}
type Command = { type: 'acquire' | 'release' | 'write'; lock: string; value?: string };
type Timer = { type: 'retry' | 'work' | `valid.${string}` };
type D = Draft<RedisClientContext>;

function ask(d: D, lock: string, op: string): void {
  d.ctx.acquiring = { ...d.ctx.acquiring, [lock]: { op, asking: true } };
  // The validity clock starts at send time, for TTL / rho local ms.
  d.out.push(send(d.ctx.redis, { type: 'SetNX', key: lock, owner: op, ttl: d.ctx.lease, op }), setTimer(`valid.${lock}`, Math.max(1, Math.floor(d.ctx.lease / d.ctx.rho))));
}

function acquire(d: D, lock: string): void {
  const op = writes.newOp(d as unknown as Draft<writes.Writer>);
  d.out.push(record({ kind: 'invoke', op, f: 'acquire', key: lock }));
  if (entry(d.ctx.held, lock) !== undefined) return void d.out.push(record({ kind: 'ok', op }));
  if (entry(d.ctx.acquiring, lock)) return void d.out.push(record({ kind: 'fail', op, reason: 'already acquiring' }));
  ask(d, lock, op);
}

function answered(d: D, m: Incoming<RedisMessage & { type: 'SetReply' }>): void {
  const a = entry(d.ctx.acquiring, m.key);
  if (!a || a.op !== m.op || !a.asking) return;
  if (!m.ok) {
    d.ctx.acquiring = { ...d.ctx.acquiring, [m.key]: { op: a.op, asking: false } };
    return void d.out.push(cancelTimer(`valid.${m.key}`), setTimer('retry', d.ctx.retry));
  }
  d.ctx.acquiring = without(d.ctx.acquiring, m.key);
  d.ctx.held = { ...d.ctx.held, [m.key]: 0 };
  d.out.push(record({ kind: 'ok', op: m.op }));
}

/** The validity ran out: the lock is gone (or the SET NX got no answer in time). */
function lapse(d: D, lock: string): void {
  if (entry(d.ctx.held, lock) !== undefined) d.ctx.held = without(d.ctx.held, lock);
  const a = entry(d.ctx.acquiring, lock);
  if (a?.asking) {
    d.ctx.acquiring = { ...d.ctx.acquiring, [lock]: { op: a.op, asking: false } };
    d.out.push(setTimer('retry', d.ctx.retry));
  }
}

function release(d: D, lock: string): void {
  const op = writes.newOp(d as unknown as Draft<writes.Writer>);
  d.out.push(record({ kind: 'invoke', op, f: 'release', key: lock }));
  if (entry(d.ctx.held, lock) === undefined) return void d.out.push(record({ kind: 'fail', op, reason: 'not held' }));
  const owner = lockOwner(d, lock);
  d.ctx.held = without(d.ctx.held, lock);
  // The client stops believing at once; the application hears ok only once the key is gone.
  d.ctx.releasing = { ...d.ctx.releasing, [lock]: op };
  d.out.push(cancelTimer(`valid.${lock}`), send(d.ctx.redis, { type: 'Del', key: lock, owner, op }));
}

function deleted(d: D, m: Incoming<RedisMessage & { type: 'DelReply' }>): void {
  if (entry(d.ctx.releasing, m.key) !== m.op) return;
  d.ctx.releasing = without(d.ctx.releasing, m.key);
  d.out.push(record({ kind: 'ok', op: m.op }));
}

/** The owner value this client set: the op id of its successful SET NX, kept as `owners`. */
const lockOwner = (d: D, lock: string): string => entry(d.ctx.owners, lock) ?? '';

export const redisClientMachine = setup({
  types: {
    context: {} as RedisClientContext,
    events: {} as Incoming<RedisMessage> | Incoming<StorageMessage> | Command | Timer,
    input: {} as RedisClientInput,
  },
  actions: {
    send: (_, _params: SendParams) => {},
    setTimer: (_, _params: SetTimerParams) => {},
    cancelTimer: (_, _params: CancelTimerParams) => {},
    output: (_, _params: OutputParams) => {},
    acquire: enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => acquire(d, String((event as Command).lock)))),
    release: enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => release(d, String((event as Command).lock)))),
    write: enqueueActions(({ context, event, enqueue }) =>
      run(context, enqueue, (d) => writes.write(d, String((event as Command).lock), String((event as Command).value ?? ''), null, false)),
    ),
    'take the answer': enqueueActions(({ context, event, enqueue }) =>
      run(context, enqueue, (d) => {
        const m = event as Incoming<RedisMessage & { type: 'SetReply' }>;
        answered(d, m);
        if (m.ok && entry(d.ctx.held, m.key) !== undefined) d.ctx.owners = { ...d.ctx.owners, [m.key]: m.owner };
      }),
    ),
    'note the deletion': enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => deleted(d, event as Incoming<RedisMessage & { type: 'DelReply' }>))),
    'the validity ran out': enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => lapse(d, timerSubject(event.type)))),
    'ask again': enqueueActions(({ context, enqueue }) =>
      run(context, enqueue, (d) => {
        for (const [lock, a] of Object.entries(context.acquiring)) if (!a.asking) ask(d, lock, a.op);
      }),
    ),
    'send the write': enqueueActions(({ context, enqueue }) => run(context, enqueue, writes.sendWrite)),
    'note the write outcome': enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => writes.writeAnswered(d, event as Incoming<StorageMessage>))),
  },
}).createMachine({
  id: 'lock-redis-client',
  context: ({ input }) => {
    const { durable, ...rest } = input;
    return { ...rest, held: {}, working: null, writing: [], acquiring: {}, owners: {}, releasing: {}, nextOp: durable?.nextOp ?? 0 };
  },
  initial: 'running',
  states: {
    running: {
      on: {
        acquire: { actions: 'acquire' },
        release: { actions: 'release' },
        write: { actions: 'write' },
        SetReply: { actions: 'take the answer' },
        DelReply: { actions: 'note the deletion' },
        'valid.*': { actions: 'the validity ran out' },
        retry: { actions: 'ask again' },
        work: { actions: 'send the write' },
        WriteOk: { actions: 'note the write outcome' },
        WriteRejected: { actions: 'note the write outcome' },
      },
    },
  },
});
