/**
 * Chooses what the app opens with: a valid link, else the autosaved session, else a fresh
 * 5-node cluster. A bad link never costs the user their work: it yields a notice instead.
 */
import type { Scenario } from '../scenario/types';
import type { Notice, SessionStore } from '../store/session';
import { hasLink, hasSession, savedProtocolHint, type SavedSession } from '../store/persist';
import type { LinkResult } from '../store/link';
import { DEFAULT_SETTINGS, freeCluster } from '../store/settings';
import { CHUNKED_FROM_ACTIONS, loader } from '../store/loader';
import { ensureProtocols, withProtocols } from '../store/protocolLoad';
import { loadProtocol } from '../protocols/loader';

export interface Boot {
  scenario: Scenario;
  step?: number;
  time?: number;
  speed?: number;
  notice: Notice | null;
  /** The scenario came from the link. */
  fromLink?: true;
}

/** `readLink` is link.ts's, passed in when the hash carries a link: the link code (and its
 * DEFLATE) loads only then. `loadSession` is savedSession.ts's, passed in when there is a saved
 * session: the scenario validator loads only then (issue 17). */
export function boot(hash: string, storage: Storage, readLink: (hash: string) => LinkResult = () => ({ kind: 'none' }), loadSession: (storage: Storage) => SavedSession | null = () => null): Boot {
  const link = readLink(hash);
  if (link.kind === 'ok') return { fromLink: true, scenario: link.scenario, ...(link.step !== undefined ? { step: link.step } : {}), ...(link.time !== undefined ? { time: link.time } : {}), ...(link.speed !== undefined ? { speed: link.speed } : {}), notice: null };
  const saved = loadSession(storage);
  // Only someone with a saved session has a previous session to keep: the app's own fresh
  // cluster, saved as it was left (a browser that only ever saw bad links), is not one.
  const own = saved !== null && isFreshCluster(saved.scenario);
  const bad: Notice | null = link.kind === 'bad' ? { kind: 'error', key: saved && !own ? 'notice.badLink' : 'newcomer.badLinkFresh', detail: link.reason } : null;
  const notice: Notice | null = bad ?? (saved && !own ? { kind: 'info', key: 'notice.restored' } : null);
  if (saved) return { scenario: saved.scenario, step: saved.step, ...(saved.time !== undefined ? { time: saved.time } : {}), ...(saved.speed !== undefined ? { speed: saved.speed } : {}), notice };
  return { scenario: freeCluster(DEFAULT_SETTINGS), notice };
}

/** The app's own fresh cluster, as a browser with nothing saved opens it (compared field by
 * field: a saved copy comes back through validation, which may add defaults). */
function isFreshCluster(s: Scenario): boolean {
  const fresh = freeCluster(DEFAULT_SETTINGS);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return s.actions.length === 0 && s.name === fresh.name && s.protocol === fresh.protocol && s.seed === fresh.seed && s.until === fresh.until && same(s.nodes, fresh.nodes) && same(s.network, fresh.network) && same(s.params, fresh.params);
}

/** link.ts's reader; should its chunk fail to arrive (offline, a redeploy), every link reads as
 * bad, with the reason, so the saved session still opens and the user is told. */
async function linkReader(): Promise<(hash: string) => LinkResult> {
  try {
    return (await import('../store/link')).readLink;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return () => ({ kind: 'bad', reason });
  }
}

/** `boot`, once the protocols the link or the saved session runs are loaded (issue 17). */
export async function bootLoaded(hash: string, storage: Storage): Promise<Boot> {
  // The saved run's protocol loads while its validator arrives, not after (no waterfall).
  const hint = hasLink(hash) ? null : savedProtocolHint(storage);
  if (hint) void loadProtocol(hint).catch(() => undefined);
  const [read, readSaved] = await Promise.all([hasLink(hash) ? linkReader() : undefined, hasSession(storage) ? import('../store/savedSession').then((m) => m.loadSession) : undefined]);
  const start = await withProtocols(() => boot(hash, storage, read, readSaved));
  if (start.notice?.key === 'notice.badLink' || start.notice?.key === 'newcomer.badLinkFresh') forgetBadLink();
  await ensureProtocols(start.scenario);
  return start;
}

/** Once a bad link is reported (the notice keeps its text), it leaves the address bar, so a
 * reload does not report it again. No hashchange fires; a query (`?tour=`, `?embed=`) stays. */
export function forgetBadLink(): void {
  if (typeof history === 'undefined' || typeof location === 'undefined' || !location.hash) return;
  history.replaceState(history.state, '', location.pathname + location.search);
}

/** Opens a link in a running app; a bad one leaves the current run as it is. */
export async function openLink(store: SessionStore, hash: string): Promise<void> {
  // Validating the link needs its protocols, loaded on demand before the sync reader runs.
  if (!hasLink(hash)) return;
  const readLink = await linkReader();
  const link = await withProtocols(() => readLink(hash));
  if (link.kind === 'none') return;
  if (link.kind === 'bad') {
    store.getState().setNotice({ kind: 'error', key: 'notice.badLink', detail: link.reason });
    forgetBadLink();
    return;
  }
  // Our own "copy link" writes the hash too; reopening the same run would only reset the view.
  const s = store.getState();
  if (JSON.stringify(link.scenario) === JSON.stringify(s.sim.scenario)) return;
  const after = () => {
    if (link.step !== undefined && link.time !== undefined) store.getState().seekStep(link.step, link.time);
    if (link.speed !== undefined) store.getState().setSpeed(link.speed);
  };
  // A large run records in chunks, with progress and a cancel that keeps this run.
  if (isLarge(link.scenario)) {
    void loader.open(store, link.scenario, link.step).then((adopted) => adopted && after());
    return;
  }
  s.replace(link.scenario, link.step);
  after();
}

/** Large enough to record in chunks rather than at once. */
export const isLarge = (scenario: Scenario): boolean => scenario.actions.length >= CHUNKED_FROM_ACTIONS;
