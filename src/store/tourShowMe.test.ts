/** Show me on every task step of every built-in tour ends on "done", played as on a screen
 * (animated: through playback ticks, which pause at each violation on the way). */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSession } from './session';
import { tourStore } from './tour';
import { BUILTIN_TOURS } from '../scenario/tour/builtin';
import { resolveTour } from '../scenario/tour/scenarioRef';
import { PROTOCOL_IDS, getProtocol, loadAllProtocols } from '../protocols/loader';
import { DEFAULT_SETTINGS, freeCluster } from './settings';

beforeAll(async () => {
  await loadAllProtocols();
  // A screen without reduced motion: Show me plays to the outcome instead of jumping there.
  vi.stubGlobal('matchMedia', () => ({ matches: false }));
});
afterAll(() => vi.unstubAllGlobals());
afterEach(() => tourStore.getState().leave());

describe('Show me', () => {
  for (const input of BUILTIN_TOURS) {
    it(`${input.id}: every task step is done after Show me and playback`, () => {
      const r = resolveTour(input, getProtocol, [...PROTOCOL_IDS]);
      if (!r.ok) throw new Error(r.errors.join('; '));
      const tour = r.tour;
      const tasks = tour.steps.flatMap((s, i) => (s.kind === 'task' ? [i] : []));
      expect(tasks.length).toBeGreaterThan(0);
      for (const index of tasks) {
        const session = createSession(freeCluster(DEFAULT_SETTINGS));
        tourStore.getState().start(tour, session);
        tourStore.getState().goTo(index);
        const id = tour.steps[index]!.id;
        expect(tourStore.getState().played.at(-1)!.index, `${id} reached`).toBe(index);
        tourStore.getState().showMe();
        let ticks = 0;
        for (; ticks < 5000 && session.getState().playing; ticks++) session.getState().tick(50);
        expect(session.getState().playing, `${id}: playback stopped`).toBe(false);
        expect(tourStore.getState().done[id], `${id} done after ${ticks} ticks`).toBe(true);
        tourStore.getState().leave();
      }
    });
  }
});
