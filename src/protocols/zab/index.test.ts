/** The module's contract hooks: client history records and the explorer's abstraction. */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/simulation';
import type { NodeView, TraceEvent } from '../types';
import { zab } from '.';
import type { ZabObservable } from './observe';

describe('clientHistory', () => {
  it('reads invoke, ok, fail and info off the answers a server gives', () => {
    const event: TraceEvent = {
      seq: 5,
      time: 40,
      kind: 'command',
      node: 'n2',
      output: [
        { type: 'invoke', op: 'n2:40.0.0', key: 'x', value: '1' },
        { type: 'fail', op: 'n2:40.0.0', reason: 'not serving (LOOKING)' },
        { type: 'ok', op: 'n1:30.0.0', zxid: [1, 1] },
        { type: 'info', op: 'n1:31.0.1', reason: 'lost a quorum' },
      ],
    };
    expect(zab.clientHistory!(event)).toEqual([
      { kind: 'invoke', op: 'n2:40.0.0', client: 'n2', f: 'write', key: 'x', value: '1' },
      { kind: 'fail', op: 'n2:40.0.0', reason: 'not serving (LOOKING)' },
      { kind: 'ok', op: 'n1:30.0.0' },
      { kind: 'info', op: 'n1:31.0.1', reason: 'lost a quorum' },
    ]);
  });

  it('gives unique op ids over a run with restarts, each ok after its invoke and at most once', () => {
    const s = zab.scenarios.find((x) => x.name === 'leader-crash')!;
    const sim = runScenario(zab, s);
    const records = sim.events.flatMap((e) => zab.clientHistory!(e));
    const invokes = records.filter((r) => r.kind === 'invoke').map((r) => r.op);
    expect(new Set(invokes).size).toBe(invokes.length);
    const ends = records.filter((r) => r.kind !== 'invoke').map((r) => r.op);
    expect(new Set(ends).size).toBe(ends.length);
    for (const op of ends) expect(invokes).toContain(op);
    // a=1 … d=4 and f=6 were answered ok; e=5 (never delivered) was not.
    expect(records.filter((r) => r.kind === 'ok')).toHaveLength(5);
  });
});

describe('server ids of 10 and more', () => {
  it('elects the highest id numerically: n10 leads n2–n10 when every log is empty', () => {
    const nodes = ['n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9', 'n10'];
    const sim = runScenario(zab, { ...zab.scenarios.find((x) => x.name === 'happy-path')!, nodes, actions: [], until: 3000 });
    const leaders = [...sim.current.views].filter(([, v]) => (v.state as ZabObservable).state === 'LEADING').map(([id]) => id);
    expect(leaders).toEqual(['n10']);
    const followers = [...sim.current.views.values()].filter((v) => (v.state as ZabObservable).state === 'FOLLOWING');
    expect(followers).toHaveLength(8);
  });
});

describe('explore.abstract', () => {
  const view = (id: string, s: Partial<ZabObservable>, up = true): NodeView => ({
    id,
    role: 'server',
    up,
    paused: false,
    state: { state: 'FOLLOWING', zabState: 'BROADCAST', acceptedEpoch: 3, currentEpoch: 3, history: [], logged: 0, lastCommitted: 0, ...s },
  });
  it('ignores server names and shifts epochs, but sees roles, phases and commit progress', () => {
    const a = new Map([
      ['n1', view('n1', { state: 'LEADING' })],
      ['n2', view('n2', {})],
    ]);
    const renamed = new Map([
      ['n1', view('n1', {})],
      ['n2', view('n2', { state: 'LEADING' })],
    ]);
    const shifted = new Map([
      ['n1', view('n1', { state: 'LEADING', acceptedEpoch: 7, currentEpoch: 7 })],
      ['n2', view('n2', { acceptedEpoch: 7, currentEpoch: 7 })],
    ]);
    const f = zab.explore!.abstract;
    expect(f(renamed)).toBe(f(a));
    expect(f(shifted)).toBe(f(a));
    expect(f(new Map([...a, ['n2', view('n2', { zabState: 'SYNCHRONIZATION' })]]))).not.toBe(f(a));
    expect(f(new Map([...a, ['n2', view('n2', { acceptedEpoch: 4 })]]))).not.toBe(f(a));
    expect(f(new Map([...a, ['n2', view('n2', {}, false)]]))).not.toBe(f(a));
  });
});
