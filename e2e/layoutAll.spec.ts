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

test('1440 × 900: a notice that wraps to several lines takes its own height from the stage, so the playback bar and the timeline stay in view', async ({ page }) => {
  // (At 1024 × 768 the stage is at its 400 px floor already: nothing more to give.)
  await page.setViewportSize({ width: 1440, height: 900 });
  await freshApp(page);
  await page.keyboard.press('s');
  await page.getByRole('button', { name: 'Open scenario raft:figure-8-bug' }).click();
  await expect(page.getByTestId('scenario-note')).toBeVisible();
  // A long detail (a file name, a link's error) wraps the notice to several lines.
  await page.evaluate(() => window.__faultline!.store.getState().setNotice({ kind: 'error', key: 'notice.importFailed', detail: 'a-very-long-file-name '.repeat(56) }));
  const notice = page.getByTestId('notice');
  await expect(notice).toBeVisible();
  expect((await notice.boundingBox())!.height).toBeGreaterThan(110);
  for (const el of [page.getByTestId('play'), page.getByTestId('clock')]) await expect(el).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('timeline')).toBeInViewport({ ratio: 1 });
});
