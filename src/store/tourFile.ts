/** A tour opened from a file (Open… or a drop): validated, then played over the session; and a
 * built-in tour, whose curated scenario (`scenarioId`) is filled in first. */
import type { SessionStore } from './session';
import { parseTourJson } from '../scenario/tour/codec';
import { resolveTour } from '../scenario/tour/scenarioRef';
import type { TourInput } from '../scenario/tour/types';
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

/** Starts a tour as written (a built-in): its named scenario's protocol loads first. When it
 * cannot be resolved (a curated scenario renamed under it), a notice says why. */
export async function openTour(session: SessionStore, input: TourInput, step?: number, quiet?: boolean): Promise<boolean> {
  let r: Awaited<ReturnType<typeof resolveTour>>;
  try {
    r = await withProtocols(() => resolveTour(input, getProtocol, [...PROTOCOL_IDS]));
  } catch (err) {
    // A protocol's code that did not arrive (offline): say so rather than fail silently.
    session.getState().setNotice({ kind: 'error', key: 'notice.badLink', detail: String(err instanceof Error ? err.message : err).slice(0, 200) });
    return false;
  }
  if (!r.ok) {
    session.getState().setNotice({ kind: 'error', key: 'notice.badLink', detail: r.errors.join('; ') });
    return false;
  }
  tourStore.getState().start(r.tour, session, step, quiet);
  return true;
}
