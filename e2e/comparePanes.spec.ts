/**
 * Compare mode's panes side by side from 1200 px (issue 17, item 3) and still at 1024 px, where
 * the side panels move beside the playback bar to leave the panes the window's width: same top,
 * equal widths, nothing clipped sideways. The stage keeps its fixed height: both cluster views,
 * the actions bar, the playback bar and the timeline's top are in view at once, and the panes'
 * tables are a scroll below inside the stage, with a "more below" hint. They stack only below
 * 700 px.
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

test('compare panes sit side by side at 1440, 1200, 1199 and 1024 px, and stack at 640 px', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await freshApp(page);
  await page.keyboard.press('s');
  await page.getByRole('button', { name: 'Open scenario twopc:compare-tm-crash' }).click();
  await expect(page.getByTestId('compare-right')).toBeVisible();
  for (const [width, height] of [
    [1440, 900],
    [1200, 900],
    [1199, 900],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect.poll(async () => (await panes(page)).left.y === (await panes(page)).right.y).toBe(true);
    const { left, right, clipped } = await panes(page);
    expect(right.x).toBeGreaterThanOrEqual(left.x + left.width);
    expect(Math.abs(left.width - right.width)).toBeLessThan(2);
    expect(left.width).toBeGreaterThan(400);
    expect(right.x + right.width).toBeLessThanOrEqual(width);
    expect(clipped).toEqual([false, false]);
    // Both drawings, the actions bar and the shared controls at once, without scrolling.
    for (const side of ['left', 'right']) await expect(page.getByTestId(`compare-${side}`).locator('.cl-svg')).toBeInViewport({ ratio: 0.9 });
    for (const id of ['open-partition', 'play', 'clock', 'timeline']) await expect(page.getByTestId(id), `${id} at ${width}`).toBeInViewport();
  }
  // At 1024 the tables are inside the stage, a scroll below, and the stage says so.
  await expect(page.getByTestId('compare-more')).toBeVisible();
  await expect(page.getByTestId('compare-left').locator('.tx-panel')).not.toBeInViewport();
  await page.getByTestId('compare-more').click();
  await expect(page.getByTestId('compare-left').locator('.tx-panel')).toBeInViewport();
  await expect(page.getByTestId('play')).toBeInViewport();

  await page.setViewportSize({ width: 640, height: 768 });
  await expect.poll(async () => (await panes(page)).right.y > (await panes(page)).left.y).toBe(true);
  const { left, right, clipped } = await panes(page);
  expect(right.y).toBeGreaterThanOrEqual(left.y + left.height);
  expect(Math.abs(left.x - right.x)).toBeLessThan(2);
  expect(Math.abs(left.width - right.width)).toBeLessThan(2);
  expect(clipped).toEqual([false, false]);
});
