import { describe, expect, it } from 'vitest';
import { createSession, TICK_EVENTS } from './session';
import { createLoader, type Loading } from './loader';
import { freeCluster, DEFAULT_SETTINGS } from './settings';
import { twopcBegins, raftRequests } from '../../bench/reproducers';
import { runScenario } from '../sim/simulation';
import { raft } from '../protocols/raft';

describe('chunked open', () => {
  it('records the same run as load, in chunks, showing progress, then replaces with one undo', async () => {
    const big = twopcBegins(120);
    const step = 1000;
    const seen: Loading[] = [];
    const { store, open } = createLoader({ chunkMs: 0, yieldNow: async () => void seen.push(store.getState().loading!) });
    const session = createSession(freeCluster(DEFAULT_SETTINGS));
    const before = session.getState().sim;
    expect(await open(session, big, step)).toBe(true);
    // Progress was shown between chunks, growing, and is gone at the end.
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.map((l) => l.events)).toEqual([...seen.map((l) => l.events)].sort((a, b) => a - b));
    expect(store.getState().loading).toBeNull();
    const ref = createSession(big);
    ref.getState().load(big, step);
    const reference = ref.getState();
    const s = session.getState();
    expect(s.sim).not.toBe(before);
    expect(s.sim.eventCount).toBe(reference.sim.eventCount);
    expect(JSON.stringify(s.sim.trace())).toBe(JSON.stringify(reference.sim.trace()));
    expect(s.frame.step).toBe(reference.frame.step);
    s.undoReplace();
    expect(session.getState().sim.scenario).toEqual(before.scenario);
  });

  it('stops at the step a link names, as load does', async () => {
    const big = twopcBegins(120);
    const { open } = createLoader({ chunkMs: 0, yieldNow: async () => {} });
    const session = createSession(freeCluster(DEFAULT_SETTINGS));
    expect(await open(session, big, 700)).toBe(true);
    const reference = createSession(big);
    reference.getState().load(big, 700);
    expect(session.getState().sim.eventCount).toBe(reference.getState().sim.eventCount);
    expect(session.getState().frame.step).toBe(700);
  });

  it('cancel keeps the previous run, its cursor and its events', async () => {
    const session = createSession(freeCluster(DEFAULT_SETTINGS));
    session.getState().stepForward();
    const { sim, frame } = session.getState();
    const events = sim.eventCount;
    let yields = 0;
    const loader = createLoader({ chunkMs: 0, yieldNow: async () => void (++yields === 2 && loader.store.getState().cancel()) });
    expect(await loader.open(session, twopcBegins(200))).toBe(false);
    expect(yields).toBe(2);
    expect(loader.store.getState().loading).toBeNull();
    const after = session.getState();
    expect(after.sim).toBe(sim);
    expect(after.sim.eventCount).toBe(events);
    expect(after.frame.step).toBe(frame.step);
    expect(after.beforeReplace).toBeNull();
  });
});

describe('playback of thousands of events at one instant', () => {
  it(`records at most ${TICK_EVENTS} events per tick, and reaches the same run`, () => {
    const scenario = raftRequests(3000);
    const session = createSession(scenario);
    const reference = runScenario(raft, scenario);
    session.getState().setSpeed(100);
    session.getState().play();
    let ticks = 0;
    let last = session.getState().sim.eventCount;
    while (session.getState().playing && ticks < 1000) {
      session.getState().tick(1000);
      const now = session.getState().sim.eventCount;
      expect(now - last).toBeLessThanOrEqual(TICK_EVENTS);
      last = now;
      ticks++;
    }
    expect(reference.eventCount).toBeGreaterThan(TICK_EVENTS);
    expect(ticks).toBeGreaterThanOrEqual(2);
    expect(session.getState().sim.eventCount).toBe(reference.eventCount);
    expect(JSON.stringify(session.getState().sim.trace())).toBe(JSON.stringify(reference.trace()));
  });
});
