/**
 * Chooses what the app opens with: a valid link, else the autosaved session, else a fresh
 * 5-node cluster. A bad link never costs the user their work: it yields a notice instead.
 */
import type { Scenario } from '../scenario/types';
import type { Notice, SessionStore } from '../store/session';
import { hasLink, loadSession } from '../store/persist';
import type { LinkResult } from '../store/link';
import { DEFAULT_SETTINGS, freeCluster } from '../store/settings';
import { CHUNKED_FROM_ACTIONS, loader } from '../store/loader';
import { ensureProtocols, withProtocols } from '../store/protocolLoad';

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
 * DEFLATE) loads only then. */
export function boot(hash: string, storage: Storage, readLink: (hash: string) => LinkResult = () => ({ kind: 'none' })): Boot {
  const link = readLink(hash);
  if (link.kind === 'ok') return { fromLink: true, scenario: link.scenario, ...(link.step !== undefined ? { step: link.step } : {}), ...(link.time !== undefined ? { time: link.time } : {}), ...(link.speed !== undefined ? { speed: link.speed } : {}), notice: null };
  const saved = loadSession(storage);
  // Only someone with a saved session has a previous session to keep.
  const bad: Notice | null = link.kind === 'bad' ? { kind: 'error', key: saved ? 'notice.badLink' : 'newcomer.badLinkFresh', detail: link.reason } : null;
  const notice: Notice | null = bad ?? (saved ? { kind: 'info', key: 'notice.restored' } : null);
  if (saved) return { scenario: saved.scenario, step: saved.step, ...(saved.time !== undefined ? { time: saved.time } : {}), ...(saved.speed !== undefined ? { speed: saved.speed } : {}), notice };
  return { scenario: freeCluster(DEFAULT_SETTINGS), notice };
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
  const read = hasLink(hash) ? await linkReader() : undefined;
  const start = await withProtocols(() => boot(hash, storage, read));
  await ensureProtocols(start.scenario);
  return start;
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
