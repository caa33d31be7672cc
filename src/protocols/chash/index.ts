/** Consistent hashing as a ProtocolModule: storage servers on a ring of virtual nodes with R
 * replicas per key, clients that get and put, and joins and leaves with a key handoff. */
import type { ProtocolConfig, ProtocolModule } from '../types';
import { chashParams, resolveConfig } from './config';
import { serverMachine, type ServerDurable, type ServerInput } from './server';
import { clientMachine, type ClientDurable, type ClientInput } from './client';
import { durable, observe } from './observe';
import { chashInvariants } from './invariants';
import { chashScenarios } from './scenarios';
import { summarizeChash } from './summary';
import { abstractChash } from './abstract';
import { chashClientHistory } from './history';
import { tokenOf } from './hash';

/** Clients are the last `clients` nodes (see config.ts); every other node is a server. */
function roles(cfg: ProtocolConfig): Record<string, string> {
  const { clients } = resolveConfig(cfg);
  return Object.fromEntries(cfg.nodes.map((n) => [n, clients.includes(n) ? 'client' : 'server']));
}

/** Keys the explorer's clients use: with one key, a join rarely moves a key it should not. */
const KEYS = ['k1', 'k2', 'k3', 'k4', 'k5'];

export const chash: ProtocolModule = {
  id: 'chash',
  name: 'Consistent hashing',
  minNodes: 2,
  maxNodes: 16,
  params: chashParams,
  roles,
  machine: (role) => (role === 'client' ? clientMachine : serverMachine),
  input(node, role, cfg, disk): ServerInput | ClientInput {
    const c = resolveConfig(cfg);
    const shape = { vnodes: c.vnodes, replicas: c.replicas };
    if (role === 'client') return { id: node, ...shape, initial: c.initial, requestTimeout: c.requestTimeout, ...(disk ? { durable: disk as ClientDurable } : {}) };
    const peers = cfg.nodes.filter((n) => n !== node);
    return { id: node, seed: c.seed, peers, ...shape, initial: c.initial, timeout: c.timeout, bugs: c.bugs, ...(disk ? { durable: disk as ServerDurable } : {}) };
  },
  durable,
  observe,
  commands: [
    {
      id: 'put',
      label: 'Put',
      description: 'The client writes a value under a key: it sends Put to a replica of the key, which stores it on every replica before it answers.',
      fields: [
        { name: 'key', kind: 'string', default: 'k1', description: 'The key', sample: KEYS },
        { name: 'value', kind: 'string', default: 'v1', description: 'The value', sample: ['v1', 'v2', 'v3'] },
      ],
      roles: ['client'],
      event: (a) => ({ type: 'put', key: String(a.key ?? ''), value: String(a.value ?? '') }),
    },
    {
      id: 'get',
      label: 'Get',
      description: 'The client reads a key from one of its replicas, trying the next replica when one does not answer.',
      fields: [{ name: 'key', kind: 'string', default: 'k1', description: 'The key', sample: KEYS }],
      roles: ['client'],
      event: (a) => ({ type: 'get', key: String(a.key ?? '') }),
    },
    {
      id: 'join',
      label: 'Join the ring',
      description: 'A server outside the ring asks the seed to join; it pulls the key ranges it gains, then serves them.',
      fields: [],
      roles: ['server'],
      available: (state) => state.self === 'out',
      event: () => ({ type: 'join' }),
    },
    {
      id: 'leave',
      label: 'Leave the ring',
      description: 'A server in the ring asks the seed to leave; it hands its keys to the servers that gain them, then drops them.',
      fields: [],
      roles: ['server'],
      available: (state) => state.self === 'up',
      event: () => ({ type: 'leave' }),
    },
  ],
  invariants: chashInvariants,
  bugs: [
    {
      id: 'no-handoff',
      description: 'A joining server declares itself ready without pulling the ranges it gains, so reads there miss and the old replicas drop the only copies.',
      breaks: ['no-loss', 'replicas-after-handoff'],
    },
    {
      id: 'drop-before-ack',
      description: 'A leaving server deletes each key as it sends it and leaves without waiting for acks, so a lost transfer loses the key.',
      breaks: ['no-loss', 'replicas-after-handoff'],
    },
    {
      id: 'whole-store',
      description: 'Old replicas answer a joiner with their whole store instead of the ranges it gains, so keys move to a server that does not replicate them.',
      breaks: ['movement'],
    },
  ],
  scenarios: chashScenarios,
  view: {
    roleGlyphs: { server: 'S', client: 'C' },
    panels: ['ring', 'history'],
    // A server in the ring sits at its first token (2^32 positions round the circle); clients
    // and spares not (or no longer) in it sit off the ring, in the middle.
    ringPlace: (id, state) => {
      const s = state as { role?: string; self?: string } | undefined;
      return s?.role !== 'server' || s.self === 'out' ? null : tokenOf(id, 0) / 2 ** 32;
    },
  },
  explore: { abstract: abstractChash },
  summarize: summarizeChash,
  summaryReads: [],
  clientHistory: chashClientHistory,
  // Dynamo-style: a read asks one replica, and a put that gave up may sit on some replicas and
  // not others, so two reads in a row can disagree. The history is recorded and shown, and the
  // history view runs the checker on demand, but linearizability is not promised, so it is no
  // invariant here (random schedules break it within a few seeds).
  clientConsistency: 'none',
};
