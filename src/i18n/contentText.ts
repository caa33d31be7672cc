/**
 * Protocol content (scenario titles, invariants, bug switches, commands, protocol names) for
 * the views of the first paint, without putting every Chinese translation in the first load
 * (issue 17). English is the protocol's own text, so it needs nothing; `content.ts` holds the
 * translations and is loaded when the language is not English, with the Chinese of the
 * first-load string tables (zhFirst.ts). Until it arrives the English
 * shows, and `subscribeContent` tells the views (through `useT`) to render again.
 * Views that load on demand may import `content.ts` directly.
 */
import type { Lang } from '.';
import type * as Content from './content';

type Text = { title: string; description: string };

let content: typeof Content | null = null;
/** The Chinese of the first-load string tables (zhFirst.ts), with the content translations. */
let zhFirst: Record<string, string> | null = null;
let version = 0;
const listeners = new Set<() => void>();

/** Loads the translations (once); resolves when they are in use. */
export function loadContent(): Promise<void> {
  if (content) return Promise.resolve();
  return Promise.all([import('./content'), import('./zhFirst')]).then(([m, zh]) => {
    if (content) return;
    zhFirst = zh.zhCN;
    content = m;
    textArrived();
  });
}

/** A first-load string in Chinese, once loadContent has brought it (i18n/index.ts' translate). */
export function firstLoadZh(key: string): string | undefined {
  return zhFirst?.[key];
}

/** For tests: every first-load string in Chinese that has arrived. */
export function firstLoadZhTable(): Record<string, string> {
  return { ...zhFirst };
}

/** Tells the views (through `useT`) that text arrived: these translations, or a string table
 * loaded on demand (later.ts). */
export function textArrived(): void {
  version++;
  for (const l of listeners) l();
}

/** Grows when translations arrive, for `useSyncExternalStore`. */
export function contentVersion(): number {
  return version;
}

export function subscribeContent(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function translated(lang: Lang): typeof Content | null {
  return lang === 'en' ? null : content;
}

export function protocolName(lang: Lang, p: { id: string; name: string }): string {
  return translated(lang)?.protocolName(lang, p) ?? p.name;
}

export function scenarioText(lang: Lang, protocol: string, s: { name?: string; title?: string; description?: string }): Text {
  return translated(lang)?.scenarioText(lang, protocol, s) ?? { title: s.title ?? s.name ?? '', description: s.description ?? '' };
}

export function commandText(lang: Lang, protocol: string, c: { id: string; label: string; description: string }): { label: string; description: string } {
  return translated(lang)?.commandText(lang, protocol, c) ?? { label: c.label, description: c.description };
}

export function sourceText(lang: Lang, protocol: string, inv: { id: string; source: string }): string {
  return translated(lang)?.sourceText(lang, protocol, inv) ?? inv.source;
}

export function invariantText(lang: Lang, protocol: string, inv: { id: string; name: string; description: string }): { name: string; description: string } {
  return translated(lang)?.invariantText(lang, protocol, inv) ?? { name: inv.name, description: inv.description };
}
