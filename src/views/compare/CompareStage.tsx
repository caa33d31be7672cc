/**
 * The stage: the cluster view, or in compare mode two panes side by side. The right pane is a
 * second session (store/compare.ts) that follows the shared cursor; every view in it is the
 * same component as on the left, reading that session. The panes scroll together inside the
 * stage's fixed height (compare.css): both cluster views at the top, their tables a scroll
 * below, and the shared playback bar and timeline always under the stage.
 */
import { Suspense, useCallback, useState } from 'react';
import { CalmSession, SessionProvider, useSession, useSessionStore, useT } from '../session';
import { useActivePane, useCompareStore } from './context';
import { protocolName } from '../../i18n/contentText';
import { ClusterView } from '../cluster/ClusterView';
import { PanePanels, lazyPanel } from '../protocolPanels';
import './compare.css';
import { invariantName } from '../invariantName';
import { ScrollMore } from '../scroll/ScrollMore';
import { LegendSink } from '../cluster/legendSink';
import type { LegendKeys } from '../cluster/legendKeys';
import { CompareLegend } from './CompareLegend';

/** How often a pane's panels follow playback (as the other panels do). */
const PANEL_MS = 250;
const Inspector = lazyPanel(() => import('../logs/Inspector'), 'Inspector');

function PaneHeader({ side }: { side: 'left' | 'right' }) {
  const t = useT();
  const store = useSessionStore();
  const name = useSession((s) => protocolName(s.lang, s.module));
  const bugs = useSession((s) => s.sim.scenario.params.bugs.join(', '));
  const violation = useSession((s) => s.frame.violations[0] ?? null);
  const when = useSession((s) => (violation ? s.sim.events[violation.seq]!.time : 0));
  const invariant = useSession((s) => (violation ? invariantName(s.lang, s.module, violation.invariant) : ''));
  return (
    <header className="cmp-head">
      <h2>{name}</h2>
      {bugs && <span className="cmp-bugs">{t('compare.bugsOn', { bugs })}</span>}
      {violation ? (
        <button type="button" className="cmp-status cmp-broken" title={t('compare.brokenTip')} onClick={() => store.getState().seekStep(violation.seq + 1)} data-testid={`compare-${side}-status`}>
          ✗ {t('compare.broken', { invariant, time: when })}
        </button>
      ) : (
        <span className="cmp-status cmp-holds" data-testid={`compare-${side}-status`}>
          ✓ {t('compare.holds')}
        </span>
      )}
    </header>
  );
}

function Pane({ side, onKeys }: { side: 'left' | 'right'; onKeys: (keys: LegendKeys) => void }) {
  const t = useT();
  const { active, setActive } = useActivePane();
  const name = useSession((s) => protocolName(s.lang, s.module));
  return (
    <section
      className={`cmp-pane${active === side ? ' is-active' : ''}`}
      onPointerDownCapture={() => setActive(side)}
      onFocusCapture={() => setActive(side)}
      data-active={active === side}
      aria-label={t('compare.paneLabel', { name, side: t(side === 'left' ? 'compare.left' : 'compare.right') })} data-testid={`compare-${side}`}>
      <PaneHeader side={side} />
      <LegendSink.Provider value={onKeys}>
        <ClusterView />
      </LegendSink.Provider>
      <CalmSession ms={PANEL_MS}>
        <PanePanels />
      </CalmSession>
      {side === 'right' && (
        // The side inspector shows the left run; the selected node's state in this run is here.
        <details className="cmp-inspector" data-testid="compare-inspector">
          <summary>{t('compare.inspector', { name })}</summary>
          <CalmSession ms={PANEL_MS}>
            <Suspense fallback={null}>
              <Inspector />
            </Suspense>
          </CalmSession>
        </details>
      )}
    </section>
  );
}

/** Both panes' keys, drawn once under the panes (issue 17): each pane's own key fell under the
 * "more below" fade. */
function ComparePanes({ second }: { second: NonNullable<ReturnType<typeof useCompareStore>> }) {
  const [keys, setKeys] = useState<{ left: LegendKeys | null; right: LegendKeys | null }>({ left: null, right: null });
  const onLeft = useCallback((k: LegendKeys) => setKeys((s) => ({ ...s, left: k })), []);
  const onRight = useCallback((k: LegendKeys) => setKeys((s) => ({ ...s, right: k })), []);
  return (
    <div className="cmp-wrap">
      <div className="cmp-scroll">
        <div className="cmp" data-testid="compare">
          <Pane side="left" onKeys={onLeft} />
          <SessionProvider store={second}>
            <Pane side="right" onKeys={onRight} />
          </SessionProvider>
        </div>
        <ScrollMore testId="compare-more" />
      </div>
      <CompareLegend left={keys.left} right={keys.right} />
    </div>
  );
}

export function Stage() {
  const second = useCompareStore();
  if (!second) return <ClusterView />;
  return <ComparePanes second={second} />;
}
