import { describe, expect, it } from 'vitest';
import type { Action, Scenario } from '../scenario/types';
import { Simulation } from './simulation';
import type { TraceEvent } from './types';
import { echo } from './fixtures/echo';

function scenario(actions: Action[], over: Partial<Scenario> = {}): Scenario {
  return {
    format: 'faultline-scenario',
    version: 1,
    protocol: 'echo',
    nodes: ['n1', 'n2', 'n3'],
    seed: 3,
    params: { bugs: [] },
    network: { latency: [10, 10], drop: 0, duplicate: 0 },
    schedule: 'auto',
    actions,
    until: 1000,
    ...over,
  };
}
const run = (s: Scenario) => new Simulation(echo, s).run();
const ping = (at: number, node = 'n1', to = 'n2'): Action => ({ at, do: 'ping', node, to });
const of = (sim: Simulation, kind: TraceEvent['kind'], node?: string) => sim.events.filter((e) => e.kind === kind && (node === undefined || e.node === node));
const state = (sim: Simulation, node: string) => sim.current.views.get(node)!.state as { pings: number; pongs: number; ticks: number };

describe('kernel: clock, timers and delivery', () => {
  it('starts every node, delivers by latency and fires timers on the simulated clock', () => {
    const sim = run(scenario([ping(5)], { until: 250 }));
    expect(sim.events.slice(0, 3).map((e) => [e.kind, e.node])).toEqual([['start', 'n1'], ['start', 'n2'], ['start', 'n3']]);
    const delivered = of(sim, 'deliver');
    expect(delivered.map((e) => [e.time, e.message!.type, e.message!.from, e.message!.to])).toEqual([
      [15, 'Ping', 'n1', 'n2'],
      [25, 'Pong', 'n2', 'n1'],
    ]);
    expect(of(sim, 'timer', 'n1').map((e) => e.time)).toEqual([100, 200]);
    expect(sim.current.time).toBe(250);
  });

  it('orders events by (time, seq) and lets an action win a tie at its time', () => {
    const sim = run(scenario([{ at: 100, do: 'crash', node: 'n1' }], { until: 150 }));
    expect(of(sim, 'timer', 'n1')).toEqual([]);
    expect(of(sim, 'timer', 'n2').map((e) => e.time)).toEqual([100]);
  });

  it('clock skew runs a node’s timers at a rate factor', () => {
    const sim = run(scenario([{ at: 0, do: 'skew', node: 'n2', rate: 2 }], { until: 400 }));
    // The timer set at start keeps its due time; timers set afterwards run twice as fast.
    expect(of(sim, 'timer', 'n2').map((e) => e.time)).toEqual([100, 150, 200, 250, 300, 350, 400]);
  });

  it('force timeout fires the soonest pending timer now', () => {
    const sim = run(scenario([{ at: 30, do: 'timeout', node: 'n1' }], { until: 150 }));
    expect(of(sim, 'timeout', 'n1').map((e) => [e.time, e.timer])).toEqual([[30, 'tick']]);
    expect(of(sim, 'timer', 'n1').map((e) => e.time)).toEqual([130]);
  });
});

describe('kernel: faults', () => {
  it('crash loses the inbox and timers; restart resumes from durable state', () => {
    const sim = run(scenario([ping(0), ping(1), { at: 5, do: 'crash', node: 'n2' }, { at: 50, do: 'restart', node: 'n2' }, ping(60)], { until: 120 }));
    const crash = of(sim, 'crash', 'n2')[0]!;
    expect(crash.detail).toEqual({ lostMessages: [1, 2] });
    expect(of(sim, 'timer', 'n2').map((e) => e.time)).toEqual([]); // its tick at 100 was cancelled; the new one is due at 150
    expect(state(sim, 'n2').pings).toBe(1);
  });

  it('restart with lost disk starts from nothing', () => {
    const sim = run(scenario([ping(0), { at: 20, do: 'crash', node: 'n2' }, { at: 30, do: 'restart', node: 'n2', loseDisk: true }], { until: 50 }));
    expect(of(sim, 'restart', 'n2')[0]!.state).toEqual({ pings: 0, pongs: 0, ticks: 0 });
    const kept = run(scenario([ping(0), { at: 20, do: 'crash', node: 'n2' }, { at: 30, do: 'restart', node: 'n2' }], { until: 50 }));
    expect(of(kept, 'restart', 'n2')[0]!.state).toMatchObject({ pings: 1 });
  });

  it('a crash that loses its outbox loses what it sent and the network has not delivered', () => {
    const sim = run(scenario([ping(0), ping(1), { at: 5, do: 'crash', node: 'n1', loseOutbox: true }], { until: 50 }));
    expect(of(sim, 'crash', 'n1')[0]!.detail).toEqual({ lostMessages: [1, 2] });
    expect(state(sim, 'n2').pings).toBe(0);
    const plain = run(scenario([ping(0), ping(1), { at: 5, do: 'crash', node: 'n1' }], { until: 50 }));
    expect(state(plain, 'n2').pings).toBe(2);
  });

  it('messages to a crashed node are lost on arrival', () => {
    const sim = run(scenario([{ at: 0, do: 'crash', node: 'n2' }, ping(1)], { until: 50 }));
    expect(of(sim, 'lost').map((e) => [e.message!.type, e.reason])).toEqual([['Ping', 'down']]);
  });

  it('pause holds deliveries and timers until resume, in order', () => {
    const sim = run(scenario([{ at: 0, do: 'pause', node: 'n2' }, ping(1), ping(2), { at: 300, do: 'resume', node: 'n2' }], { until: 320 }));
    const n2 = sim.events.filter((e) => e.node === 'n2' && (e.kind === 'deliver' || e.kind === 'timer'));
    expect(n2.map((e) => [e.time, e.kind, e.message?.id ?? e.timer])).toEqual([
      [300, 'deliver', 1],
      [300, 'deliver', 2],
      [300, 'timer', 'tick'],
    ]);
  });

  it('a partition loses messages that cross it; heal lets them pass', () => {
    const sim = run(scenario([{ at: 0, do: 'partition', groups: [['n1'], ['n2', 'n3']] }, ping(1), ping(2, 'n2', 'n3'), { at: 20, do: 'heal' }, ping(30)], { until: 60 }));
    expect(of(sim, 'lost').map((e) => [e.message!.from, e.message!.to, e.reason])).toEqual([['n1', 'n2', 'partition']]);
    expect(of(sim, 'deliver').map((e) => [e.time, e.message!.type])).toEqual([[12, 'Ping'], [22, 'Pong'], [40, 'Ping'], [50, 'Pong']]);
  });

  it('unlisted nodes form one more group', () => {
    const sim = run(scenario([{ at: 0, do: 'partition', groups: [['n1']] }, ping(1, 'n2', 'n3'), ping(1, 'n1', 'n3')], { until: 60 }));
    expect(of(sim, 'lost').map((e) => e.message!.from)).toEqual(['n1']);
  });

  it('a one-way cut loses messages in one direction only', () => {
    const sim = run(scenario([{ at: 0, do: 'cut', from: 'n2', to: 'n1' }, ping(1), ping(2, 'n2', 'n1')], { until: 60 }));
    expect(of(sim, 'lost').map((e) => [e.message!.type, e.message!.from, e.reason])).toEqual([
      ['Ping', 'n2', 'cut'],
      ['Pong', 'n2', 'cut'],
    ]);
    expect(state(sim, 'n2').pings).toBe(1);
  });

  it('drop, duplicate and delay act on one in-flight message by id', () => {
    const dropped = run(scenario([ping(0), { at: 5, do: 'drop', message: 1 }], { until: 60 }));
    expect(of(dropped, 'deliver')).toEqual([]);
    expect(of(dropped, 'drop')[0]!.message!.id).toBe(1);

    const dup = run(scenario([ping(0), { at: 5, do: 'duplicate', message: 1 }], { until: 60 }));
    expect(state(dup, 'n2').pings).toBe(2);
    expect(of(dup, 'duplicate')[0]!.message).toMatchObject({ id: 2, duplicateOf: 1, arriveAt: 15 });

    const delayed = run(scenario([ping(0), { at: 5, do: 'delay', message: 1, by: 100 }], { until: 200 }));
    expect(of(delayed, 'deliver').map((e) => [e.time, e.message!.type])).toEqual([[110, 'Ping'], [120, 'Pong']]);

    const gone = run(scenario([{ at: 5, do: 'drop', message: 99 }], { until: 10 }));
    expect(of(gone, 'drop')[0]!.reason).toBe('message 99 is not in flight');
  });

  it('link drop and duplicate rates come from the seeded generator', () => {
    const pings = Array.from({ length: 200 }, (_, i) => ping(i));
    const sim = run(scenario(pings, { network: { latency: [5, 25], drop: 0.3, duplicate: 0.2 }, until: 400 }));
    const lost = of(sim, 'lost').filter((e) => e.reason === 'dropped').length;
    const copies = sim.events.flatMap((e) => e.sent ?? []).filter((m) => m.duplicateOf !== undefined).length;
    expect(lost).toBeGreaterThan(60);
    expect(lost).toBeLessThan(180);
    expect(copies).toBeGreaterThan(30);
    const latencies = sim.events.flatMap((e) => e.sent ?? []).map((m) => m.arriveAt - m.sentAt);
    expect(Math.min(...latencies)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...latencies)).toBeLessThanOrEqual(25);
  });

  it('per-link overrides change one direction', () => {
    const sim = run(scenario([ping(0)], { network: { latency: [10, 10], drop: 0, duplicate: 0, links: [{ from: 'n2', to: 'n1', latency: [70, 70] }] }, until: 100 }));
    expect(of(sim, 'deliver').map((e) => e.time)).toEqual([10, 80]);
  });
});

describe('kernel: livelock guard', () => {
  it('ends a run whose clock stops, with a message that says so', () => {
    const storm = scenario([{ at: 5, do: 'bounce', node: 'n1', to: 'n2' }], { network: { latency: [0, 0], drop: 0, duplicate: 0 } });
    expect(() => run(storm)).toThrow(/livelock: more than 100,000 events at t=5 ms/);
    // The same exchange with real latency is just a busy run.
    const busy = run(scenario([{ at: 5, do: 'bounce', node: 'n1', to: 'n2' }], { until: 200 }));
    expect(of(busy, 'deliver').length).toBe(19);
  });
});

describe('kernel: manual schedule', () => {
  it('steps only through actions; the caller picks deliveries and timers from the enabled set', () => {
    const base = scenario([ping(0)], { schedule: 'manual' });
    const sim = run(base);
    expect(of(sim, 'deliver')).toEqual([]);
    const enabled = sim.current.enabled();
    expect(enabled[0]).toMatchObject({ kind: 'deliver', message: { id: 1, type: 'Ping' }, dueAt: 10 });
    expect(enabled.filter((e) => e.kind === 'fire').map((e) => (e as { node: string }).node)).toEqual(['n1', 'n2', 'n3']);

    const picked = run(scenario([ping(0), { at: 10, do: 'deliver', message: 1 }, { at: 10, do: 'fire', node: 'n3', timer: 'tick' }], { schedule: 'manual' }));
    expect(state(picked, 'n2').pings).toBe(1);
    expect(state(picked, 'n3').ticks).toBe(1);
    expect(picked.current.enabled().map((e) => (e.kind === 'deliver' ? e.message.type : e.timer))).toContain('Pong');
  });
});

describe('kernel: switching schedules mid-run', () => {
  it('a schedule action holds the queue; switching back delivers late but never moves time back', () => {
    const sim = run(scenario([{ at: 0, do: 'schedule', mode: 'manual' }, ping(1), { at: 50, do: 'schedule', mode: 'auto' }], { until: 120 }));
    const delivered = of(sim, 'deliver');
    expect(delivered.map((e) => [e.time, e.message!.type])).toEqual([[50, 'Ping'], [60, 'Pong']]);
    const times = sim.events.map((e) => e.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('kernel: stepping to a cursor', () => {
  it('steps only events due by the limit and leaves the clock at the last event', () => {
    const sim = new Simulation(echo, scenario([ping(5)], { until: 500 }));
    expect(sim.advanceTo(20)).toBe(5); // 3 starts, the ping command, its delivery at 15
    expect(sim.current.time).toBe(15);
    expect(sim.done).toBe(false);
    sim.advanceTo(500);
    expect(sim.current.time).toBe(500);
    expect(sim.done).toBe(true);
  });
});

