/** Puts a link to this exact run (scenario and cursor step) in the address bar and clipboard. */
import type { SessionState } from '../store/session';

export async function copyLink(state: SessionState): Promise<string> {
  // The link code (and its DEFLATE) stays out of the first load; it is small and loads at once.
  const { linkFragment } = await import('../store/link');
  const fragment = linkFragment(state.sim.scenario, state.frame.step, state.frame.time, state.speed);
  const url = `${location.origin}${location.pathname}${location.search}${fragment}`;
  history.replaceState(null, '', fragment);
  try {
    await navigator.clipboard.writeText(url);
    state.setNotice({ kind: 'info', key: 'notice.linkCopied' });
  } catch {
    state.setNotice({ kind: 'info', key: 'notice.copyFailed' });
  }
  return url;
}
