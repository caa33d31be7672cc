import { useStore } from 'zustand';
import { sessionStore } from '../store/session';
import { translate, LANGS, type Lang } from '../i18n';
import { ScenarioList } from '../views/ScenarioList';
import { RunResult } from '../views/RunResult';

export function App() {
  const lang = useStore(sessionStore, (s) => s.lang);
  const setLang = useStore(sessionStore, (s) => s.setLang);
  return (
    <main lang={lang}>
      <header>
        <h1>{translate(lang, 'app.title')}</h1>
        <p>{translate(lang, 'app.tagline')}</p>
        <label>
          {translate(lang, 'lang.label')}{' '}
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {l === 'en' ? 'English' : '简体中文'}
              </option>
            ))}
          </select>
        </label>
      </header>
      <div className="columns">
        <ScenarioList />
        <RunResult />
      </div>
    </main>
  );
}
