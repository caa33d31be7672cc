/** Keeps the session in localStorage, so a reload or a bad link loses nothing. */
import type { SessionStore } from '../store/session';
import { saveLang, saveSession } from '../store/persist';

export function startAutosave(store: SessionStore, storage: Storage): () => void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    pending = undefined;
    const { sim, frame, speed } = store.getState();
    saveSession(storage, { scenario: sim.scenario, step: frame.step, time: frame.time, speed });
  };
  const later = () => {
    if (pending === undefined) pending = setTimeout(save, 400);
  };
  // Pausing saves too: playback stops between events, and the cursor's time there (`&t=`) is
  // part of what a reload must show, though no step changed since the last save.
  const offRun = store.subscribe((s) => [s.revision, s.sim, s.frame.step, s.speed, s.playing] as const, later, { equalityFn: (a, b) => a.every((v, i) => v === b[i]) });
  const offLang = store.subscribe((s) => s.lang, (lang) => saveLang(storage, lang));
  addEventListener('pagehide', save);
  return () => {
    offRun();
    offLang();
    removeEventListener('pagehide', save);
  };
}
