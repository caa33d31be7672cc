/**
 * The space-time diagram's colour key and the heartbeat filter (issue 17, item 10): the key
 * names every message type the run sent, in the cluster legend's colours; hiding heartbeats
 * takes the empty AppendEntries and their replies out of the diagram and the cluster view at once.
 */
import { test, expect, type Page } from '@playwright/test';
import { freshApp, leader, playUntil } from './helpers';

/** In-flight messages at the cursor: all, heartbeats (no entries), and heartbeat replies (a
 * success at the heartbeat's term, sent back to its sender by the event that delivered it; a
 * rejection stays in view). */
const flights = (page: Page) =>
  page.evaluate(() => {
    const s = window.__faultline!.store.getState();
    const empty = (p: Record<string, unknown>) => Array.isArray(p.entries) && p.entries.length === 0;
    const replies = new Set<number>();
    for (const e of s.sim.events) if (e.kind === 'deliver' && e.message && empty(e.message.payload)) for (const m of e.sent ?? []) if (m.to === e.message.from && m.payload.success === true && m.payload.term === e.message.payload.term) replies.add(m.id);
    const f = s.frame.inFlight;
    return { all: f.length, beats: f.filter((x) => empty(x.message.payload)).length, replies: f.filter((x) => replies.has(x.message.id)).length };
  });

test('the colour key lists each type in the legend’s colour; hiding heartbeats clears them from both views', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await freshApp(page);
  await playUntil(page, 4000, 5);
  expect(await leader(page)).toBeDefined();
  // Step until a heartbeat and a heartbeat's reply are in flight at the cursor.
  for (let i = 0; i < 200 && ((await flights(page)).beats === 0 || (await flights(page)).replies === 0); i++) await page.evaluate(() => window.__faultline!.store.getState().stepForward());
  const before = await flights(page);
  expect(before.beats).toBeGreaterThan(0);
  expect(before.replies).toBeGreaterThan(0);

  const key = page.getByTestId('spacetime-typekey');
  await expect(key.locator('li[data-type="AppendEntries"]')).toBeVisible();
  await expect(key.locator('li[data-type="RequestVote"]')).toBeVisible();
  // Same colour as the cluster view's legend swatch for that family.
  const keyColour = await key.locator('li[data-type="AppendEntries"] .st-swatch').evaluate((e) => getComputedStyle(e).backgroundColor);
  const legend = page.getByTestId('clusterview').locator('.cl-legend-types li', { hasText: /^AppendEntries$/ }).locator('.cl-swatch');
  expect(await legend.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(keyColour);
  // A reply is its own colour (the light shade of its request's hue), in the key too.
  const reply = key.locator('li[data-type="AppendEntriesResponse"] .st-swatch');
  if ((await reply.count()) > 0) expect(await reply.evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe(keyColour);

  const dots = page.getByTestId('clusterview').locator('[data-message]');
  await expect(dots).toHaveCount(before.all);
  const canvas = page.getByTestId('spacetime-canvas');
  await page.getByTestId('spacetime-fit').click();
  // The diagram draws on the next animation frame: read the count once the fit is drawn.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));
  const arrows = Number(await canvas.getAttribute('data-arrows'));

  await key.getByTestId('hide-heartbeats').check();
  // The replies go too (walk-through: every AppendEntriesResponse stayed).
  await expect(dots).toHaveCount(before.all - before.beats - before.replies);
  await expect.poll(async () => Number(await canvas.getAttribute('data-arrows'))).toBeLessThan(arrows);
  // The cluster view's switch is the same one.
  await expect(page.getByTestId('clusterview').getByTestId('hide-heartbeats')).toBeChecked();
  await page.getByTestId('clusterview').getByTestId('hide-heartbeats').uncheck();
  await expect(dots).toHaveCount(before.all);
  await expect.poll(async () => Number(await canvas.getAttribute('data-arrows'))).toBe(arrows);
});
