/** The always-visible views' view of the tours: flags that follow the tour and recorder stores. */
import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from './session';
import { tourStore } from './tour';
import { recordStore } from './tourRecord';
import { tourPresence } from './tourPresence';
import { raftElection } from '../scenario/tour/builtin/raftElection';
import { DEFAULT_SETTINGS, freeCluster } from './settings';

afterEach(() => {
  tourStore.getState().leave();
  recordStore.getState().stop();
});

describe('tour presence', () => {
  it('is on while a tour plays or is recorded, and notifies only when a flag flips', () => {
    const session = createSession(freeCluster(DEFAULT_SETTINGS));
    let notified = 0;
    const off = tourPresence.subscribe(() => notified++);
    expect(tourPresence.getState()).toEqual({ touring: false, recording: false });
    tourStore.getState().start(raftElection, session);
    expect(tourPresence.getState().touring).toBe(true);
    tourStore.getState().next();
    tourStore.getState().next();
    expect(notified).toBe(1);
    tourStore.getState().leave();
    expect(tourPresence.getState().touring).toBe(false);
    recordStore.getState().start(session);
    expect(tourPresence.getState()).toEqual({ touring: false, recording: true });
    recordStore.getState().stop();
    expect(tourPresence.getState().recording).toBe(false);
    expect(notified).toBe(4);
    off();
  });
});
