import { useEffect } from 'react';
import { useSession, useT } from './session';

/** Info notices leave on their own; errors stay until dismissed. */
const INFO_MS = 8000;

/** One message at a time; errors are announced assertively. Input text is shown as text. */
export function NoticeBar() {
  const t = useT();
  const notice = useSession((s) => s.notice);
  const canUndo = useSession((s) => s.beforeFork !== null);
  const dismiss = useSession((s) => s.setNotice);
  const undo = useSession((s) => s.undoFork);
  // Notices that offer an undo stay until used or dismissed.
  const undoable = notice !== null && (notice.key === 'notice.forked' || notice.key === 'notice.explorerOpened') && canUndo;
  useEffect(() => {
    if (!notice || notice.kind !== 'info' || undoable) return;
    const timer = setTimeout(() => dismiss(null), INFO_MS);
    return () => clearTimeout(timer);
  }, [notice, undoable, dismiss]);
  if (!notice) return <div className="notice-slot" aria-live="polite" />;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span>{t(notice.key, { detail: notice.detail ?? '' })}</span>
      {undoable && (
        <button type="button" onClick={undo}>
          {t('notice.undoFork')}
        </button>
      )}
      <button type="button" className="ghost" onClick={() => dismiss(null)} aria-label={t('notice.dismiss')}>
        ✕
      </button>
    </div>
  );
}
