/** The module's surface: roles, parameters, commands and what survives a restart. */
import { describe, expect, it } from 'vitest';
import { initialTransition } from 'xstate';
import { validateScenario } from '../../scenario/validate';
import { chash } from '.';
import { resolveConfig } from './config';
import type { Scenario } from '../../scenario/types';

const cfg = (n: number, params: Record<string, unknown> = {}) => ({ nodes: Array.from({ length: n }, (_, i) => `n${i + 1}`), params: { bugs: [], ...params } });

describe('chash module', () => {
  it('makes the last `clients` nodes clients and keeps at least one server', () => {
    expect(chash.roles(cfg(4))).toEqual({ n1: 'server', n2: 'server', n3: 'server', n4: 'client' });
    expect(chash.roles(cfg(4, { clients: 2 }))).toEqual({ n1: 'server', n2: 'server', n3: 'client', n4: 'client' });
    expect(chash.roles(cfg(2, { clients: 5 }))).toEqual({ n1: 'server', n2: 'client' });
  });

  it('starts the ring without the last `spares` servers, but always with the seed', () => {
    expect(resolveConfig(cfg(7)).initial).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(resolveConfig(cfg(7, { spares: 0 })).initial).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
    expect(resolveConfig(cfg(3, { spares: 9 })).initial).toEqual(['n1']);
    expect(resolveConfig(cfg(7)).seed).toBe('n1');
  });

  it('refuses bad parameters with a clear message', () => {
    const base = chash.scenarios[0]!;
    const bad = (params: Record<string, unknown>) => {
      const r = validateScenario({ ...base, params: { bugs: [], ...params } } as Scenario, (id) => (id === 'chash' ? chash : undefined));
      return r.ok ? [] : r.errors;
    };
    expect(bad({ replicas: 0 })).toEqual(['params.replicas: must be a whole number from 1 to 8, got 0']);
    expect(bad({ vnodes: 1.5 })).toEqual(['params.vnodes: must be a whole number from 1 to 256, got 1.5']);
    expect(bad({ timeout: -1 })).toEqual(['params.timeout: must be a whole number of ms above 0, got -1']);
    expect(bad({ replicas: 2, vnodes: 100, clients: 2, spares: 0, timeout: 50, requestTimeout: 90 })).toEqual([]);
  });

  it('offers put and get to clients, join and leave to servers', () => {
    expect(chash.commands.map((c) => `${c.id}:${c.roles!.join(',')}`)).toEqual(['put:client', 'get:client', 'join:server', 'leave:server']);
    expect(chash.commands[0]!.event({ at: 0, do: 'put', node: 'n7', key: 'k', value: 'v' })).toEqual({ type: 'put', key: 'k', value: 'v' });
    expect(chash.view).toEqual({ roleGlyphs: { server: 'S', client: 'C' }, panels: ['ring', 'history'], ringPlace: expect.any(Function) });
  });

  it('keeps a server’s ring and store, and a client’s counter and acks, across a restart', () => {
    const c = cfg(7);
    const [server] = initialTransition(chash.machine('server'), chash.input('n2', 'server', c));
    expect(chash.durable(server)).toEqual({ ring: { epoch: 0, status: { n1: 'up', n2: 'up', n3: 'up', n4: 'up', n5: 'up' } }, store: {}, nextWrite: 0 });
    const [client] = initialTransition(chash.machine('client'), chash.input('n7', 'client', c));
    expect(chash.durable(client)).toMatchObject({ counter: 0, acked: {}, nextOp: 0 });
    const obs = chash.observe(server);
    expect(obs).toMatchObject({ role: 'server', self: 'up', epoch: 0, replicas: 3, store: {}, handoff: null });
    expect(JSON.parse(JSON.stringify(obs))).toEqual(obs);
  });
});
