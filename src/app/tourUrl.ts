/**
 * Opens a tour named in the page URL (`?tour=raft-election`, `#tour=<compressed>`, optional
 * `tourStep=`; docs/formats.md): at boot, and when a pasted link changes the fragment. The tour
 * code loads only when a URL asks for it.
 */
import type { SessionStore } from '../store/session';
import { PROTOCOL_IDS, getProtocol, withProtocols } from '../protocols/loader';

let opened: string | null = null;

export async function openTourFromUrl(store: SessionStore, url: string, onlyFragment = false): Promise<void> {
  const [{ tourParams, decodeTour }, { builtinTour }, { tourStore }, { openTour }] = await Promise.all([import('../scenario/tour/codec'), import('../scenario/tour/builtin'), import('../store/tour'), import('../store/tourFile')]);
  const hash = url.indexOf('#');
  const params = tourParams(onlyFragment ? (hash >= 0 ? url.slice(hash) : '') : url);
  if (!params || params.tour === opened) return;
  opened = params.tour;
  const builtin = builtinTour(params.tour);
  // A built-in may name a curated scenario: resolving it loads its protocol (and says if it fails).
  if (builtin) return void (await openTour(store, builtin, params.step, true));
  // Validating the tour's scenario needs its protocols, loaded on demand (issue 17).
  const decoded = await withProtocols(() => decodeTour(params.tour, getProtocol, [...PROTOCOL_IDS]));
  const tour = decoded.ok ? decoded.tour : null;
  if (!tour) {
    const detail = /^[a-z0-9-]{1,64}$/.test(params.tour) && params.tour.length < 40 ? `no built-in tour is called "${params.tour}"` : !decoded.ok ? decoded.errors.join('; ') : '';
    store.getState().setNotice({ kind: 'error', key: 'notice.badLink', detail });
    return;
  }
  tourStore.getState().start(tour, store, params.step, true);
}
