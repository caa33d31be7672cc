/** The client-history view: Raft's stale-read bug caught by the linearizability checker and
 * pinned in the history; clicking a violating op moves the cursor there. */
import { expect, test, type Page } from '@playwright/test';
import { advanceTo, freshApp, leader, time } from './helpers';

async function openScenario(page: Page, id: string) {
  await page.keyboard.press('s');
  await page.getByRole('button', { name: `Open scenario ${id}` }).click();
}

test('stale-read-bug: the history marks the stale read and the write it missed, and a click seeks there', async ({ page }) => {
  await freshApp(page);
  await openScenario(page, 'raft:stale-read-bug');
  await advanceTo(page, 900);
  const panel = page.getByTestId('history-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('history-verdict')).toHaveAttribute('data-verdict', 'violated');
  await expect(page.getByTestId('history-why')).toContainText('get(x) → "1" cannot take effect');
  // The core: both writes and the stale read, marked by more than colour.
  const bad = panel.locator('[data-violating="true"]');
  await expect(bad).toHaveCount(3);
  const read = panel.getByRole('button', { name: /get x → 1 by n1: ok.*in the violation/ });
  await expect(read).toBeVisible();
  await expect(read).toContainText('! ✓ get x → 1');
  // The invariant panel names the same violation.
  await expect(page.locator('li.iv-item[data-invariant="linearizable"]')).toHaveAttribute('data-status', 'violated');

  for (const [w, h] of [[1440, 900], [1024, 768]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/history-${w}x${h}.png`, fullPage: true });
  }

  // From the end of the run, a click on the read brings the cursor back to it.
  await page.evaluate(() => window.__faultline!.store.getState().seekStep(window.__faultline!.store.getState().frame.head));
  await expect.poll(() => time(page)).toBeGreaterThan(400);
  await read.click();
  // The read was answered at once (no heartbeat round) at 400 ms: the cursor goes there.
  await expect.poll(() => time(page)).toBe(400);
  await expect(page.getByTestId('history-verdict')).toHaveAttribute('data-verdict', 'violated');
});

test('a correct Raft run shows its history as linearizable', async ({ page }) => {
  await freshApp(page);
  await openScenario(page, 'raft:happy-path');
  await advanceTo(page, 1000);
  await expect(page.getByTestId('history-verdict')).toHaveAttribute('data-verdict', 'holds');
  await expect(page.getByTestId('history-panel').locator('[data-status="ok"]')).toHaveCount(3);
});

test('a put and a read sent together by one client each get a row of their own in its lane', async ({ page }) => {
  await freshApp(page);
  await advanceTo(page, 1500);
  const l = (await leader(page))!;
  await page.keyboard.press(l.id.slice(1));
  await page.getByTestId('fault-request').click();
  await page.getByTestId('command-read').click();
  await advanceTo(page, (await time(page)) + 1000);
  const lane = page.getByTestId('history-panel').locator(`g[data-client="${l.id}"]`);
  await expect(lane).toHaveAttribute('data-rows', '2');
  const bars = lane.locator('.hi-op');
  await expect(bars).toHaveCount(2);
  expect(await bars.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-row')).sort())).toEqual(['0', '1']);
  // Neither bar covers the other: their boxes are apart, one row below the other.
  const [a, b] = await bars.locator('rect').evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().toJSON() as DOMRect));
  expect(a!.bottom <= b!.top || b!.bottom <= a!.top).toBe(true);
  for (const [w, h] of [[1440, 900], [1024, 768]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.getByTestId('history-panel').screenshot({ path: `test-results/history-rows-${w}x${h}.png` });
  }
});
