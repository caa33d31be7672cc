/** The i18n layer: every UI string, in English and Simplified Chinese, by feature. */
import { LATER_TEXTS, featureOf, laterText, type LaterKey } from './later';
import { firstLoadZh, firstLoadZhTable } from './contentText';
import * as app from './strings/app';
import * as playback from './strings/playback';
import * as cluster from './strings/cluster';
import * as timeline from './strings/timeline';
import * as newcomer from './strings/newcomer';
import * as loading from './strings/loading';
import * as firstLoad from './strings/firstLoad';
import * as ux from './strings/ux';
import * as formatVersion from './strings/formatVersion';
import * as layout from './strings/layout';
import * as walkfix from './strings/walkfix';
import * as probe from './strings/probe';

const en = { ...app.en, ...playback.en, ...cluster.en, ...timeline.en, ...newcomer.en, ...loading.en, ...ux.en, ...firstLoad.en, ...formatVersion.en, ...layout.en, ...walkfix.en, ...probe.en };
// The tables of later.ts load on demand (issue 17); their keys are string keys all the same.
export type StringKey = keyof typeof en | LaterKey;

export type Lang = 'en' | 'zh-CN';
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];
export const LANG_NAMES: Record<Lang, string> = { en: 'English', 'zh-CN': '简体中文' };

/** The string for `key` in `lang`, with `{name}` placeholders filled in. */
export function translate(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  // A key of a table not loaded yet reads as nothing until it arrives (later.ts).
  // The Chinese of these tables (zhFirst.ts) is not in the first load: it arrives with the
  // content translations (loadContent, awaited before a first render in Chinese). Until then,
  // after a language switch, the English shows.
  const first = lang === 'en' ? (en as Record<string, string>)[key] : firstLoadZh(key);
  const text = first ?? laterText(lang, key) ?? (en as Record<string, string>)[key] ?? '';
  // Most strings have no placeholder: skip the parsing (views call this per row).
  if (!text.includes('{')) return text;
  // A string with placeholders is split once (the log view fills one per cell on every seek).
  let parts = PARTS.get(text);
  if (!parts) PARTS.set(text, (parts = text.split(/\{(\w+)\}/)));
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) out += String(vars[parts[i]!] ?? `{${parts[i]}}`) + parts[i + 1]!;
  return out;
}

/** Strings with placeholders, split into text and names (odd places): at most every string. */
const PARTS = new Map<string, string[]>();

/** Whether `key` names a string (for keys built from data, like a protocol's state names). */
export function isStringKey(key: string): key is StringKey {
  if (Object.hasOwn(en, key)) return true;
  // A table not loaded yet: false for now, and the views render again when it arrives.
  return featureOf(key) !== null && laterText('en', key) !== undefined;
}

export { PROTOCOL_STRINGS, VIEW_STRINGS, loadStrings } from './later';

/** For tests: both tables, with every table of later.ts that has arrived (`await loadStrings()`)
 * and the Chinese of the first load once loaded (`await loadContent()`, vitest.setup.ts). */
export function allTables(): Record<Lang, Record<StringKey, string>> {
  return { en: { ...en, ...LATER_TEXTS.en }, 'zh-CN': { ...firstLoadZhTable(), ...LATER_TEXTS['zh-CN'] } } as Record<Lang, Record<StringKey, string>>;
}
