/** Settings start a new free-play run. Values are validated like any scenario, and a bad
 * value is named instead of being applied. */
import { useState } from 'react';
import { useSession, useSessionStore, useT } from '../session';
import { Dialog } from './Dialog';
import { freeCluster, settingsOf, type ClusterSettings } from '../../store/settings';
import { validateScenario } from '../../scenario/validate';
import { useAllProtocols } from './useProtocols';
import { bugText, protocolName } from '../../i18n/content';
import './bugSwitches.css';

/** The settings a new run starts from: a curated scenario's bug switches are its lesson, not
 * the user's choice, so they stay behind. */
function startingSettings(scenario: Parameters<typeof settingsOf>[0]): ClusterSettings {
  const s = settingsOf(scenario);
  return scenario.name === 'free-play' ? s : { ...s, bugs: [] };
}

export function SettingsDialog() {
  const t = useT();
  const scenario = useSession((s) => s.sim.scenario);
  const lang = useSession((s) => s.lang);
  const store = useSessionStore();
  const protocols = useAllProtocols();
  const getProtocol = (id: string) => protocols.get(id);
  const [s, setS] = useState<ClusterSettings>(() => startingSettings(scenario));
  const module = getProtocol(s.protocol)!;
  const chooseProtocol = (id: string) => {
    const m = getProtocol(id)!;
    // Another protocol's parameters and bug switches mean nothing here.
    setS({ ...s, protocol: id, size: Math.min(m.maxNodes, Math.max(m.minNodes, s.size)), bugs: [], params: {} });
  };
  const [error, setError] = useState<string | null>(null);
  const num = (v: string) => (v.trim() === '' ? NaN : Number(v));
  const apply = () => {
    const next = freeCluster(s);
    const v = validateScenario(next, getProtocol);
    if (!v.ok) {
      setError(v.errors.join('; '));
      return;
    }
    store.getState().replace(v.scenario);
    store.getState().openDialog(null);
  };
  return (
    <Dialog title={t('settings.title')} testid="settings">
      <form
        className="settings"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <label>
          {t('newcomer.protocol')}
          <select value={s.protocol} onChange={(e) => chooseProtocol(e.target.value)} data-testid="settings-protocol">
            {[...protocols.values()].map((p) => (
              <option key={p.id} value={p.id}>
                {protocolName(lang, p)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('settings.size')}
          <input type="number" min={module.minNodes} max={module.maxNodes} value={s.size} onChange={(e) => setS({ ...s, size: num(e.target.value) })} data-testid="settings-size" />
        </label>
        <label>
          {t('settings.seed')}
          <input type="number" min={0} value={s.seed} onChange={(e) => setS({ ...s, seed: num(e.target.value) })} />
        </label>
        <label>
          {t('settings.latencyMin')}
          <input type="number" min={0} value={s.latency[0]} onChange={(e) => setS({ ...s, latency: [num(e.target.value), s.latency[1]] })} />
        </label>
        <label>
          {t('settings.latencyMax')}
          <input type="number" min={0} value={s.latency[1]} onChange={(e) => setS({ ...s, latency: [s.latency[0], num(e.target.value)] })} />
        </label>
        <label>
          {t('settings.drop')}
          <input type="number" min={0} max={1} step={0.01} value={s.drop} onChange={(e) => setS({ ...s, drop: num(e.target.value) })} />
        </label>
        <label>
          {t('settings.duplicate')}
          <input type="number" min={0} max={1} step={0.01} value={s.duplicate} onChange={(e) => setS({ ...s, duplicate: num(e.target.value) })} />
        </label>
        <fieldset className="bug-switches">
          <legend>{t('settings.bugs')}</legend>
          {module.bugs.map((b) => (
            <label key={b.id} className="check" title={bugText(lang, module.id, b)}>
              <input
                type="checkbox"
                checked={s.bugs.includes(b.id)}
                onChange={(e) => setS({ ...s, bugs: e.target.checked ? [...s.bugs, b.id] : s.bugs.filter((x) => x !== b.id) })}
              />
              <code>{b.id}</code> <span className="muted">{bugText(lang, module.id, b)}</span>
            </label>
          ))}
          {module.bugs.length === 0 && <span className="muted">{t('newcomer.noBugs')}</span>}
        </fieldset>
        {s.bugs.length > 0 && (
          <p className="bug-note" data-testid="settings-bugs-on">
            ⚠ {t('newcomer.bugsCarried', { bugs: s.bugs.join(', ') })}
          </p>
        )}
        {error && (
          <p role="alert" className="error" data-testid="settings-error">
            {t('settings.invalid', { detail: error })}
          </p>
        )}
        <button type="submit" className="primary" title={t('settings.applyTip')} data-testid="settings-apply">
          {t('settings.apply')}
        </button>
      </form>
    </Dialog>
  );
}
