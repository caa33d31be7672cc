/** The Paxos and Multi-Paxos tours come out as their text says: p2 adopts v1 rather than sending
 * its own v2, and after the leader crash the new leader fills slot 2 with a no-op. */
import { describe, expect, it } from 'vitest';
import { paxos } from '../../../protocols/paxos';
import { multipaxos } from '../../../protocols/multipaxos';
import { Simulation } from '../../../sim/simulation';
import { dryRun, inject } from '../dryRun';
import { paxosAdopt } from './paxosAdopt';
import { multiPaxosGap } from './multiPaxosGap';

describe('the Paxos tours', () => {
  it('paxos-adopt: p2 does not send v2; it proposes v1, after the crash the student does', () => {
    const r = dryRun(paxosAdopt, paxos);
    expect(r.notes.filter((n) => n.kind !== 'moved')).toEqual([]);
    expect(r.answers.predict).toBe('no');
    // Replay the main path to the `adopted` step: p2's phase 2 carries v1.
    const start = new Simulation(paxos, paxosAdopt.scenario);
    start.advanceTo(r.resolved.crash!.time);
    const crashed = inject(paxos, start, r.resolved.crash!, [{ do: 'crash', node: 'p1' }]);
    crashed.sim.advanceTo(r.resolved.propose!.time);
    const proposed = inject(paxos, crashed.sim, r.resolved.propose!, [{ do: 'propose', node: 'p2', value: 'v2' }]);
    proposed.sim.advanceTo(r.resolved.answered!.time);
    const p2 = proposed.sim.events.filter((e) => e.node === 'p2' && e.state).at(-1)!.state as { proposedVal: string; chosen: string };
    expect(p2).toMatchObject({ proposedVal: 'v1', chosen: 'v1' });
    expect(proposed.sim.violations).toEqual([]);
  });

  it('multipaxos-gap: n3 leads next, and the gap is committed as a no-op before y=5', () => {
    const r = dryRun(multiPaxosGap, multipaxos);
    expect(r.notes.filter((n) => n.kind !== 'moved')).toEqual([]);
    expect(r.answers).toMatchObject({ predict: 'n3', gap: 'noop' });
    const start = new Simulation(multipaxos, multiPaxosGap.scenario);
    start.advanceTo(r.resolved.crash!.time);
    const crashed = inject(multipaxos, start, r.resolved.crash!, [{ do: 'crash', node: 'n1' }]);
    crashed.sim.advanceTo(r.resolved.applied!.time);
    const n3 = crashed.sim.events.filter((e) => e.node === 'n3' && e.state).at(-1)!.state as { insts: ({ status: string; cmd: { cmd: string } | null } | null)[] };
    expect(n3.insts.map((i) => i && `${i.status} ${i.cmd?.cmd}`)).toEqual(['Committed x=1', 'Committed no-op', 'Committed y=5']);
    expect(crashed.sim.violations).toEqual([]);
  });
});
