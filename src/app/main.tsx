import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bootLoaded, isLarge, openLink } from './boot';
import { preloadLink } from '../views/copyLink';
import { loadAllProtocols } from '../store/protocolLoad';
import { createSession, type SessionStore } from '../store/session';
import { loadLang } from '../store/persist';
import { startAutosave } from './autosave';
import type { Trace } from '../sim/types';
import { compareStore } from '../views/compare/context';
import { deferredPending, takeTaskTimes } from '../views/settle';
import { openTourFromUrl } from './tourUrl';
import { loadContent } from '../i18n/contentText';
import { PROTOCOL_STRINGS, loadStrings, translate } from '../i18n';
import { loadWithEachProtocol } from '../protocols/loader';
import './styles.css';
import './narrow.css';
import { readEmbedOptions } from '../store/embedOptions';

declare global {
  interface Window {
    /** A handle for browser tests and debugging; absent from production builds. */
    __faultline?: { store: SessionStore; trace(): Trace; compare(): SessionStore | null; settled(): boolean; settleTasks(): number[] };
  }
}

const prefersChinese = typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('zh');
// No top-level await: the chunks this awaits (a protocol, strings) import the first-load chunk
// this module is bundled into (vite.config.ts), which must finish evaluating first (issue 17).
async function start(): Promise<void> {
  // Embed mode (docs/embed.md): a frame on a course page neither reads nor writes the visitor's
  // saved session (and a browser may refuse storage to a frame on another site).
  const embed = readEmbedOptions(location.search, location.hash);
  // Its code (bridge, locks, the embed's shell) loads only then (issue 17).
  const kit = embed ? (await Promise.all([import('./embed/kit'), loadStrings(['embed'])]))[0] : null;
  const storage = kit ? kit.noStorage : localStorage;
  // A protocol's views read string tables that load with it (i18n/later.ts, issue 17).
  loadWithEachProtocol((id) => loadStrings(PROTOCOL_STRINGS[id] ?? []));
  // The first paint is index.html's outline; the app renders once its protocol has loaded.
  const linked = await bootLoaded(location.hash, storage);
  // Browser tests and the benchmarks drive the store through window.__faultline synchronously
  // (load a scenario, read its run at once), as the CLI does: there every protocol is loaded first.
  if (import.meta.env.DEV || import.meta.env.MODE === 'test') await loadAllProtocols();
  // A large link opens over the run the app would have without it (the saved session or a
  // fresh cluster), recording in chunks with progress and a cancel (issue 10).
  const large = linked.fromLink === true && isLarge(linked.scenario);
  const start = large ? await bootLoaded('', storage) : linked;
  const store = createSession(start.scenario, loadLang(storage, prefersChinese ? 'zh-CN' : 'en'));
  // A compared run's panes show at once: their labels' table first (i18n/later.ts).
  if (start.scenario.compare) await loadStrings(['compare']).catch(() => undefined);
  if (start.step !== undefined) store.getState().seekStep(start.step, start.time);
  if (start.speed !== undefined) store.getState().setSpeed(start.speed);
  store.getState().setNotice(start.notice);
  if (large) void openLink(store, location.hash);
  const embedded = embed && kit && kit.startEmbed(store, embed.options, embed.problems);
  if (!embedded) startAutosave(store, localStorage);
  // The host page hears the tour's progress and answers, and can move the tour (docs/embed.md).
  if (kit && embedded) kit.connectTourProgress(kit.tourProgressSource);
  // Translations of protocol content load with a language that needs them (issue 17).
  store.subscribe((s) => s.lang, (lang) => void (lang === 'en' ? null : loadContent()));
  if (store.getState().lang !== 'en') await loadContent();
  // A link pasted into an open tab changes only the hash: open it the same way, keeping the
  // current run when the link is bad.
  addEventListener('hashchange', () => void openLink(store, location.hash));
  // A tour in the URL (`?tour=…` or `#tour=…`) opens over the run chosen above.
  void openTourFromUrl(store, location.href);
  addEventListener('hashchange', () => void openTourFromUrl(store, location.href, true));

  if (import.meta.env.DEV || import.meta.env.MODE === 'test') {
    // settled(): no calmed panel is still to follow the last seek (views/settle.ts).
    window.__faultline = { store, trace: () => store.getState().sim.trace(), compare: compareStore, settled: () => deferredPending() === 0, settleTasks: takeTaskTimes };
  }

  // Copy link must write the clipboard inside the user's gesture: its code arrives once the page is up.
  setTimeout(() => void preloadLink().catch(() => undefined), 1000);

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      {kit && embed && embedded ? <kit.EmbedApp store={store} control={embedded} range={embed.options.range} /> : <App store={store} />}
    </StrictMode>,
  );
}

// A chunk that fails to load (offline, a deploy that replaced it) would leave the page's static
// outline with no word of why: say so, as text (the Chinese strings may be what failed).
start().catch((e: unknown) => {
  const root = document.getElementById('root');
  if (!root) return;
  const p = document.createElement('p');
  p.className = 'start-failed';
  p.setAttribute('role', 'alert');
  p.textContent = translate(prefersChinese ? 'zh-CN' : 'en', 'app.startFailed', { detail: e instanceof Error ? e.message : String(e) });
  root.replaceChildren(p);
});
