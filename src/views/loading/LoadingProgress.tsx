import { useStore } from 'zustand';
import { loader } from '../../store/loader';
import { useT } from '../session';
import './loading.css';

/** While a large run records in chunks: how far it is, and a way out that keeps the old run. */
export function LoadingProgress() {
  const t = useT();
  const loading = useStore(loader.store, (s) => s.loading);
  const cancel = useStore(loader.store, (s) => s.cancel);
  if (!loading) return null;
  // Towards the link's step when it names one (most of the work), else through simulated time.
  const fraction = loading.step ? Math.min(1, loading.events / loading.step) : loading.until > 0 ? Math.min(1, loading.time / loading.until) : 0;
  return (
    <div className="loading" role="status" data-testid="loading">
      <strong>{t('loading.title')}</strong>
      <progress max={1} value={fraction} aria-label={t('loading.title')} />
      <span data-testid="loading-progress">{t('loading.progress', { events: loading.events.toLocaleString(), time: loading.time, until: loading.until })}</span>
      <button type="button" onClick={cancel} title={t('loading.cancelHint')} data-testid="loading-cancel">
        {t('loading.cancel')}
      </button>
    </div>
  );
}
