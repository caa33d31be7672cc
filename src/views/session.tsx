/** The session store, for components: provided once by the app, read with narrow selectors. */
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import type { SessionState, SessionStore } from '../store/session';
import { translate, type StringKey } from '../i18n';
import { contentVersion, subscribeContent } from '../i18n/contentText';
import { afterFrame, onlyCursorMoved } from './settle';

const SessionContext = createContext<SessionStore | null>(null);

export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  return <SessionContext.Provider value={store}>{children}</SessionContext.Provider>;
}

/**
 * Panels under this provider see the session at most every `ms` while playback runs, and at
 * once otherwise. The cluster view animates every frame; a log table or a diagram redrawn 60
 * times a second only costs the frame rate. Actions are the real store's, so acting from a
 * panel is unaffected.
 *
 * Paused, a seek (only the cursor moved) reaches these panels after the frame that shows it
 * (settle.ts), unless `urgent`: the seek's own commit stays small. Seeks in a row (scrubbing)
 * supersede one another; the panels still follow at least every `ms` while they go on.
 */
export function CalmSession({ ms, urgent = false, children }: { ms: number; urgent?: boolean; children: ReactNode }) {
  const store = useSessionStore();
  const [mirror] = useState(() => createStore<SessionState>()(subscribeWithSelector(() => store.getState())) as unknown as SessionStore);
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let deferred: (() => void) | undefined;
    const push = () => {
      clearTimeout(timer);
      timer = undefined;
      deferred?.();
      deferred = undefined;
      last = performance.now();
      mirror.setState(store.getState(), true);
    };
    push();
    const off = store.subscribe(() => {
      const s = store.getState();
      if (!s.playing && !urgent && onlyCursorMoved(s, mirror.getState())) {
        // Scrubbing past `ms` since these panels last followed: the pending catch-up stays.
        if (deferred && performance.now() - last >= ms) return;
        deferred?.();
        deferred = afterFrame(push);
        return;
      }
      const wait = s.playing ? ms - (performance.now() - last) : 0;
      if (wait <= 0) {
        clearTimeout(timer);
        push();
      } else timer ??= setTimeout(push, wait);
    });
    return () => {
      off();
      clearTimeout(timer);
      deferred?.();
    };
  }, [store, mirror, ms, urgent]);
  return <SessionContext.Provider value={mirror}>{children}</SessionContext.Provider>;
}

export function useSessionStore(): SessionStore {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSession outside SessionProvider');
  return store;
}

/** A narrow selector over the session; use `useShallow` for arrays and objects. */
export function useSession<T>(selector: (s: SessionState) => T): T {
  return useStore(useSessionStore(), selector);
}

/** The translator for the current language: the same function until the language changes,
 * so memoized components that take it as a prop do not re-render. */
export function useT(): (key: StringKey, vars?: Record<string, string | number>) => string {
  const lang = useSession((s) => s.lang);
  // Protocol content's translations load on demand (i18n/contentText.ts): a new translator
  // when they arrive re-renders what shows them.
  const content = useSyncExternalStore(subscribeContent, contentVersion);
  return useMemo(() => (key: StringKey, vars?: Record<string, string | number>) => translate(lang, key, vars), [lang, content]);
}
