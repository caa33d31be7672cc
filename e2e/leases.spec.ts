/** The lock service in the browser: the lease chart, the write log, node notes, and the fencing
 * comparison. Screenshots go to test-results/ for a look (LOCK_SHOTS=1). */
import { expect, test, type Page } from '@playwright/test';
import { advanceTo, freshApp } from './helpers';

async function openScenario(page: Page, id: string) {
  await page.keyboard.press('s');
  await page.getByRole('button', { name: `Open scenario ${id}` }).click();
}

/** Plays to `t`, through the pauses playback makes at each violation. */
async function advancePast(page: Page, t: number) {
  for (let i = 0; i < 6 && (await page.evaluate(() => window.__faultline!.store.getState().frame.time)) < t; i++) await advanceTo(page, t);
}

async function shot(page: Page, name: string) {
  if (!process.env.LOCK_SHOTS) return;
  for (const [w, h] of [
    [1440, 900],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `test-results/lock-${name}-${w}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('lease chart: skew beyond the bound shows both clients believing at once, and fencing rejects c1', async ({ page }) => {
  await freshApp(page);
  await openScenario(page, 'lock:skew-beyond-bound');
  const panel = page.getByTestId('leases');
  await expect(panel.getByRole('heading', { name: 'Leases' })).toBeVisible();
  await advanceTo(page, 1000);
  await expect(panel.getByRole('heading', { name: 'Leases of L' })).toBeVisible();
  // c1 holds L with token 1; no overlap yet.
  await expect(panel.getByTestId('lease-row-c1').locator('[data-lane="belief"] [data-kind="holds"][data-token="1"]')).toHaveCount(1);
  await expect(panel.getByTestId('lease-overlap')).toHaveCount(0);
  const cluster = page.getByTestId('clusterview');
  await expect(cluster.getByRole('img', { name: /^c1: .*holds L #1/ })).toBeVisible();
  await expect(cluster.getByRole('img', { name: /^m1: .*L → c1 #1/ })).toBeVisible();
  // The master expired c1's session at 1200 ms on its own clock; c1's slow clock disagrees.
  await advanceTo(page, 1400);
  await expect(cluster.getByRole('img', { name: /^m1: .*L lock-delay, #1/ })).toBeVisible();
  await expect(cluster.getByRole('img', { name: /^c1: .*holds L #1/ })).toBeVisible();

  await advancePast(page, 2600);
  // c2 got L with token 2 while c1's slow clock still said its lease ran: the red band.
  await expect(panel.getByTestId('lease-overlap')).toHaveCount(1);
  await expect(panel.getByTestId('lease-overlap')).toHaveAttribute('title', /c1, c2 all believe they hold L/);
  await expect(panel.getByTestId('lease-row-c2').locator('[data-lane="master"] [data-token="2"]')).toHaveCount(1);
  // The master's lane for c1 ends well before c1's own belief does.
  const masterEnd = await panel.getByTestId('lease-row-c1').locator('[data-lane="master"] [data-kind="master"]').last().boundingBox();
  const beliefEnd = await panel.getByTestId('lease-row-c1').locator('[data-lane="belief"] [data-kind="holds"]').first().boundingBox();
  expect(beliefEnd!.x + beliefEnd!.width).toBeGreaterThan(masterEnd!.x + masterEnd!.width + 20);
  // The write log: c2's token 2 accepted, c1's token 1 rejected.
  const log = page.getByTestId('write-log');
  await expect(log.locator('tbody tr')).toHaveCount(2);
  await expect(log.locator('tr[data-writer="c2"]')).toHaveAttribute('data-outcome', 'accepted');
  await expect(log.locator('tr[data-writer="c1"]')).toHaveAttribute('data-outcome', 'rejected');
  await expect(page.getByTestId('invariants')).toContainText('Two clients never both believe they hold a lock');
  await expect(cluster.getByRole('img', { name: /^c1: .*jeopardy: grace/ })).toBeVisible();
  await shot(page, 'skew');

  // Clicking a lane moves the cursor there.
  const lane = panel.getByTestId('lease-row-c1').locator('[data-lane="belief"]');
  const box = (await lane.boundingBox())!;
  await lane.click({ position: { x: box.width * 0.25, y: box.height / 2 } });
  await expect.poll(() => page.evaluate(() => window.__faultline!.store.getState().frame.time)).toBeLessThan(800);
  await expect(log.locator('tbody tr')).toHaveCount(0);
});

test('fencing comparison: the same GC pause corrupts the data without tokens and is rejected with them', async ({ page }) => {
  await freshApp(page);
  await openScenario(page, 'lock:storage-ignores-tokens-bug');
  const left = page.getByTestId('compare-left');
  const right = page.getByTestId('compare-right');
  await expect(left.getByTestId('leases')).toBeVisible();
  await expect(right.getByTestId('leases')).toBeVisible();
  await advanceTo(page, 1000);
  // c1 is paused with its write in hand, on both sides.
  await expect(left.getByTestId('lease-row-c1').locator('[data-kind="paused"]')).toHaveCount(1);
  await expect(left.getByTestId('compare-left-status')).toContainText('invariants hold');

  await advancePast(page, 2500);
  const rows = (side: typeof left) => side.getByTestId('write-log').locator('tbody tr');
  await expect(rows(left)).toHaveCount(2);
  await expect(rows(right)).toHaveCount(2);
  // Left (storage ignores tokens): c1's stale write lands after c2's.
  await expect(rows(left).nth(1)).toHaveAttribute('data-outcome', 'stale');
  await expect(left.getByTestId('compare-left-status')).toContainText('No older holder writes after a newer one');
  // Right (fencing): rejected, and every invariant holds.
  await expect(rows(right).nth(1)).toHaveAttribute('data-outcome', 'rejected');
  await expect(right.getByTestId('compare-right-status')).toContainText('invariants hold');
  // Lease belief holds on both sides: no red band.
  await expect(page.getByTestId('lease-overlap')).toHaveCount(0);
  await shot(page, 'compare');
});

test('fail-over inside grace: jeopardy on the chart and on the node, then safe again', async ({ page }) => {
  await freshApp(page);
  await openScenario(page, 'lock:failover-in-grace');
  await advanceTo(page, 1500);
  const cluster = page.getByTestId('clusterview');
  await expect(cluster.getByRole('img', { name: /^c1: .*jeopardy: grace/ })).toBeVisible();
  await expect(page.getByTestId('lease-row-c1').locator('[data-kind="jeopardy"]')).toHaveCount(1);
  await advanceTo(page, 2500);
  await expect(cluster.getByRole('img', { name: /^c1: .*holds L #1/ })).toBeVisible();
  await expect(cluster.getByRole('img', { name: /^m2: .*L → c1 #1/ })).toBeVisible();
  await shot(page, 'failover');
});
