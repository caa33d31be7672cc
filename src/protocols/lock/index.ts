/**
 * A Chubby-style lock service as a ProtocolModule: a cell (database + cell nodes, one of them
 * master), clients with sessions, and the storage service they write to under a lock. The
 * `mode` parameter swaps the cell for a Redis-style SET NX + TTL server.
 */
import type { AnyStateMachine } from 'xstate';
import type { ProtocolModule } from '../types';
import { BUGS, lockParams, resolveConfig, rolesOf, type Role } from './config';
import { cellMachine } from './cell';
import { clientMachine } from './client';
import { dbMachine, type DbDurable } from './db';
import { storageMachine, type StorageDurable } from './storage';
import { redisMachine } from './redis';
import { redisClientMachine } from './redisClient';
import { durable, observe } from './observe';
import { lockInvariants } from './invariants';
import { lockScenarios } from './scenarios';
import { clientHistory } from './history';
import { lockExplore } from './explore';
import { summarizeLock } from './summary';
import { messageTypes, nodeNote } from './view';

const machines: Record<Role, AnyStateMachine> = {
  db: dbMachine,
  cell: cellMachine,
  client: clientMachine,
  storage: storageMachine,
  redis: redisMachine,
  'redis-client': redisClientMachine,
};

const lockField = { name: 'lock', kind: 'string' as const, default: 'L', description: 'Lock name (also the storage resource it protects)' };

export const lock: ProtocolModule = {
  id: 'lock',
  name: 'Lock service (Chubby, fencing)',
  minNodes: 4,
  maxNodes: 10,
  params: lockParams,
  roles: (cfg) => rolesOf(resolveConfig(cfg)),
  machine: (role) => machines[role as Role],
  input(node, role, cfg, disk) {
    const c = resolveConfig(cfg);
    const common = { id: node, storage: c.storage, lease: c.lease, rho: c.rho, work: c.work, retry: c.retry, bugs: c.bugs };
    const kept = disk === undefined ? {} : { durable: disk };
    switch (role as Role) {
      case 'db':
        return { masterLease: c.masterLease, ...(kept as { durable?: DbDurable }) };
      case 'cell':
        return { id: node, db: c.server, lease: c.lease, lockDelay: c.lockDelay, rho: c.rho, masterLease: c.masterLease, campaign: c.campaign, bugs: c.bugs };
      case 'client':
        return { ...common, cells: c.cells, keepAlive: c.keepAlive, grace: c.grace, ...kept };
      case 'redis-client':
        return { ...common, redis: c.server, ...kept };
      case 'storage':
        return { bugs: c.bugs, ...(kept as { durable?: StorageDurable }) };
      case 'redis':
        return {};
    }
  },
  durable,
  observe,
  commands: [
    {
      id: 'acquire',
      label: 'Acquire lock',
      description: 'The client asks for the lock (Chubby Acquire, or Redis SET NX with a TTL) and keeps asking until it is granted.',
      fields: [lockField],
      roles: ['client', 'redis-client'],
      event: (a) => ({ type: 'acquire', lock: String(a.lock ?? 'L') || 'L' }),
    },
    {
      id: 'write',
      label: 'Write to storage',
      description: 'If the client holds the lock it does its work, then writes the value to storage with its sequencer as the token.',
      fields: [lockField, { name: 'value', kind: 'string', default: 'v', description: 'Value to write' }],
      roles: ['client', 'redis-client'],
      event: (a) => ({ type: 'write', lock: String(a.lock ?? 'L') || 'L', value: String(a.value ?? 'v') }),
    },
    {
      id: 'release',
      label: 'Release lock',
      description: 'The client stops holding the lock and tells the master (or deletes its Redis key).',
      fields: [lockField],
      roles: ['client', 'redis-client'],
      event: (a) => ({ type: 'release', lock: String(a.lock ?? 'L') || 'L' }),
    },
  ],
  invariants: lockInvariants,
  bugs: [
    { id: BUGS.storageIgnoresTokens, description: 'Storage accepts every write whatever its token, like a server that knows nothing of locks.', breaks: ['storage-mutex'] },
    {
      id: BUGS.noLeaseExtension,
      description: 'A new master does not extend the sessions it rebuilds: sessions that have not yet reached it expire at once, while their clients still trust their local leases.',
      breaks: ['lease-belief', 'storage-mutex'],
    },
    {
      id: BUGS.leaseFromReply,
      description: 'The client starts its local lease when the KeepAlive reply arrives and ignores the clock bound, so it trusts its lease for longer than the master keeps the session.',
      breaks: ['lease-belief'],
    },
    { id: BUGS.volatileGeneration, description: 'Lock generation numbers live only in the master’s memory: a new master starts them again from zero.', breaks: ['token-monotone'] },
    { id: BUGS.ignoreJeopardy, description: 'The client keeps writing while in jeopardy and after its session expired.', breaks: ['no-act-in-jeopardy', 'lease-belief', 'storage-mutex'] },
  ],
  scenarios: lockScenarios,
  view: { roleGlyphs: { db: 'D', cell: 'M', client: 'C', storage: 'S', redis: 'R', 'redis-client': 'C' }, panels: ['leases'], nodeNote, messageTypes },
  summarize: summarizeLock,
  summaryReads: [],
  clientHistory,
  explore: lockExplore,
};
