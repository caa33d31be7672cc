/**
 * The embed link's flags (docs/embed.md): `embed=1` for the iframe's minimal chrome, with
 * `lock=edit`, `range=a..b`, `host=<origin>` and `lang=`. They are read from the query and the
 * fragment alike (a course page may write either) and validated; a bad flag is dropped with a
 * reason, never guessed at. Apart from the builders (embedLink.ts) because every page start
 * reads them, and the builders bring the link codec (first load, issue 17).
 */
import { MAX_LINK_STEP } from './persist';
import type { Lang } from '../i18n';

export interface StepRange {
  from: number;
  to: number;
}

export interface EmbedOptions {
  /** No fault injection, no node actions, no scenario editing. */
  lockEdit: boolean;
  /** The cursor stays within [from, to] (event counts, as the link's `k=`). */
  range: StepRange | null;
  /** The embedding page's origin, as the host page declared it; null: detect it at start-up. */
  host: string | null;
  /** Whether `host=` was given but is not an origin: then the bridge stays off. */
  badHost: boolean;
  lang: Lang | null;
}

/** The keys this module owns: stripped from the link back to the full app. */
export const EMBED_KEYS = ['embed', 'lock', 'range', 'host', 'lang'] as const;
/** A flag's value longer than this is not one of ours (an origin is at most a few hundred). */
const MAX_VALUE = 512;

/** Key/value pairs of a query (`?a=1&b`) or fragment (`#a=1&b`), percent-decoded. */
function pairs(part: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of part.replace(/^[?#]/, '').split('&')) {
    const eq = p.indexOf('=');
    const key = eq < 0 ? p : p.slice(0, eq);
    if (!(EMBED_KEYS as readonly string[]).includes(key) || out.has(key)) continue;
    const raw = eq < 0 ? '' : p.slice(eq + 1);
    if (raw.length > MAX_VALUE) continue;
    try {
      out.set(key, decodeURIComponent(raw));
    } catch {
      // Not percent-encoding: not a value we could have written.
    }
  }
  return out;
}

/** `https://course.example[:port]` and nothing else: no path, no credentials. */
export function parseOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const bare = value.endsWith('/') ? value.slice(0, -1) : value;
  return url.origin === bare ? url.origin : null;
}

export function parseRange(value: string): StepRange | null {
  const m = /^(\d{1,7})\.\.(\d{1,7})$/.exec(value);
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  return from <= to && to <= MAX_LINK_STEP ? { from, to } : null;
}

/** The embed flags of a page's query and fragment, or null when `embed=1` is not among them.
 * `problems` names each flag that was dropped, for a console warning. */
export function readEmbedOptions(search: string, hash: string): { options: EmbedOptions; problems: string[] } | null {
  const q = pairs(search);
  const h = pairs(hash);
  const get = (key: string) => h.get(key) ?? q.get(key);
  if (get('embed') !== '1') return null;
  const problems: string[] = [];
  const lock = get('lock');
  if (lock !== undefined && lock !== 'edit' && lock !== '1' && lock !== '0') problems.push(`lock=${lock} (expected lock=edit)`);
  const rangeText = get('range');
  const range = rangeText === undefined ? null : parseRange(rangeText);
  if (rangeText !== undefined && !range) problems.push(`range=${rangeText} (expected range=a..b, 0 ≤ a ≤ b ≤ ${MAX_LINK_STEP})`);
  const hostText = get('host');
  const host = hostText === undefined ? null : parseOrigin(hostText);
  if (hostText !== undefined && !host) problems.push(`host=${hostText} (expected an origin such as https://course.example)`);
  const langText = get('lang');
  const lang = langText === 'en' || langText === 'zh-CN' ? langText : null;
  if (langText !== undefined && !lang) problems.push(`lang=${langText} (expected en or zh-CN)`);
  return { options: { lockEdit: lock === 'edit' || lock === '1', range, host, badHost: hostText !== undefined && !host, lang }, problems };
}
