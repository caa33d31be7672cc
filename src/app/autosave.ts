/** Keeps the session in localStorage, so a reload or a bad link loses nothing. */
import type { SessionStore } from '../store/session';
import { saveLang, saveSession } from '../store/persist';

/** Paused, the cursor is saved once it has stopped moving for this long: never while scrubbing. */
const SAVE_MS = 400;

export function startAutosave(store: SessionStore, storage: Storage): () => void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const save = () => {
    clearTimeout(pending);
    pending = undefined;
    if (idle !== undefined) cancelIdleCallback(idle);
    idle = undefined;
    const { sim, frame, speed } = store.getState();
    saveSession(storage, { scenario: sim.scenario, step: frame.step, time: frame.time, speed });
  };
  type Key = readonly [number, unknown, number, number, boolean];
  const later = (now: Key, before: Key) => {
    // A seek while paused (only the step moved) waits for the cursor to rest (issue 17,
    // item 5): a save writes the whole scenario. Anything else, and playback, saves within
    // SAVE_MS however often it changes.
    const seek = !now[4] && now.every((v, i) => i === 2 || v === before[i]);
    if (seek) {
      clearTimeout(pending);
      if (idle !== undefined) cancelIdleCallback(idle);
      idle = undefined;
      // Once rested, in idle time: a save that landed between a seek and its commit delayed it.
      pending = setTimeout(() => {
        pending = undefined;
        if (typeof requestIdleCallback !== 'function') save();
        else idle = requestIdleCallback(save, { timeout: SAVE_MS });
      }, SAVE_MS);
      return;
    }
    if (pending !== undefined || idle !== undefined) return;
    pending = setTimeout(save, SAVE_MS);
  };
  // Pausing saves too: playback stops between events, and the cursor's time there (`&t=`) is
  // part of what a reload must show, though no step changed since the last save.
  const offRun = store.subscribe((s) => [s.revision, s.sim, s.frame.step, s.speed, s.playing] as const, later, { equalityFn: (a, b) => a.every((v, i) => v === b[i]) });
  const offLang = store.subscribe((s) => s.lang, (lang) => saveLang(storage, lang));
  // A hidden tab may be discarded without a pagehide (mobile): what is pending is written then.
  const doc = globalThis.document as Document | undefined;
  const hidden = () => {
    if (doc?.visibilityState === 'hidden' && (pending !== undefined || idle !== undefined)) save();
  };
  addEventListener('pagehide', save);
  doc?.addEventListener('visibilitychange', hidden);
  return () => {
    offRun();
    offLang();
    clearTimeout(pending);
    if (idle !== undefined) cancelIdleCallback(idle);
    removeEventListener('pagehide', save);
    doc?.removeEventListener('visibilitychange', hidden);
  };
}
