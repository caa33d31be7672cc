/**
 * The autosave: it keeps the user's session across reloads and bad links. Nothing here trusts
 * its input. Links are in link.ts, which loads only when a link is opened or made.
 */
import type { Scenario } from '../scenario/types';
import { validateScenario } from '../scenario/validate';
import { PROTOCOL_IDS, getProtocol } from '../protocols/loader';
import type { Lang } from '../i18n';

const SESSION_KEY = 'faultline.session.v1';
const LANG_KEY = 'faultline.lang';
const MAX_SAVED_CHARS = 2 * 1024 * 1024;
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

export function loadSession(storage: Storage): SavedSession | null {
  try {
    const text = storage.getItem(SESSION_KEY);
    if (!text || text.length > MAX_SAVED_CHARS) return null;
    const raw = JSON.parse(text) as { scenario?: unknown; step?: unknown; time?: unknown; speed?: unknown };
    const v = validateScenario(raw.scenario, getProtocol, [...PROTOCOL_IDS]);
    if (!v.ok) return null;
    const time = typeof raw.time === 'number' && Number.isFinite(raw.time) && raw.time >= 0 ? { time: Math.min(raw.time, v.scenario.until) } : {};
    return { scenario: v.scenario, step: typeof raw.step === 'number' && Number.isInteger(raw.step) && raw.step >= 0 ? Math.min(raw.step, MAX_LINK_STEP) : 0, ...time, ...(typeof raw.speed === 'number' ? speedOf(raw.speed) : {}) };
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
