/**
 * The stage: the cluster view, or in compare mode two panes side by side. The right pane is a
 * second session (store/compare.ts) that follows the shared cursor; every view in it is the
 * same component as on the left, reading that session. The panes scroll together inside the
 * stage's fixed height (compare.css): both cluster views at the top, their tables a scroll
 * below, and the shared playback bar and timeline always under the stage.
 */
import { Suspense } from 'react';
import { CalmSession, SessionProvider, useSession, useSessionStore, useT } from '../session';
import { useActivePane, useCompareStore } from './context';
import { protocolName } from '../../i18n/contentText';
import { ClusterView } from '../cluster/ClusterView';
import { PanePanels, lazyPanel } from '../protocolPanels';
import './compare.css';
import { invariantName } from '../invariantName';
import { ScrollMore } from '../scroll/ScrollMore';

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

function Pane({ side }: { side: 'left' | 'right' }) {
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
      <ClusterView />
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

export function Stage() {
  const second = useCompareStore();
  if (!second) return <ClusterView />;
  return (
    <div className="cmp-scroll">
      <div className="cmp" data-testid="compare">
        <Pane side="left" />
        <SessionProvider store={second}>
          <Pane side="right" />
        </SessionProvider>
      </div>
      <ScrollMore testId="compare-more" />
    </div>
  );
}
