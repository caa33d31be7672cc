/** Golden outcomes of the curated scenarios, as the literature documents them. */
import { describe, expect, it } from 'vitest';
import { runScenario, type Simulation } from '../../sim/simulation';
import { raft } from '.';
import type { RaftObservable } from './observe';
import { NOOP } from './clients';
import { buildHistory } from '../../check/history';

const byName = (name: string) => {
  const s = raft.scenarios.find((x) => x.name === name);
  if (!s) throw new Error(`no scenario ${name}`);
  return s;
};
const states = (sim: Simulation) => new Map([...sim.current.views].map(([id, v]) => [id, v.state as RaftObservable]));
const leadersByTerm = (sim: Simulation) => {
  const out = new Map<number, Set<string>>();
  for (const e of sim.events) {
    const s = e.state as RaftObservable | undefined;
    if (e.node && s?.role === 'leader') out.set(s.currentTerm, (out.get(s.currentTerm) ?? new Set()).add(e.node));
  }
  return out;
};
/** The client commands in a log prefix. Leaders append a no-op at the start of their term
 * (section 8) unless the scenario turns it off; it is no client's write. */
const commands = (s: RaftObservable, upTo = s.log.length) => s.log.slice(0, upTo).map((e) => e.command).filter((c) => c !== NOOP);

describe('curated raft scenarios', () => {
  it('happy path: n1 leads term 1 and all three writes commit everywhere', () => {
    const sim = runScenario(raft, byName('happy-path'));
    expect(sim.violations).toEqual([]);
    expect([...leadersByTerm(sim)]).toEqual([[1, new Set(['n1'])]]);
    for (const s of states(sim).values()) expect(commands(s, s.commitIndex)).toEqual(['x=1', 'y=2', 'z=3']);
  });

  it('leader crash: a new leader wins a higher term, keeps the committed write, and n1 rejoins', () => {
    const sim = runScenario(raft, byName('leader-crash'));
    expect(sim.violations).toEqual([]);
    const terms = [...leadersByTerm(sim).keys()];
    expect(terms[0]).toBe(1);
    expect(terms.length).toBeGreaterThan(1);
    const later = [...leadersByTerm(sim).get(terms[1]!)!][0]!;
    expect(later).not.toBe('n1');
    const final = states(sim);
    expect(final.get('n1')!.role).toBe('follower');
    expect(final.get('n1')!.currentTerm).toBeGreaterThan(1);
    for (const s of final.values()) expect(commands(s, s.commitIndex)[0]).toBe('x=1');
  });

  it('split vote: nobody wins term 1; a later term elects exactly one leader', () => {
    const sim = runScenario(raft, byName('split-vote'));
    expect(sim.violations).toEqual([]);
    const leaders = leadersByTerm(sim);
    expect(leaders.has(1)).toBe(false);
    const votes = sim.events.filter((e) => e.kind === 'deliver' && e.message!.type === 'RequestVoteResponse' && (e.message!.payload as unknown as { term: number }).term === 1);
    expect(votes.filter((e) => (e.message!.payload as unknown as { voteGranted: boolean }).voteGranted).length).toBe(2);
    expect(leaders.size).toBeGreaterThan(0);
  });

  it('stale leader: writes in the minority never commit and are overwritten after heal', () => {
    const sim = runScenario(raft, byName('stale-leader'));
    expect(sim.violations).toEqual([]);
    const duringPartition = sim.events.filter((e) => e.node === 'n1' && e.time < 600 && e.state);
    const n1Before = duringPartition.at(-1)!.state as RaftObservable;
    expect(n1Before.role).toBe('leader');
    expect(commands(n1Before)).toEqual(['a=stale', 'b=stale']);
    // Only n1's no-op of term 1, committed before the split: none of the stale writes.
    expect(commands(n1Before, n1Before.commitIndex)).toEqual([]);
    expect(n1Before.commitIndex).toBe(1);
    for (const s of states(sim).values()) {
      expect(commands(s)).toEqual(['c=fresh']);
      expect(s.commitIndex).toBe(s.log.length);
    }
    expect(states(sim).get('n1')!.role).toBe('follower');
  });

  it('Figure 8 without the bug: the term-1 entry is replicated to a majority, never committed, then safely replaced', () => {
    const sim = runScenario(raft, byName('figure-8'));
    expect(sim.violations).toEqual([]);
    expect([...leadersByTerm(sim)].map(([t, ids]) => [t, [...ids]])).toEqual([[1, ['n1']], [2, ['n5']], [3, ['n1']], [4, ['n5']]]);
    const n1AtCrash = sim.events.find((e) => e.kind === 'crash' && e.node === 'n1' && e.time === 350)!.state as RaftObservable;
    expect(commands(n1AtCrash)).toEqual(['x=1', 'y=2']);
    expect(n1AtCrash.commitIndex).toBe(0); // restarted, and may not count replicas of term 1
    for (const id of ['n2', 'n3', 'n4', 'n5']) expect(commands(states(sim).get(id)!)).toEqual(['x=1', 'z=3']);
  });

  it('Figure 8 with commit-previous-term: a committed entry is overwritten', () => {
    const sim = runScenario(raft, byName('figure-8-bug'));
    expect(sim.violations.map((v) => v.invariant)).toEqual(['leader-completeness', 'state-machine-safety']);
    const n1AtCrash = sim.events.find((e) => e.kind === 'crash' && e.node === 'n1' && e.time === 350)!.state as RaftObservable;
    expect(n1AtCrash.commitIndex).toBe(2);
  });

  it('forget-vote-bug: term 1 gets two leaders; forget-vote, with votedFor persisted, does not', () => {
    const broken = runScenario(raft, byName('forget-vote-bug'));
    expect(broken.violations.map((v) => v.invariant).sort()).toEqual(['election-safety', 'one-vote-per-term']);
    expect(leadersByTerm(broken).get(1)).toEqual(new Set(['n1', 'n3']));
    const fixed = runScenario(raft, byName('forget-vote'));
    expect(fixed.violations).toEqual([]);
    expect(leadersByTerm(fixed).get(1)).toEqual(new Set(['n1']));
    expect({ ...fixed.scenario, name: '', title: '', description: '', params: {} }).toEqual({ ...broken.scenario, name: '', title: '', description: '', params: {} });
  });

  it('ack-on-append-bug: the minority leader acknowledges x=stale, which is lost; the checker names the write and the read', () => {
    const broken = runScenario(raft, byName('ack-on-append-bug'));
    expect(broken.violations.map((v) => v.invariant)).toEqual(['linearizable']);
    expect(broken.violations[0]!.message).toMatch(/put\(x, "stale"\); get\(x\) → null/);
    const h = buildHistory(raft, broken.events);
    expect(h.ops.map((o) => [o.client, o.f, o.status])).toEqual([['n1', 'put', 'ok'], ['n3', 'get', 'ok']]);
    // Fixed, the same run answers the write only when its fate is known: overwritten, so failed.
    const fixed = runScenario(raft, { ...byName('ack-on-append-bug'), params: { ...byName('ack-on-append-bug').params, bugs: [] } });
    expect(fixed.violations).toEqual([]);
    expect(buildHistory(raft, fixed.events).ops.map((o) => o.status)).toEqual(['fail', 'ok']);
  });

  it('stale-read-bug: the deposed leader reads 1 after x=2 was acknowledged; with ReadIndex the read fails instead', () => {
    const broken = runScenario(raft, byName('stale-read-bug'));
    expect(broken.violations.map((v) => v.invariant)).toEqual(['linearizable']);
    expect(broken.violations[0]!.message).toMatch(/get\(x\) → "1" cannot take effect/);
    const fixed = runScenario(raft, { ...byName('stale-read-bug'), params: { ...byName('stale-read-bug').params, bugs: [] } });
    expect(fixed.violations).toEqual([]);
    expect(buildHistory(raft, fixed.events).ops.map((o) => `${o.f}:${o.status}`)).toEqual(['put:ok', 'put:ok', 'get:fail']);
  });
});
