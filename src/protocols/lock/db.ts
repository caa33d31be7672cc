/**
 * The cell's database: in Chubby a Paxos-replicated log that only the master reads and
 * writes (§2.2, §2.9), abstracted here as one durable node. It elects masters by granting a
 * master lease (no other master for `masterLease` ms, §2.2) with a new epoch each time, and it
 * accepts writes only from the current master within its lease: an old master's write is
 * fenced by its epoch.
 */
import { enqueueActions, setup } from 'xstate';
import type { CancelTimerParams, OutputParams, SendParams, SetTimerParams } from '../types';
import { run } from '../kit/draft';
import { send, setTimer } from './kernel';
import { EMPTY_DB, type DbData, type Incoming, type MasterToDb } from './messages';
import type { NodeId } from './config';

export interface DbDurable {
  epoch: number;
  master: NodeId | null;
  version: number;
  data: DbData;
}
export interface DbInput {
  masterLease: number;
  durable?: DbDurable;
}
export interface DbContext extends DbDurable {
  masterLease: number;
  /** The master lease runs: no election until it lapses. */
  alive: boolean;
}

const LEASE = 'masterLease';

const isMaster = (c: DbContext, m: { from: NodeId; epoch: number }) => c.alive && c.master === m.from && c.epoch === m.epoch;

export const dbMachine = setup({
  types: { context: {} as DbContext, events: {} as Incoming<MasterToDb> | { type: typeof LEASE }, input: {} as DbInput },
  actions: {
    send: (_, _params: SendParams) => {},
    setTimer: (_, _params: SetTimerParams) => {},
    cancelTimer: (_, _params: CancelTimerParams) => {},
    output: (_, _params: OutputParams) => {},
    // After a restart the last master may still be serving: wait out a whole lease first.
    'wait out the last master lease': enqueueActions(({ context, enqueue }) =>
      run(context, enqueue, (d) => {
        if (context.master !== null) d.out.push(setTimer(LEASE, context.masterLease));
      }),
    ),
    'elect or refuse': enqueueActions(({ context, event, enqueue }) =>
      run(context, enqueue, (d) => {
        const m = event as Incoming<MasterToDb & { type: 'Campaign' }>;
        // The master asking again, from before its current term (a duplicated or delayed
        // Campaign, or a restart that forgot the term): no new election while the lease runs.
        if (context.alive && context.master === m.from && m.epoch < context.epoch) return;
        if (context.alive && context.master !== m.from) {
          d.out.push(send(m.from, { type: 'NotElected', master: context.master, epoch: context.epoch }));
          return;
        }
        // A new epoch for every election, even of the same node (§2.9 step 1).
        d.ctx.epoch = context.epoch + 1;
        d.ctx.master = m.from;
        d.ctx.alive = true;
        d.out.push(setTimer(LEASE, context.masterLease), send(m.from, { type: 'Elected', epoch: d.ctx.epoch, version: context.version, data: context.data }));
      }),
    ),
    renew: enqueueActions(({ context, event, enqueue }) =>
      run(context, enqueue, (d) => {
        const m = event as Incoming<MasterToDb & { type: 'Renew' }>;
        if (!isMaster(context, m)) return void d.out.push(send(m.from, { type: 'Deposed', epoch: context.epoch }));
        d.out.push(setTimer(LEASE, context.masterLease), send(m.from, { type: 'Renewed', epoch: m.epoch, rid: m.rid }));
      }),
    ),
    write: enqueueActions(({ context, event, enqueue }) =>
      run(context, enqueue, (d) => {
        const m = event as Incoming<MasterToDb & { type: 'DbWrite' }>;
        if (!isMaster(context, m)) return void d.out.push(send(m.from, { type: 'Deposed', epoch: context.epoch }));
        // Versions order a master's writes whatever order the network delivers them in.
        if (m.version > context.version) {
          d.ctx.version = m.version;
          d.ctx.data = m.data;
        }
        d.out.push(send(m.from, { type: 'DbAck', epoch: m.epoch, version: m.version }));
      }),
    ),
    'lease lapsed': enqueueActions(({ context, enqueue }) => run(context, enqueue, (d) => void (d.ctx.alive = false))),
  },
}).createMachine({
  id: 'lock-db',
  context: ({ input }) => ({
    masterLease: input.masterLease,
    epoch: input.durable?.epoch ?? 0,
    master: input.durable?.master ?? null,
    version: input.durable?.version ?? 0,
    data: input.durable?.data ?? EMPTY_DB,
    alive: input.durable?.master != null,
  }),
  initial: 'serving',
  states: {
    serving: {
      entry: 'wait out the last master lease',
      on: {
        Campaign: { actions: 'elect or refuse' },
        Renew: { actions: 'renew' },
        DbWrite: { actions: 'write' },
        [LEASE]: { actions: 'lease lapsed' },
      },
    },
  },
});

export const dbDurable = (c: DbContext): DbDurable => ({ epoch: c.epoch, master: c.master, version: c.version, data: c.data });
