import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession } from '../store/session';
import { raft } from '../protocols/raft';
import { startAutosave } from './autosave';

/** A Storage that counts its writes of the session. */
function countingStorage(): Storage & { writes: number; saved: () => { step: number } } {
  const data = new Map<string, string>();
  const s = {
    writes: 0,
    saved: () => JSON.parse(data.get('faultline.session.v1') ?? 'null') as { step: number },
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (k === 'faultline.session.v1') s.writes++;
      data.set(k, v);
    },
    removeItem: (k: string) => void data.delete(k),
    clear: () => data.clear(),
    key: () => null,
    get length() {
      return data.size;
    },
  };
  return s;
}

describe('autosave (issue 17, item 5: persisting never runs on every seek)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('addEventListener', () => undefined);
    vi.stubGlobal('removeEventListener', () => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('saves a scrub once the cursor rests, at the step it rests on', () => {
    const store = createSession(raft.scenarios.find((s) => s.name === 'happy-path')!);
    store.getState().seekStep(1e9);
    const storage = countingStorage();
    const stop = startAutosave(store, storage);
    const head = store.getState().frame.head;
    expect(head).toBeGreaterThan(40);
    // Forty seeks, 100 ms apart: a drag longer than the save delay, which saves nothing.
    for (let i = 0; i < 40; i++) {
      store.getState().seekStep(Math.floor((head * i) / 40));
      vi.advanceTimersByTime(100);
    }
    expect(storage.writes).toBe(0);
    vi.advanceTimersByTime(400);
    expect(storage.writes).toBe(1);
    expect(storage.saved().step).toBe(store.getState().frame.step);
    stop();
  });

  it('while playing, saves at least every 400 ms however often the step moves', () => {
    const store = createSession(raft.scenarios.find((s) => s.name === 'happy-path')!);
    const storage = countingStorage();
    const stop = startAutosave(store, storage);
    store.getState().setSpeed(1);
    store.getState().play();
    for (let i = 0; i < 40; i++) {
      store.getState().tick(25);
      vi.advanceTimersByTime(25);
    }
    expect(storage.writes).toBeGreaterThanOrEqual(2);
    expect(storage.writes).toBeLessThanOrEqual(3);
    stop();
  });

  it('writes a pending save when the tab is hidden (a hidden tab may be discarded without pagehide)', () => {
    const listeners = new Map<string, () => void>();
    const doc = { visibilityState: 'visible', addEventListener: (k: string, f: () => void) => listeners.set(k, f), removeEventListener: (k: string) => listeners.delete(k) };
    vi.stubGlobal('document', doc);
    const store = createSession(raft.scenarios.find((s) => s.name === 'happy-path')!);
    store.getState().seekStep(1e9);
    const storage = countingStorage();
    const stop = startAutosave(store, storage);
    store.getState().seekStep(7);
    vi.advanceTimersByTime(100);
    expect(storage.writes).toBe(0);
    doc.visibilityState = 'hidden';
    listeners.get('visibilitychange')!();
    expect(storage.writes).toBe(1);
    expect(storage.saved().step).toBe(7);
    // Nothing pending: hiding again writes nothing more.
    listeners.get('visibilitychange')!();
    expect(storage.writes).toBe(1);
    stop();
    expect(listeners.has('visibilitychange')).toBe(false);
  });
});
