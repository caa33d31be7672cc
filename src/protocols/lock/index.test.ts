/** The module's surface: roles, parameters, durability and the contract hooks. */
import { describe, expect, it } from 'vitest';
import { initialTransition } from 'xstate';
import { runScenario } from '../../sim/simulation';
import { lock } from '.';
import type { ClientRecord } from '../types';

const cfg = (nodes: string[], params: Record<string, unknown> = {}) => ({ nodes, params: { bugs: [], ...params } });

describe('lock module', () => {
  it('lays out database, cell nodes, clients and storage, or a Redis server in Redis mode', () => {
    const nodes = ['db', 'm1', 'm2', 'c1', 'c2', 'store'];
    expect(lock.roles(cfg(nodes))).toEqual({ db: 'db', m1: 'cell', m2: 'cell', c1: 'client', c2: 'client', store: 'storage' });
    expect(lock.roles(cfg(nodes, { cells: 1 }))).toMatchObject({ m2: 'client' });
    // At least one client stays, however many cells are asked for.
    expect(lock.roles(cfg(['a', 'b', 'c', 'd'], { cells: 5 }))).toEqual({ a: 'db', b: 'cell', c: 'client', d: 'storage' });
    expect(lock.roles(cfg(['r', 'c1', 'c2', 's'], { mode: 'redis' }))).toEqual({ r: 'redis', c1: 'redis-client', c2: 'redis-client', s: 'storage' });
  });

  it('keeps the database and storage across a crash, and nothing of a cell node', () => {
    const c = cfg(['db', 'm1', 'c1', 'store']);
    const [db] = initialTransition(lock.machine('db'), lock.input('db', 'db', c));
    expect(lock.durable(db)).toEqual({ epoch: 0, master: null, version: 0, data: { sessions: {}, locks: {} } });
    const [cell] = initialTransition(lock.machine('cell'), lock.input('m1', 'cell', c));
    expect(lock.durable(cell)).toBeUndefined();
    const [client] = initialTransition(lock.machine('client'), lock.input('c1', 'client', c, { nextOp: 7 }));
    expect(lock.durable(client)).toEqual({ nextOp: 7 });
    expect(lock.observe(client)).toMatchObject({ role: 'client', session: 'none', held: {}, believes: {} });
  });

  it('records acquire, write and release as client operations, with unique op ids', () => {
    const sim = runScenario(lock, lock.scenarios.find((s) => s.name === 'happy')!);
    const records: ClientRecord[] = sim.events.flatMap((e) => lock.clientHistory!(e));
    const invokes = records.filter((r) => r.kind === 'invoke');
    expect(invokes.map((r) => (r.kind === 'invoke' ? `${r.client}:${r.f}:${r.key}` : ''))).toEqual(['c1:acquire:L', 'c1:write:L', 'c1:release:L', 'c2:acquire:L', 'c2:write:L', 'c2:release:L']);
    expect(new Set(invokes.map((r) => r.op)).size).toBe(6);
    // Every operation ends ok; the acquires return their sequencers.
    const ends = new Map(records.filter((r) => r.kind !== 'invoke').map((r) => [r.op, r]));
    expect(invokes.map((r) => ends.get(r.op)?.kind)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect([invokes[0]!, invokes[3]!].map((r) => (ends.get(r.op) as { value?: unknown }).value)).toEqual([1, 2]);
  });

  it('records a rejected stale write as failed', () => {
    const sim = runScenario(lock, lock.scenarios.find((s) => s.name === 'gc-pause-fenced')!);
    const records = sim.events.flatMap((e) => lock.clientHistory!(e));
    const write = records.find((r) => r.kind === 'invoke' && r.client === 'c1' && r.f === 'write')!;
    expect(records.find((r) => r.op === write.op && r.kind !== 'invoke')).toEqual({ kind: 'fail', op: write.op, reason: 'token below 2' });
  });

  it('abstracts a state by roles, holders and beliefs, not by epochs or generations', () => {
    const happy = lock.scenarios.find((s) => s.name === 'happy')!;
    const a = runScenario(lock, { ...happy, until: 360 });
    expect(lock.explore!.abstract(a.current.views)).toBe('c1=a[L] c2=a[] db=m1 m1=s+[L:c1] m2=s[] store=0/0');
    // A later grant with a higher generation to the other client abstracts alike but for the holder.
    const b = runScenario(lock, { ...happy, until: 660 });
    expect(lock.explore!.abstract(b.current.views)).toBe('c1=a[] c2=a[L] db=m1 m1=s+[L:c2] m2=s[] store=1/0');
  });
});
