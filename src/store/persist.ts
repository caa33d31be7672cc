/**
 * Links and autosave. A link carries the scenario (and the cursor step); the autosave keeps
 * the user's session across reloads and bad links. Nothing here trusts its input.
 */
import type { Scenario } from '../scenario/types';
import { decodeScenarioUrl, encodeScenarioUrl } from '../scenario/codec';
import { validateScenario } from '../scenario/validate';
import { PROTOCOL_IDS, getProtocol } from '../protocols/loader';
import type { Lang } from '../i18n';

const SESSION_KEY = 'faultline.session.v1';
const LANG_KEY = 'faultline.lang';
const MAX_SAVED_CHARS = 2 * 1024 * 1024;
/** The furthest step a link or a saved session reopens at. */
export const MAX_LINK_STEP = 200_000;

export type LinkResult = { kind: 'none' } | { kind: 'ok'; scenario: Scenario; step?: number; time?: number; speed?: number } | { kind: 'bad'; reason: string };

/** A cursor time between events (`t=`), in simulated ms with up to 3 decimals. */
const TIME = /[#&]t=(\d{1,9}(?:\.\d{1,3})?)(?:&|$)/;
/** The sender's playback speed (`x=`), so the receiver watches at the same pace. */
const SPEED = /[#&]x=(\d{1,3}(?:\.\d{1,4})?)(?:&|$)/;
const MIN_SPEED = 0.01;
const MAX_SPEED = 100;

function speedOf(v: unknown): { speed: number } | Record<string, never> {
  const n = Number(v);
  return typeof v !== 'undefined' && Number.isFinite(n) && n >= MIN_SPEED && n <= MAX_SPEED ? { speed: n } : {};
}

/** Reads `#s=…&k=…&t=…` from a location hash. */
export function readLink(hash: string): LinkResult {
  if (!/[#&]s=/.test(hash)) return { kind: 'none' };
  const r = decodeScenarioUrl(hash, getProtocol, [...PROTOCOL_IDS]);
  if (!r.ok) return { kind: 'bad', reason: r.errors.join('; ') };
  const k = /[#&]k=(\d{1,9})(?:&|$)/.exec(hash);
  // The step is replayed on open: capped, so a hostile link cannot make the page run for minutes.
  const t = TIME.exec(hash);
  const x = SPEED.exec(hash);
  return {
    ...speedOf(x?.[1]),
    kind: 'ok',
    scenario: r.scenario,
    ...(k ? { step: Math.min(Number(k[1]), MAX_LINK_STEP) } : {}),
    ...(k && t ? { time: Math.min(Number(t[1]), r.scenario.until) } : {}),
  };
}

/** The link's fragment: the scenario, and the cursor (its step, and its time when that lies
 * between events: playback stops anywhere, and a compared run follows by time). */
export function linkFragment(scenario: Scenario, step?: number, time?: number, speed?: number): string {
  const t = step !== undefined && time !== undefined ? `&t=${Math.round(time * 1000) / 1000}` : '';
  const x = speed !== undefined ? `&x=${Number(speed.toPrecision(4))}` : '';
  return `${encodeScenarioUrl(scenario)}${step !== undefined ? `&k=${step}` : ''}${t}${x}`;
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
