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
  const offRun = store.subscribe((s) => [s.revision, s.sim, s.frame.step, s.speed] as const, later, { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3] });
  const offLang = store.subscribe((s) => s.lang, (lang) => saveLang(storage, lang));
  addEventListener('pagehide', save);
  return () => {
    offRun();
    offLang();
    removeEventListener('pagehide', save);
  };
}
