/** Shared helpers for browser tests: read state through window.__faultline, act through the UI. */
import type { Page } from '@playwright/test';

export interface NodeInfo {
  id: string;
  up: boolean;
  role: string;
  term: number;
  log: { term: number; command: string }[];
  commitIndex: number;
  votedFor: string | null;
}

export async function nodes(page: Page): Promise<NodeInfo[]> {
  return page.evaluate(() =>
    window.__faultline!.store.getState().frame.nodes.map((n) => {
      const s = n.state as { role: string; currentTerm: number; log: { term: number; command: string }[]; commitIndex: number; votedFor: string | null };
      return { id: n.id, up: n.up, role: s.role, term: s.currentTerm, log: s.log, commitIndex: s.commitIndex, votedFor: s.votedFor };
    }),
  );
}

export async function leader(page: Page): Promise<NodeInfo | undefined> {
  return (await nodes(page)).find((n) => n.up && n.role === 'leader');
}

/** Plays at the given speed until `until` simulated ms (or the condition holds). */
export async function playUntil(page: Page, until: number, speed = 20): Promise<void> {
  await page.evaluate((s) => window.__faultline!.store.getState().setSpeed(s), speed);
  if (!(await page.evaluate(() => window.__faultline!.store.getState().playing))) await page.getByTestId('play').click();
  await page.waitForFunction((t) => window.__faultline!.store.getState().frame.time >= t, until, { timeout: 20_000 });
  await page.evaluate(() => window.__faultline!.store.getState().pause());
}

export async function time(page: Page): Promise<number> {
  return page.evaluate(() => window.__faultline!.store.getState().frame.time);
}

/** A fresh app with no saved session. */
export async function freshApp(page: Page, hash = ''): Promise<void> {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto(`/${hash}`);
  await page.getByTestId('play').waitFor();
}

/** Plays to exactly `t` simulated ms, then pauses: no overshoot, however slow the machine. A
 * tick records for a bounded wall time (issue 10) and may stop short, the cursor waiting at the
 * last recorded event: ticks repeat until `t` (or a violation pauses playback). */
export async function advanceTo(page: Page, t: number, { keepSpeed = false } = {}): Promise<void> {
  await page.evaluate(
    ([to, keep]) => {
      const now = () => window.__faultline!.store.getState();
      if (!keep) now().setSpeed(1);
      now().play();
      // The first tick may also go back (a negative step seeks there), as one tick always did.
      let i = 0;
      do now().tick((to - now().frame.time) / now().speed);
      while (++i < 100_000 && now().playing && now().frame.time < to);
      now().pause();
    },
    [t, keepSpeed] as const,
  );
}

/** Loads a scenario and puts the cursor at `step` (by default the run's end). */
export async function loadAt(page: Page, scenario: unknown, step = 1e9): Promise<void> {
  await page.evaluate(
    ([sc, k]) => {
      const store = window.__faultline!.store;
      store.getState().load(sc as never);
      store.getState().seekStep(k);
    },
    [scenario, step] as const,
  );
}

/** The window sizes the layout tests look at (issue 17). */
export const LAYOUT_SIZES = [
  [1440, 900],
  [1024, 768],
  [800, 600],
] as const;

/** Opens a curated scenario (`protocol:name`) through the scenario list, as a user does. */
export async function openScenario(page: Page, id: string): Promise<void> {
  await page.keyboard.press('s');
  await page.getByRole('button', { name: `Open scenario ${id}` }).click();
}
