/** The second session of compare mode, shared by the stage's right pane and the timeline. */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { linkCompare } from '../../store/compare';
import type { SessionStore } from '../../store/session';
import { useSession, useSessionStore } from '../session';

const CompareContext = createContext<SessionStore | null>(null);

/** The second session while comparing, for tests and the dev handle. */
let current: SessionStore | null = null;
export const compareStore = (): SessionStore | null => current;

/** Links a second session while the scenario has `compare`, and unlinks it after. */
export function CompareProvider({ children }: { children: ReactNode }) {
  const store = useSessionStore();
  const comparing = useSession((s) => !!s.sim.scenario.compare);
  const [second, setSecond] = useState<SessionStore | null>(null);
  useEffect(() => {
    if (!comparing) return;
    const link = linkCompare(store);
    setSecond(link?.store ?? null);
    current = link?.store ?? null;
    return () => {
      link?.dispose();
      current = null;
      setSecond(null);
    };
  }, [store, comparing]);
  return <CompareContext.Provider value={comparing ? second : null}>{children}</CompareContext.Provider>;
}

export function useCompareStore(): SessionStore | null {
  return useContext(CompareContext);
}
