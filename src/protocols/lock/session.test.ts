/** Regressions found in review: a session's first lease, what the application is answered and
 * when, and which grant a Release frees. */
import { describe, expect, it } from 'vitest';
import { runScenario, type Simulation } from '../../sim/simulation';
import type { Action, Scenario } from '../../scenario/types';
import { lock } from '.';
import { happy } from './scenarios';
import type { ClientObservable } from './observe';
import { ClientHistory } from '../../check/history';

/** The curated scripts' cluster and network (every link 10 ms), with other actions. */
const scenario = (actions: Action[], until: number): Scenario => ({ ...happy, name: 'review', actions, until });
const sessionAt = (sim: Simulation, id: string, time: number) => (sim.events.filter((e) => e.node === id && e.state && e.time <= time).at(-1)?.state as ClientObservable | undefined)?.session;
const h = (sim: Simulation) => {
  const history = new ClientHistory();
  for (const e of sim.events) history.apply(e, lock.clientHistory!(e));
  return history;
};
const firstHeld = (sim: Simulation, id: string) => sim.events.find((e) => e.node === id && Object.keys((e.state as ClientObservable | undefined)?.held ?? {}).length > 0);

describe('the lease of a new session', () => {
  it('runs from the CreateSession the master answered, not from the first KeepAlive', () => {
    // m1 creates c1's session at 160 ms (the master's lease runs from there) and answers at
    // 190 ms, but c1 is paused until 900 ms. Its first KeepAlive is cut, its Acquire gets
    // through, then every later KeepAlive is cut. m1 expires the session at 1160 ms and,
    // after the lock-delay, grants L to c2. A lease started at the first KeepAlive (900 ms)
    // would last to 1809 ms, past c2's grant: both would believe they hold L.
    const sim = runScenario(
      lock,
      scenario(
        [
          { at: 185, do: 'pause', node: 'c1' },
          { at: 899, do: 'cut', from: 'c1', to: 'm1' },
          { at: 900, do: 'resume', node: 'c1' },
          { at: 915, do: 'heal' },
          { at: 920, do: 'acquire', node: 'c1', lock: 'L' },
          { at: 1000, do: 'cut', from: 'c1', to: 'm1' },
          { at: 1000, do: 'acquire', node: 'c2', lock: 'L' },
        ],
        2200,
      ),
    );
    expect(sim.violations).toEqual([]);
    // The story happened: c1 held L, then c2 did, and c1 had stopped believing by then.
    expect(firstHeld(sim, 'c1')?.time).toBe(960);
    const c2 = firstHeld(sim, 'c2')!;
    expect((c2.state as ClientObservable).held).toEqual({ L: 2 });
    expect(sessionAt(sim, 'c1', c2.time)).toBe('jeopardy');
  });
});

/** Each acquire's answer as [time, outcome, the client's session when answered]. */
function acquireAnswers(sim: Simulation, id: string): [number, string, string][] {
  const ops = new Set<string>();
  const out: [number, string, string][] = [];
  for (const e of sim.events) {
    if (e.node !== id) continue;
    for (const o of (e.output ?? []) as { kind: string; op: string; f?: string; value?: unknown; reason?: string }[]) {
      if (o.kind === 'invoke' && o.f === 'acquire') ops.add(o.op);
      else if (ops.has(o.op)) out.push([e.time, o.kind === 'ok' ? `ok ${String(o.value)}` : `${o.kind} ${o.reason}`, (e.state as ClientObservable).session]);
    }
  }
  return out;
}

describe('a client in jeopardy answers no Acquire with a lock (Chubby §2.8: calls block)', () => {
  it('refuses an Acquire of a lock it holds while in jeopardy', () => {
    // Both cell nodes down from 600 ms: c1, holding L, is in jeopardy from about 1350 ms.
    const sim = runScenario(lock, scenario([{ at: 300, do: 'acquire', node: 'c1', lock: 'L' }, { at: 600, do: 'crash', node: 'm1' }, { at: 600, do: 'crash', node: 'm2' }, { at: 1400, do: 'acquire', node: 'c1', lock: 'L' }], 1500));
    expect(acquireAnswers(sim, 'c1')).toEqual([
      [340, 'ok 1', 'active'],
      [1400, 'fail jeopardy', 'jeopardy'],
    ]);
  });

  it('holds back a grant that arrives in jeopardy until a KeepAlive makes the client safe', () => {
    // KeepAlive replies to c1 are cut from 600 ms, so c1 is in jeopardy at 1349 ms; its
    // Acquire, sent at 1320 ms, is granted and the grant arrives at 1360 ms, after a heal.
    const sim = runScenario(lock, scenario([{ at: 600, do: 'cut', from: 'm1', to: 'c1' }, { at: 1320, do: 'acquire', node: 'c1', lock: 'L' }, { at: 1355, do: 'heal' }], 1600));
    expect(sessionAt(sim, 'c1', 1360)).toBe('jeopardy');
    const answers = acquireAnswers(sim, 'c1');
    expect(answers).toHaveLength(1);
    expect(answers[0]!.slice(1)).toEqual(['ok 1', 'active']);
    expect(answers[0]![0]).toBeGreaterThan(1369);
  });
});

describe('a Release frees only the grant it was sent for', () => {
  it('a late Release of sequencer 1 does not free the same session’s later grant of sequencer 2', () => {
    // c1 holds L #1 and releases it at 400 ms; the Released is cut, so c1 still waits for it
    // when it asks for L again at 500 ms and resends its Release first. That resent Release is
    // delayed in the network past c1's next retry, which gets the Released, so c1 sends its
    // Acquire and is granted L #2 at 710 ms, the moment the old Release arrives.
    const base: Action[] = [
      { at: 300, do: 'acquire', node: 'c1', lock: 'L' },
      { at: 400, do: 'release', node: 'c1', lock: 'L' },
      { at: 435, do: 'cut', from: 'm1', to: 'c1' },
      { at: 445, do: 'heal' },
      { at: 500, do: 'acquire', node: 'c1', lock: 'L' },
    ];
    const resent = runScenario(lock, scenario(base, 505)).events.find((e) => e.node === 'c1' && e.time === 500)!.sent!.find((m) => m.type === 'Release')!;
    const sim = runScenario(lock, scenario([...base, { at: 501, do: 'delay', message: resent.id, by: 200 }, { at: 720, do: 'acquire', node: 'c2', lock: 'L' }], 1000));
    expect(sim.events.find((e) => e.kind === 'deliver' && e.message?.id === resent.id)?.time).toBe(710);
    expect(firstHeld(sim, 'c1')?.time).toBe(340);
    expect((sim.current.views.get('c1')!.state as ClientObservable).held).toEqual({ L: 2 });
    expect(sim.violations).toEqual([]);
    // c2 keeps asking and is not granted L while c1 holds it.
    expect((sim.current.views.get('c2')!.state as ClientObservable).held).toEqual({});
  });
});

describe('each operation is answered once', () => {
  it('a write whose WriteOk the network duplicates ends once in the client history', () => {
    const dup = (from: string) => ({ from, to: 'c1', duplicate: 1 });
    const sim = runScenario(lock, { ...happy, network: { latency: [10, 10], drop: 0, duplicate: 0, links: [dup('store'), { ...dup('store'), to: 'c2' }, dup('m1')] } });
    expect(sim.events.filter((e) => e.kind === 'deliver' && e.message?.type === 'WriteOk').length).toBeGreaterThan(2);
    expect(h(sim).anomalies).toEqual([]);
    expect(h(sim).ops.map((o) => `${o.client}:${o.f}:${o.status}`)).toEqual(['c1:acquire:ok', 'c1:write:ok', 'c1:release:ok', 'c2:acquire:ok', 'c2:write:ok', 'c2:release:ok']);
  });
});

describe('elections', () => {
  it('a duplicated Campaign does not depose the master it already elected', () => {
    // Every message from a cell node to the database arrives twice. The copy of m1's first
    // Campaign used to re-elect m1 with a new epoch, deposing its first term, forever.
    const links = ['m1', 'm2'].map((from) => ({ from, to: 'db', duplicate: 1 }));
    const sim = runScenario(lock, { ...happy, network: { latency: [10, 10], drop: 0, duplicate: 0, links } });
    const elections = sim.events.flatMap((e) => e.sent ?? []).filter((m) => m.type === 'Elected');
    expect(elections.map((m) => `${m.to}:${(m.payload as unknown as { epoch: number }).epoch}`)).toEqual(['m1:1']);
    expect(sim.violations).toEqual([]);
    expect(h(sim).ops.map((o) => o.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
  });
});
