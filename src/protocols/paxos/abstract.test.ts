import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/simulation';
import { paxos } from '.';
import { abstractState } from './abstract';
import { baseScenario, faultActions, uniformPlan } from '../../check/explorer/generate';
import { Rng } from '../../sim/rng';

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

// Regression: the explorer's generator ignored a field's `sample` and proposed the default
// 'v1' everywhere. With one value Consensus cannot fail and neither can VotesSafe through a
// lost vote: ignore-promised-votes and forget-vote were out of the explorer's reach.
describe('the explorer proposes values Paxos can disagree on', () => {
  it('its schedules propose several values from the command’s sample', () => {
    const sample = paxos.commands.find((c) => c.id === 'propose')!.fields[0]!.sample!;
    const values = new Set<string>();
    for (let seed = 1; seed <= 5; seed++) {
      const plan = uniformPlan(Rng.fromSeed(seed));
      const s = baseScenario(paxos, 5, seed, [], plan, 3000);
      for (const a of faultActions(paxos, s, plan, Rng.fromSeed(seed + 100), 0)) if (a.do === 'propose' && 'value' in a) values.add(String(a.value));
    }
    expect([...values].every((v) => sample.includes(v))).toBe(true);
    expect(values.size).toBeGreaterThan(1);
  });
});
