import { useEffect, useRef } from 'react';
import { useStageShare } from './stageShare';
import { useSession, useSessionStore, useT } from './session';
import { linkErrorText } from '../i18n/linkErrors';

/** Info notices leave on their own; errors stay until dismissed. */
const INFO_MS = 8000;

/** Notices that follow a run replaced by another (a scenario, a new run, an import, a link):
 * they offer the way back. */
const AFTER_REPLACE = new Set(['newcomer.replaced', 'notice.explorerOpened', 'notice.imported', 'notice.traceLoaded', 'notice.traceMismatch', 'notice.traceViolations']);

/** One message at a time; errors are announced assertively. Input text is shown as text.
 * While a replaced run is kept (`beforeReplace`), the way back stays in the bar whatever notice
 * comes next, until the user goes back or chooses to keep this run (walk-through: a later
 * notice, such as V's "nothing found", used to take the only way back with it). */
export function NoticeBar() {
  const t = useT();
  const notice = useSession((s) => s.notice);
  const lang = useSession((s) => s.lang);
  const canUndo = useSession((s) => s.beforeFork !== null);
  const dismiss = useSession((s) => s.setNotice);
  const undo = useSession((s) => s.undoFork);
  const replaced = useSession((s) => s.beforeReplace !== null);
  const undoReplace = useSession((s) => s.undoReplace);
  const store = useSessionStore();
  const offerBack = !!notice && replaced && AFTER_REPLACE.has(notice.key);
  useEffect(() => {
    if (!notice || notice.kind !== 'info' || (notice.key === 'notice.forked' && canUndo) || offerBack) return;
    const timer = setTimeout(() => dismiss(null), INFO_MS);
    return () => clearTimeout(timer);
  }, [notice, canUndo, dismiss, offerBack]);
  const bar = useRef<HTMLDivElement>(null);
  useStageShare(bar, '--notice-h', notice ?? replaced);
  if (!notice && !replaced) return <div className="notice-slot" aria-live="polite" />;
  const kind = notice?.kind ?? 'info';
  // The ✕ closes a notice; on the replaced-run notice itself it would change nothing visible.
  const closable = !!notice && !(replaced && notice.key === 'newcomer.replaced');
  return (
    <div ref={bar} className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span>{notice ? t(notice.key, { detail: notice.key === 'notice.badLink' || notice.key === 'newcomer.badLinkFresh' || notice.key === 'notice.importFailed' ? linkErrorText(lang, notice.detail ?? '') : (notice.detail ?? '') }) : t('newcomer.replaced')}</span>
      {notice?.key === 'notice.forked' && canUndo && (
        <button type="button" onClick={undo}>
          {t('notice.undoFork')}
        </button>
      )}
      {replaced && (
        <>
          <button type="button" onClick={undoReplace} data-testid="undo-replace">
            {t('newcomer.undoReplace')}
          </button>
          <button type="button" className="ghost" onClick={() => store.setState({ beforeReplace: null, ...(offerBack || notice?.key === 'newcomer.replaced' ? { notice: null } : {}) })} data-testid="keep-replaced">
            {t('walk.keepRun')}
          </button>
        </>
      )}
      {closable && (
        <button type="button" className="ghost" onClick={() => dismiss(null)} aria-label={t('notice.dismiss')}>
          ✕
        </button>
      )}
    </div>
  );
}
