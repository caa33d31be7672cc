/** Golden outcomes of the curated Paxos scenarios. */
import { describe, expect, it } from 'vitest';
import { runScenario, type Simulation } from '../../sim/simulation';
import { validateScenario } from '../../scenario/validate';
import { decodeScenarioUrl, encodeScenarioUrl } from '../../scenario/codec';
import type { Scenario } from '../../scenario/types';
import { paxos } from '.';
import { castFor } from './config';
import { ledgerOf } from './ghost';
import type { AcceptorObservable, LearnerObservable, PaxosObservable, ProposerObservable } from './observe';

const byName = (name: string): Scenario => {
  const s = paxos.scenarios.find((x) => x.name === name);
  if (!s) throw new Error(`no scenario ${name}`);
  return s;
};
const run = (name: string) => runScenario(paxos, byName(name));
const state = <T extends PaxosObservable>(sim: Simulation, id: string) => sim.current.views.get(id)!.state as T;
const chosen = (sim: Simulation) => ledgerOf(sim.events, castFor(sim.scenario).acceptors).chosen().map((c) => [c.value, c.ballot]);
const learned = (sim: Simulation, id = 'l1') => state<LearnerObservable>(sim, id).learned;
const acc = (sim: Simulation, id: string) => {
  const s = state<AcceptorObservable>(sim, id);
  return [s.maxBal, s.maxVBal, s.maxVal];
};
const sent = (sim: Simulation, type: string) => sim.events.flatMap((e) => (e.sent ?? []).filter((m) => m.type === type));
const history = (sim: Simulation) => sim.events.flatMap((e) => paxos.clientHistory!(e));
const broken = (sim: Simulation) => sim.violations.map((v) => v.invariant);

describe('curated Paxos scenarios as documents', () => {
  const lookup = (id: string) => (id === 'paxos' ? paxos : undefined);
  it.each(paxos.scenarios.map((s) => [s.name, s] as const))('%s validates unchanged and survives a link', (_n, s) => {
    expect(validateScenario(s, lookup, ['paxos'])).toStrictEqual({ ok: true, scenario: s });
    expect(decodeScenarioUrl(encodeScenarioUrl(s), lookup, ['paxos'])).toStrictEqual({ ok: true, scenario: s });
  });
  it('each bug switch has its <id>-bug scenario with the switch on', () => {
    for (const b of paxos.bugs) expect(byName(`${b.id}-bug`).params.bugs).toEqual([b.id]);
  });
});

describe('curated Paxos scenarios', () => {
  it('happy-path: v1 chosen in ballot 1, learned by l1, every acceptor at (1, 1, v1)', () => {
    const sim = run('happy-path');
    expect(sim.violations).toEqual([]);
    expect(chosen(sim)).toEqual([['v1', 1]]);
    expect(learned(sim)).toBe('v1');
    for (const a of ['a1', 'a2', 'a3']) expect(acc(sim, a)).toEqual([1, 1, 'v1']);
    expect(paxos.summarize!(sim.current.views, sim.events).slice(0, 2)).toEqual(['chosen: v1 (ballot 1 by a1, a2, at 30 ms)', 'p1 proposer: done curBal=1 proposedVal=v1 chosen=v1']);
    expect(history(sim)).toEqual([
      { kind: 'invoke', op: 'p1@0#1', client: 'p1', f: 'propose', key: 'value', value: 'v1' },
      { kind: 'ok', op: 'p1@0#1', value: 'v1' },
    ]);
  });

  it('dueling-proposers: many ballots with nothing chosen and nothing unsafe, then one value', () => {
    const sim = run('dueling-proposers');
    expect(sim.violations).toEqual([]);
    const [first] = ledgerOf(sim.events, ['a1', 'a2', 'a3']).chosen();
    expect(first!.ballot).toBeGreaterThanOrEqual(9);
    expect(sim.events.filter((e) => e.kind === 'deliver' && e.message!.type === 'Nack').length).toBeGreaterThanOrEqual(8);
    // Both proposers ran several ballots, and both clients hear the same value.
    expect(new Set(sent(sim, '1a').map((m) => m.from))).toEqual(new Set(['p1', 'p2']));
    expect(sent(sim, '1a').filter((m) => m.from === 'p1').length / 3).toBeGreaterThanOrEqual(4);
    const oks = history(sim).filter((r) => r.kind === 'ok');
    expect(oks).toHaveLength(2);
    expect(new Set(oks.map((r) => (r as { value: string }).value)).size).toBe(1);
    expect(learned(sim)).toBe(first!.value);
  });

  it('dueling-proposers livelocks for several rounds under other seeds too, and always recovers', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const sim = runScenario(paxos, { ...byName('dueling-proposers'), seed });
      expect(sim.violations).toEqual([]);
      const c = ledgerOf(sim.events, ['a1', 'a2', 'a3']).chosen();
      expect(c).toHaveLength(1);
      expect(c[0]!.ballot, `seed ${seed}`).toBeGreaterThanOrEqual(7);
    }
  });

  it('adopt-chosen: p2 proposes v1, not its own v2; l1 learns v1; p1’s op ends unknown', () => {
    const sim = run('adopt-chosen');
    expect(sim.violations).toEqual([]);
    expect(chosen(sim)).toEqual([['v1', 1]]);
    const twoA = sent(sim, '2a').filter((m) => m.payload.bal === 2);
    expect(twoA.length).toBeGreaterThan(0);
    expect(new Set(twoA.map((m) => m.payload.val))).toEqual(new Set(['v1']));
    expect(state<ProposerObservable>(sim, 'p2')).toMatchObject({ value: 'v2', proposedVal: 'v1', chosen: 'v1' });
    expect(learned(sim)).toBe('v1');
    // v1 was chosen (a1, a2 at 30 ms) before anyone could know it.
    const c = ledgerOf(sim.events, ['a1', 'a2', 'a3']).chosen()[0]!;
    expect(c.time).toBe(30);
    const l1Learns = sim.events.find((e) => e.node === 'l1' && (e.state as LearnerObservable | undefined)?.learned === 'v1')!;
    expect(l1Learns.time).toBeGreaterThan(c.time);
    expect(history(sim).filter((r) => r.kind !== 'invoke')).toEqual([
      { kind: 'info', op: 'p1@0#1', reason: 'proposer crashed' },
      { kind: 'ok', op: 'p2@50#1', value: 'v1' },
    ]);
  });

  it('accepted-not-chosen: a1 keeps v1, yet v2 is chosen', () => {
    const sim = run('accepted-not-chosen');
    expect(sim.violations).toEqual([]);
    expect(acc(sim, 'a1')).toEqual([1, 1, 'v1']);
    expect(chosen(sim)).toEqual([['v2', 2]]);
    expect(learned(sim)).toBe('v2');
  });

  it('acceptor-restart: a2 comes back with its vote and p2 proposes v1 again', () => {
    const sim = run('acceptor-restart');
    expect(sim.violations).toEqual([]);
    const restart = sim.events.find((e) => e.kind === 'restart' && e.node === 'a2')!;
    expect(restart.state).toMatchObject({ maxBal: 1, maxVBal: 1, maxVal: 'v1' });
    const from2 = sent(sim, '1b').filter((m) => m.from === 'a2' && m.payload.bal === 2);
    expect(from2.map((m) => [m.payload.mbal, m.payload.mval])).toEqual([[1, 'v1']]);
    expect(chosen(sim)).toEqual([['v1', 1]]);
    expect(state<ProposerObservable>(sim, 'p2').chosen).toBe('v1');
  });

  it('minority-partition: the minority side sends no 2a; v2 is chosen; p1 adopts it after the heal', () => {
    const sim = run('minority-partition');
    expect(sim.violations).toEqual([]);
    expect(sent(sim, '2a').filter((m) => m.from === 'p1' && m.sentAt < 400)).toEqual([]);
    expect(chosen(sim)).toEqual([['v2', 2]]);
    expect([learned(sim, 'l1'), learned(sim, 'l2')]).toEqual(['v2', 'v2']);
    expect(history(sim).find((r) => r.kind === 'ok' && r.op.startsWith('p1@'))).toEqual({ kind: 'ok', op: 'p1@5#1', value: 'v2' });
  });

  it('duplicate-2b: a1’s doubled 2b counts once; l1 learns v2 only', () => {
    const sim = run('duplicate-2b');
    expect(sim.violations).toEqual([]);
    const copies = sim.events.filter((e) => e.kind === 'deliver' && e.node === 'l1' && e.message!.from === 'a1');
    expect(copies.length).toBe(2);
    expect(sim.events.filter((e) => e.node === 'l1' && e.state).every((e) => (e.state as LearnerObservable).learned !== 'v1')).toBe(true);
    expect(learned(sim)).toBe('v2');
  });
});

describe('bug switches, caught by their scenarios', () => {
  it('ignore-promised-votes-bug: VotesSafe at a2’s vote, then Consensus', () => {
    const sim = run('ignore-promised-votes-bug');
    expect(broken(sim)).toEqual(['votes-safe', 'consensus']);
    expect(sim.violations[0]!.seq).toBeLessThan(sim.violations[1]!.seq);
    expect(chosen(sim)).toEqual([['v1', 1], ['v2', 2]]);
  });

  it('forget-promise-bug: promise-monotone and VotesSafe at the restart, Consensus later', () => {
    const sim = run('forget-promise-bug');
    expect(broken(sim).sort()).toEqual(['consensus', 'promise-monotone', 'votes-safe']);
    const restart = sim.events.find((e) => e.kind === 'restart' && e.node === 'a2')!;
    expect(sim.violations.filter((v) => v.seq === restart.seq).map((v) => v.invariant).sort()).toEqual(['promise-monotone', 'votes-safe']);
    expect(chosen(sim)).toEqual([['v1', 1], ['v2', 4]]);
  });

  it('forget-vote-bug: a2’s 1b hides its vote, VotesSafe fires at its vote for v2, then Consensus', () => {
    const sim = run('forget-vote-bug');
    expect(broken(sim)).toEqual(['votes-safe', 'consensus']);
    expect(sent(sim, '1b').filter((m) => m.from === 'a2' && m.payload.bal === 2).map((m) => m.payload.mbal)).toEqual([-1]);
    expect(chosen(sim)).toEqual([['v1', 1], ['v2', 2]]);
  });

  it('minority-quorum-bug: p1 and l1 think v1 is chosen on two acceptors of five', () => {
    const sim = run('minority-quorum-bug');
    expect(broken(sim)).toEqual(['learn-sound']);
    expect([learned(sim, 'l1'), learned(sim, 'l2')]).toEqual(['v1', 'v2']);
    expect(chosen(sim)).toEqual([['v2', 2]]);
  });

  it('learner-counts-messages-bug: l1 learns v1 from one acceptor’s doubled 2b', () => {
    const sim = run('learner-counts-messages-bug');
    expect(broken(sim)).toEqual(['learn-sound']);
    expect(sim.violations[0]!.message).toContain('l1 learned v1');
  });

  it('the same scripts without the switch break nothing', () => {
    const pairs: [string, string][] = [
      ['ignore-promised-votes-bug', 'adopt-chosen'],
      ['forget-vote-bug', 'acceptor-restart'],
      ['minority-quorum-bug', 'minority-partition'],
      ['learner-counts-messages-bug', 'duplicate-2b'],
    ];
    for (const [bug, fine] of pairs) {
      const { actions, network, nodes } = byName(bug);
      expect(byName(fine)).toMatchObject({ actions, network, nodes });
    }
    expect(runScenario(paxos, { ...byName('forget-promise-bug'), params: { bugs: [] } }).violations).toEqual([]);
  });
});
