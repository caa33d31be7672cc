/**
 * The embed's shell: a one-line bar (the run's title, its locks, "Open in Faultline"), the
 * cluster view, room beside it for a tour's panel, and compact playback. No dialogs, no side
 * panels, no space-time diagram: it must stay usable in a 600 × 400 frame.
 */
import { Suspense, useEffect, useSyncExternalStore, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { SessionStore } from '../../store/session';
import { openInAppUrl, type StepRange } from '../../store/embedLink';
import { SessionProvider, useSession, useSessionStore, useT } from '../../views/session';
import { CompareProvider } from '../../views/compare/context';
import { Stage } from '../../views/compare/CompareStage';
import { NoticeBar } from '../../views/NoticeBar';
import { FaultToolbar } from '../../views/FaultToolbar';
import { lazyPanel } from '../../views/protocolPanels';
import { protocolName } from '../../i18n/contentText';
import { runTitle, titledWithProtocol } from '../../views/runTitle';
import type { LockControl } from './locks';
import { usePlayback } from '../usePlayback';
import { useEmbedKeys } from './useEmbedKeys';
import { useStore } from 'zustand';
import { tourStore } from '../../store/tour';
import { TourSlot } from '../../views/tours/TourSlot';
import './embed.css';

/** With editing open, the fault tools' partition dialog; loaded only then. */
const Dialogs = lazyPanel(() => import('../../views/dialogs/Dialogs'), 'Dialogs');

export interface EmbedAppProps {
  store: SessionStore;
  control: LockControl;
  range: StepRange | null;
  /** A tour's panel (the tours feature's), shown beside the cluster view. */
  aside?: ReactNode;
}

function OpenInApp() {
  const t = useT();
  const store = useSessionStore();
  const href = () => {
    const s = store.getState();
    return openInAppUrl(location.href, s.sim.scenario, s.frame.step, s.frame.time);
  };
  // The link follows the cursor when it is about to be used, not on every frame of playback.
  const refresh = (e: { currentTarget: HTMLAnchorElement }) => {
    e.currentTarget.href = href();
  };
  return (
    <a className="embed-open" href={href()} target="_blank" rel="noopener noreferrer" title={t('embed.openInAppTip')} onPointerDown={refresh} onFocus={refresh} onMouseEnter={refresh} data-testid="embed-open">
      {t('embed.openInApp')} ↗
    </a>
  );
}

function EmbedBar({ locked, range }: { locked: boolean; range: StepRange | null }) {
  const t = useT();
  // A tour's title while its run is on (not its scenario's id), as in the app's top bar.
  const title = useSession(runTitle);
  const protocol = useSession((s) => protocolName(s.lang, s.module));
  const full = titledWithProtocol(protocol, title);
  return (
    <header className="embed-bar">
      <span className="embed-brand" aria-hidden="true">⚡</span>
      <h1 className="embed-title" title={full} data-testid="embed-title">
        {full}
      </h1>
      {locked && (
        <span className="embed-badge" title={t('embed.lockedTip')} data-testid="embed-locked">
          {t('embed.locked')}
        </span>
      )}
      {range && (
        <span className="embed-badge" title={t('embed.rangeTip')} data-testid="embed-range">
          {t('embed.range', { from: range.from, to: range.to })}
        </span>
      )}
      <OpenInApp />
    </header>
  );
}

function EmbedControls({ range }: { range: StepRange | null }) {
  const t = useT();
  const store = useSessionStore();
  const playing = useSession((s) => s.playing);
  const step = useSession((s) => s.frame.step);
  const head = useSession((s) => s.frame.head);
  const time = useSession((s) => s.frame.time);
  const mode = useSession((s) => s.frame.mode);
  const first = range?.from ?? 0;
  const last = range ? Math.min(range.to, head) : head;
  const { stepBack, togglePlay, stepForward, seekStep } = store.getState();
  return (
    <div className="embed-controls" role="toolbar" aria-label={t('embed.controls')}>
      <button type="button" onClick={stepBack} disabled={step <= first} title={t('play.backTip')} aria-label={t('play.back')} aria-keyshortcuts="ArrowLeft">
        ←
      </button>
      <button type="button" className="primary" onClick={togglePlay} disabled={mode === 'manual'} title={t('play.playTip')} aria-keyshortcuts="Space" data-testid="play">
        {playing ? `❚❚ ${t('play.pause')}` : `▶ ${t('play.play')}`}
      </button>
      <button type="button" onClick={stepForward} disabled={range !== null && step >= range.to} title={t('play.stepTip')} aria-label={t('play.step')} aria-keyshortcuts="ArrowRight" data-testid="step">
        →
      </button>
      <input className="embed-scrub" type="range" min={first} max={Math.max(first, last)} step={1} value={Math.min(Math.max(step, first), Math.max(first, last))} onChange={(e) => seekStep(Number(e.target.value))} aria-label={t('embed.scrub')} aria-valuetext={t('play.time', { time: Math.floor(time), step, head })} data-testid="embed-scrub" />
      <span className="clock" data-testid="clock">
        {t('play.time', { time: Math.floor(time), step, head })}
      </span>
      <span className="clock-short" title={t('play.time', { time: Math.floor(time), step, head })} data-testid="clock-short">
        {t('embed.clockShort', { time: Math.floor(time), step })}
      </span>
    </div>
  );
}

/** With editing locked, the cluster's context menu has nothing to offer: it does not open. */
function stopMenu(e: MouseEvent) {
  e.preventDefault();
  e.stopPropagation();
}
function stopMenuKey(e: KeyboardEvent) {
  if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) stopMenu(e as unknown as MouseEvent);
}

function EmbedShell({ control, range, aside: given, store }: EmbedAppProps) {
  // A tour opened by the embed's URL (`tour=`) gets the room beside the cluster view.
  const touring = useStore(tourStore, (s) => s.tour !== null);
  const aside = given ?? (touring ? <TourSlot /> : undefined);
  const editing = useSyncExternalStore(control.subscribe, control.editing);
  const lang = useSession((s) => s.lang);
  const t = useT();
  const title = useSession(runTitle);
  usePlayback(store);
  useEmbedKeys(store, control);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <div className={`embed${aside ? ' has-aside' : ''}`} role="region" aria-label={t('embed.label', { title })} data-editing={editing} data-testid="embed">
      <EmbedBar locked={!editing} range={range} />
      <NoticeBar />
      <main className="embed-main">
        <div className="embed-stage" {...(editing ? {} : { onContextMenuCapture: stopMenu, onKeyDownCapture: stopMenuKey })}>
          <Stage />
        </div>
        {aside && <aside className="embed-aside">{aside}</aside>}
      </main>
      {editing && <FaultToolbar />}
      <EmbedControls range={range} />
      {editing && (
        <Suspense fallback={null}>
          <Dialogs />
        </Suspense>
      )}
    </div>
  );
}

export function EmbedApp(props: EmbedAppProps) {
  return (
    <SessionProvider store={props.store}>
      <CompareProvider>
        <EmbedShell {...props} />
      </CompareProvider>
    </SessionProvider>
  );
}
