import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chash } from '../protocols/chash';
import { raft } from '../protocols/raft';
import { threepc } from '../protocols/threepc';
import { twopc } from '../protocols/twopc';
import { Simulation } from './simulation';
import { World } from './world';
import type { Scenario } from '../scenario/types';
import type { TraceEvent } from './types';

/** The events as the world emits them, each holding its full state. */
function rawEvents(sim: Simulation): TraceEvent[] {
  const world = World.create(sim.module, sim.scenario);
  const out: TraceEvent[] = [];
  for (let e = world.step(); e; e = world.step()) out.push(e);
  return out;
}

function begins(n: number): Scenario {
  const base = twopc.scenarios.find((s) => s.name === 'happy-commit')!;
  return { ...base, actions: Array.from({ length: n }, () => ({ at: 0, do: 'begin', node: 'n1', tx: '' })), until: 2000 };
}

describe('recorded states', () => {
  it('every curated scenario of every protocol exports the states the world emitted, byte for byte', () => {
    for (const module of [raft, twopc, threepc, chash]) {
      for (const s of module.scenarios) {
        const sim = new Simulation(module, s, { invariants: false }).run();
        expect(JSON.stringify(sim.events), `${module.id}:${s.name}`).toBe(JSON.stringify(rawEvents(sim)));
      }
    }
  });

  it('reads in any order give the exact state, and the same object when read again soon', () => {
    const sim = new Simulation(twopc, begins(120), { invariants: false }).run();
    const raw = rawEvents(sim);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: raw.length - 1 }), { minLength: 1, maxLength: 40 }), (seqs) => {
        for (const k of seqs) expect(JSON.stringify(sim.events[k]!.state)).toBe(JSON.stringify(raw[k]!.state));
        const k = seqs[0]!;
        expect(sim.events[k]!.state).toBe(sim.events[k]!.state);
      }),
      { numRuns: 30, seed: 3 },
    );
  });

  it('holds entries in proportion to what events changed: 2PC with N begins at t=0 grows linearly', () => {
    const held = (n: number) => new Simulation(twopc, begins(n), { invariants: false }).run().heldStateEntries;
    const small = held(100);
    const large = held(400);
    // Whole states would hold ~16× more for 4× the transactions; changes hold ~4×.
    expect(large / small).toBeLessThan(6);
    expect(large / small).toBeGreaterThan(3);
  });
});
