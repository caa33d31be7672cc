/**
 * The narrow top bar's ☰ menu closes the way a menu does: on a pointer press outside it or its
 * button, on Escape wherever focus is, and when a dialog opens (a shortcut such as S). Without
 * this it stayed open over the stage, over dialogs and over the notice's buttons (walk-through).
 */
import { useEffect } from 'react';
import { useSession } from './session';

export function useMenuDismiss(open: boolean, close: () => void, menu: string, button: string): void {
  const dialog = useSession((s) => s.dialog);
  useEffect(() => {
    if (open && dialog) close();
  }, [open, dialog, close]);
  useEffect(() => {
    if (!open) return;
    const press = (e: PointerEvent) => {
      const target = e.target instanceof Element ? e.target : null;
      if (!target?.closest(`${menu}, ${button}`)) close();
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    document.addEventListener('pointerdown', press, true);
    document.addEventListener('keydown', key);
    return () => {
      document.removeEventListener('pointerdown', press, true);
      document.removeEventListener('keydown', key);
    };
  }, [open, close, menu, button]);
}
