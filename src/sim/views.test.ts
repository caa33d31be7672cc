/** A node's view is replaced only when its observed state changes: XState copies the context
 * on every `assign`, even one that changes nothing, and the kernel must not take that copy for
 * a change (the invariants skip unchanged views by identity). */
import { describe, expect, it } from 'vitest';
import { assign, setup } from 'xstate';
import type { ProtocolModule } from '../protocols/types';
import type { Scenario } from '../scenario/types';
import { Simulation } from './simulation';

const counter = setup({
  types: { context: {} as { n: number }, events: {} as { type: 'poke' } | { type: 'bump' } },
}).createMachine({
  context: { n: 0 },
  on: {
    poke: { actions: assign(() => ({})) },
    bump: { actions: assign(({ context }) => ({ n: context.n + 1 })) },
  },
});

function module(observed: { calls: number }): ProtocolModule {
  return {
    id: 'counter',
    name: 'Counter (kernel tests)',
    minNodes: 1,
    maxNodes: 3,
    params: [],
    roles: (cfg) => Object.fromEntries(cfg.nodes.map((n) => [n, 'node'])),
    machine: () => counter,
    input: () => ({}),
    durable: () => undefined,
    observe: (s) => {
      observed.calls++;
      return { n: (s as unknown as { context: { n: number } }).context.n };
    },
    commands: [
      { id: 'poke', label: 'Poke', description: 'assign nothing', fields: [], event: () => ({ type: 'poke' }) },
      { id: 'bump', label: 'Bump', description: 'count one', fields: [], event: () => ({ type: 'bump' }) },
    ],
    invariants: [],
    bugs: [],
    scenarios: [],
    view: { roleGlyphs: { node: 'C' }, panels: [] },
  };
}

const scenario: Scenario = {
  format: 'faultline-scenario',
  version: 2,
  protocol: 'counter',
  nodes: ['n1'],
  seed: 1,
  params: { bugs: [] },
  network: { latency: [10, 10], drop: 0, duplicate: 0 },
  schedule: 'auto',
  actions: [
    { at: 1, do: 'poke', node: 'n1' },
    { at: 2, do: 'poke', node: 'n1' },
    { at: 3, do: 'bump', node: 'n1' },
    { at: 4, do: 'poke', node: 'n1' },
  ],
  until: 10,
};

describe('views change only when the observed state does', () => {
  it('an assign that changes nothing keeps the view and skips observe()', () => {
    const observed = { calls: 0 };
    const sim = new Simulation(module(observed), scenario);
    sim.step(); // start
    const started = sim.current.views.get('n1');
    sim.step();
    sim.step(); // two pokes
    expect(sim.current.views.get('n1')).toBe(started);
    expect(observed.calls).toBe(1);
    sim.step(); // bump
    const bumped = sim.current.views.get('n1')!;
    expect(bumped).not.toBe(started);
    expect(bumped.state).toEqual({ n: 1 });
    sim.step(); // poke again
    expect(sim.current.views.get('n1')).toBe(bumped);
    expect(observed.calls).toBe(2);
    expect(sim.events.map((e) => (e.state as { n: number }).n)).toEqual([0, 0, 0, 1, 1]);
  });
});
