import { useEffect } from 'react';
import type { SessionStore } from '../store/session';
import { SessionProvider, useSession } from '../views/session';
import { TopBar } from '../views/TopBar';
import { NoticeBar } from '../views/NoticeBar';
import { ClusterView } from '../views/cluster/ClusterView';
import { FaultToolbar } from '../views/FaultToolbar';
import { PlaybackBar } from '../views/PlaybackBar';
import { ManualPanel } from '../views/ManualPanel';
import { LogView } from '../views/logs/LogView';
import { Inspector } from '../views/logs/Inspector';
import { InvariantPanel } from '../views/logs/InvariantPanel';
import { Dialogs } from '../views/dialogs/Dialogs';
import { Timeline } from '../views/timeline/Timeline';
import { SpaceTime } from '../views/spacetime/SpaceTime';
import { Statistics } from '../views/io/Statistics';
import { usePlayback } from './usePlayback';
import { useShortcuts } from './useShortcuts';

function Shell({ store }: { store: SessionStore }) {
  const lang = useSession((s) => s.lang);
  usePlayback(store);
  useShortcuts(store);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    // Read by the benchmark: time from navigation to the first committed render.
    performance.mark('faultline:first-render');
  }, []);
  return (
    <div className="app">
      <TopBar />
      <NoticeBar />
      <main className="layout">
        <div className="stage">
          <ClusterView />
          <FaultToolbar />
        </div>
        <aside className="side">
          <ManualPanel />
          <Inspector />
          <InvariantPanel />
          <Statistics />
        </aside>
        <div className="bottom">
          <PlaybackBar />
          <Timeline />
          <SpaceTime />
          <LogView />
        </div>
      </main>
      <Dialogs />
    </div>
  );
}

export function App({ store }: { store: SessionStore }) {
  return (
    <SessionProvider store={store}>
      <Shell store={store} />
    </SessionProvider>
  );
}
