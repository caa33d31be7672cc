/**
 * A client. It routes each get and put to a replica of the key in its own view of the ring,
 * like Dynamo's partition-aware client (section 4.5), and learns the ring from the seed's
 * announcements and from servers that answer NotMine. On a timeout or a failed put it tries
 * the next replica of the preference list, up to max(MAX_TRIES, R) attempts in all, so that
 * with R - 1 replicas down the one left is still reached.
 */
import { enqueueActions, setup } from 'xstate';
import type { CancelTimerParams, OutputParams, SendParams, SetTimerParams } from '../types';
import { cancelTimer, run, reply, send, setTimer, timerSubject, type Draft } from './kernel';
import { initialMembership, isNewer, readReplicas, type Shape } from './membership';
import { entryOf, persistent, withKey, withoutKey } from '../../sim/precord';
import type { ClientEvent, ClientMessage, Entry, Incoming, Key, Membership, NodeId } from './messages';

export const MAX_TRIES = 5;
/** Attempts per op: MAX_TRIES, or R when R is larger, so that a timeout-driven walk down the
 * preference list reaches every replica once. */
export const triesFor = (shape: Shape): number => Math.max(MAX_TRIES, shape.replicas);
const TIMER = 'requestTimeout';

/** A get or put on its way: `tries` so far, and `skip`, how far down the preference list the
 * next try goes (a timeout moves on; a NotMine starts again in a newer view, and moves on when
 * the server's view is older than the client's). */
export interface PendingOp {
  kind: 'get' | 'put';
  key: Key;
  entry?: Entry;
  tries: number;
  skip: number;
  to: NodeId;
}

/** What a client keeps on disk: its view, its version counter, what it was acknowledged, and
 * how many op ids it has issued, so that a restarted client never reuses one: an answer to an
 * op sent before the crash must not count for a new op that took its id. */
export interface ClientDurable {
  ring: Membership;
  counter: number;
  acked: Readonly<Record<Key, Entry>>;
  nextOp?: number;
}

export interface ClientInput extends Shape {
  id: NodeId;
  initial: readonly NodeId[];
  requestTimeout: number;
  durable?: ClientDurable;
}

export interface ClientContext extends Shape, ClientDurable {
  id: NodeId;
  requestTimeout: number;
  nextOp: number;
  ops: Readonly<Record<string, PendingOp>>;
  /** The last answer to a get of each key, and who gave it. */
  reads: Readonly<Record<Key, { value: string | null; version: number | null; from: NodeId }>>;
}

type D = Draft<ClientContext>;

// ── pure helpers ───────────────────────────────────────────────────────────────

// Thousands of ops can be pending at one instant (issue 10): `ops` is a persistent record,
// so adding or answering one costs that op, not a copy of them all.
const opOf = (c: ClientContext, op: string): PendingOp | undefined => entryOf(c.ops, op);
const withoutOp = (c: ClientContext, op: string) => withoutKey(c.ops, op);

function adopt(d: D, ring: Membership): void {
  if (ring.epoch > d.ctx.ring.epoch) d.ctx.ring = ring;
}

/** Sends (or resends) an op to the replica `skip` places down its preference list. */
function attempt(d: D, op: string, p: Omit<PendingOp, 'to' | 'tries'> & { tries: number }): void {
  const replicas = readReplicas(d.ctx.ring, p.key, d.ctx);
  const limit = triesFor(d.ctx);
  if (p.tries >= limit || replicas.length === 0) {
    d.ctx.ops = withoutOp(d.ctx, op);
    d.out.push(cancelTimer(`${TIMER}.${op}`), reply({ type: 'failed', op, key: p.key, reason: replicas.length === 0 ? 'the ring is empty' : `no answer after ${limit} tries` }));
    return;
  }
  const to = replicas[p.skip % replicas.length]!;
  d.ctx.ops = withKey(d.ctx.ops, op, { ...p, to, tries: p.tries + 1 });
  d.out.push(send(to, p.kind === 'put' ? { type: 'Put', op, key: p.key, entry: p.entry! } : { type: 'Get', op, key: p.key }), setTimer(`${TIMER}.${op}`, d.ctx.requestTimeout));
}

function retry(d: D, op: string, skip: (p: PendingOp) => number): void {
  const p = opOf(d.ctx, op);
  if (p) attempt(d, op, { ...p, skip: skip(p) });
}

function receive(d: D, m: Incoming<ClientMessage>): void {
  if (m.type === 'Members') {
    adopt(d, m.ring);
    d.out.push(send(m.from, { type: 'MembersAck', epoch: d.ctx.ring.epoch }));
    return;
  }
  const p = opOf(d.ctx, m.op);
  // An answer to an op already answered (a retry's twin, a duplicate) changes nothing.
  if (!p) return;
  switch (m.type) {
    case 'NotMine': {
      // A newer ring: start again at its first replica. An older one (the server has not heard
      // the epoch the client has): asking it again would only repeat the answer, so move on.
      const newer = m.ring.epoch > d.ctx.ring.epoch;
      adopt(d, m.ring);
      return retry(d, m.op, (q) => (newer ? 0 : q.skip + 1));
    }
    case 'PutFailed':
      adopt(d, m.ring);
      d.out.push(cancelTimer(`${TIMER}.${m.op}`));
      return retry(d, m.op, (q) => q.skip + 1);
    case 'PutOk': {
      const e = p.entry!;
      if (isNewer(e, Object.hasOwn(d.ctx.acked, p.key) ? d.ctx.acked[p.key] : undefined)) d.ctx.acked = { ...d.ctx.acked, [p.key]: e };
      d.ctx.ops = withoutOp(d.ctx, m.op);
      d.out.push(cancelTimer(`${TIMER}.${m.op}`), reply({ type: 'put-ok', op: m.op, key: p.key, version: e.version }));
      return;
    }
    case 'Value': {
      const read = { value: m.entry?.value ?? null, version: m.entry?.version ?? null, from: m.from };
      d.ctx.reads = { ...d.ctx.reads, [p.key]: read };
      d.ctx.ops = withoutOp(d.ctx, m.op);
      d.out.push(cancelTimer(`${TIMER}.${m.op}`), reply({ type: 'get', op: m.op, key: p.key, ...read }));
      return;
    }
  }
}

export function clientContext(input: ClientInput): ClientContext {
  return {
    id: input.id,
    vnodes: input.vnodes,
    replicas: input.replicas,
    requestTimeout: input.requestTimeout,
    ring: input.durable?.ring ?? initialMembership(input.initial),
    counter: input.durable?.counter ?? 0,
    acked: input.durable?.acked ?? {},
    nextOp: input.durable?.nextOp ?? 0,
    ops: persistent({}),
    reads: {},
  };
}

// ── the machine ────────────────────────────────────────────────────────────────

export const clientMachine = setup({
  types: {
    context: {} as ClientContext,
    events: {} as ClientEvent,
    input: {} as ClientInput,
  },
  actions: {
    send: (_, _params: SendParams) => {},
    setTimer: (_, _params: SetTimerParams) => {},
    cancelTimer: (_, _params: CancelTimerParams) => {},
    output: (_, _params: OutputParams) => {},
    // The version is the client's counter: a retry sends the same version, so it is idempotent.
    'send put to a replica': enqueueActions(({ context, event, enqueue }) =>
      run(context, enqueue, (d) => {
        const { key, value } = event as { key: Key; value: string };
        const counter = context.counter + 1;
        d.ctx.counter = counter;
        d.ctx.nextOp = context.nextOp + 1;
        attempt(d, `o${d.ctx.nextOp}`, { kind: 'put', key, entry: { value, version: counter, writer: context.id }, tries: 0, skip: 0 });
      }),
    ),
    'send get to a replica': enqueueActions(({ context, event, enqueue }) =>
      run(context, enqueue, (d) => {
        d.ctx.nextOp = context.nextOp + 1;
        attempt(d, `o${d.ctx.nextOp}`, { kind: 'get', key: (event as { key: Key }).key, tries: 0, skip: 0 });
      }),
    ),
    'handle answer': enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => receive(d, event as Incoming<ClientMessage>))),
    'try the next replica': enqueueActions(({ context, event, enqueue }) => run(context, enqueue, (d) => retry(d, timerSubject(event.type), (p) => p.skip + 1))),
  },
}).createMachine({
  id: 'chash-client',
  context: ({ input }) => clientContext(input),
  initial: 'serving',
  states: {
    serving: {
      on: {
        put: { actions: 'send put to a replica' },
        get: { actions: 'send get to a replica' },
        // Join and leave belong to servers.
        join: {},
        leave: {},
        'requestTimeout.*': { actions: 'try the next replica' },
        '*': { actions: 'handle answer' },
      },
    },
  },
});
