/** The lease chart's model over real runs of the lock protocol's curated scenarios. */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../store/session';
import { lockScenarios } from '../../protocols/lock/scenarios';
import { leaseChart } from './model';

/** The run as the app has it, played to the end. */
const run = (name: string) => {
  const store = createSession(lockScenarios.find((s) => s.name === name)!);
  store.getState().seekStep(1e9);
  return store.getState().sim;
};
const chartOf = (name: string) => {
  const sim = run(name);
  return leaseChart(sim.events, sim.events.length, sim.scenario.until, ['c1', 'c2'], sim.violations);
};

describe('lease chart model', () => {
  it('happy: each client believes exactly while the master says it holds, and nobody overlaps', () => {
    const c = chartOf('happy');
    expect(c.lock).toBe('L');
    expect(c.overlaps).toEqual([]);
    const [c1, c2] = c.rows;
    expect(c1!.belief.map((s) => [s.kind, s.token, s.from, s.to])).toEqual([['holds', 1, 340, 500]]);
    expect(c2!.belief.map((s) => [s.kind, s.token])).toEqual([['holds', 2]]);
    // The master's grant starts when it takes the Acquire, before the reply (after the database
    // write) arrives; it ends when the Release reaches it.
    expect(c1!.master).toEqual([{ kind: 'holds', token: 1, from: 310, to: 510 }]);
    expect(c.writes.map((w) => [w.writer, w.token, w.accepted])).toEqual([['c1', 1, true], ['c2', 2, true]]);
  });

  it('skew beyond the bound: the overlap is a stretch where both believe', () => {
    const c = chartOf('skew-beyond-bound');
    expect(c.overlaps.length).toBe(1);
    expect(c.overlaps[0]!.clients).toEqual(['c1', 'c2']);
    expect(c.overlaps[0]!.to - c.overlaps[0]!.from).toBeGreaterThan(200);
    // c1 believes past the master's grant to it: the master stopped saying so first.
    const c1 = c.rows[0]!;
    expect(c1.belief.find((s) => s.kind === 'holds')!.to).toBeGreaterThan(c1.master.at(-1)!.to);
    expect(c.writes.map((w) => [w.writer, w.token, w.accepted])).toEqual([['c2', 2, true], ['c1', 1, false]]);
  });

  it('GC pause without fencing: c1 is paused through the lease, and its late write is marked stale', () => {
    const c = chartOf('storage-ignores-tokens-bug');
    expect(c.overlaps).toEqual([]);
    expect(c.rows[0]!.belief.find((s) => s.kind === 'paused')).toMatchObject({ from: 410, to: 2100, token: 1 });
    expect(c.writes.map((w) => [w.writer, w.accepted, w.stale])).toEqual([['c2', true, false], ['c1', true, true]]);
  });

  it('fail-over inside grace: c1 shows jeopardy, then holds again', () => {
    const c = chartOf('failover-in-grace');
    expect(c.rows[0]!.belief.map((s) => s.kind)).toEqual(['holds', 'jeopardy', 'holds']);
    // Only the cut-over's master lane gap: no master while both cell nodes were down.
    expect(c.rows[0]!.master.length).toBe(2);
  });

  it('stops at the cursor', () => {
    const sim = run('happy');
    const upTo = sim.events.findIndex((e) => e.time >= 400);
    const c = leaseChart(sim.events, upTo, 400, ['c1', 'c2']);
    expect(c.rows[0]!.belief).toEqual([{ kind: 'holds', token: 1, from: 340, to: 400 }]);
    expect(c.writes).toEqual([]);
  });
});
