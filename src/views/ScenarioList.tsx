import { useStore } from 'zustand';
import { sessionStore } from '../store/session';
import { protocols } from '../protocols/registry';
import { translate } from '../i18n';

export function ScenarioList() {
  const lang = useStore(sessionStore, (s) => s.lang);
  const run = useStore(sessionStore, (s) => s.run);
  const t = (k: Parameters<typeof translate>[1], v?: Record<string, string>) => translate(lang, k, v);
  return (
    <section aria-labelledby="scenarios-heading">
      <h2 id="scenarios-heading">{t('scenarios.heading')}</h2>
      <ul className="scenarios">
        {[...protocols.values()].flatMap((p) =>
          p.scenarios.map((s) => (
            <li key={`${p.id}:${s.name}`}>
              <button type="button" aria-label={t('scenarios.runLabel', { name: `${p.id}:${s.name}` })} title={s.description} onClick={() => run(s)}>
                {t('scenarios.run')}
              </button>{' '}
              <strong>{s.title}</strong> <code>{`${p.id}:${s.name}`}</code>
              <p>{s.description}</p>
            </li>
          )),
        )}
      </ul>
    </section>
  );
}
