/**
 * String tables that stay out of the first load (issue 17): each feature's table loads with
 * what shows it. A protocol's tables load with the protocol (`PROTOCOL_STRINGS`, wired by the
 * app to protocols/loader), a lazily loaded view's with its chunk (views/protocolPanels'
 * `lazyPanel`). Should a view ask for a key of a table that has not arrived, `laterText` starts
 * loading it and answers nothing; when it arrives the views render again (contentText.ts'
 * notifier, which `useT` follows). Every key of a table starts with one of its prefixes (a test
 * checks), so a key names the table to load.
 */
import type { Lang } from '.';
import { textArrived } from './contentText';
import type * as ring from './strings/ring';
import type * as lock from './strings/lock';
import type * as zab from './strings/zab';
import type * as paxos from './strings/paxos';
import type * as multipaxos from './strings/multipaxos';
import type * as logs from './strings/logs';
import type * as spacetime from './strings/spacetime';
import type * as tourRecord from './strings/tourRecord';
import type * as history from './strings/history';
import type * as io from './strings/io';
import type * as explorer from './strings/explorer';
import type * as tours from './strings/tours';
import type * as embed from './strings/embed';
import type * as transactions from './strings/transactions';
import type * as compare from './strings/compare';
import type * as scale from './strings/scale';

type Table = { en: Record<string, string>; zhCN: Record<string, string> };

/** The keys of every table loaded on demand (`StringKey` includes them). */
export type LaterKey = keyof (typeof ring.en & typeof lock.en & typeof zab.en & typeof paxos.en & typeof multipaxos.en & typeof logs.en & typeof spacetime.en & typeof tourRecord.en & typeof history.en & typeof io.en & typeof explorer.en & typeof tours.en & typeof embed.en & typeof transactions.en & typeof compare.en & typeof scale.en);

const TABLES_LATER = {
  ring: { load: () => import('./strings/ring'), prefixes: ['ring.'] },
  lock: { load: () => import('./strings/lock'), prefixes: ['lock.'] },
  zab: { load: () => import('./strings/zab'), prefixes: ['zab.'] },
  paxos: { load: () => import('./strings/paxos'), prefixes: ['paxos.', 'acc.', 'chosen.'] },
  multipaxos: { load: () => import('./strings/multipaxos'), prefixes: ['slots.', 'mp.'] },
  logs: { load: () => import('./strings/logs'), prefixes: ['inspector.', 'logs.', 'inv.', 'json.'] },
  spacetime: { load: () => import('./strings/spacetime'), prefixes: ['spacetime.'] },
  tourRecord: { load: () => import('./strings/tourRecord'), prefixes: ['record.'] },
  history: { load: () => import('./strings/history'), prefixes: ['history.'] },
  // Its notices follow a file opened or saved in the (lazily loaded) file actions.
  io: { load: () => import('./strings/io'), prefixes: ['stats.', 'io.', 'diff.', 'notice.importFailed', 'notice.trace', 'notice.exportFailed', 'notice.dropOne'] },
  explorer: { load: () => import('./strings/explorer'), prefixes: ['explorer.', 'help.explore', 'notice.explorerOpened'] },
  tours: { load: () => import('./strings/tours'), prefixes: ['tours.'] },
  embed: { load: () => import('./strings/embed'), prefixes: ['embed.'] },
  transactions: { load: () => import('./strings/transactions'), prefixes: ['tx.'] },
  // The panes' labels show in compare mode only; main.tsx loads it first for a compare link.
  compare: { load: () => import('./strings/compare'), prefixes: ['compare.', 'help.compare', 'scenarios.compareWith'] },
  // The notes of views that draw less when a run is large (the client history's lanes).
  scale: { load: () => import('./strings/scale'), prefixes: ['scale.'] },
} satisfies Record<string, { load: () => Promise<Table>; prefixes: readonly string[] }>;

export type LaterFeature = keyof typeof TABLES_LATER;
export const LATER_FEATURES = Object.keys(TABLES_LATER) as LaterFeature[];

/** The tables a protocol's views read (role names, node facts, its panels), loaded with it. */
export const PROTOCOL_STRINGS: Readonly<Record<string, readonly LaterFeature[]>> = {
  twopc: ['transactions'],
  threepc: ['transactions'],
  chash: ['ring'],
  lock: ['lock'],
  zab: ['zab'],
  paxos: ['paxos'],
  multipaxos: ['multipaxos', 'paxos'],
};

/** The tables of views that load on demand (the log, the inspector and invariants, the
 * space-time diagram, the tour recorder, client histories, statistics and files, the explorer,
 * tours, the embed dialog, compare mode): `lazyPanel` loads them with a view. */
export const VIEW_STRINGS: readonly LaterFeature[] = ['logs', 'spacetime', 'tourRecord', 'history', 'io', 'explorer', 'tours', 'embed', 'compare', 'scale'];

/** What has arrived, in both languages. */
export const LATER_TEXTS: Record<Lang, Record<string, string>> = { en: {}, 'zh-CN': {} };
const pending = new Map<LaterFeature, Promise<void>>();

/** Loads the tables (every one when none is named); resolves when the views can use them. */
export function loadStrings(features: readonly LaterFeature[] = LATER_FEATURES): Promise<void> {
  return Promise.all(
    features.map((f) => {
      let p = pending.get(f);
      if (!p) {
        p = TABLES_LATER[f].load().then((t: Table) => {
          Object.assign(LATER_TEXTS.en, t.en);
          Object.assign(LATER_TEXTS['zh-CN'], t.zhCN);
          textArrived();
        });
        // A failed fetch (offline) may be retried by the next call.
        p.catch(() => pending.delete(f));
        pending.set(f, p);
      }
      return p;
    }),
  ).then(() => undefined);
}

/** The table a key belongs to, by its prefix (null for a key of the first load). */
export function featureOf(key: string): LaterFeature | null {
  return LATER_FEATURES.find((f) => TABLES_LATER[f].prefixes.some((p) => key.startsWith(p))) ?? null;
}

/** The text if its table has arrived; otherwise starts loading the table and returns undefined. */
export function laterText(lang: Lang, key: string): string | undefined {
  const text = LATER_TEXTS[lang][key];
  if (text !== undefined) return text;
  const f = featureOf(key);
  if (f) void loadStrings([f]).catch(() => undefined);
  return undefined;
}
