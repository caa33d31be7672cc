/** The session store, for components: provided once by the app, read with narrow selectors. */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { SessionState, SessionStore } from '../store/session';
import { translate, type StringKey } from '../i18n';

const SessionContext = createContext<SessionStore | null>(null);

export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  return <SessionContext.Provider value={store}>{children}</SessionContext.Provider>;
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
  return useMemo(() => (key: StringKey, vars?: Record<string, string | number>) => translate(lang, key, vars), [lang]);
}
