import { expect, test } from '@playwright/test';
import { encodeScenarioUrl } from '../src/scenario/codec';
import { twopcBegins } from '../bench/reproducers';
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
