import { describe, expect, it } from 'vitest';
import { createSession } from '../../store/session';
import { paxosScenarios } from '../../protocols/paxos/scenarios';
import { acceptorRows, chosenBy } from './model';

/** The run of a curated scenario to its end, as the app has it. */
function run(name: string) {
  const store = createSession(paxosScenarios.find((s) => s.name === name)!);
  store.getState().seekStep(1e9);
  return store.getState().sim;
}
const A = ['a1', 'a2', 'a3'];

describe('acceptor table model', () => {
  const sim = run('adopt-chosen');
  const head = sim.events.length;

  it('gives each acceptor its maxBal / maxVBal / maxVal changes over time, up to the cursor', () => {
    const rows = acceptorRows(sim.events, head, 300, A);
    const a2 = rows.find((r) => r.node === 'a2')!;
    expect(a2.spans.map((s) => [s.from, s.maxBal, s.maxVBal, s.maxVal])).toEqual([
      [0, -1, -1, null],
      [10, 1, -1, null],
      [30, 1, 1, 'v1'],
      [60, 2, 1, 'v1'],
      [80, 2, 2, 'v1'],
    ]);
    expect(a2.spans.at(-1)!.to).toBe(300);
    expect(a2.now).toEqual({ maxBal: 2, maxVBal: 2, maxVal: 'v1' });
    // At an earlier cursor only the earlier changes count.
    const step = sim.events.findIndex((e) => e.time > 40);
    const early = acceptorRows(sim.events, step, 40, A).find((r) => r.node === 'a2')!;
    expect(early.now).toEqual({ maxBal: 1, maxVBal: 1, maxVal: 'v1' });
    expect(early.spans.at(-1)!.to).toBe(40);
  });

  it('marks down time', () => {
    const s = run('acceptor-restart');
    const a2 = acceptorRows(s.events, s.events.length, 300, A).find((r) => r.node === 'a2')!;
    expect(a2.down).toEqual([{ from: 45, to: 60 }]);
    expect(a2.downNow).toBe(false);
  });

  it('knows what is chosen from the votes in the trace, from the step a quorum voted', () => {
    const c = chosenBy(sim.events, head, A);
    expect(c).toEqual([{ value: 'v1', ballot: 1, seq: c[0]!.seq, time: 30, voters: ['a1', 'a2'] }]);
    expect(chosenBy(sim.events, c[0]!.seq, A)).toEqual([]);
    expect(chosenBy(sim.events, c[0]!.seq + 1, A)).toHaveLength(1);
    const bug = run('ignore-promised-votes-bug');
    expect(chosenBy(bug.events, bug.events.length, A).map((x) => x.value)).toEqual(['v1', 'v2']);
  });
});
