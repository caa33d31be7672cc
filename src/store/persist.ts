/**
 * The autosave: it keeps the user's session across reloads and bad links. Nothing here trusts
 * its input. Links are in link.ts, which loads only when a link is opened or made; reading a
 * saved session back is in savedSession.ts, which loads only when there is one (issue 17).
 */
import type { Scenario } from '../scenario/types';
import { PROTOCOL_IDS } from '../protocols/loader';
import type { Lang } from '../i18n';

export const SESSION_KEY = 'faultline.session.v1';
const LANG_KEY = 'faultline.lang';
export const MAX_SAVED_CHARS = 2 * 1024 * 1024;
/** The furthest step a link or a saved session reopens at. */
export const MAX_LINK_STEP = 200_000;

/** Whether a location hash carries a run (`s=`): only then need link.ts load. */
export const hasLink = (hash: string): boolean => /[#&]s=/.test(hash);

const MIN_SPEED = 0.01;
const MAX_SPEED = 100;

/** A playback speed from a link or a saved session, when it is one the app offers. */
export function speedOf(v: unknown): { speed: number } | Record<string, never> {
  const n = Number(v);
  return typeof v !== 'undefined' && Number.isFinite(n) && n >= MIN_SPEED && n <= MAX_SPEED ? { speed: n } : {};
}

export interface SavedSession {
  scenario: Scenario;
  step: number;
  time?: number;
  speed?: number;
}

export function saveSession(storage: Storage, session: SavedSession): void {
  try {
    const text = JSON.stringify(session);
    if (text.length <= MAX_SAVED_CHARS) storage.setItem(SESSION_KEY, text);
  } catch {
    // Storage full or blocked: the session still runs, it just is not kept.
  }
}

/** Whether there is a saved session to read (savedSession.ts, loaded only then: issue 17). */
export function hasSession(storage: Storage): boolean {
  try {
    return !!storage.getItem(SESSION_KEY);
  } catch {
    return false;
  }
}

/** The protocol the saved session seems to run, read from the start of its text without
 * validating it: a hint to fetch the protocol's chunk while the validator arrives. */
export function savedProtocolHint(storage: Storage): string | null {
  try {
    const id = /"protocol":"(\w+)"/.exec(storage.getItem(SESSION_KEY)?.slice(0, 400) ?? '')?.[1];
    return id && PROTOCOL_IDS.includes(id) ? id : null;
  } catch {
    return null;
  }
}

export function saveLang(storage: Storage, lang: Lang): void {
  try {
    storage.setItem(LANG_KEY, lang);
  } catch {
    // Not kept; harmless.
  }
}

export function loadLang(storage: Storage, fallback: Lang): Lang {
  try {
    const v = storage.getItem(LANG_KEY);
    return v === 'en' || v === 'zh-CN' ? v : fallback;
  } catch {
    return fallback;
  }
}
