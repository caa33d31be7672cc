/**
 * Issue 17, items 2 and 3, for every protocol: with a node selected, the cluster view, the
 * node's actions, the playback bar and the timeline are all in view at once at 1440 × 900, and
 * at 1024 × 768 the actions and the playback bar still are (the note of a loaded scenario and
 * the "new run" notice left open: the worst case).
 */
import { expect, test } from '@playwright/test';
import { freshApp } from './helpers';

const DEFAULTS = ['raft:happy-path', 'twopc:happy-commit', 'threepc:happy-commit', 'chash:put-get', 'paxos:happy-path', 'zab:happy-path', 'lock:happy', 'multipaxos:steady-state'];

for (const [width, height] of [
  [1440, 900],
  [1024, 768],
] as const) {
  test(`${width} × ${height}: every protocol’s cluster, node actions and playback bar in view at once`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height });
    await freshApp(page);
    for (const id of DEFAULTS) {
      await page.keyboard.press('s');
      await page.getByRole('button', { name: `Open scenario ${id}` }).click();
      await page.getByTestId('clusterview').locator('[data-node]').first().click();
      const wanted = [page.getByTestId('fault-crash'), page.getByTestId('play'), page.getByTestId('clock')];
      if (width === 1440) wanted.push(page.getByTestId('clusterview'), page.getByTestId('timeline'), page.getByTestId('node-actions'));
      for (const el of wanted) await expect(el, id).toBeInViewport({ ratio: 1 });
      // The timeline's track at least begins above the fold at 1024.
      if (width === 1024) await expect(page.getByTestId('timeline'), id).toBeInViewport();
      await page.keyboard.press('Escape');
    }
  });
}
