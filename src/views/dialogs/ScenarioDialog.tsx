import { useSession, useSessionStore, useT } from '../session';
import { withInvariantNames } from '../noteText';
import { useAllProtocols } from './useProtocols';
import { Dialog } from './Dialog';
import { protocolName, scenarioText } from '../../i18n/content';

export function ScenarioDialog() {
  const t = useT();
  const current = useSession((s) => s.sim.scenario.name);
  const lang = useSession((s) => s.lang);
  const store = useSessionStore();
  const protocols = useAllProtocols();
  const nameOf = (id: string) => {
    const p = protocols.get(id);
    return p ? protocolName(lang, p) : id;
  };
  return (
    <Dialog title={t('scenarios.title')} testid="scenarios">
      <p>
        <button type="button" className="ghost" onClick={() => store.getState().openDialog('tours')} data-testid="scenarios-tours">
          {t('tours.fromScenarios')}
        </button>
      </p>
      <ul className="scenario-list">
        {[...protocols.values()].flatMap((p) =>
          p.scenarios.map((s) => (
            <li key={`${p.id}:${s.name}`} className={s.name === current ? 'current' : undefined}>
              <div>
                <strong>{scenarioText(lang, p.id, s).title}</strong> <code>{`${p.id}:${s.name}`}</code>
                <p>{withInvariantNames(scenarioText(lang, p.id, s).description, lang, p)}</p>
                {s.params.bugs.length > 0 && <p className="bug-note">⚠ {t('scenarios.bugOn', { bugs: s.params.bugs.join(', ') })}</p>}
                {s.compare && <p className="bug-note">⇆ {t('scenarios.compareWith', { protocol: nameOf(s.compare.protocol) })}</p>}
              </div>
              <button
                type="button"
                aria-label={t('scenarios.openLabel', { name: `${p.id}:${s.name}` })}
                onClick={() => {
                  store.getState().replace(s);
                  store.getState().openDialog(null);
                }}
              >
                {t('scenarios.open')}
              </button>
            </li>
          )),
        )}
      </ul>
    </Dialog>
  );
}
