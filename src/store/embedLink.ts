/**
 * Builds the embed URL, its iframe snippet, and the "open in Faultline" link back to the full
 * app. The flags themselves are read in embedOptions.ts (re-exported here).
 */
import type { Scenario } from '../scenario/types';
import { linkFragment } from './link';
import { EMBED_KEYS, type StepRange } from './embedOptions';

export { EMBED_KEYS, parseOrigin, parseRange, readEmbedOptions, type EmbedOptions, type StepRange } from './embedOptions';

/** The run's own keys (link.ts): replaced by the current run in the link back. */
const RUN_KEYS = ['s', 'k', 't', 'x'];

export interface EmbedChoice {
  lockEdit: boolean;
  range: StepRange | null;
  host: string | null;
  /** The frame's language: the author's, so the frame and its title attribute agree. */
  lang?: 'en' | 'zh-CN' | null;
}

/** The iframe's URL: this page (`base`, its query kept: a tour's parameter travels with it), the
 * run and its cursor, and the flags, all in the fragment so that nothing reaches a server. */
export function embedUrl(base: string, scenario: Scenario, step: number, time: number, choice: EmbedChoice): string {
  const flags = ['embed=1'];
  if (choice.lockEdit) flags.push('lock=edit');
  if (choice.range) flags.push(`range=${choice.range.from}..${choice.range.to}`);
  if (choice.host) flags.push(`host=${encodeURIComponent(choice.host)}`);
  if (choice.lang) flags.push(`lang=${choice.lang}`);
  return `${base.split('#')[0]}${linkFragment(scenario, step, time)}&${flags.join('&')}`;
}

/** An attribute value as text: the title comes from scenario data. */
function attr(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** The copy-paste iframe: 16:10, at least 400 px high (the embed's smallest usable size). */
export function embedSnippet(src: string, title: string): string {
  return `<iframe src="${attr(src)}" title="${attr(title)}" loading="lazy" allow="fullscreen" style="width:100%;aspect-ratio:16/10;min-height:400px;border:0"></iframe>`;
}

/** The full app with the same run at the same cursor: the embed's flags stripped, any other
 * parameter (a tour's) kept. */
export function openInAppUrl(href: string, scenario: Scenario, step: number, time: number): string {
  const url = new URL(href);
  for (const key of EMBED_KEYS) url.searchParams.delete(key);
  const drop = new Set<string>([...EMBED_KEYS, ...RUN_KEYS]);
  const rest = url.hash
    .replace(/^#/, '')
    .split('&')
    .filter((p) => p !== '' && !drop.has(p.split('=')[0]!));
  url.hash = '';
  const query = url.search === '?' ? '' : url.search;
  return `${url.origin}${url.pathname}${query}${linkFragment(scenario, step, time)}${rest.map((p) => `&${p}`).join('')}`;
}
