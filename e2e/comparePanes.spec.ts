/**
 * Compare mode's panes side by side from 1200 px (issue 17, item 3): same top, equal widths,
 * nothing clipped sideways. They stack only in narrower windows (below 1100 px, where each
 * would be narrower than 320 px next to the side panels), each then as wide as the stage.
 */
import { test, expect, type Page } from '@playwright/test';
import { freshApp } from './helpers';

async function panes(page: Page) {
  const left = (await page.getByTestId('compare-left').boundingBox())!;
  const right = (await page.getByTestId('compare-right').boundingBox())!;
  // Content wider than its pane would be cut off by the pane.
  const clipped = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.cmp-pane')].map((p) => p.scrollWidth - p.clientWidth > 1));
  return { left, right, clipped };
}

test('compare panes sit side by side at 1440, 1200 and 1199 px, and stack at 1024 px', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await freshApp(page);
  await page.keyboard.press('s');
  await page.getByRole('button', { name: 'Open scenario twopc:compare-tm-crash' }).click();
  await expect(page.getByTestId('compare-right')).toBeVisible();
  for (const width of [1440, 1200, 1199]) {
    await page.setViewportSize({ width, height: 900 });
    await expect.poll(async () => (await panes(page)).left.y === (await panes(page)).right.y).toBe(true);
    const { left, right, clipped } = await panes(page);
    expect(right.x).toBeGreaterThanOrEqual(left.x + left.width);
    expect(Math.abs(left.width - right.width)).toBeLessThan(2);
    expect(left.width).toBeGreaterThan(400);
    expect(right.x + right.width).toBeLessThanOrEqual(width);
    expect(clipped).toEqual([false, false]);
  }
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect.poll(async () => (await panes(page)).right.y > (await panes(page)).left.y).toBe(true);
  const { left, right, clipped } = await panes(page);
  expect(right.y).toBeGreaterThanOrEqual(left.y + left.height);
  expect(Math.abs(left.x - right.x)).toBeLessThan(2);
  expect(Math.abs(left.width - right.width)).toBeLessThan(2);
  expect(clipped).toEqual([false, false]);
});
