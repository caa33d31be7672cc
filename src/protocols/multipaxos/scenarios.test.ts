/** Golden outcomes of the curated Multi-Paxos scenarios. The compared runs (Raft on the right)
 * are asserted in src/store/multipaxosCompare.test.ts, which may load both protocols. */
import { describe, expect, it } from 'vitest';
import { runScenario, type Simulation } from '../../sim/simulation';
import { validateScenario } from '../../scenario/validate';
import { decodeScenarioUrl, encodeScenarioUrl } from '../../scenario/codec';
import type { Scenario } from '../../scenario/types';
import { multipaxos } from '.';
import { ledgerOf } from './ghost';
import type { MultiPaxosObservable } from './observe';

const byName = (name: string): Scenario => {
  const s = multipaxos.scenarios.find((x) => x.name === name);
  if (!s) throw new Error(`no scenario ${name}`);
  return s;
};
const run = (name: string, patch: Partial<Scenario> = {}) => runScenario(multipaxos, { ...byName(name), ...patch });
const state = (sim: Simulation, id: string) => sim.current.views.get(id)!.state as MultiPaxosObservable;
/** A replica's log as "slot:command" for committed slots, "slot:_" for empty ones. */
const log = (sim: Simulation, id: string) => state(sim, id).insts.map((i, k) => `${k + 1}:${i?.status === 'Committed' ? i.cmd!.cmd : i ? `(${i.cmd?.cmd})` : '_'}`);
const sent = (sim: Simulation, type: string) => sim.events.flatMap((e) => (e.sent ?? []).filter((m) => m.type === type));
const history = (sim: Simulation) => sim.events.flatMap((e) => multipaxos.clientHistory!(e));
const broken = (sim: Simulation) => [...new Set(sim.violations.map((v) => v.invariant))];
const chosen = (sim: Simulation, slot: number) => ledgerOf(sim.events, sim.scenario.nodes).chosen(slot);

describe('curated Multi-Paxos scenarios as documents', () => {
  const lookup = (id: string) => (id === 'multipaxos' ? multipaxos : undefined);
  it.each(multipaxos.scenarios.filter((s) => !s.compare).map((s) => [s.name, s] as const))('%s validates unchanged and survives a link', (_n, s) => {
    expect(validateScenario(s, lookup, ['multipaxos'])).toStrictEqual({ ok: true, scenario: s });
    expect(decodeScenarioUrl(encodeScenarioUrl(s), lookup, ['multipaxos'])).toStrictEqual({ ok: true, scenario: s });
  });
  it('each bug switch has its <id>-bug scenario with the switch on', () => {
    for (const b of multipaxos.bugs) expect(byName(`${b.id}-bug`).params.bugs).toEqual([b.id]);
  });
  it('only the bug scenarios break an invariant', () => {
    for (const s of multipaxos.scenarios) {
      const sim = runScenario(multipaxos, { ...s, compare: undefined } as Scenario);
      if (s.name!.endsWith('-bug')) expect(sim.violations.length, s.name).toBeGreaterThan(0);
      else expect(sim.violations, s.name).toEqual([]);
    }
  });
});

describe('curated Multi-Paxos scenarios', () => {
  it('steady-state: one Prepare per peer, then eight slots committed and applied everywhere', () => {
    const sim = run('steady-state');
    expect(sent(sim, 'Prepare').map((m) => m.to)).toEqual(['n2', 'n3']);
    expect(new Set(sent(sim, 'Accept').map((m) => (m.payload as unknown as { bal: number }).bal))).toEqual(new Set([1]));
    for (const n of ['n1', 'n2', 'n3']) {
      expect(log(sim, n)).toEqual(['1:a=1', '2:b=2', '3:c=3', '4:a=4', '5:b=5', '6:c=6', '7:a=7', '8:b=8']);
      expect(state(sim, n).kvalue).toEqual({ a: '7', b: '8', c: '6' });
    }
    const h = history(sim);
    expect(h.filter((r) => r.kind === 'ok')).toHaveLength(8);
    expect(h[0]).toEqual({ kind: 'invoke', op: 'n1@30#1', client: 'n1', f: 'put', key: 'a', value: '1' });
  });

  it('leader-change: n3 learns w=3 from n2’s Prepare reply and commits it in slot 3; w=4 goes to slot 4', () => {
    const sim = run('leader-change');
    expect(chosen(sim, 3)).toMatchObject({ ballot: 1 });
    for (const n of ['n1', 'n2', 'n3']) expect(log(sim, n)).toEqual(['1:x=1', '2:y=2', '3:w=3', '4:w=4']);
    const accept3 = sent(sim, 'Accept').filter((m) => m.from === 'n3' && (m.payload as unknown as { slot: number }).slot === 3);
    expect(accept3.map((m) => (m.payload as unknown as { bal: number; cmd: { cmd: string } }).cmd.cmd)).toContain('w=3');
    expect(state(sim, 'n3').role).toBe('leading');
    expect(state(sim, 'n3').balPrepared).toBe(3);
    // n1's client saw its crash (info); n3's client got its ok after commit.
    expect(history(sim).filter((r) => r.kind !== 'invoke').map((r) => `${r.kind}:${r.op}`)).toEqual(['ok:n1@30#1', 'ok:n1@40#2', 'info:n1@100#3', 'ok:n3@170#1']);
  });

  it('acceptor-restart: n2’s vote survives its crash, the outcome is the leader change’s', () => {
    const sim = run('acceptor-restart');
    expect(sim.events.some((e) => e.kind === 'restart' && e.node === 'n2')).toBe(true);
    const reply = sent(sim, 'PrepareReply').find((m) => m.from === 'n2' && m.to === 'n3')!;
    expect((reply.payload as unknown as { votes: Record<string, unknown> }).votes[3]).toMatchObject({ bal: 1, cmd: { cmd: 'w=3' } });
    for (const n of ['n1', 'n2', 'n3']) expect(log(sim, n)).toEqual(['1:x=1', '2:y=2', '3:w=3', '4:w=4']);
  });

  it('gap-noop: slot 2 becomes a no-op, slot 3 keeps y=5, applied in order', () => {
    const sim = run('gap-noop');
    for (const n of ['n2', 'n3']) {
      expect(log(sim, n)).toEqual(['1:x=1', '2:no-op', '3:y=5']);
      expect(state(sim, n).kvalue).toEqual({ x: '1', y: '5' });
    }
    expect(chosen(sim, 2)).toMatchObject({ op: 'noop', ballot: 2 });
    expect(chosen(sim, 3)).toMatchObject({ ballot: 1 });
    // The lost x=4 is never applied anywhere, and its client saw only n1's crash.
    expect(history(sim).filter((r) => r.op === 'n1@50#2').map((r) => r.kind)).toEqual(['invoke', 'info']);
  });

  it('gap-noop under other seeds and latencies: no-ops fill gaps, nothing breaks', () => {
    let noops = 0;
    for (let seed = 1; seed <= 15; seed++) {
      const sim = run('gap-noop', { seed, network: { latency: [8, 12], drop: 0, duplicate: 0 } });
      expect(sim.violations, `seed ${seed}`).toEqual([]);
      if (log(sim, 'n3').includes('2:no-op')) noops++;
    }
    expect(noops).toBeGreaterThan(3);
  });

  it('out-of-order-commit: slot 3 commits first but is applied after slot 2', () => {
    const sim = run('out-of-order-commit');
    const n1 = sim.events.filter((e) => e.node === 'n1' && e.state).map((e) => e.state as MultiPaxosObservable);
    expect(n1.some((s) => s.insts[2]?.status === 'Committed' && s.insts[1]?.status !== 'Committed' && s.commitUpTo === 1)).toBe(true);
    for (const n of ['n1', 'n2', 'n3']) expect(state(sim, n).kvalue).toEqual({ x: '3' });
  });

  it('stale-leader: w=6 in slot 2 everywhere, x=9 never acknowledged, n1 steps down', () => {
    const sim = run('stale-leader');
    for (const n of ['n1', 'n2', 'n3']) expect(log(sim, n)).toEqual(['1:a=1', '2:w=6']);
    expect(state(sim, 'n1').role).toBe('follower');
    expect(state(sim, 'n1').leader).toBe('n2');
    expect(history(sim).filter((r) => r.op === 'n1@160#2').map((r) => r.kind)).toEqual(['invoke']);
    expect(sim.events.some((e) => e.kind === 'deliver' && e.node === 'n1' && e.message!.type === 'Preempted')).toBe(true);
  });

  it('livelock: ballots climb with nothing unsafe; y=2 is never committed', () => {
    const sim = run('livelock');
    const prepares = sent(sim, 'Prepare').filter((m) => m.to === 'n3' && m.sentAt < 600);
    expect(new Set(prepares.map((m) => m.from))).toEqual(new Set(['n1', 'n2']));
    expect(prepares.length).toBeGreaterThanOrEqual(8);
    expect(Math.max(...prepares.map((m) => (m.payload as unknown as { bal: number }).bal))).toBeGreaterThanOrEqual(14);
    expect(history(sim).filter((r) => r.kind === 'ok')).toHaveLength(1);
  });

  it('ignore-prepare-votes-bug: A5 breaks first, then two commands are chosen in slot 3', () => {
    const sim = run('ignore-prepare-votes-bug');
    expect(sim.violations[0]!.invariant).toBe('chosen-is-proposed-above');
    expect(broken(sim)).toEqual(expect.arrayContaining(['consistency', 'commit-is-chosen']));
  });

  it('commit-quorum-minus-one-bug: n1 commits on its own vote, and replicas disagree in slot 2', () => {
    const sim = run('commit-quorum-minus-one-bug');
    expect(sim.violations[0]!.invariant).toBe('commit-is-chosen');
    expect(broken(sim)).toContain('commits-agree');
    expect(log(sim, 'n1')[1]).toBe('2:x=9');
    expect(log(sim, 'n2')[1]).toBe('2:w=6');
  });

  it('accept-below-promise-bug: n3’s promise falls back, and x=9 and y=2 are both chosen in slot 2', () => {
    const sim = run('accept-below-promise-bug');
    expect(sim.violations[0]).toMatchObject({ invariant: 'bal-max-known-monotone' });
    expect(broken(sim)).toContain('consistency');
    expect(runScenario(multipaxos, { ...byName('accept-below-promise-bug'), params: { ...byName('accept-below-promise-bug').params, bugs: [] } }).violations).toEqual([]);
  });

  it('execute-across-gap-bug: n1 applies slot 3 over the gap, and x ends at 2', () => {
    const sim = run('execute-across-gap-bug');
    expect(broken(sim)).toEqual(['applied-is-fold']);
    for (const n of ['n1', 'n2', 'n3']) expect(state(sim, n).kvalue).toEqual({ x: '2' });
  });

  it('bare-commit-notice-bug: n2 commits its own vote X while the others commit Y', () => {
    const sim = run('bare-commit-notice-bug');
    expect(broken(sim)).toEqual(['commits-agree', 'commit-is-chosen']);
    expect(log(sim, 'n2')).toEqual(['1:X=x']);
    expect(log(sim, 'n3')).toEqual(['1:Y=y']);
    const fixed = runScenario(multipaxos, { ...byName('bare-commit-notice-bug'), params: { ...byName('bare-commit-notice-bug').params, bugs: [] } });
    expect(fixed.violations).toEqual([]);
    expect(log(fixed, 'n2')).toEqual(['1:Y=y']);
  });
});
