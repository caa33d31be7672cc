/** Golden outcomes of the curated 2PC scenarios. */
import { describe, expect, it } from 'vitest';
import { runScenario, type Simulation } from '../../sim/simulation';
import { validateScenario } from '../../scenario/validate';
import { decodeScenarioUrl, encodeScenarioUrl } from '../../scenario/codec';
import { twopc } from '.';
import type { RmObservable, TmObservable } from './observe';

const byName = (name: string) => {
  const s = twopc.scenarios.find((x) => x.name === name);
  if (!s) throw new Error(`no scenario ${name}`);
  return s;
};
const RMS = ['n2', 'n3', 'n4'];
const tm = (sim: Simulation) => sim.current.views.get('n1')!.state as TmObservable;
const rm = (sim: Simulation, id: string) => sim.current.views.get(id)!.state as RmObservable;
/** Every RM's state of `tx` at the end, in node order. */
const rmStates = (sim: Simulation, tx = 't1') => RMS.map((id) => rm(sim, id).rmState[tx] ?? 'working');
/** An RM's state of `tx` after the last event at or before `time`. */
function rmAt(sim: Simulation, id: string, time: number, tx = 't1'): string {
  const last = sim.events.filter((e) => e.node === id && e.state && e.time <= time).at(-1);
  return (last?.state as RmObservable | undefined)?.rmState[tx] ?? 'working';
}
const delivered = (sim: Simulation, type: string) => sim.events.filter((e) => e.kind === 'deliver' && e.message!.type === type);

describe('curated 2PC scenarios as documents', () => {
  const lookup = (id: string) => (id === 'twopc' ? twopc : undefined);
  // Compare scenarios name threepc, which a protocol's tests cannot load: store/compare.test.ts
  // validates them with every protocol.
  it.each(twopc.scenarios.filter((s) => !s.compare).map((s) => [s.name, s] as const))('%s validates unchanged and survives a link', (_name, s) => {
    expect(validateScenario(s, lookup, ['twopc'])).toStrictEqual({ ok: true, scenario: s });
    expect(decodeScenarioUrl(encodeScenarioUrl(s), lookup, ['twopc'])).toStrictEqual({ ok: true, scenario: s });
  });
});

describe('curated 2PC scenarios', () => {
  it('happy-commit: t1 and t2 commit at the TM and every RM', () => {
    const sim = runScenario(twopc, byName('happy-commit'));
    expect(sim.violations).toEqual([]);
    expect(tm(sim).tmState).toEqual({ t1: 'committed', t2: 'committed' });
    expect(rmStates(sim, 't1')).toEqual(['committed', 'committed', 'committed']);
    expect(rmStates(sim, 't2')).toEqual(['committed', 'committed', 'committed']);
  });

  it('vote-no: n3 votes Aborted, the TM aborts, every RM aborts', () => {
    const sim = runScenario(twopc, byName('vote-no'));
    expect(sim.violations).toEqual([]);
    expect(delivered(sim, 'Aborted').map((e) => e.message!.from)).toEqual(['n3']);
    expect(tm(sim).tmState).toEqual({ t1: 'aborted' });
    expect(rmStates(sim)).toEqual(['aborted', 'aborted', 'aborted']);
    expect(rmAt(sim, 'n2', 25)).toBe('prepared');
  });

  it('tm-crash-blocks: the RMs stay prepared while the TM is down, then all abort', () => {
    const sim = runScenario(twopc, byName('tm-crash-blocks'));
    expect(sim.violations).toEqual([]);
    for (const t of [20, 200, 499]) expect(RMS.map((id) => rmAt(sim, id, t))).toEqual(['prepared', 'prepared', 'prepared']);
    // They asked each other and got only Uncertain answers while the TM was down.
    const before = (e: { time: number }) => e.time < 500;
    expect(delivered(sim, 'Uncertain').filter(before).length).toBeGreaterThanOrEqual(6);
    expect(delivered(sim, 'Commit').length + delivered(sim, 'Abort').filter(before).length).toBe(0);
    // The recovered TM has no decision for t1: it presumes abort and logs it.
    expect(tm(sim).tmState).toEqual({ t1: 'aborted' });
    expect(rmStates(sim)).toEqual(['aborted', 'aborted', 'aborted']);
    expect(sim.events.find((e) => e.node === 'n2' && (e.state as RmObservable | undefined)?.rmState.t1 === 'aborted')!.time).toBe(630);
  });

  it('coop-termination: n3 and n4 learn Commit from n2 while the TM is down', () => {
    const sim = runScenario(twopc, byName('coop-termination'));
    expect(sim.violations).toEqual([]);
    expect(sim.current.views.get('n1')!.up).toBe(false);
    expect(rmStates(sim)).toEqual(['committed', 'committed', 'committed']);
    const fromPeer = delivered(sim, 'Commit').filter((e) => e.message!.from === 'n2');
    expect(fromPeer.map((e) => e.message!.to).sort()).toEqual(['n3', 'n4']);
  });

  it('tm-logs-decision: the recovered TM repeats Commit and n3, n4 commit', () => {
    const sim = runScenario(twopc, byName('tm-logs-decision'));
    expect(sim.violations).toEqual([]);
    expect(tm(sim).tmState).toEqual({ t1: 'committed' });
    expect(rmStates(sim)).toEqual(['committed', 'committed', 'committed']);
    expect(rmAt(sim, 'n3', 105)).toBe('prepared');
    expect(rmAt(sim, 'n3', 110)).toBe('committed');
  });

  it('tm-no-log-bug: the recovered TM forgot its commit and presumes abort', () => {
    const sim = runScenario(twopc, byName('tm-no-log-bug'));
    expect(sim.violations.map((v) => v.invariant)).toEqual(['decisions-final', 'tc-consistent']);
    expect(tm(sim).tmState).toEqual({ t1: 'aborted' });
    expect(rmStates(sim)).toEqual(['committed', 'aborted', 'aborted']);
  });

  it('rm-logs-vote: n2 comes back prepared, stays uncertain with n3 until the heal, then all commit', () => {
    const sim = runScenario(twopc, byName('rm-logs-vote'));
    expect(sim.violations).toEqual([]);
    expect(rmAt(sim, 'n2', 60)).toBe('prepared');
    expect(['n2', 'n3'].map((id) => rmAt(sim, id, 399))).toEqual(['prepared', 'prepared']);
    expect(rmStates(sim)).toEqual(['committed', 'committed', 'committed']);
  });

  it('rm-no-log-bug: n2 forgets its vote, aborts when n3 asks, and n3 follows', () => {
    const sim = runScenario(twopc, byName('rm-no-log-bug'));
    expect(sim.violations.map((v) => v.invariant).sort()).toEqual(['abort-only-from-working', 'tc-consistent']);
    expect(tm(sim).tmState).toEqual({ t1: 'committed' });
    expect(rmStates(sim)).toEqual(['aborted', 'aborted', 'committed']);
    // Same script as rm-logs-vote: only the bug switch differs.
    const safe = byName('rm-logs-vote');
    expect({ ...byName('rm-no-log-bug'), name: '', title: '', description: '', params: {} }).toEqual({ ...safe, name: '', title: '', description: '', params: {} });
  });
});
