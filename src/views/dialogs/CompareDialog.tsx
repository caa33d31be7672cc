/** Choose the second pane of compare mode: a protocol and its bug switches. The combined
 * scenario is validated first, and a script that cannot run there is named, not applied. */
import { useState } from 'react';
import { useSession, useSessionStore, useT } from '../session';
import { Dialog } from './Dialog';
import { useAllProtocols } from './useProtocols';
import { validateScenario } from '../../scenario/validate';
import { compareWith, withoutCompare } from '../../store/compare';
import { bugText, protocolName } from '../../i18n/content';
import './bugSwitches.css';
import type { ProtocolModule } from '../../protocols/types';
import type { Scenario } from '../../scenario/types';

/**
 * The second pane to propose: a protocol the curated scenarios already set beside this one
 * (Raft ⇆ Zab or Multi-Paxos, 2PC ⇆ 3PC), else any other, the first whose run of this script
 * validates. Raft against 2PC (the first in the list) showed an idle "No transaction yet".
 */
function defaultPartner(scenario: Scenario, current: ProtocolModule, protocols: ReadonlyMap<string, ProtocolModule>): string {
  const partners = new Set<string>();
  for (const s of current.scenarios) if (s.compare && s.compare.protocol !== current.id) partners.add(s.compare.protocol);
  for (const m of protocols.values()) if (m.id !== current.id && m.scenarios.some((s) => s.compare?.protocol === current.id)) partners.add(m.id);
  const others = [...protocols.keys()].filter((id) => id !== current.id);
  const order = [...[...partners].filter((id) => protocols.has(id)), ...others.filter((id) => !partners.has(id))];
  const fits = order.find((id) => validateScenario(compareWith(scenario, id, []), (x) => protocols.get(x), [...protocols.keys()]).ok);
  return fits ?? order[0] ?? current.id;
}

export function CompareDialog() {
  const t = useT();
  const store = useSessionStore();
  const protocols = useAllProtocols();
  const getProtocol = (id: string) => protocols.get(id);
  const scenario = useSession((s) => s.sim.scenario);
  const current = useSession((s) => s.module);
  const lang = useSession((s) => s.lang);
  const [protocol, setProtocol] = useState(() => scenario.compare?.protocol ?? defaultPartner(scenario, current, protocols));
  const [bugs, setBugs] = useState<string[]>(() => scenario.compare?.params.bugs ?? []);
  const [error, setError] = useState<string | null>(null);
  const module = getProtocol(protocol)!;
  const apply = () => {
    const v = validateScenario(compareWith(scenario, protocol, bugs), getProtocol, [...protocols.keys()]);
    if (!v.ok) {
      setError(v.errors.join('; '));
      return;
    }
    reopen(v.scenario);
  };
  /** The same run with or without a second pane, the cursor where it was. */
  const reopen = (next: typeof scenario) => {
    const { frame } = store.getState();
    store.getState().load(next, frame.step);
    store.getState().followTime(frame.time);
    store.getState().openDialog(null);
  };
  const stop = () => reopen(withoutCompare(scenario));
  return (
    <Dialog title={t('compare.title')} testid="compare-dialog">
      <form
        className="settings"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <p className="muted">{t('compare.hint')}</p>
        <label>
          {t('compare.protocol')}
          <select
            value={protocol}
            data-testid="compare-protocol"
            onChange={(e) => {
              setProtocol(e.target.value);
              setBugs([]);
              setError(null);
            }}
          >
            {[...protocols.values()].map((m) => (
              <option key={m.id} value={m.id}>
                {m.id === current.id ? t('compare.same', { name: protocolName(lang, m) }) : protocolName(lang, m)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="bug-switches">
          <legend>{t('compare.bugs')}</legend>
          {module.bugs.length === 0 && <p className="muted">{t('compare.noBugs')}</p>}
          {module.bugs.map((b) => (
            <label key={b.id} className="check" title={bugText(lang, module.id, b)}>
              <input type="checkbox" checked={bugs.includes(b.id)} onChange={(e) => setBugs(e.target.checked ? [...bugs, b.id] : bugs.filter((x) => x !== b.id))} />
              <code>{b.id}</code> <span className="muted">{bugText(lang, module.id, b)}</span>
            </label>
          ))}
        </fieldset>
        {error && (
          <p role="alert" className="error" data-testid="compare-error">
            {t('compare.invalid', { detail: error })}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="primary" title={t('compare.startTip')} data-testid="compare-start">
            {t('compare.start')}
          </button>
          {scenario.compare && (
            <button type="button" onClick={stop} title={t('compare.stopTip')} data-testid="compare-stop">
              {t('compare.stop')}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
