/**
 * The storage service the lock protects. With fencing it accepts a write only if its token is
 * at least the highest it has accepted for that resource (Chubby §2.4 sequencers; Kleppmann,
 * "Making the lock safe with fencing"); `storage-ignores-tokens` accepts every write, like a
 * server that knows nothing of locks. Writes without a token (Redis mode) cannot be fenced.
 * Everything here is durable.
 */
import { enqueueActions, setup } from 'xstate';
import type { CancelTimerParams, OutputParams, SendParams, SetTimerParams } from '../types';
import { BUGS, type NodeId } from './config';
import { entry, run, send } from './kernel';
import type { Incoming, StorageMessage } from './messages';

export interface LogEntry {
  op: string;
  writer: NodeId;
  resource: string;
  value: string;
  token: number | null;
  accepted: boolean;
}
export interface StorageDurable {
  maxToken: Readonly<Record<string, number>>;
  data: Readonly<Record<string, { value: string; token: number | null; writer: NodeId }>>;
  /** The write log, newest last (the view's table). */
  log: readonly LogEntry[];
}
export interface StorageContext extends StorageDurable {
  fencing: boolean;
}
export interface StorageInput {
  bugs: readonly string[];
  durable?: StorageDurable;
}

const LOG_LIMIT = 200;

export const storageMachine = setup({
  types: { context: {} as StorageContext, events: {} as Incoming<StorageMessage>, input: {} as StorageInput },
  actions: {
    send: (_, _params: SendParams) => {},
    setTimer: (_, _params: SetTimerParams) => {},
    cancelTimer: (_, _params: CancelTimerParams) => {},
    output: (_, _params: OutputParams) => {},
    'check the token and write': enqueueActions(({ context, event, enqueue }) =>
      run(context, enqueue, (d) => {
        const m = event as Incoming<StorageMessage & { type: 'Write' }>;
        const max = entry(context.maxToken, m.resource);
        const stale = context.fencing && m.token !== undefined && max !== undefined && m.token < max;
        const token = m.token ?? null;
        d.ctx.log = [...context.log, { op: m.op, writer: m.from, resource: m.resource, value: m.value, token, accepted: !stale }].slice(-LOG_LIMIT);
        if (stale) return void d.out.push(send(m.from, { type: 'WriteRejected', op: m.op, maxToken: max }));
        d.ctx.data = { ...context.data, [m.resource]: { value: m.value, token, writer: m.from } };
        if (m.token !== undefined && (max === undefined || m.token > max)) d.ctx.maxToken = { ...context.maxToken, [m.resource]: m.token };
        d.out.push(send(m.from, { type: 'WriteOk', op: m.op }));
      }),
    ),
  },
}).createMachine({
  id: 'lock-storage',
  context: ({ input }) => ({
    fencing: !input.bugs.includes(BUGS.storageIgnoresTokens),
    maxToken: input.durable?.maxToken ?? {},
    data: input.durable?.data ?? {},
    log: input.durable?.log ?? [],
  }),
  initial: 'serving',
  states: { serving: { on: { Write: { actions: 'check the token and write' } } } },
});
