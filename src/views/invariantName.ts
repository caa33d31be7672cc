/**
 * An invariant's name in the reader's language, for every invariant a run is checked against:
 * the protocol's own and the shared client-history checks (`linearizable`) that
 * `invariantsOf` adds. Views show names, never ids.
 */
import { useCallback } from 'react';
import type { ProtocolModule } from '../protocols/types';
import type { Lang } from '../i18n';
import { invariantsOf } from '../check/invariants';
import { invariantText } from '../i18n/contentText';
import { useSession } from './session';

export function invariantName(lang: Lang, module: ProtocolModule, id: string): string {
  const inv = invariantsOf(module).find((i) => i.id === id);
  return inv ? invariantText(lang, module.id, inv).name : id;
}

/** `invariantName` for the session's protocol and language. */
export function useInvariantName(): (id: string) => string {
  const lang = useSession((s) => s.lang);
  const module = useSession((s) => s.module);
  return useCallback((id: string) => invariantName(lang, module, id), [lang, module]);
}
