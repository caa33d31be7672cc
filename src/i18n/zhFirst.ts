/**
 * The Chinese of the first-load tables (index.ts), loaded only when the language is not English
 * (issue 17): an English visitor's first load carries no Chinese. Each `?zh` import is the same
 * strings file as a module of its own (vite keeps the query in the module id), so the bundler
 * keeps only `zhCN` here and only `en` in the first load. Add a table here when you add it to
 * index.ts; the i18n test fails when a key of one language is missing in the other.
 */
import { zhCN as app } from './strings/app?zh';
import { zhCN as playback } from './strings/playback?zh';
import { zhCN as cluster } from './strings/cluster?zh';
import { zhCN as timeline } from './strings/timeline?zh';
import { zhCN as newcomer } from './strings/newcomer?zh';
import { zhCN as loading } from './strings/loading?zh';
import { zhCN as firstLoad } from './strings/firstLoad?zh';
import { zhCN as ux } from './strings/ux?zh';
import { zhCN as formatVersion } from './strings/formatVersion?zh';
import { zhCN as layout } from './strings/layout?zh';
import { zhCN as walkfix } from './strings/walkfix?zh';
import { zhCN as probe } from './strings/probe?zh';

export const zhCN: Record<string, string> = { ...app, ...playback, ...cluster, ...timeline, ...newcomer, ...loading, ...ux, ...firstLoad, ...formatVersion, ...layout, ...walkfix, ...probe };
