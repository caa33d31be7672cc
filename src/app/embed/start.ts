/**
 * Starting the page as an embed: the run recorded ahead (so that the host is told its total
 * steps), the locks applied, and the bridge to the host page started when its origin is known.
 */
import type { SessionStore } from '../../store/session';
import type { EmbedOptions } from '../../store/embedLink';
import { applyLocks, type LockControl } from './locks';
import { resolveParentOrigin } from './origin';
import { startBridge } from './bridge';
import { followTourLocks } from './tourLocks';
import { tourStore } from '../../store/tour';

/** How many events an embed records at start-up: a curated run whole, a long one in part (the
 * rest is recorded as it plays, and the reported total grows). */
const RECORD_AHEAD = 20_000;

/** An embed's storage: nothing saved, nothing kept. */
export const noStorage: Storage = {
  length: 0,
  getItem: () => null,
  setItem: () => {},
  removeItem: () => {},
  clear: () => {},
  key: () => null,
};

export function startEmbed(store: SessionStore, options: EmbedOptions, problems: readonly string[]): LockControl {
  for (const p of problems) console.warn(`Faultline embed: ignored ${p}`);
  if (options.lang) store.getState().setLang(options.lang);
  store.getState().recordAhead(() => false, RECORD_AHEAD);
  const control = applyLocks(store, options);
  followTourLocks(control, tourStore, options.lockEdit);
  const framed = window.parent !== window;
  const ancestor = location.ancestorOrigins?.length ? location.ancestorOrigins[0]! : null;
  const origin = resolveParentOrigin({ framed, host: options.host, badHost: options.badHost, ancestor, referrer: document.referrer });
  if (!origin.ok) {
    if (framed) console.warn(`Faultline embed: no messages to or from the host page: ${origin.reason}`);
    return control;
  }
  const range: [number, number] | null = options.range ? [options.range.from, options.range.to] : null;
  startBridge(store, { range, editing: control.editing }, {
    listen(handler) {
      addEventListener('message', handler);
      return () => removeEventListener('message', handler);
    },
    parent: window.parent,
    origin: origin.origin,
    warn: (m) => console.warn(m),
  });
  return control;
}
