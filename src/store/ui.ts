/** The UI slice: what is selected, which dialog is open, and the language. */
import type { Lang } from '../i18n';

export type Selection = { kind: 'node'; id: string } | { kind: 'message'; id: number } | null;
export type Dialog = 'help' | 'settings' | 'partition' | 'scenarios' | 'compare' | 'explorer' | 'tours' | 'embed' | null;

/** A title for the run from what opened it (a tour), in each language: shown instead of its
 * scenario's name while that scenario is the one running. */
export interface RunTitle {
  scenario: string | undefined;
  text: string | { en: string; 'zh-CN'?: string };
  /** The tour that named the run was left: the title says so (the run stays, the tour is gone). */
  left?: boolean;
}

export interface UiSlice {
  lang: Lang;
  runTitle: RunTitle | null;
  selection: Selection;
  dialog: Dialog;
  setLang(lang: Lang): void;
  select(selection: Selection): void;
  openDialog(dialog: Dialog): void;
  setRunTitle(title: RunTitle | null): void;
}

export function uiSlice(set: (partial: Partial<UiSlice>) => void, lang: Lang = 'en'): UiSlice {
  return {
    lang,
    runTitle: null,
    selection: null,
    dialog: null,
    setLang: (l) => set({ lang: l }),
    select: (selection) => set({ selection }),
    openDialog: (dialog) => set({ dialog }),
    setRunTitle: (runTitle) => set({ runTitle }),
  };
}
