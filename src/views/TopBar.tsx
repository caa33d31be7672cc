import { useSession, useSessionStore, useT } from './session';
import { LANGS, LANG_NAMES, type Lang } from '../i18n';
import { copyLink } from './copyLink';
import { protocolName } from '../i18n/contentText';
import { runTitle } from './runTitle';
import { Suspense, useCallback, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useStageShare } from './stageShare';
import { lazyPanel } from './protocolPanels';
import { useMenuDismiss } from './useMenuDismiss';

/** Files in and out: loaded after the first paint. */
const ExportImport = lazyPanel(() => import('./io/ExportImport'), 'ExportImport');

export function TopBar() {
  const t = useT();
  const lang = useSession((s) => s.lang);
  const setLang = useSession((s) => s.setLang);
  const open = useSession((s) => s.openDialog);
  const title = useSession(runTitle);
  const protocol = useSession((s) => protocolName(s.lang, s.module));
  // At 800 px and below the actions fold into a menu (CSS shows the button); the language
  // select stays in the bar, never clipped.
  const [menu, setMenu] = useState(false);
  // The title's own row makes the bar taller, and a long title wraps: the stage gives that up.
  const bar = useRef<HTMLElement>(null);
  useStageShare(bar, '--topbar-h', null);
  useMenuDismiss(menu, useCallback(() => setMenu(false), []), '.bar-actions', '.bar-menu');
  const closeAfter = (e: MouseEvent) => {
    const b = (e.target as HTMLElement).closest('button');
    if (b && !b.hasAttribute('aria-haspopup') && !b.hasAttribute('aria-expanded')) setMenu(false);
  };
  const escape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !menu) return;
    setMenu(false);
    document.querySelector<HTMLElement>('.bar-menu')?.focus();
    e.stopPropagation();
  };
  return (
    <header className="topbar" ref={bar}>
      <h1 className="brand">
        <span aria-hidden="true" className="logo">⚡</span> {t('app.title')}
      </h1>
      <span className="scenario-name" data-testid="scenario-name" title={`${protocol} · ${t('bar.scenarioName', { name: title })}`}>
        {/* A row of its own under the actions (app/styles.css): the whole title, never cut. */}
        <span className="sn-protocol">
          {protocol}
          <span className="sn-sep"> · </span>
        </span>
        <span className="sn-title">{title}</span>
      </span>
      <button type="button" className="bar-menu" aria-expanded={menu} aria-controls="bar-actions" onClick={() => setMenu(!menu)} data-testid="bar-menu">
        <span aria-hidden="true">☰</span> {t('ux.bar.menu')}
      </button>
      <nav id="bar-actions" className="bar-actions" aria-label={t('app.title')} data-open={menu} onClick={closeAfter} onKeyDown={escape}>
        <button type="button" onClick={() => open('scenarios')} title={t('bar.scenariosTip')} aria-keyshortcuts="S">
          {t('bar.scenarios')}
        </button>
        <button type="button" onClick={() => open('tours')} title={t('tours.openTip')} data-testid="tours-open">
          {t('tours.open')}
        </button>
        <button type="button" onClick={() => open('settings')} title={t('bar.settingsTip')} aria-keyshortcuts=",">
          {t('bar.settings')}
        </button>
        <button type="button" onClick={() => open('compare')} title={t('bar.compareTip')} aria-keyshortcuts="W" data-testid="compare-open">
          {t('bar.compare')}
        </button>
        <button type="button" onClick={() => open('explorer')} title={t('bar.exploreTip')} aria-keyshortcuts="F" data-testid="explorer-open">
          {t('bar.explore')}
        </button>
        <CopyLinkButton />
        <button type="button" onClick={() => open('embed')} title={t('embed.openTip')} data-testid="embed-open-dialog">
          {t('embed.open')}
        </button>
        <Suspense fallback={null}>
          <ExportImport />
        </Suspense>
        <button type="button" onClick={() => open('help')} title={t('bar.helpTip')} aria-keyshortcuts="?">
          {t('bar.help')}
        </button>
      </nav>
      <label className="lang">
        <span>{t('lang.label')}</span>
        <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
          {LANGS.map((l) => (
            <option key={l} value={l}>
              {LANG_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}

function CopyLinkButton() {
  const t = useT();
  const store = useSessionStore();
  return (
    <button type="button" onClick={() => void copyLink(store.getState())} title={t('bar.copyLinkTip')} aria-keyshortcuts="L" data-testid="copy-link">
      {t('bar.copyLink')}
    </button>
  );
}
