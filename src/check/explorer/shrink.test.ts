/** The shrinking pipeline on a tiny protocol, where what the bug needs is known exactly. */
import { describe, expect, it } from 'vitest';
import type { ProtocolModule } from '../../protocols/types';
import type { Action, Scenario } from '../../scenario/types';
import { echo } from '../../sim/fixtures/echo';
import { FULL, breaksAt, shrink, type ShrinkProgress } from './shrink';
import { ShrinkRunner } from './shrinkRunner';
import { explicitLosses } from './losses';
import { Simulation } from '../../sim/simulation';

/** Echo with one "invariant": n2 has answered no more than two Pings while n3 is down. */
const module: ProtocolModule = {
  ...echo,
  invariants: [
    {
      id: 'busy-while-n3-down',
      name: 'busy while n3 is down',
      description: 'test only',
      source: 'test only',
      create: () => ({ nodes }) => (nodes.get('n3')?.up === false && ((nodes.get('n2')?.state.pings as number) ?? 0) > 2 ? { message: 'n2 answered three pings with n3 down' } : null),
    },
  ],
};

function scenario(actions: Action[]): Scenario {
  return {
    format: 'faultline-scenario',
    version: 3,
    protocol: 'echo',
    nodes: ['n1', 'n2', 'n3', 'n4'],
    seed: 9,
    params: { bugs: [] },
    network: { latency: [5, 25], drop: 0, duplicate: 0 },
    schedule: 'auto',
    actions,
    until: 3000,
  };
}
const ping = (at: number, node: string, to: string): Action => ({ at, do: 'ping', node, to });

describe('shrink', () => {
  const noise: Action[] = [
    ...Array.from({ length: 12 }, (_, i) => ping(40 + i * 90, 'n1', i % 2 ? 'n4' : 'n3')),
    { at: 300, do: 'pause', node: 'n4' },
    { at: 700, do: 'resume', node: 'n4' },
  ];
  const needed: Action[] = [{ at: 500, do: 'crash', node: 'n3', loseOutbox: true }, ping(900, 'n1', 'n2'), ping(1000, 'n1', 'n2'), ping(1100, 'n1', 'n2')];
  const original = scenario([...noise, ...needed].sort((a, b) => a.at - b.at));

  it('keeps exactly what the violation needs, simplified, and still breaks the same invariant', () => {
    expect(breaksAt(module, original, 'busy-while-n3-down')).toBeGreaterThanOrEqual(0);
    const r = shrink(module, original, 'busy-while-n3-down');
    expect(r.confirmed).toBe(true);
    const kinds = r.scenario.actions.map((a) => a.do).sort();
    expect(kinds).toEqual(['crash', 'ping', 'ping', 'ping']);
    // Nothing needed the lost outbox: the crash is a plain one.
    const crash = r.scenario.actions.find((a) => a.do === 'crash')!;
    expect(crash).not.toHaveProperty('loseOutbox');
    // Fewer nodes (n4 only took part in the noise) and canonical names.
    expect(r.scenario.nodes.length).toBeLessThanOrEqual(3);
    expect(r.scenario.nodes.every((n, i) => n === `n${i + 1}`)).toBe(true);
    expect(breaksAt(module, r.scenario, 'busy-while-n3-down')).toBeGreaterThanOrEqual(0);
  });

  it('keeps the lost outbox when the violation needs it', () => {
    // Now the violation needs n3's Ping to n2 sent and never delivered: only losing n3's
    // outbox does that (no loss, no partition in this network).
    const strict: ProtocolModule = {
      ...module,
      invariants: [
        {
          ...module.invariants[0]!,
          everyEvent: true,
          create: () => {
            let sent = -1;
            let delivered = false;
            return ({ event, nodes }) => {
              if (sent < 0 && event.sent?.some((m) => m.from === 'n3' && m.type === 'Ping')) sent = event.time;
              if (event.kind === 'deliver' && event.message?.from === 'n3') delivered = true;
              // Vanished: still not delivered 500 ms on (latency is at most 25 ms), seen by
              // n1's pong; n1 pinging soon after is not enough (the segment pass tries that).
              return sent >= 0 && !delivered && event.time - sent >= 500 && ((nodes.get('n1')?.state.pongs as number) ?? 0) > 0 ? { message: "n3's ping vanished" } : null;
            };
          },
        },
      ],
    };
    const s = scenario([ping(100, 'n3', 'n2'), { at: 100, do: 'crash', node: 'n3', loseOutbox: true }, ping(700, 'n1', 'n2')]);
    expect(breaksAt(strict, s, 'busy-while-n3-down')).toBeGreaterThanOrEqual(0);
    const r = shrink(strict, s, 'busy-while-n3-down');
    expect(r.confirmed).toBe(true);
    expect(r.scenario.actions.find((a) => a.do === 'crash')).toHaveProperty('loseOutbox', true);
  });

  it('makes random losses explicit without changing the run (each drop is an event: later steps move)', () => {
    const pings = Array.from({ length: 40 }, (_, i) => ping(i * 7, i % 2 ? 'n1' : 'n2', i % 3 ? 'n3' : 'n4'));
    // A stepped action among them, as a triggered fault is: it must still come right after its event.
    const s: Scenario = { ...scenario([...pings, { at: 140, do: 'pause', node: 'n4', step: 60 }].sort((a, b) => a.at - b.at)), version: 2, network: { latency: [5, 25], drop: 0.3, duplicate: 0 } };
    const { scenario: explicit, drops } = explicitLosses(module, s);
    expect(drops).toBeGreaterThan(10);
    expect(explicit.network.drop).toBe(0);
    const fates = (x: Scenario) =>
      new Simulation(module, x, { checkpointEvery: 0 })
        .run()
        .events.filter((e) => e.kind === 'deliver' || e.kind === 'pause' || (e.kind === 'lost' && e.reason !== 'dropped'))
        .map((e) => `${e.time} ${e.kind} ${e.node} ${e.message?.id ?? ''}`);
    expect(fates(explicit)).toEqual(fates(s));
    const sim = new Simulation(module, explicit, { checkpointEvery: 0 }).run();
    expect(sim.events.filter((e) => e.kind === 'drop' && e.reason === undefined)).toHaveLength(drops);
  });
});

describe('shrink runs', () => {
  const original = scenario([
    ...Array.from({ length: 8 }, (_, i) => ping(40 + i * 110, 'n1', i % 2 ? 'n4' : 'n3')),
    { at: 450, do: 'crash', node: 'n3' },
    ping(900, 'n1', 'n2'),
    ping(1000, 'n4', 'n2'),
    ping(1100, 'n1', 'n2'),
  ]);
  const inv = 'busy-while-n3-down';

  it('answers a candidate tried before from memory: the same result with fewer runs', () => {
    const fresh = shrink(module, original, inv, { memo: false });
    const memo = shrink(module, original, inv);
    expect(memo.scenario).toEqual(fresh.scenario);
    expect(memo.from).toBe(fresh.from);
    expect(fresh.hits).toBe(0);
    expect(memo.hits).toBeGreaterThan(0);
    // The same candidates in the same order: each is either run or remembered.
    expect(memo.runs + memo.hits).toBe(fresh.runs);
  });

  it('the lean schedule gives the full schedule result here, in no more runs', () => {
    // Too small a case for LEAN to skip anything (src/protocols/raft/shrinkSchedule.test.ts
    // has cases where it does): it must not change the result.
    const full = shrink(module, original, inv, { schedule: FULL });
    const lean = shrink(module, original, inv);
    expect(lean.scenario).toEqual(full.scenario);
    expect(lean.runs).toBeLessThanOrEqual(full.runs);
  });

  it('reports every run with its step, the runs counting up', () => {
    const seen: ShrinkProgress[] = [];
    const r = shrink(module, original, inv, { onRun: (p) => seen.push(p) });
    expect(seen.map((p) => p.runs)).toEqual(Array.from({ length: r.runs - 1 }, (_, i) => i + 1));
    const order: string[] = ['check', 'network', 'actions', 'simplify', 'times', 'nodes', 'rename'];
    const steps = seen.map((p) => p.step);
    expect(steps[0]).toBe('check');
    expect(new Set(steps).has('actions')).toBe(true);
    // A step comes back only with a new round of steps 2 to 4, never out of the pipeline's order.
    for (let i = 1; i < steps.length; i++) {
      const a = order.indexOf(steps[i - 1]!);
      const b = order.indexOf(steps[i]!);
      expect(b >= a || (steps[i] === 'actions' && a <= order.indexOf('times'))).toBe(true);
    }
  });
});

describe('ShrinkRunner', () => {
  const s = scenario([{ at: 100, do: 'crash', node: 'n3' }, ping(200, 'n1', 'n2'), ping(300, 'n1', 'n2'), ping(400, 'n1', 'n2')]);

  it('runs a scenario once and remembers its answer, whatever its name', () => {
    const runner = new ShrinkRunner(module, 'busy-while-n3-down', 10);
    const t = runner.breaksAt(s);
    expect(t).toBeGreaterThan(0);
    expect(runner.breaksAt({ ...s, name: 'another' })).toBe(t);
    expect([runner.runs, runner.hits]).toEqual([1, 1]);
    expect(runner.fails({ ...s, actions: s.actions.slice(1) })).toBe(false);
    expect(runner.runs).toBe(2);
  });

  it('stops running at its budget but still answers what it remembers', () => {
    const runner = new ShrinkRunner(module, 'busy-while-n3-down', 1);
    expect(runner.fails(s)).toBe(true);
    expect(runner.fails({ ...s, until: 2000 })).toBe(false);
    expect(runner.runs).toBe(1);
    expect(runner.fails(s)).toBe(true);
  });
});
