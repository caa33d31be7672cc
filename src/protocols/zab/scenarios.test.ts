/** Golden outcomes of the curated Zab scenarios (docs/protocols/zab.md tells each story). */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/simulation';
import { compareScenario } from '../../scenario/compare';
import { getProtocol } from '../registry';
import type { TraceEvent } from '../types';
import { zab } from '.';
import type { ZabObservable } from './observe';
import type { LinkMessage } from './messages';
import { showTxn, type Txn } from './types';

const byName = (name: string) => {
  const s = zab.scenarios.find((x) => x.name === name);
  if (!s) throw new Error(`no scenario ${name}`);
  return s;
};
const run = (name: string) => runScenario(zab, byName(name));
const final = (sim: ReturnType<typeof run>, id: string) => sim.current.views.get(id)!.state as ZabObservable;
const committed = (s: ZabObservable): string[] => s.history.slice(0, s.lastCommitted).map((t: Txn) => showTxn(t));
const states = (events: readonly TraceEvent[]) => events.flatMap((e) => (e.state && e.node ? [{ node: e.node, s: e.state as ZabObservable, e }] : []));
/** Who was established leader of each epoch, over the whole run. */
function leaders(events: readonly TraceEvent[]): Record<number, string[]> {
  const out: Record<number, Set<string>> = {};
  for (const { node, s } of states(events)) if (s.state === 'LEADING' && s.zabState !== 'DISCOVERY') (out[s.currentEpoch] ??= new Set()).add(node);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
}
const everDelivered = (events: readonly TraceEvent[], value: string) => states(events).some(({ s }) => s.history.slice(0, s.lastCommitted).some((t) => t.value === value));
const delivered = (events: readonly TraceEvent[], type: string, to: string) =>
  events.filter((e) => e.kind === 'deliver' && e.message?.type === type && e.message.to === to).map((e) => e.message!.payload as unknown as LinkMessage);

describe('curated Zab scenarios', () => {
  it('happy path: n3 leads epoch 1 and every server commits three writes in zxid order; clients hear ok after commit', () => {
    const sim = run('happy-path');
    expect(sim.violations).toEqual([]);
    expect(leaders(sim.events)).toEqual({ 1: ['n3'] });
    for (const id of ['n1', 'n2', 'n3']) expect(committed(final(sim, id))).toEqual(['(1,1)=x=1', '(1,2)=y=2', '(1,3)=z=3']);
    const records = sim.events.flatMap((e) => zab.clientHistory!(e).map((r) => ({ ...r, time: e.time, node: e.node })));
    expect(records.filter((r) => r.kind === 'invoke')).toHaveLength(3);
    const oks = records.filter((r) => r.kind === 'ok');
    expect(oks).toHaveLength(3);
    // n1's write is answered by n1 itself, once n1 delivers it.
    const n1ok = oks.find((r) => r.op.startsWith('n1:'))!;
    expect(n1ok.node).toBe('n1');
    const n1commit = states(sim.events).find(({ node, s }) => node === 'n1' && committed(s).includes('(1,2)=y=2'))!;
    expect(n1ok.time).toBe(n1commit.e.time);
  });

  it('leader crash mid-broadcast: the txn a quorum logged survives, the unseen one is truncated', () => {
    const sim = run('leader-crash');
    expect(sim.violations).toEqual([]);
    expect(leaders(sim.events)).toEqual({ 1: ['n3'], 2: ['n2'] });
    const expected = ['(1,1)=a=1', '(1,2)=b=2', '(1,3)=c=3', '(1,4)=d=4', '(2,1)=f=6'];
    for (const id of ['n1', 'n2', 'n3']) expect(committed(final(sim, id))).toEqual(expected);
    expect(everDelivered(sim.events, 'e=5')).toBe(false);
    const trunc = delivered(sim.events, 'TRUNC', 'n3');
    expect(trunc).toHaveLength(1);
    expect(trunc[0]).toMatchObject({ mtruncZxid: [1, 4] });
  });

  it('epoch fencing: n1 accepts epoch 2 without holding it, so n3 must pick epoch 3', () => {
    const sim = run('epoch-fencing');
    expect(sim.violations).toEqual([]);
    expect(leaders(sim.events)).toEqual({ 1: ['n3'], 2: ['n2'], 3: ['n3'] });
    expect(states(sim.events).some(({ node, s }) => node === 'n1' && s.acceptedEpoch === 2 && s.currentEpoch === 1 && s.state === 'LOOKING')).toBe(true);
    expect(committed(final(sim, 'n1'))).toEqual(['(1,1)=a=1', '(3,1)=b=2']);
  });

  it('late joiner: COMMITLD carries the leader\'s lastCommitted, so a txn committed meanwhile is delivered', () => {
    const sim = run('late-joiner');
    expect(sim.violations).toEqual([]);
    expect(delivered(sim.events, 'COMMITLD', 'n3')).toEqual([expect.objectContaining({ mzxid: [1, 2] })]);
    for (const id of ['n1', 'n2', 'n3']) expect(committed(final(sim, id))).toEqual(['(1,1)=a=1', '(1,2)=b=2', '(1,3)=c=3']);
  });

  it('propose window: a follower that has NEWLEADER is sent PROPOSE before it acknowledges', () => {
    const sim = run('propose-window');
    expect(sim.violations).toEqual([]);
    const toN3 = sim.events.filter((e) => e.kind === 'deliver' && e.message?.to === 'n3' && ['PROPOSE', 'COMMITLD'].includes(e.message.type)).map((e) => e.message!.type);
    expect(toN3.slice(0, 2)).toEqual(['PROPOSE', 'COMMITLD']);
    expect(committed(final(sim, 'n3'))).toEqual(['(1,1)=a=1', '(1,2)=b=2']);
  });

  it('ZOOKEEPER-1154 trace: the returning old leader is truncated to (1,3) before (2,1)', () => {
    const sim = run('zk-1154');
    expect(sim.violations).toEqual([]);
    expect(delivered(sim.events, 'TRUNC', 'n3')).toEqual([expect.objectContaining({ mtruncZxid: [1, 3] })]);
    expect(everDelivered(sim.events, 'ghost=4')).toBe(false);
    expect(committed(final(sim, 'n3'))).toEqual(['(1,1)=a=1', '(1,2)=b=2', '(1,3)=c=3', '(2,1)=d=81', '(2,2)=e=82']);
  });

  it('ZOOKEEPER-4646 trace: followers that crash before the flush had not acknowledged, so (1,4) was never committed', () => {
    const sim = run('zk-4646');
    expect(sim.violations).toEqual([]);
    expect(everDelivered(sim.events, 'd=4')).toBe(false);
    expect(leaders(sim.events)).toEqual({ 1: ['n3'], 2: ['n3'], 3: ['n2'] });
  });

  it('ZOOKEEPER-4643 trace: a crash before the flush leaves currentEpoch old too, and the committed (1,4) survives', () => {
    const sim = run('zk-4643');
    expect(sim.violations).toEqual([]);
    expect(leaders(sim.events)[3]).toEqual(['n2']);
    expect(committed(final(sim, 'n2'))).toContain('(1,4)=d=4');
  });
});

describe('compare mode', () => {
  it('the leader-crash script under Zab and Raft: both keep the fourth write and drop the fifth', () => {
    const s = byName('compare-raft-leader-crash');
    const left = runScenario(zab, s);
    expect(left.violations).toEqual([]);
    expect(committed(final(left, 'n1'))).toEqual(['(1,1)=a=1', '(1,2)=b=2', '(1,3)=c=3', '(1,4)=d=4', '(2,1)=f=6', '(2,2)=g=7']);
    const raft = getProtocol('raft')!;
    const right = runScenario(raft, compareScenario(s)!);
    expect(right.violations).toEqual([]);
    const log = (right.current.views.get('n1')!.state as { log: { command: string }[]; commitIndex: number });
    const done = log.log.slice(0, log.commitIndex).map((e) => e.command);
    expect(done).toContain('d=4');
    expect(done).not.toContain('e=5');
  });
});

describe('every bug switch has a curated x-bug scenario that the invariants catch', () => {
  for (const b of zab.bugs) {
    it(`${b.id}-bug breaks ${b.breaks[0]}; the same script without the bug is safe`, () => {
      const s = byName(`${b.id}-bug`);
      expect(s.params.bugs).toEqual([b.id]);
      const broken = runScenario(zab, s);
      const caught = broken.violations.map((v) => v.invariant);
      expect(caught).toContain(b.breaks[0]);
      for (const inv of caught) expect(b.breaks).toContain(inv);
      expect(runScenario(zab, { ...s, params: { ...s.params, bugs: [] } }).violations).toEqual([]);
    });
  }
});
