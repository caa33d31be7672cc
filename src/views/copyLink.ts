/** Puts a link to this exact run (scenario and cursor step) in the address bar and clipboard. */
import type { SessionState } from '../store/session';

type LinkModule = typeof import('../store/link');
let linkModule: Promise<LinkModule> | null = null;

/** The link code (and its DEFLATE) stays out of the first load. The app asks for it once the
 * page is up, so that Copy link writes the clipboard inside the user's gesture (Safari and
 * Firefox allow a write only then); a failed fetch may be retried by the next call. */
export function preloadLink(): Promise<LinkModule> {
  linkModule ??= import('../store/link').catch((e: unknown) => {
    linkModule = null;
    throw e;
  });
  return linkModule;
}

export async function copyLink(state: SessionState): Promise<string> {
  let linkFragment: LinkModule['linkFragment'];
  try {
    ({ linkFragment } = await preloadLink());
  } catch (e) {
    state.setNotice({ kind: 'error', key: 'notice.linkFailed', detail: e instanceof Error ? e.message : String(e) });
    return '';
  }
  try {
    const fragment = linkFragment(state.sim.scenario, state.frame.step, state.frame.time, state.speed);
    const url = `${location.origin}${location.pathname}${location.search}${fragment}`;
    history.replaceState(null, '', fragment);
    await navigator.clipboard.writeText(url);
    state.setNotice({ kind: 'info', key: 'notice.linkCopied' });
    return url;
  } catch {
    state.setNotice({ kind: 'info', key: 'notice.copyFailed' });
    return '';
  }
}
