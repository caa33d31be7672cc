/**
 * Reading the autosaved session back (persist.ts writes it). Its own chunk with the scenario
 * validator, which a first visit never needs (issue 17): boot.ts loads it when there is a
 * session to read. Nothing here trusts its input.
 */
import { validateScenario } from '../scenario/validate';
import { PROTOCOL_IDS, getProtocol } from '../protocols/loader';
import { MAX_LINK_STEP, MAX_SAVED_CHARS, SESSION_KEY, speedOf, type SavedSession } from './persist';

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
