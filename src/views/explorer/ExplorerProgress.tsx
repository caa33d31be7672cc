/** The search as it runs: runs, speed, states reached, the strategies' shares, the shrinking step. */
import { useSession, useT } from '../session';
import { isStringKey } from '../../i18n';
import { useExplorer } from './useExplorer';

export function ExplorerProgress() {
  const t = useT();
  const lang = useSession((s) => s.lang);
  const progress = useExplorer((s) => s.progress);
  const rate = useExplorer((s) => s.rate);
  const elapsed = useExplorer((s) => s.elapsed);
  const searched = useExplorer((s) => s.searched);
  const status = useExplorer((s) => s.status);
  if (!progress || status === 'idle') return null;
  const n = (x: number) => Math.round(x).toLocaleString(lang);
  const step = progress.shrink ? `explorer.step.${progress.shrink.step}` : '';
  return (
    <section className="explorer-progress" aria-label={t('explorer.progress')} data-testid="explorer-progress">
      <dl>
        <div>
          <dt>{t('explorer.runs')}</dt>
          <dd data-testid="explorer-runs">{n(progress.runs)}</dd>
        </div>
        <div>
          <dt>{t('explorer.rate')}</dt>
          <dd>{n(rate)}</dd>
        </div>
        <div>
          <dt>{t('explorer.states')}</dt>
          <dd>{n(progress.states)}</dd>
        </div>
        <div>
          <dt>{t('explorer.elapsed')}</dt>
          <dd data-testid="explorer-elapsed">
            {searched === null ? t('explorer.seconds', { n: elapsed.toFixed(1) }) : t('walk.explorer.elapsedSplit', { search: searched.toFixed(1), shrink: Math.max(0, elapsed - searched).toFixed(1) })}
          </dd>
        </div>
      </dl>
      <p className="muted">{t('explorer.share', progress.share)}</p>
      {status === 'running' && progress.phase === 'shrink' && progress.shrink && isStringKey(step) && (
        <p role="status" data-testid="explorer-shrinking">
          {t('explorer.shrinking', { step: t(step), actions: progress.shrink.actions })}
          {progress.shrink.runs !== undefined && (
            <>
              {' · '}
              <span data-testid="explorer-shrink-runs">{t('explorer.shrinkRuns', { runs: n(progress.shrink.runs) })}</span>
            </>
          )}
        </p>
      )}
    </section>
  );
}
