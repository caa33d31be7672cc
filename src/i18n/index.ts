import { en, zhCN, type StringKey } from './strings';

export type Lang = 'en' | 'zh-CN';
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];
const tables: Record<Lang, Record<StringKey, string>> = { en, 'zh-CN': zhCN };

/** The string for `key` in `lang`, with `{name}` placeholders filled in. */
export function translate(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  return tables[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

export type { StringKey };
