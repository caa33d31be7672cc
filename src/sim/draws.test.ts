/** Scenario version 2's keyed draws, and version 1 replaying exactly as before they existed. */
import { describe, expect, it } from 'vitest';
import type { Action, Scenario } from '../scenario/types';
import { Simulation } from './simulation';
import type { Message } from './types';
import { echo } from './fixtures/echo';

function scenario(actions: Action[], over: Partial<Scenario> = {}): Scenario {
  return {
    format: 'faultline-scenario',
    version: 2,
    protocol: 'echo',
    nodes: ['n1', 'n2', 'n3'],
    seed: 3,
    params: { bugs: [] },
    network: { latency: [5, 25], drop: 0.3, duplicate: 0.2 },
    schedule: 'auto',
    actions,
    until: 2000,
    ...over,
  };
}
const ping = (at: number, node: string, to: string): Action => ({ at, do: 'ping', node, to });
const sent = (sim: Simulation): Message[] => sim.events.flatMap((e) => e.sent ?? []);
/** What the network decided for each message on one link, in sending order. */
function fates(sim: Simulation, from: string, to: string): string[] {
  const lost = new Set(sim.events.filter((e) => e.kind === 'lost' && e.reason === 'dropped').map((e) => e.message!.id));
  return sent(sim)
    .filter((m) => m.from === from && m.to === to)
    .map((m) => `${m.type}:${m.arriveAt - m.sentAt}${lost.has(m.id) ? ':lost' : ''}${m.duplicateOf === undefined ? '' : ':copy'}`);
}

describe('keyed draws (scenario version 2)', () => {
  it('removing traffic on one link leaves every other link’s draws alone', () => {
    const base = Array.from({ length: 60 }, (_, i) => ping(i * 10, 'n1', 'n2'));
    const noisy = [...base, ...Array.from({ length: 60 }, (_, i) => ping(i * 10 + 5, 'n1', 'n3'))].sort((a, b) => a.at - b.at);
    const quiet = new Simulation(echo, scenario(base)).run();
    const busy = new Simulation(echo, scenario(noisy)).run();
    expect(fates(busy, 'n1', 'n2')).toEqual(fates(quiet, 'n1', 'n2'));
    expect(fates(busy, 'n1', 'n2').some((f) => f.endsWith(':lost'))).toBe(true);
    // Under version 1 the extra traffic reshuffles the first link's draws.
    const quiet1 = new Simulation(echo, scenario(base, { version: 1 })).run();
    const busy1 = new Simulation(echo, scenario(noisy, { version: 1 })).run();
    expect(fates(busy1, 'n1', 'n2')).not.toEqual(fates(quiet1, 'n1', 'n2'));
  });

  it('rates and latency ranges still hold', () => {
    const pings = Array.from({ length: 300 }, (_, i) => ping(i, 'n1', 'n2'));
    const sim = new Simulation(echo, scenario(pings, { until: 500 })).run();
    const lost = sim.events.filter((e) => e.kind === 'lost' && e.reason === 'dropped').length;
    const copies = sent(sim).filter((m) => m.duplicateOf !== undefined).length;
    expect(lost).toBeGreaterThan(100);
    expect(lost).toBeLessThan(260);
    expect(copies).toBeGreaterThan(50);
    const latencies = sent(sim).map((m) => m.arriveAt - m.sentAt);
    expect(Math.min(...latencies)).toBe(5);
    expect(Math.max(...latencies)).toBe(25);
  });

});
