/** A modal dialog on the native <dialog> element: focus is trapped, Escape closes. */
import { useEffect, useRef, type ReactNode } from 'react';
import { useSessionStore, useT } from '../session';

export function Dialog({ title, children, testid }: { title: string; children: ReactNode; testid: string }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const close = useSessionStore().getState().openDialog;
  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${testid}-title`} data-testid={testid} onCancel={(e) => (e.preventDefault(), close(null))}>
      <header>
        <h2 id={`${testid}-title`}>{title}</h2>
        <button type="button" className="ghost" onClick={() => close(null)} aria-label={t('dialog.close')}>
          ✕
        </button>
      </header>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
