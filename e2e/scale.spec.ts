import { expect, test } from '@playwright/test';
import { encodeScenarioUrl } from '../src/scenario/codec';
import { chashGets, twopcBegins } from '../bench/reproducers';
import { freshApp } from './helpers';

/** Issue 10: a large link records in chunks, with progress and a cancel, and the page keeps
 * answering. 2,000 begins at t = 0, opened at step 20,000. */
const big = `${encodeScenarioUrl(twopcBegins(2000))}&k=20000`;

const state = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const s = window.__faultline!.store.getState();
    return { protocol: s.sim.scenario.protocol, events: s.sim.eventCount, step: s.frame.step, actions: s.sim.scenario.actions.length };
  });

test('a large link shows progress and can be cancelled, keeping the run the app had', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('step').click();
  const before = await state(page);
  await page.evaluate((hash) => (location.hash = hash), big);
  const loading = page.getByTestId('loading');
  await expect(loading).toBeVisible();
  await expect(page.getByTestId('loading-progress')).toContainText(/events/);
  // Progress moves while the page answers (the test's own calls run between chunks).
  const first = await page.evaluate(() => document.querySelector('[data-testid="loading-progress"]')!.textContent);
  await expect(page.getByTestId('loading-progress')).not.toHaveText(first!);
  await page.getByTestId('loading-cancel').click();
  await expect(loading).toBeHidden();
  expect(await state(page)).toEqual(before);
  // Still usable: the run steps on.
  await page.getByTestId('step').click();
  await expect.poll(async () => (await state(page)).step).toBe(before.step + 1);
});

test('a large link opened at start records in chunks and opens at its step', async ({ page }) => {
  await freshApp(page);
  await page.goto(`/${encodeScenarioUrl(twopcBegins(400))}&k=3000`);
  await page.getByTestId('play').waitFor();
  await expect.poll(async () => (await state(page)).protocol, { timeout: 60_000 }).toBe('twopc');
  await expect(page.getByTestId('loading')).toBeHidden();
  const s = await state(page);
  expect(s.actions).toBe(400);
  expect(s.step).toBe(3000);
});

/** Opens a large link in the running app and waits until its run is adopted. */
async function openLarge(page: import('@playwright/test').Page, hash: string, protocol: string) {
  await freshApp(page);
  await page.evaluate((h) => (location.hash = h), hash);
  await expect.poll(async () => (await state(page)).protocol, { timeout: 60_000 }).toBe(protocol);
  await expect(page.getByTestId('loading')).toBeHidden();
}

test('a run with 2,000 gets in flight draws them on the canvas and the latest 200 ops, paused', async ({ page }) => {
  await openLarge(page, encodeScenarioUrl(chashGets(2000)), 'chash');
  // Paused at t = 0 with every get's request in flight: no SVG dot per message.
  const inFlight = await page.evaluate(() => window.__faultline!.store.getState().frame.inFlight.length);
  expect(inFlight).toBeGreaterThan(500);
  await expect(page.getByTestId('flight-canvas')).toHaveAttribute('data-count', String(inFlight));
  expect(await page.locator('.cl-msg').count()).toBe(0);
  // One client lane: its latest 200 of 2,000 ops drawn, and the note says so.
  const history = page.getByTestId('history-panel');
  await expect(page.getByTestId('history-latest')).toHaveAttribute('data-drawn', '200');
  await expect(page.getByTestId('history-latest')).toContainText('200 of 2000');
  expect(await history.locator('.hi-op').count()).toBe(200);
  // Stepping into the run keeps the cap (every op stays invoked).
  await page.getByTestId('step').click();
  expect(await history.locator('.hi-op').count()).toBe(200);
});

test('a run with 400 transactions shows the latest 8 and says how many there are', async ({ page }) => {
  await openLarge(page, `${encodeScenarioUrl(twopcBegins(400))}&k=3000`, 'twopc');
  const table = page.getByTestId('transactions');
  await expect(table.locator('[data-tx]')).toHaveCount(8);
  await expect(table).toContainText('400');
});
