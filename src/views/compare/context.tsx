/** The second session of compare mode, shared by the stage's right pane and the timeline. */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { linkCompare } from '../../store/compare';
import type { SessionStore } from '../../store/session';
import { SessionProvider, useSession, useSessionStore, useT } from '../session';
import { protocolName } from '../../i18n/contentText';

const CompareContext = createContext<SessionStore | null>(null);

export type Pane = 'left' | 'right';
/** The pane the user last worked in: the side panels (inspector, invariants, statistics)
 * show its run. */
const ActiveContext = createContext<{ active: Pane; setActive(p: Pane): void }>({ active: 'left', setActive: () => {} });

/** The second session while comparing, for tests and the dev handle. */
let current: SessionStore | null = null;
export const compareStore = (): SessionStore | null => current;

/** Links a second session while the scenario has `compare`, and unlinks it after. */
export function CompareProvider({ children }: { children: ReactNode }) {
  const store = useSessionStore();
  const comparing = useSession((s) => !!s.sim.scenario.compare);
  const [second, setSecond] = useState<SessionStore | null>(null);
  const [active, setActive] = useState<Pane>('left');
  useEffect(() => {
    if (!comparing) return;
    const link = linkCompare(store);
    setSecond(link?.store ?? null);
    current = link?.store ?? null;
    return () => {
      link?.dispose();
      current = null;
      setSecond(null);
      setActive('left');
    };
  }, [store, comparing]);
  return (
    <CompareContext.Provider value={comparing ? second : null}>
      <ActiveContext.Provider value={{ active, setActive }}>{children}</ActiveContext.Provider>
    </CompareContext.Provider>
  );
}

export function useActivePane(): { active: Pane; setActive(p: Pane): void } {
  return useContext(ActiveContext);
}

/** The side panels' session: the compared run's while its pane is the active one. */
export function ActivePaneSession({ children }: { children: ReactNode }) {
  const second = useCompareStore();
  const { active } = useActivePane();
  if (!second || active !== 'right') return <>{children}</>;
  return <SessionProvider store={second}>{children}</SessionProvider>;
}

/** Says which run the side panels show, while it is the compared one. */
export function SideFollows() {
  const { active } = useActivePane();
  const comparing = !!useCompareStore();
  return comparing && active === 'right' ? <SideCaption /> : null;
}

function SideCaption() {
  const t = useT();
  const name = useSession((s) => protocolName(s.lang, s.module));
  return (
    <p className="cmp-side-caption" data-testid="side-follows">
      {t('newcomer.sideFollows', { name })}
    </p>
  );
}

export function useCompareStore(): SessionStore | null {
  return useContext(CompareContext);
}
