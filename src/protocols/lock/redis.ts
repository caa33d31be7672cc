/**
 * Redis-style locking, the usual first attempt: one server, `SET key owner NX PX ttl` to take
 * the lock and a compare-and-delete to release it. No sessions, no KeepAlives and no tokens:
 * the lock simply vanishes when the TTL runs out, whatever its owner is doing. Keys are in
 * memory only (no AOF), so a restart forgets them.
 */
import { enqueueActions, setup } from 'xstate';
import type { CancelTimerParams, OutputParams, SendParams, SetTimerParams } from '../types';
import { cancelTimer, entry, run, send, setTimer, timerSubject, without } from './kernel';
import type { Incoming, RedisMessage } from './messages';

export interface RedisContext {
  keys: Readonly<Record<string, string>>;
}

export const redisMachine = setup({
  types: { context: {} as RedisContext, events: {} as Incoming<RedisMessage> | { type: `ttl.${string}` } },
  actions: {
    send: (_, _params: SendParams) => {},
    setTimer: (_, _params: SetTimerParams) => {},
    cancelTimer: (_, _params: CancelTimerParams) => {},
    output: (_, _params: OutputParams) => {},
    'set if absent': enqueueActions(({ context, event, enqueue }) =>
      run(context, enqueue, (d) => {
        const m = event as Incoming<RedisMessage & { type: 'SetNX' }>;
        const owner = entry(context.keys, m.key);
        const ok = owner === undefined;
        if (ok) {
          d.ctx.keys = { ...context.keys, [m.key]: m.owner };
          d.out.push(setTimer(`ttl.${m.key}`, m.ttl));
        }
        d.out.push(send(m.from, { type: 'SetReply', key: m.key, owner: m.owner, op: m.op, ok }));
      }),
    ),
    'delete if owner': enqueueActions(({ context, event, enqueue }) =>
      run(context, enqueue, (d) => {
        const m = event as Incoming<RedisMessage & { type: 'Del' }>;
        if (entry(context.keys, m.key) === m.owner) {
          d.ctx.keys = without(context.keys, m.key);
          d.out.push(cancelTimer(`ttl.${m.key}`));
        }
        d.out.push(send(m.from, { type: 'DelReply', key: m.key, op: m.op }));
      }),
    ),
    'drop the key': enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => void (d.ctx.keys = without(context.keys, timerSubject(event.type))))),
  },
}).createMachine({
  id: 'lock-redis',
  context: { keys: {} },
  initial: 'serving',
  states: { serving: { on: { SetNX: { actions: 'set if absent' }, Del: { actions: 'delete if owner' }, 'ttl.*': { actions: 'drop the key' } } } },
});
