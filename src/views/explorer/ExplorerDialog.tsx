/**
 * "Find a bug": choose bug switches (or none) and a time budget, watch the search, cancel it,
 * read the result, and open the shrunk counterexample in place of the current run (after a
 * confirmation, with an undo in the notice that follows).
 */
import { useState } from 'react';
import { useSession, useSessionStore, useT } from '../session';
import { goTo } from '../timeline/navigate';
import { Dialog } from '../dialogs/Dialog';
import { bugText, protocolName } from '../../i18n/content';
import { violationText } from '../../i18n/violations';
import { invariantName } from '../invariantName';
import { explorerStore, useExplorer } from './useExplorer';
import { ExplorerProgress } from './ExplorerProgress';
import './explorer.css';
import '../dialogs/bugSwitches.css';

const BUDGETS = [10, 30, 60];

export function ExplorerDialog() {
  const t = useT();
  const module = useSession((s) => s.module);
  const lang = useSession((s) => s.lang);
  // The run's own switches start checked: "Find a bug" on figure-8-bug looks for that bug.
  const session = useSessionStore();
  const [bugs, setBugs] = useState<string[]>(() => {
    const on = session.getState().sim.scenario.params.bugs;
    return module.bugs.filter((b) => on.includes(b.id)).map((b) => b.id);
  });
  const [seconds, setSeconds] = useState(30);
  const status = useExplorer((s) => s.status);
  const running = status === 'running';
  return (
    <Dialog title={t('explorer.title')} testid="explorer-dialog">
      <form
        className="settings explorer"
        onSubmit={(e) => {
          e.preventDefault();
          explorerStore().getState().start({ protocol: module.id, bugs, seconds });
        }}
      >
        <p className="muted">{t('explorer.hint', { protocol: protocolName(lang, module) })}</p>
        <fieldset disabled={running} className="bug-switches">
          <legend>{t('explorer.bugs')}</legend>
          {module.bugs.length === 0 && <p className="muted">{t('explorer.noBugs')}</p>}
          {module.bugs.map((b) => (
            <label key={b.id} className="check">
              <input type="checkbox" checked={bugs.includes(b.id)} data-testid={`explorer-bug-${b.id}`} onChange={(e) => setBugs(e.target.checked ? [...bugs, b.id] : bugs.filter((x) => x !== b.id))} />
              <code>{b.id}</code> <span className="muted">{bugText(lang, module.id, b)}</span>
            </label>
          ))}
          {bugs.length === 0 && module.bugs.length > 0 && <p className="muted">{t('explorer.noneChosen')}</p>}
        </fieldset>
        <label>
          {t('explorer.budget')}
          <select value={seconds} disabled={running} onChange={(e) => setSeconds(Number(e.target.value))} data-testid="explorer-budget">
            {BUDGETS.map((n) => (
              <option key={n} value={n}>
                {t('explorer.seconds', { n })}
              </option>
            ))}
          </select>
        </label>
        <div className="dialog-actions">
          {running ? (
            // Distinct keys: reusing one element would let a click on Cancel, re-rendered as the
            // submit button before its default action, start a new search.
            <button key="cancel" type="button" onClick={() => explorerStore().getState().cancel()} title={t('explorer.cancelTip')} data-testid="explorer-cancel">
              {t('explorer.cancel')}
            </button>
          ) : (
            <button key="start" type="submit" className="primary" title={t('explorer.startTip')} data-testid="explorer-start">
              {t('explorer.start')}
            </button>
          )}
        </div>
      </form>
      <ExplorerProgress />
      <ExplorerResult />
    </Dialog>
  );
}

function ExplorerResult() {
  const t = useT();
  const store = useSessionStore();
  const lang = useSession((s) => s.lang);
  const module = useSession((s) => s.module);
  const status = useExplorer((s) => s.status);
  const found = useExplorer((s) => s.found);
  const progress = useExplorer((s) => s.progress);
  const error = useExplorer((s) => s.error);
  const [confirming, setConfirming] = useState(false);
  if (status === 'none' && progress) {
    return <p className="explorer-result" role="status" data-testid="explorer-none">{t('explorer.none', { runs: progress.runs.toLocaleString(lang), events: progress.events.toLocaleString(lang) })}</p>;
  }
  if (status === 'cancelled') return <p className="explorer-result muted" role="status">{t('explorer.cancelled')}</p>;
  if (status === 'error') return <p className="explorer-result error" role="alert">{t('explorer.error', { detail: error ?? '' })}</p>;
  if (status !== 'found' || !found || found.original.protocol !== module.id) return null;
  const name = invariantName(lang, module, found.invariant);
  const open = () => {
    const s = store.getState();
    s.replace(found.shrunk);
    // Land on the violation the result names, not at the run's start (a failed load kept the old run).
    if (store.getState().sim !== s.sim) goTo(store.getState(), 'nextViolation');
    // The replaced run's way back stays in the notice (NoticeBar's "back to the previous run").
    if (store.getState().beforeReplace) store.setState({ notice: { kind: 'info', key: 'notice.explorerOpened' } });
    s.openDialog(null);
  };
  return (
    <section className="explorer-result" aria-live="polite" data-testid="explorer-found">
      <h3>{t('explorer.found', { invariant: name, run: found.run })}</h3>
      <p className="explorer-message">{violationText(lang, module.id, found.message)}</p>
      <p className="muted">
        {t('explorer.shrunk', { from: found.shrunkFrom, to: found.shrunk.actions.length, nodes: found.shrunk.nodes.length, time: (found.shrunk.until - 1).toLocaleString(lang), runs: found.shrinkRuns.toLocaleString(lang) })}
      </p>
      {confirming ? (
        <div className="explorer-confirm" role="group" aria-label={t('explorer.confirm')}>
          <p>{t('explorer.confirm')}</p>
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={open} data-testid="explorer-confirm-open">
              {t('explorer.confirmOpen')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('explorer.back')}
            </button>
          </div>
        </div>
      ) : (
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={() => setConfirming(true)} title={t('explorer.openTip')} data-testid="explorer-open-result">
            {t('explorer.open')}
          </button>
        </div>
      )}
    </section>
  );
}
