/**
 * A scenario note names an invariant as `{inv:<id>}` and reads it as the Invariants panel shows
 * it (walk-through: notes said "storage-mutex", "VotesSafe", … which the panel never shows).
 * The name comes from the invariant's own display-name string, so a renamed invariant is
 * renamed in every note too.
 */
import type { Lang } from '../i18n';
import type { ProtocolModule } from '../protocols/types';
import { invariantName } from './invariantName';

const TOKEN = /\{inv:([a-z0-9-]+)\}/g;

export function withInvariantNames(text: string, lang: Lang, module: ProtocolModule): string {
  return text.includes('{inv:') ? text.replace(TOKEN, (_, id: string) => invariantName(lang, module, id)) : text;
}
