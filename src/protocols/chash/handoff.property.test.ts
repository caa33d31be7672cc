/**
 * Properties of the protocol over generated clusters, keys and one join or leave: after the
 * handoff every key is stored on exactly its R replicas, and with up to R - 1 of a key's
 * replicas crashed every acknowledged write is still read back.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runScenario, type Simulation } from '../../sim/simulation';
import type { Action, Scenario } from '../../scenario/types';
import { chash } from '.';
import { readReplicas } from './membership';
import type { ServerObservable } from './observe';

interface Case {
  servers: number;
  spares: number;
  vnodes: number;
  replicas: number;
  keys: string[];
  change: 'join' | 'leave';
  /** Which initial server leaves. */
  pick: number;
  latency: number;
  /** Which servers crash in the read phase (a subset of size < min(R, ring size)). */
  crash: number[];
}

const arb: fc.Arbitrary<Case> = fc.record({
  servers: fc.integer({ min: 2, max: 6 }),
  spares: fc.integer({ min: 0, max: 1 }),
  vnodes: fc.integer({ min: 1, max: 8 }),
  replicas: fc.integer({ min: 1, max: 3 }),
  keys: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,4}$/), { minLength: 1, maxLength: 8 }),
  change: fc.constantFrom('join' as const, 'leave' as const),
  pick: fc.nat(),
  latency: fc.integer({ min: 1, max: 20 }),
  crash: fc.array(fc.nat(), { maxLength: 2 }),
});

const ids = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `n${i + from}`);
const CHANGE_AT = 200;
const READ_AT = 1500;

/** Puts every key, makes the change, then (optionally) crashes some ring servers and reads every key. */
function scenarioOf(c: Case, withReads: boolean): { scenario: Scenario; ring: string[]; crashed: string[] } {
  const servers = ids(c.servers);
  const client = `n${c.servers + 1}`;
  const initial = servers.slice(0, Math.max(1, c.servers - c.spares));
  const spare = servers.find((s) => !initial.includes(s));
  const leaver = initial.length > 1 ? initial[c.pick % initial.length]! : undefined;
  const changeBy = c.change === 'join' ? spare : leaver;
  const ring = c.change === 'join' && spare ? [...initial, spare] : initial.filter((s) => s !== changeBy);
  // Fewer crashes than min(R, ring size): some replica of every key survives.
  const budget = Math.min(c.replicas, ring.length) - 1;
  const crashed = [...new Set(c.crash.map((i) => ring[i % ring.length]!))].slice(0, budget);
  const actions: Action[] = [
    ...c.keys.map((key, i): Action => ({ at: i, do: 'put', node: client, key, value: `${key}!` })),
    ...(changeBy ? [{ at: CHANGE_AT, do: c.change, node: changeBy } as Action] : []),
    ...(withReads ? crashed.map((node): Action => ({ at: READ_AT, do: 'crash', node })) : []),
    ...(withReads ? c.keys.map((key, i): Action => ({ at: READ_AT + 10 + i, do: 'get', node: client, key })) : []),
  ];
  const scenario: Scenario = {
    format: 'faultline-scenario',
    version: 1,
    protocol: 'chash',
    nodes: [...servers, client],
    seed: 1,
    params: { bugs: [], vnodes: c.vnodes, replicas: c.replicas, clients: 1, spares: c.spares },
    network: { latency: [1, c.latency], drop: 0, duplicate: 0 },
    schedule: 'auto',
    actions,
    until: READ_AT + 1500,
  };
  return { scenario, ring: ring.sort(), crashed };
}

const server = (sim: Simulation, id: string) => sim.current.views.get(id)!.state as ServerObservable;

describe('handoff properties', () => {
  it('after a join or leave settles, every key is stored on exactly its R replicas', () => {
    fc.assert(
      fc.property(arb, (c) => {
        const { scenario, ring } = scenarioOf(c, false);
        const sim = runScenario(chash, scenario);
        expect(sim.violations).toEqual([]);
        const seed = server(sim, 'n1');
        expect(Object.keys(seed.members).sort()).toEqual(ring);
        expect(Object.values(seed.members).every((s) => s === 'up')).toBe(true);
        for (const key of c.keys) {
          const want = readReplicas({ epoch: seed.epoch, status: seed.members }, key, c).sort();
          const have = ids(c.servers).filter((id) => Object.hasOwn(server(sim, id).store, key));
          expect(have, key).toEqual(want);
          expect(want).toHaveLength(Math.min(c.replicas, ring.length));
        }
      }),
      { numRuns: 60, seed: 20261122 },
    );
  });

  it('with fewer than R replicas crashed, every acknowledged write is read back', () => {
    fc.assert(
      fc.property(arb, (c) => {
        const { scenario } = scenarioOf(c, true);
        const sim = runScenario(chash, scenario);
        expect(sim.violations).toEqual([]);
        const got = new Map(
          sim.events
            .flatMap((e) => (e.output ?? []) as { type: string; key: string; value: string | null }[])
            .filter((o) => o.type === 'get')
            .map((o) => [o.key, o.value]),
        );
        for (const key of c.keys) expect(got.get(key), key).toBe(`${key}!`);
      }),
      { numRuns: 60, seed: 20261122 },
    );
  });
});
