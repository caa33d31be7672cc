/** Golden outcomes of the curated consistent-hashing scenarios. */
import { describe, expect, it } from 'vitest';
import { runScenario, type Simulation } from '../../sim/simulation';
import { validateScenario } from '../../scenario/validate';
import { decodeScenarioUrl, encodeScenarioUrl } from '../../scenario/codec';
import { chash } from '.';
import { readReplicas } from './membership';
import type { ServerObservable } from './observe';

const byName = (name: string) => {
  const s = chash.scenarios.find((x) => x.name === name);
  if (!s) throw new Error(`no scenario ${name}`);
  return s;
};
/** Each curated scenario runs once; the tests read its trace. */
const runs = new Map<string, Simulation>();
const run = (name: string) => runs.get(name) ?? runs.set(name, runScenario(chash, byName(name))).get(name)!;
const SERVERS = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'];
const server = (sim: Simulation, id: string) => sim.current.views.get(id)!.state as ServerObservable;
/** Who stores `key` at the end, in id order. */
const holders = (sim: Simulation, key: string) => SERVERS.filter((id) => Object.hasOwn(server(sim, id).store, key));
/** The key's replicas in the seed's final ring, sorted. */
const replicas = (sim: Simulation, key: string) => {
  const seed = server(sim, 'n1');
  return readReplicas({ epoch: seed.epoch, status: seed.members }, key, { vnodes: 8, replicas: 3 }).sort();
};
const outputs = (sim: Simulation) => sim.events.flatMap((e) => (e.output ?? []) as { type: string; key?: string; value?: string | null; from?: string }[]);
const reads = (sim: Simulation) => outputs(sim).filter((o) => o.type === 'get').map((o) => `${o.key}=${o.value}@${o.from}`);
const delivered = (sim: Simulation, type: string) => sim.events.filter((e) => e.kind === 'deliver' && e.message!.type === type);
/** Transfers that carried keys, as from→to: keys. */
const moves = (sim: Simulation) =>
  delivered(sim, 'Transfer')
    .map((e) => [e.message!.from, e.message!.to, Object.keys((e.message!.payload as unknown as { entries: object }).entries).sort().join(',')] as const)
    .filter(([, , keys]) => keys !== '')
    .map(([f, t, keys]) => `${f}→${t}: ${keys}`);

describe('curated chash scenarios as documents', () => {
  const lookup = (id: string) => (id === 'chash' ? chash : undefined);
  it.each(chash.scenarios.map((s) => [s.name, s] as const))('%s validates unchanged and survives a link', (_name, s) => {
    expect(validateScenario(s, lookup, ['chash'])).toStrictEqual({ ok: true, scenario: s });
    expect(decodeScenarioUrl(encodeScenarioUrl(s), lookup, ['chash'])).toStrictEqual({ ok: true, scenario: s });
  });
});

describe('curated chash scenarios', () => {
  it('put-get: each key on exactly its three replicas, read back from the first', () => {
    const sim = run('put-get');
    expect(sim.violations).toEqual([]);
    for (const k of ['apple', 'banana', 'cherry']) expect(holders(sim, k)).toEqual(replicas(sim, k));
    expect(delivered(sim, 'Replicate')).toHaveLength(6);
    expect(reads(sim)).toEqual(['apple=apple-1@n2', 'banana=banana-1@n4', 'cherry=cherry-1@n2']);
  });

  it('join: only the keys n6 gains move, all to n6; the old replicas drop them; reads follow', () => {
    const sim = run('join');
    expect(sim.violations).toEqual([]);
    expect(server(sim, 'n6').self).toBe('up');
    expect(server(sim, 'n1').epoch).toBe(2);
    expect(delivered(sim, 'Transfer').every((e) => e.message!.to === 'n6')).toBe(true);
    expect(Object.keys(server(sim, 'n6').store).sort()).toEqual(['apple', 'date', 'fig', 'lemon']);
    for (const k of ['apple', 'banana', 'date', 'fig', 'grape', 'lemon']) expect(holders(sim, k)).toEqual(replicas(sim, k));
    // The displaced replicas: n4 for apple, date and fig; n3 for lemon.
    expect(holders(sim, 'lemon')).toEqual(['n2', 'n4', 'n6']);
    // During the join apple is read from an old replica; the put of fig-2 also reached n6; after it, n6 serves.
    expect(reads(sim)).toEqual(['apple=apple-1@n2', 'apple=apple-1@n6', 'fig=fig-2@n6']);
    expect(delivered(sim, 'Replicate').filter((e) => e.message!.to === 'n6').map((e) => e.time)).toEqual([245]);
  });

  it('leave: only n3’s keys move, from n3, each to the one server that gains it', () => {
    const sim = run('leave');
    expect(sim.violations).toEqual([]);
    expect(server(sim, 'n3')).toMatchObject({ self: 'out', store: {} });
    expect(moves(sim).sort()).toEqual(['n3→n2: date', 'n3→n4: cherry,elder', 'n3→n5: banana']);
    expect(holders(sim, 'grape')).toEqual(['n1', 'n2', 'n5']);
    for (const k of ['banana', 'cherry', 'date', 'elder', 'grape']) expect(holders(sim, k)).toEqual(replicas(sim, k));
    expect(reads(sim)).toEqual(['banana=banana-1@n4', 'date=date-1@n1']);
  });

  it('crash-read: the get to the crashed n2 is lost, n1 answers after the timeout', () => {
    const sim = run('crash-read');
    expect(sim.violations).toEqual([]);
    expect(sim.events.filter((e) => e.kind === 'lost').map((e) => `${e.message!.type}→${e.node} ${e.reason}`)).toEqual(['Get→n2 down']);
    expect(reads(sim)).toEqual(['apple=apple-1@n1']);
    expect(sim.events.find((e) => e.output?.length && (e.output[0] as { type: string }).type === 'get')!.time).toBe(320);
  });

  it('r-crashes: two replicas down, n4 answers; all three down, the get fails; n1 back, it answers', () => {
    const sim = run('r-crashes');
    expect(sim.violations).toEqual([]);
    expect(outputs(sim).filter((o) => o.type !== 'put-ok').map((o) => (o.type === 'get' ? `${o.value}@${o.from}` : o.type))).toEqual(['apple-1@n4', 'failed', 'apple-1@n1']);
  });

  it('leave-lost-transfer: n3 resends until n4 acks after the heal, and only then leaves', () => {
    const sim = run('leave-lost-transfer');
    expect(sim.violations).toEqual([]);
    const toN4 = sim.events.filter((e) => e.message?.type === 'Transfer' && e.message.to === 'n4');
    expect(toN4.map((e) => e.kind)).toEqual(['lost', 'lost', 'lost', 'deliver']);
    expect(delivered(sim, 'LeaveDone')[0]!.time).toBeGreaterThan(400);
    for (const k of ['banana', 'cherry', 'date', 'elder', 'grape']) expect(holders(sim, k)).toEqual(replicas(sim, k));
  });

  it('no-handoff-bug: n6 holds nothing, four keys keep two copies, the get of apple misses', () => {
    const sim = run('no-handoff-bug');
    expect(sim.violations.map((v) => v.invariant)).toEqual(['no-loss', 'replicas-after-handoff']);
    expect(delivered(sim, 'Pull')).toEqual([]);
    expect(server(sim, 'n6').store).toEqual({});
    for (const k of ['apple', 'date', 'fig', 'lemon']) expect(holders(sim, k)).toHaveLength(2);
    expect(reads(sim)).toEqual(['apple=null@n6']);
  });

  it('drop-before-ack-bug: cherry and elder are left with two copies', () => {
    const sim = run('drop-before-ack-bug');
    expect(sim.violations.map((v) => v.invariant)).toEqual(['no-loss', 'replicas-after-handoff']);
    expect(holders(sim, 'cherry')).toEqual(['n2', 'n5']);
    expect(holders(sim, 'elder')).toEqual(['n1', 'n5']);
    // Same script as leave-lost-transfer: only the bug switch differs.
    const strip = (s: object) => ({ ...s, name: '', title: '', description: '', params: {} });
    expect(strip(byName('drop-before-ack-bug'))).toEqual(strip(byName('leave-lost-transfer')));
  });

  it('whole-store-bug: keys that do not change replicas are copied to n6, breaking the movement rule', () => {
    const sim = run('whole-store-bug');
    expect(sim.violations.map((v) => v.invariant)).toEqual(['movement']);
    expect(sim.violations[0]!.message).toContain('grape');
    // The extra copies go once n6 is up, so the settled ring is still right.
    for (const k of ['apple', 'banana', 'date', 'fig', 'grape', 'lemon']) expect(holders(sim, k)).toEqual(replicas(sim, k));
  });

  it('every bug scenario breaks what its bug claims, and every other scenario breaks nothing', () => {
    for (const s of chash.scenarios) {
      const sim = run(s.name!);
      const claimed = chash.bugs.filter((b) => s.params.bugs.includes(b.id)).flatMap((b) => b.breaks);
      expect(new Set(sim.violations.map((v) => v.invariant)), s.name).toEqual(new Set(claimed));
    }
  });
});
