/** The UI slice: what is selected, which dialog is open, and the language. */
import type { Lang } from '../i18n';

export type Selection = { kind: 'node'; id: string } | { kind: 'message'; id: number } | null;
export type Dialog = 'help' | 'settings' | 'partition' | 'scenarios' | 'compare' | 'explorer' | 'tours' | 'embed' | null;

export interface UiSlice {
  lang: Lang;
  selection: Selection;
  dialog: Dialog;
  setLang(lang: Lang): void;
  select(selection: Selection): void;
  openDialog(dialog: Dialog): void;
}

export function uiSlice(set: (partial: Partial<UiSlice>) => void, lang: Lang = 'en'): UiSlice {
  return {
    lang,
    selection: null,
    dialog: null,
    setLang: (l) => set({ lang: l }),
    select: (selection) => set({ selection }),
    openDialog: (dialog) => set({ dialog }),
  };
}
