/** Scenario version 2's keyed draws, version 3's causal keys (removing an action re-draws only
 * what it caused), and version 1 replaying exactly as before they existed. */
import { describe, expect, it } from 'vitest';
import type { Action, Scenario } from '../scenario/types';
import { Simulation } from './simulation';
import type { Message } from './types';
import { echo } from './fixtures/echo';
import { actionKey } from './causal';

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

  it.each([2, 3] as const)('rates and latency ranges still hold (version %i)', (version) => {
    const pings = Array.from({ length: 300 }, (_, i) => ping(i, 'n1', 'n2'));
    const sim = new Simulation(echo, scenario(pings, { until: 500, version })).run();
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

/** Each Ping's fate, and its Pong's, by the time the Ping left: (latency, lost, copies). */
function pingFates(sim: Simulation): Map<number, string> {
  const lost = new Set(sim.events.filter((e) => e.kind === 'lost' && e.reason === 'dropped').map((e) => e.message!.id));
  const fate = (m: Message) => `${m.type}:${m.arriveAt - m.sentAt}${lost.has(m.id) ? ':lost' : ''}${m.duplicateOf === undefined ? '' : ':copy'}`;
  const byPing = new Map<number, string[]>();
  const pingOf = new Map<number, number>();
  for (const e of sim.events) {
    for (const m of e.sent ?? []) {
      if (m.type === 'Ping') {
        pingOf.set(m.id, m.sentAt);
        if (!byPing.has(m.sentAt)) byPing.set(m.sentAt, []);
        byPing.get(m.sentAt)!.push(fate(m));
      } else if (e.kind === 'deliver' && e.message && pingOf.has(e.message.id)) {
        byPing.get(pingOf.get(e.message.id)!)!.push(fate(m));
      }
    }
  }
  return new Map([...byPing].map(([t, f]) => [t, f.join(' ')]));
}

/** Version 3, and the seed these tests were written against. */
const v3 = (actions: Action[]) => scenario(actions, { version: 3, seed: 5 });

describe('causal keys (scenario version 3)', () => {
  const pings = Array.from({ length: 80 }, (_, i) => ping(i * 10, 'n1', i % 3 === 0 ? 'n3' : 'n2'));

  for (const removed of [3, 10, 41]) {
    it(`removing client op ${removed} leaves every other ping's and pong's draws alone`, () => {
      const full = pingFates(new Simulation(echo, v3(pings)).run());
      const less = pingFates(new Simulation(echo, v3(pings.filter((_, i) => i !== removed))).run());
      const gone = pings[removed]!.at;
      expect(less.has(gone)).toBe(false);
      const others = [...full.keys()].filter((t) => t !== gone);
      expect(others.length).toBeGreaterThan(70);
      for (const t of others) expect(less.get(t), `ping at ${t}`).toBe(full.get(t));
      // Not vacuous: the network lost and copied some of them.
      expect([...full.values()].some((f) => f.includes(':lost'))).toBe(true);
      expect([...full.values()].some((f) => f.includes(':copy'))).toBe(true);
    });
  }

  it('under version 2 the same removal re-draws the later messages on its link', () => {
    const v2 = (actions: Action[]) => pingFates(new Simulation(echo, scenario(actions, { seed: 5 })).run());
    const full = v2(pings);
    const less = v2(pings.filter((_, i) => i !== 10));
    const later = [...full.keys()].filter((t) => t > pings[10]!.at);
    expect(later.filter((t) => less.get(t) !== full.get(t)).length).toBeGreaterThan(later.length / 3);
  });

  it('keys actions by their time, kind and node, not by their index', () => {
    const a = [ping(10, 'n1', 'n2'), ping(20, 'n1', 'n2'), ping(20, 'n1', 'n3'), { at: 20, do: 'crash', node: 'n2' } as Action];
    expect(actionKey(a, 1)).toBe(actionKey(a.slice(1), 0));
    // Two alike at one time stay apart; simplifying a field keeps the key.
    expect(actionKey(a, 2)).not.toBe(actionKey(a, 1));
    expect(actionKey(a, 3)).not.toBe(actionKey(a, 1));
    expect(actionKey([{ at: 5, do: 'restart', node: 'n1', loseDisk: true }], 0)).toBe(actionKey([{ at: 5, do: 'restart', node: 'n1' }], 0));
  });

  it('a sought world continues exactly as the recorded run did (keys survive checkpoints)', () => {
    const sim = new Simulation(echo, v3(pings), { checkpointEvery: 16 }).run();
    const k = Math.floor(sim.events.length * 0.6);
    const world = sim.seek(k);
    const rest = [];
    for (let e = world.step(); e; e = world.step()) rest.push(e);
    expect(rest.length).toBeGreaterThan(20);
    expect(JSON.stringify(rest)).toBe(JSON.stringify(sim.events.slice(k + 1)));
  });
});
