/** Raft under the kernel's two draw versions: version 2 keeps a node's timer draws its own;
 * version 1 still replays exactly as recorded before version 2 existed. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Action, Scenario } from '../../scenario/types';
import { Simulation } from '../../sim/simulation';
import { randomScenario } from '../../check/explore';
import { raft } from './index';

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
  it('gives the trace recorded with the single-generator kernel', () => {
    const s = { ...randomScenario(raft, 11, { nodes: 5, until: 4000, drop: 0.1, duplicate: 0.1 }), version: 1 as const };
    const sim = new Simulation(raft, s).run();
    // Recorded at commit 0b92a9d, before scenario version 2.
    expect(sim.eventCount).toBe(645);
    expect(createHash('sha256').update(JSON.stringify(sim.events)).digest('hex').slice(0, 16)).toBe('7e7af93a5379aa23');
  });
});
