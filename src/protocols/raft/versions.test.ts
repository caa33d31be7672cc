/** Raft under the kernel's two draw versions: version 2 keeps a node's timer draws its own;
 * version 1 still replays exactly as recorded before version 2 existed. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Action, Scenario } from '../../scenario/types';
import { Simulation } from '../../sim/simulation';
import { raft } from './index';
import fixture from '../../sim/fixtures/v1-raft-faults.json';

describe('keyed timer draws', () => {
  it('a crash elsewhere does not move another node’s election timeouts', () => {
    const s = (actions: Action[]): Scenario => ({ ...raft.scenarios[0]!, actions, until: 3000 });
    const timers = (sim: Simulation, node: string) => sim.events.filter((e) => e.kind === 'timer' && e.node === node).map((e) => e.time);
    const a = new Simulation(raft, s([{ at: 0, do: 'crash', node: 'n1' }])).run();
    const b = new Simulation(raft, s([{ at: 0, do: 'crash', node: 'n1' }, { at: 0, do: 'crash', node: 'n5' }])).run();
    // n2's first timeout is drawn before anything differs; with n5 gone its later ones may
    // move only because the elections it joins change, not because n5's draws were removed.
    expect(timers(a, 'n2')[0]).toBe(timers(b, 'n2')[0]);
  });
});

describe('version 1 replays as it did before keyed draws', () => {
  it('gives the same timing and messages as the single-generator kernel', () => {
    // A v1 fault script without client requests, saved at commit 6083e00 (before scenario
    // version 2). Raft changed on purpose since (issue 11: a leader no-op, answers after
    // apply), so the pin is the run's skeleton (every event's time, kind, node, message ids and
    // arrival times, and timers) with the no-op off: exactly what the v1 draws decide.
    const s = { ...(fixture as unknown as Scenario), params: { bugs: [], leaderNoop: false } };
    const sim = new Simulation(raft, s).run();
    const skeleton = sim.events.map((e) => [e.seq, e.time, e.kind, e.node ?? '', e.message ? [e.message.id, e.message.from, e.message.to, e.message.type, e.message.arriveAt] : null, (e.sent ?? []).map((m) => [m.id, m.to, m.type, m.arriveAt]), e.timer ?? '']);
    expect(s.version).toBe(1);
    expect(sim.eventCount).toBe(619);
    expect(createHash('sha256').update(JSON.stringify(skeleton)).digest('hex').slice(0, 16)).toBe('031d313f1439dd04');
  });
});
