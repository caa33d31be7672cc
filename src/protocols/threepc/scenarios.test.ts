/** Golden outcomes of the curated 3PC scenarios. */
import { describe, expect, it } from 'vitest';
import { runScenario, type Simulation } from '../../sim/simulation';
import { validateScenario } from '../../scenario/validate';
import { decodeScenarioUrl, encodeScenarioUrl } from '../../scenario/codec';
import { threepc } from '.';
import type { ThreePcObservable } from './observe';

const byName = (name: string) => {
  const s = threepc.scenarios.find((x) => x.name === name);
  if (!s) throw new Error(`no scenario ${name}`);
  return s;
};
const SITES = ['n1', 'n2', 'n3', 'n4'];
/** Every site's state of t1 at the end, in node order. */
const final = (sim: Simulation) => SITES.map((id) => (sim.current.views.get(id)!.state as ThreePcObservable).state.t1 ?? 'q');
/** When a site first reached `site` for t1. */
const reached = (sim: Simulation, id: string, site: string) =>
  sim.events.find((e) => e.node === id && (e.state as ThreePcObservable | undefined)?.state.t1 === site)?.time;
const delivered = (sim: Simulation, type: string) => sim.events.filter((e) => e.kind === 'deliver' && e.message!.type === type).map((e) => `${e.message!.from}>${e.message!.to}`);

describe('curated 3PC scenarios as documents', () => {
  const lookup = (id: string) => (id === 'threepc' ? threepc : undefined);
  it.each(threepc.scenarios.map((s) => [s.name, s] as const))('%s validates unchanged and survives a link', (_name, s) => {
    expect(validateScenario(s, lookup, ['threepc'])).toStrictEqual({ ok: true, scenario: s });
    expect(decodeScenarioUrl(encodeScenarioUrl(s), lookup, ['threepc'])).toStrictEqual({ ok: true, scenario: s });
  });
});

describe('curated 3PC scenarios', () => {
  it('happy-commit: three phases, every site commits', () => {
    const sim = runScenario(threepc, byName('happy-commit'));
    expect(sim.violations).toEqual([]);
    expect(final(sim)).toEqual(['c', 'c', 'c', 'c']);
    expect(['CanCommit', 'Yes', 'PreCommit', 'Ack', 'DoCommit'].map((t) => delivered(sim, t).length)).toEqual([3, 3, 3, 3, 3]);
    expect(reached(sim, 'n4', 'c')).toBe(50);
  });

  it('vote-no: one No vote aborts every site', () => {
    const sim = runScenario(threepc, byName('vote-no'));
    expect(sim.violations).toEqual([]);
    expect(delivered(sim, 'No')).toEqual(['n3>n1']);
    expect(final(sim)).toEqual(['a', 'a', 'a', 'a']);
  });

  it('crash-in-w: where 2PC blocks, the participants elect n2 as backup and abort', () => {
    const sim = runScenario(threepc, byName('crash-in-w'));
    expect(sim.violations).toEqual([]);
    // All three time out in w and run for backup; n2 comes first in node order.
    expect(delivered(sim, 'StateReq').length).toBe(6);
    // n2's Abort reaches n3 and n4; later every participant answers the recovered coordinator.
    expect(delivered(sim, 'Abort')).toEqual(['n2>n3', 'n2>n4', 'n2>n1', 'n3>n1', 'n4>n1']);
    expect(['n2', 'n3', 'n4'].map((id) => reached(sim, id, 'a'))).toEqual([510, 520, 520]);
    // Decided while the coordinator is still down (it restarts at 700): nobody blocks.
    expect(reached(sim, 'n1', 'a')).toBe(720);
    expect(final(sim)).toEqual(['a', 'a', 'a', 'a']);
  });

  it('crash-in-p: PreCommit reached only n2; n2 as backup moves n3 and n4 to p and commits everywhere', () => {
    const sim = runScenario(threepc, byName('crash-in-p'));
    expect(sim.violations).toEqual([]);
    expect(delivered(sim, 'PreCommit')).toEqual(['n1>n2', 'n2>n3', 'n2>n4']);
    expect(['n3', 'n4'].map((id) => reached(sim, id, 'p'))).toEqual([530, 530]);
    expect(['n2', 'n3', 'n4'].map((id) => reached(sim, id, 'c'))).toEqual([540, 550, 550]);
    expect(reached(sim, 'n1', 'c')).toBe(820);
    expect(final(sim)).toEqual(['c', 'c', 'c', 'c']);
  });

  it('partition: the coordinator commits with n2, n3 and n4 abort on their side, TCConsistent breaks', () => {
    const sim = runScenario(threepc, byName('partition'));
    expect(sim.violations.map((v) => [v.invariant, v.message])).toEqual([['tc-consistent', 't1: n1 committed and n3 aborted']]);
    expect(sim.events[sim.violations[0]!.seq]!.time).toBe(510);
    // The coordinator committed on the Ack timeout, without n3 and n4.
    expect(reached(sim, 'n1', 'c')).toBe(220);
    expect(delivered(sim, 'Ack')).toEqual(['n2>n1']);
    // n3 was backup on its side: everyone there in w, so abort.
    expect(delivered(sim, 'Abort')).toEqual(['n3>n4']);
    expect(final(sim)).toEqual(['c', 'c', 'a', 'a']);
  });

  it('partition: the same split after the PreCommits arrive is harmless', () => {
    const later = { ...byName('partition'), actions: byName('partition').actions.map((a) => (a.do === 'partition' ? { ...a, at: 35 } : a)) };
    const sim = runScenario(threepc, later);
    expect(sim.violations).toEqual([]);
    expect(final(sim)).toEqual(['c', 'c', 'c', 'c']);
  });
});
