import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bootLoaded, openLink } from './boot';
import { loadAllProtocols } from '../store/protocolLoad';
import { createSession, type SessionStore } from '../store/session';
import { loadLang } from '../store/persist';
import { startAutosave } from './autosave';
import type { Trace } from '../sim/types';
import { compareStore } from '../views/compare/context';
import { loadContent } from '../i18n/contentText';
import './styles.css';

declare global {
  interface Window {
    /** A handle for browser tests and debugging; absent from production builds. */
    __faultline?: { store: SessionStore; trace(): Trace; compare(): SessionStore | null };
  }
}

const prefersChinese = typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('zh');
// The first paint is index.html's outline; the app renders once its protocol has loaded.
const start = await bootLoaded(location.hash, localStorage);
// Browser tests and the benchmarks drive the store through window.__faultline synchronously
// (load a scenario, read its run at once), as the CLI does: there every protocol is loaded first.
if (import.meta.env.DEV || import.meta.env.MODE === 'test') await loadAllProtocols();
const store = createSession(start.scenario, loadLang(localStorage, prefersChinese ? 'zh-CN' : 'en'));
if (start.step !== undefined) store.getState().seekStep(start.step, start.time);
if (start.speed !== undefined) store.getState().setSpeed(start.speed);
store.getState().setNotice(start.notice);
startAutosave(store, localStorage);
// Translations of protocol content load with a language that needs them (issue 17).
store.subscribe((s) => s.lang, (lang) => void (lang === 'en' ? null : loadContent()));
if (store.getState().lang !== 'en') await loadContent();
// A link pasted into an open tab changes only the hash: open it the same way, keeping the
// current run when the link is bad.
addEventListener('hashchange', () => void openLink(store, location.hash));

if (import.meta.env.DEV || import.meta.env.MODE === 'test') {
  window.__faultline = { store, trace: () => store.getState().sim.trace(), compare: compareStore };
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
