import { describe, expect, it, vi } from 'vitest';
import { createSession } from '../../store/session';
import { raft } from '../../protocols/raft';
import { applyLocks } from './locks';
import { connectTourProgress, createBridge, startBridge, type BridgeEnv, type TourProgressSource } from './bridge';
import type { EmbedMessage } from './messages';

const HOST = 'https://course.example';
const happy = raft.scenarios.find((s) => s.name === 'happy-path')!;

/** A host window, a message channel and a timer queue the test flushes by hand. */
function fakeEnv() {
  const sent: { message: EmbedMessage; origin: string }[] = [];
  const warnings: string[] = [];
  const parent = { postMessage: (message: unknown, origin: string) => sent.push({ message: message as EmbedMessage, origin }) };
  let handler: Parameters<BridgeEnv['listen']>[0] | null = null;
  const timers: (() => void)[] = [];
  const env: BridgeEnv = {
    listen: (h) => ((handler = h), () => (handler = null)),
    parent,
    origin: HOST,
    warn: (m) => warnings.push(m),
    later: (fn) => {
      timers.push(fn);
      return () => timers.splice(timers.indexOf(fn), 1);
    },
  };
  const receive = (data: unknown, origin = HOST, source: unknown = parent) => handler?.({ data, origin, source: source as MessageEventSource });
  const flush = () => timers.splice(0).forEach((f) => f());
  const of = <T extends EmbedMessage['type']>(type: T) => sent.filter((s) => s.message.type === type).map((s) => s.message as Extract<EmbedMessage, { type: T }>);
  return { env, sent, warnings, receive, flush, of, listening: () => handler !== null };
}

/** A tour player's progress as the tours feature exposes it. */
function fakeTour(steps = 4): TourProgressSource & { set(p: Partial<ReturnType<TourProgressSource['get']>>): void; went: number[] } {
  let state = { tourId: 'raft-election' as string | null, step: 0, steps, answers: {} as Record<string, string>, completed: false };
  const listeners = new Set<() => void>();
  const went: number[] = [];
  return {
    get: () => state,
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    goTo: (step) => {
      went.push(step);
      state = { ...state, step };
      listeners.forEach((l) => l());
    },
    set: (p) => {
      state = { ...state, ...p };
      listeners.forEach((l) => l());
    },
    went,
  };
}

function setup(range: { from: number; to: number } | null = null) {
  const store = createSession(happy);
  store.getState().recordAhead(() => false, 5000);
  const control = applyLocks(store, { lockEdit: true, range });
  const fake = fakeEnv();
  const bridge = createBridge(store, { range: range ? [range.from, range.to] : null, editing: control.editing }, fake.env);
  return { store, bridge, ...fake };
}

describe('embed bridge', () => {
  it('says it is ready with the run, the cursor and the locks, to the host origin only', () => {
    const { sent, of, store } = setup({ from: 10, to: 40 });
    expect(sent.every((s) => s.origin === HOST)).toBe(true);
    expect(of('faultline:ready')).toEqual([
      { type: 'faultline:ready', v: 1, protocol: 'raft', scenario: 'happy-path', step: 10, total: store.getState().sim.eventCount, time: store.getState().frame.time, until: happy.until, locks: { edit: true, range: [10, 40] } },
    ]);
    expect(of('faultline:step')[0]).toMatchObject({ step: 10, playing: false });
  });

  it('reports cursor moves, coalesced, with the last position', () => {
    const { store, of, flush } = setup();
    const before = of('faultline:step').length;
    store.getState().seekStep(30);
    store.getState().seekStep(31);
    store.getState().stepForward();
    flush();
    const steps = of('faultline:step');
    expect(steps.length).toBe(before + 1);
    expect(steps.at(-1)).toMatchObject({ step: 32, total: store.getState().sim.eventCount, time: store.getState().frame.time });
  });

  it('goes to a step, clamped by the range; plays and pauses', () => {
    const { store, receive } = setup({ from: 10, to: 40 });
    receive({ type: 'faultline:goto', step: 25 });
    expect(store.getState().frame.step).toBe(25);
    receive({ type: 'faultline:goto', step: 900, v: 1 });
    expect(store.getState().frame.step).toBe(40);
    receive({ type: 'faultline:play' });
    expect(store.getState().playing).toBe(true);
    receive({ type: 'faultline:pause' });
    expect(store.getState().playing).toBe(false);
  });

  it('ignores other origins and other windows without reading them', () => {
    const { store, receive, warnings } = setup();
    store.getState().seekStep(20);
    receive({ type: 'faultline:goto', step: 50 }, 'https://evil.example');
    receive({ type: 'faultline:goto', step: 50 }, HOST, { postMessage() {} });
    receive({ get type() { throw new Error('read'); } }, 'https://evil.example');
    expect(store.getState().frame.step).toBe(20);
    expect(warnings).toEqual([]);
  });

  it('ignores malformed messages with a warning', () => {
    const { store, receive, warnings } = setup();
    store.getState().seekStep(20);
    const bad: unknown[] = [
      'faultline:goto',
      null,
      [1, 2],
      { type: 'faultline:goto' },
      { type: 'faultline:goto', step: -1 },
      { type: 'faultline:goto', step: 1.5 },
      { type: 'faultline:goto', step: '30' },
      { type: 'faultline:goto', step: 1e9 },
      { type: 'faultline:goto', step: 30, extra: 1 },
      { type: 'faultline:goto', step: 30, v: 2 },
      { type: 'faultline:eval', code: 'x' },
      { type: 'x'.repeat(10_000) },
      new Date(0),
    ];
    for (const b of bad) receive(b);
    expect(store.getState().frame.step).toBe(20);
    expect(warnings).toHaveLength(bad.length);
    expect(warnings.every((w) => w.startsWith('Faultline embed: ignored a malformed message'))).toBe(true);
    expect(Math.max(...warnings.map((w) => w.length))).toBeLessThan(200);
  });

  it('reports tour progress, answers and completion, and lets the host move the tour', () => {
    const { bridge, of, receive, warnings } = setup();
    const tour = fakeTour(4);
    const off = bridge.connectTourProgress(tour);
    expect(of('faultline:tour')).toEqual([{ type: 'faultline:tour', v: 1, tourId: 'raft-election', step: 0, steps: 4, completed: false }]);
    receive({ type: 'faultline:tour-goto', step: 2 });
    expect(tour.went).toEqual([2]);
    expect(of('faultline:tour').at(-1)).toMatchObject({ step: 2 });
    receive({ type: 'faultline:tour-goto', step: 4 });
    expect(tour.went).toEqual([2]);
    expect(warnings.at(-1)).toMatch(/past the tour's 4 steps/);
    tour.set({ answers: { who: 'n1' } });
    tour.set({ answers: { who: 'n1', term: '2' } });
    expect(of('faultline:answer')).toEqual([
      { type: 'faultline:answer', v: 1, tourId: 'raft-election', question: 'who', answer: 'n1' },
      { type: 'faultline:answer', v: 1, tourId: 'raft-election', question: 'term', answer: '2' },
    ]);
    tour.set({ step: 3, completed: true });
    tour.set({ step: 3, completed: true });
    expect(of('faultline:complete')).toEqual([{ type: 'faultline:complete', v: 1, tourId: 'raft-election', steps: 4, answers: { who: 'n1', term: '2' } }]);
    // Disconnected: no more reports, and tour-goto has nothing to move.
    off();
    const count = of('faultline:tour').length;
    tour.set({ step: 1, completed: false });
    expect(of('faultline:tour').length).toBe(count);
    receive({ type: 'faultline:tour-goto', step: 1 });
    expect(tour.went).toEqual([2]);
  });

  it('says nothing about a tour until one is loaded, and once when it is left', () => {
    const { bridge, of } = setup();
    const tour = fakeTour(4);
    tour.set({ tourId: null, steps: 0 });
    bridge.connectTourProgress(tour);
    expect(of('faultline:tour')).toEqual([]);
    tour.set({ tourId: 'raft-election', steps: 4 });
    expect(of('faultline:tour')).toEqual([{ type: 'faultline:tour', v: 1, tourId: 'raft-election', step: 0, steps: 4, completed: false }]);
    tour.set({ tourId: null, steps: 0 });
    tour.set({ step: 1 });
    expect(of('faultline:tour').map((m) => m.tourId)).toEqual(['raft-election', null]);
  });

  it('answers a host’s hello with the tour state even when no tour is on', () => {
    const { bridge, of, receive } = setup();
    const tour = fakeTour(4);
    tour.set({ tourId: null, steps: 0 });
    bridge.connectTourProgress(tour);
    expect(of('faultline:tour')).toEqual([]);
    receive({ type: 'faultline:hello' });
    expect(of('faultline:tour').map((m) => m.tourId)).toEqual([null]);
  });

  it('caps what a tour sends: ids, answers and their count', () => {
    const { bridge, of } = setup();
    const tour = fakeTour();
    bridge.connectTourProgress(tour);
    const answers = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`q${i}`, 'a'.repeat(2000)]));
    tour.set({ tourId: 't'.repeat(1000), answers });
    const sent = of('faultline:answer');
    expect(sent.length).toBe(100);
    expect(sent.every((m) => m.answer.length === 500 && m.tourId!.length === 64)).toBe(true);
  });

  it('answers hello with the whole state again', () => {
    const { bridge, of, receive } = setup();
    bridge.connectTourProgress(fakeTour());
    receive({ type: 'faultline:hello' });
    expect(of('faultline:ready')).toHaveLength(2);
    expect(of('faultline:tour')).toHaveLength(2);
  });

  it('stops listening and reporting when stopped', () => {
    const { bridge, store, listening, flush, of } = setup();
    bridge.stop();
    expect(listening()).toBe(false);
    const n = of('faultline:step').length;
    store.getState().seekStep(50);
    flush();
    expect(of('faultline:step').length).toBe(n);
  });

  it('connectTourProgress: a source connected before the bridge starts is reported once it does', () => {
    const tour = fakeTour(3);
    const off = connectTourProgress(tour);
    const store = createSession(happy);
    const fake = fakeEnv();
    const bridge = startBridge(store, { range: null, editing: () => true }, fake.env);
    expect(fake.of('faultline:tour')).toEqual([{ type: 'faultline:tour', v: 1, tourId: 'raft-election', step: 0, steps: 3, completed: false }]);
    expect(fake.of('faultline:ready')[0]!.locks).toEqual({ edit: false, range: null });
    off();
    tour.set({ step: 2 });
    expect(fake.of('faultline:tour')).toHaveLength(1);
    bridge.stop();
    // Outside an embed, connecting sends nothing and disconnects cleanly.
    const spy = vi.fn();
    connectTourProgress({ ...fakeTour(), subscribe: (l) => (spy(l), () => {}) })();
  });
});
