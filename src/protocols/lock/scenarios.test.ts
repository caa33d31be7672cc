/** Golden outcomes of the curated lock-service scenarios (protocols.md §4.7). */
import { describe, expect, it } from 'vitest';
import { runScenario, type Simulation } from '../../sim/simulation';
import { validateScenario } from '../../scenario/validate';
import { decodeScenarioUrl, encodeScenarioUrl } from '../../scenario/codec';
import type { Scenario } from '../../scenario/types';
import { lock } from '.';
import type { CellObservable, ClientObservable, StorageObservable } from './observe';

const byName = (name: string) => {
  const s = lock.scenarios.find((x) => x.name === name);
  if (!s) throw new Error(`no scenario ${name}`);
  return s;
};
const run = (name: string) => runScenario(lock, byName(name));
const state = <T>(sim: Simulation, id: string) => sim.current.views.get(id)!.state as T;
const client = (sim: Simulation, id: string) => state<ClientObservable>(sim, id);
/** Storage's write log as writer:token:accepted. */
const writes = (sim: Simulation, id = 'store') => state<StorageObservable>(sim, id).log.map((e) => `${e.writer}:${e.token ?? '-'}:${e.accepted ? 'ok' : 'rejected'}`);
const invariants = (sim: Simulation) => sim.violations.map((v) => v.invariant);
/** A client's session state after the last event at or before `time`. */
function sessionAt(sim: Simulation, id: string, time: number): string | undefined {
  return (sim.events.filter((e) => e.node === id && e.state && e.time <= time).at(-1)?.state as ClientObservable | undefined)?.session;
}
const grantsTo = (sim: Simulation, id: string) =>
  sim.events.filter((e) => e.kind === 'deliver' && e.node === id && e.message!.type === 'AcquireReply' && (e.message!.payload as unknown as { ok: boolean }).ok).map((e) => (e.message!.payload as unknown as { token: number }).token);

describe('curated lock scenarios as documents', () => {
  const lookup = (id: string) => (id === 'lock' ? lock : undefined);
  it.each(lock.scenarios.map((s) => [s.name, s] as const))('%s validates unchanged and survives a link', (_name, s) => {
    expect(validateScenario(s, lookup, ['lock'])).toStrictEqual({ ok: true, scenario: s });
    expect(decodeScenarioUrl(encodeScenarioUrl(s), lookup, ['lock'])).toStrictEqual({ ok: true, scenario: s });
  });

  it('each bug switch has its <id>-bug scenario, and it breaks what the switch says', () => {
    for (const bug of lock.bugs) {
      const s = byName(`${bug.id}-bug`);
      expect(s.params.bugs).toEqual([bug.id]);
      const broken = invariants(runScenario(lock, s));
      expect(broken.length, bug.id).toBeGreaterThan(0);
      for (const inv of broken) expect(bug.breaks, `${bug.id} broke ${inv}`).toContain(inv);
    }
  });

  it('each <id>-bug scenario breaks nothing with its switch off: the switch is the reason', () => {
    for (const bug of lock.bugs) {
      const s = byName(`${bug.id}-bug`);
      const off = runScenario(lock, { ...s, params: { ...s.params, bugs: [] }, compare: undefined } as Scenario);
      expect(invariants(off), bug.id).toEqual([]);
    }
  });
});

describe('curated lock scenarios', () => {
  it('happy: c1 writes with token 1, c2 with token 2, both accepted', () => {
    const sim = run('happy');
    expect(sim.violations).toEqual([]);
    expect(writes(sim)).toEqual(['c1:1:ok', 'c2:2:ok']);
    expect(grantsTo(sim, 'c1')).toEqual([1]);
    expect(grantsTo(sim, 'c2')).toEqual([2]);
    expect(state<CellObservable>(sim, 'm1')).toMatchObject({ status: 'serving', epoch: 1, locks: { L: { holder: null, gen: 2 } } });
  });

  it('GC pause without fencing: the stale write lands after the new holder’s (storage-mutex)', () => {
    const sim = run('storage-ignores-tokens-bug');
    expect(invariants(sim)).toEqual(['storage-mutex']);
    expect(writes(sim)).toEqual(['c2:2:ok', 'c1:1:ok']);
    // c1 was paused, so it never believed alongside c2.
    expect(sim.violations[0]!.message).toContain('grant #1');
    expect(sim.events[sim.violations[0]!.seq]!.time).toBe(2110);
  });

  it('the same pause with fencing (the compared side): storage rejects token 1', () => {
    const s = byName('storage-ignores-tokens-bug');
    expect(s.compare).toEqual({ protocol: 'lock', params: { bugs: [] } });
    const fenced = runScenario(lock, { ...s, params: s.compare!.params, compare: undefined } as Scenario);
    expect(fenced.violations).toEqual([]);
    expect(writes(fenced)).toEqual(['c2:2:ok', 'c1:1:rejected']);
    // The standalone fenced scenario is the same run.
    expect(writes(run('gc-pause-fenced'))).toEqual(writes(fenced));
  });

  it('Redis SET NX: the key expires during the pause and both writes land', () => {
    const sim = run('redis-gc-pause');
    expect(invariants(sim)).toEqual(['storage-mutex']);
    expect(writes(sim)).toEqual(['c2:-:ok', 'c1:-:ok']);
  });

  it('failover-in-grace: c1 goes into jeopardy, is safe again under epoch 2 and keeps L with sequencer 1', () => {
    const sim = run('failover-in-grace');
    expect(sim.violations).toEqual([]);
    expect(sessionAt(sim, 'c1', 1340)).toBe('active');
    expect(sessionAt(sim, 'c1', 1360)).toBe('jeopardy');
    expect(sessionAt(sim, 'c1', 1640)).toBe('jeopardy');
    expect(client(sim, 'c1')).toMatchObject({ session: 'active', epoch: 2, master: 'm2', held: { L: 1 } });
    expect(grantsTo(sim, 'c2')).toEqual([]);
    expect(state<CellObservable>(sim, 'm2')).toMatchObject({ status: 'serving', epoch: 2, locks: { L: { holder: 's1-1', gen: 1 } } });
    expect(writes(sim)).toEqual(['c1:1:ok', 'c1:1:ok']);
  });

  it('failover-past-grace: c1’s session expires with its lock and c2 gets L with sequencer 2', () => {
    const sim = run('failover-past-grace');
    expect(sim.violations).toEqual([]);
    expect(sessionAt(sim, 'c1', 2840)).toBe('jeopardy');
    expect(sessionAt(sim, 'c1', 2900)).toBe('expired');
    expect(client(sim, 'c1').held).toEqual({});
    expect(grantsTo(sim, 'c2')).toEqual([2]);
    expect(writes(sim)).toEqual(['c1:1:ok', 'c2:2:ok']);
  });

  it('skew-beyond-bound: both clients believe they hold L, and fencing rejects c1’s token 1', () => {
    const sim = run('skew-beyond-bound');
    expect(invariants(sim)).toEqual(['lease-belief']);
    expect(writes(sim)).toEqual(['c2:2:ok', 'c1:1:rejected']);
  });

  it('skew within the bound: the same script keeps lease belief, c1 is in jeopardy before c2 gets L', () => {
    const s = byName('skew-beyond-bound');
    // 1 / 0.95 ≈ 1.05, inside rho = 1.1.
    const within = runScenario(lock, { ...s, actions: s.actions.map((a) => (a.do === 'skew' ? { ...a, rate: 0.95 } : a)) });
    expect(within.violations).toEqual([]);
    const granted = within.events.find((e) => e.node === 'c2' && (e.state as ClientObservable).held?.L === 2)!;
    expect(sessionAt(within, 'c1', granted.time)).toBe('jeopardy');
    // c1's write at 1800 ms is refused by c1 itself (and c2 is granted L only at 1940 ms, after
    // its own write at 1700 ms): no stale write is ever sent.
    expect(sessionAt(within, 'c1', 1800)).toBe('jeopardy');
    expect(writes(within)).toEqual([]);
  });

  it('no-lease-extension: the new master expires c1 at once and grants L to c2 while c1 still believes', () => {
    const sim = run('no-lease-extension-bug');
    expect(invariants(sim)).toEqual(['lease-belief']);
    expect(grantsTo(sim, 'c2')).toEqual([2]);
    const safe = run('lease-extended');
    expect(safe.violations).toEqual([]);
    // With the extension, c2 gets L only after c1's session truly ended on m2.
    const granted = safe.events.find((e) => e.node === 'c2' && (e.state as ClientObservable).held?.L === 2)!;
    expect(sessionAt(safe, 'c1', granted.time)).toBe('jeopardy');
  });

  it('lease-from-reply: c1 trusts its lease about a reply delay longer than the master keeps it', () => {
    expect(invariants(run('lease-from-reply-bug'))).toEqual(['lease-belief']);
    const safe = run('lease-from-send');
    expect(safe.violations).toEqual([]);
    expect(grantsTo(safe, 'c2')).toEqual([2]);
  });

  it('volatile-generation: m2 restarts the sequencers and hands out 1 again; durable, it hands out 3', () => {
    const sim = run('volatile-generation-bug');
    expect(invariants(sim)).toEqual(['token-monotone']);
    expect(grantsTo(sim, 'c1')).toEqual([1, 1]);
    expect(grantsTo(run('durable-generation'), 'c1')).toEqual([1, 3]);
  });

  it('ignore-jeopardy: c1, cut off, still believes in jeopardy when c2 gets L, a break the switch declares', () => {
    // The skew-beyond-bound script without the skew: only the switch keeps c1 believing.
    const s = byName('skew-beyond-bound');
    const sim = runScenario(lock, { ...s, params: { bugs: ['ignore-jeopardy'] }, actions: s.actions.filter((a) => a.do !== 'skew') });
    expect(invariants(sim)).toContain('lease-belief');
    const says = lock.bugs.find((b) => b.id === 'ignore-jeopardy')!.breaks;
    for (const inv of invariants(sim)) expect(says).toContain(inv);
  });

  it('ignore-jeopardy: c1 writes while in jeopardy', () => {
    const sim = run('ignore-jeopardy-bug');
    expect(invariants(sim)).toEqual(['no-act-in-jeopardy']);
    expect(sessionAt(sim, 'c1', 1700)).toBe('jeopardy');
    expect(writes(sim)).toEqual(['c1:1:ok']);
  });
});
