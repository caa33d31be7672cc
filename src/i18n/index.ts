/** The i18n layer: every UI string, in English and Simplified Chinese, by feature. */
import * as app from './strings/app';
import * as playback from './strings/playback';
import * as cluster from './strings/cluster';
import * as logs from './strings/logs';
import * as timeline from './strings/timeline';
import * as spacetime from './strings/spacetime';
import * as io from './strings/io';
import * as transactions from './strings/transactions';
import * as compare from './strings/compare';
import * as ring from './strings/ring';
import * as explorer from './strings/explorer';
import * as paxos from './strings/paxos';
import * as zab from './strings/zab';
import * as lock from './strings/lock';
import * as multipaxos from './strings/multipaxos';
import * as history from './strings/history';
import * as newcomer from './strings/newcomer';
import * as loading from './strings/loading';
import * as tours from './strings/tours';
import * as embed from './strings/embed';
import * as ux from './strings/ux';
import * as tourRecord from './strings/tourRecord';
import * as scale from './strings/scale';

const en = { ...app.en, ...playback.en, ...cluster.en, ...logs.en, ...timeline.en, ...spacetime.en, ...io.en, ...transactions.en, ...compare.en, ...ring.en, ...explorer.en, ...paxos.en, ...zab.en, ...lock.en, ...multipaxos.en, ...history.en, ...newcomer.en, ...loading.en, ...tours.en, ...embed.en, ...ux.en, ...tourRecord.en, ...scale.en };
export type StringKey = keyof typeof en;
const zhCN: Record<StringKey, string> = { ...app.zhCN, ...playback.zhCN, ...cluster.zhCN, ...logs.zhCN, ...timeline.zhCN, ...spacetime.zhCN, ...io.zhCN, ...transactions.zhCN, ...compare.zhCN, ...ring.zhCN, ...explorer.zhCN, ...paxos.zhCN, ...zab.zhCN, ...lock.zhCN, ...multipaxos.zhCN, ...history.zhCN, ...newcomer.zhCN, ...loading.zhCN, ...tours.zhCN, ...embed.zhCN, ...ux.zhCN, ...tourRecord.zhCN, ...scale.zhCN };

export type Lang = 'en' | 'zh-CN';
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];
export const LANG_NAMES: Record<Lang, string> = { en: 'English', 'zh-CN': '简体中文' };
const tables: Record<Lang, Record<StringKey, string>> = { en, 'zh-CN': zhCN };

/** The string for `key` in `lang`, with `{name}` placeholders filled in. */
export function translate(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  const text = tables[lang][key];
  // Most strings have no placeholder: skip the regular expression (views call this per row).
  if (!text.includes('{')) return text;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** Whether `key` names a string (for keys built from data, like a protocol's state names). */
export function isStringKey(key: string): key is StringKey {
  return Object.hasOwn(en, key);
}

/** For tests: both tables. */
export const TABLES = tables;
