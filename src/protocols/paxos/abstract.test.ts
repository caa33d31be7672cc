import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/simulation';
import { paxos } from '.';
import { abstractState } from './abstract';

const run = (name: string, seed?: number) => {
  const s = paxos.scenarios.find((x) => x.name === name)!;
  return runScenario(paxos, seed === undefined ? s : { ...s, seed });
};

describe('the explorer abstraction', () => {
  it('names roles, phases, ballots by rank and values by first appearance', () => {
    const sim = run('adopt-chosen');
    expect(abstractState(sim.current.views)).toBe('P!p2/0/2/- Pdone/1/2/v0 A0/0/v0 A1/1/v0 A1/1/v0 Lv0');
  });

  it('is blind to the ballot numbers and value names themselves', () => {
    const views = (bals: [number, number], val: string) =>
      new Map(
        [
          ['a1', { role: 'acceptor', maxBal: bals[1], maxVBal: bals[0], maxVal: val }],
          ['a2', { role: 'acceptor', maxBal: bals[0], maxVBal: -1, maxVal: null }],
        ].map(([id, state]) => [id as string, { id: id as string, role: 'acceptor', up: true, paused: false, state: state as Record<string, unknown> }]),
      );
    expect(abstractState(views([3, 7], 'x'))).toBe('A1/0/v0 A0/-/-');
    expect(abstractState(views([12, 40], 'y'))).toBe(abstractState(views([3, 7], 'x')));
  });

  it('tells a chosen value from none', () => {
    expect(abstractState(run('happy-path').current.views)).not.toBe(abstractState(run('minority-partition').current.views));
  });
});
