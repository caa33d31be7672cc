import { Suspense, useEffect } from 'react';
import type { SessionStore } from '../store/session';
import { CalmSession, SessionProvider, useSession } from '../views/session';
import { TopBar } from '../views/TopBar';
import { NoticeBar } from '../views/NoticeBar';
import { LoadingProgress } from '../views/loading/LoadingProgress';
import { PanelSkeleton } from '../views/loading/PanelSkeleton';
import { ScenarioNote } from '../views/ScenarioNote';
import { Stage } from '../views/compare/CompareStage';
import { ActivePaneSession, CompareProvider, SideFollows } from '../views/compare/context';
import { FaultToolbar } from '../views/FaultToolbar';
import { PlaybackBar } from '../views/PlaybackBar';
import { ManualPanel } from '../views/ManualPanel';
import { Timeline } from '../views/timeline/Timeline';
import { ProtocolPanels, lazyPanel } from '../views/protocolPanels';
import { TourSlot } from '../views/tours/TourSlot';
import { ScrollMore } from '../views/scroll/ScrollMore';
import { usePlayback } from './usePlayback';
import { useShortcuts } from './useShortcuts';

/** How often the panels follow playback (the timeline four times a second reads as live); the
 * cluster view follows every frame. Measured with the 9-node benchmark: 22 fps with every panel
 * on every frame, 52 with all at 250 ms, 55–57 with these. */
const PANEL_MS = 250;
/** The inspector, invariants and statistics: text that is read when paused more than watched. */
const SIDE_MS = 500;
/** The space-time diagram redraws its whole window when it follows the cursor: twice a second
 * while playing (measured: about 3 fps of the 9-node benchmark at four times a second). */
const DIAGRAM_MS = 500;

// Below the fold or opened on demand: loaded after the first paint (issue 17).
const SpaceTime = lazyPanel(() => import('../views/spacetime/SpaceTime'), 'SpaceTime');
const Statistics = lazyPanel(() => import('../views/io/Statistics'), 'Statistics');
const Inspector = lazyPanel(() => import('../views/logs/Inspector'), 'Inspector');
const InvariantPanel = lazyPanel(() => import('../views/logs/InvariantPanel'), 'InvariantPanel');
const Dialogs = lazyPanel(() => import('../views/dialogs/Dialogs'), 'Dialogs');

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
      <LoadingProgress />
      <ScenarioNote />
      <main className="layout">
        <div className="stage">
          <Stage />
          <ProtocolPanels place="stage" />
          <FaultToolbar />
        </div>
        <ActivePaneSession>
          <CalmSession ms={SIDE_MS}>
            <aside className="side">
              <TourSlot />
              <SideFollows />
              <ManualPanel />
              <Suspense
                fallback={
                  <>
                    <PanelSkeleton panel="inspector" />
                    <PanelSkeleton panel="invariants" />
                  </>
                }>
                <Inspector />
                <InvariantPanel />
              </Suspense>
              <ProtocolPanels place="side" />
              <Suspense fallback={<PanelSkeleton panel="statistics" />}>
                <Statistics />
              </Suspense>
              <ScrollMore testId="side-more" />
            </aside>
          </CalmSession>
        </ActivePaneSession>
        <div className="bottom">
          <PlaybackBar />
          {/* The timeline's cursor moves in a seek's own commit; the panels below follow it (issue 17). */}
          <CalmSession ms={PANEL_MS} urgent>
            <Timeline />
          </CalmSession>
          <CalmSession ms={PANEL_MS}>
            <ProtocolPanels place="bottom" />
          </CalmSession>
          <CalmSession ms={DIAGRAM_MS}>
            <Suspense fallback={<PanelSkeleton panel="spacetime" />}>
              <SpaceTime />
            </Suspense>
          </CalmSession>
        </div>
      </main>
      <Suspense fallback={null}>
        <Dialogs />
      </Suspense>
    </div>
  );
}

export function App({ store }: { store: SessionStore }) {
  return (
    <SessionProvider store={store}>
      <CompareProvider>
        <Shell store={store} />
      </CompareProvider>
    </SessionProvider>
  );
}
