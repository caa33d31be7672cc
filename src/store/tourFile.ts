/** A tour opened from a file (Open… or a drop): validated, then played over the session. */
import type { SessionStore } from './session';
import { parseTourJson } from '../scenario/tour/codec';
import { PROTOCOL_IDS, getProtocol, withProtocols } from '../protocols/loader';
import { tourStore } from './tour';

/** Whether a file's text declares itself a tour (read before parsing, as the importer does). */
export const isTourText = (text: string): boolean => /^\uFEFF?\s*\{\s*"format"\s*:\s*"faultline-tour"/.test(text.slice(0, 256));

/** Starts the tour; returns the validator's errors instead when it is refused. */
export async function openTourText(session: SessionStore, text: string): Promise<string[] | null> {
  // Validating the tour's scenario needs its protocols, loaded on demand (issue 17).
  const r = await withProtocols(() => parseTourJson(text, getProtocol, [...PROTOCOL_IDS]));
  if (!r.ok) return r.errors;
  tourStore.getState().start(r.tour, session);
  return null;
}
