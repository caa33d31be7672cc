/**
 * The selected node's actions beside it (issue 17, item 2): at 1440 × 900 the cluster view,
 * the node's actions, the playback bar and the timeline are all in the viewport at once; the
 * actions act on the node; "A" focuses them and Escape gives focus back to the node.
 */
import { test, expect } from '@playwright/test';
import { advanceTo, freshApp } from './helpers';

test('at 1440 × 900 the node’s actions sit beside it, with the stage, playback bar and timeline in view', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await freshApp(page);
  await advanceTo(page, 1500);
  await page.locator('[data-testid="clusterview"] [data-node="n2"]').click();
  const actions = page.getByTestId('node-actions');
  await expect(actions).toHaveAttribute('aria-label', 'Actions for n2');
  for (const el of [page.getByTestId('clusterview'), actions, page.getByTestId('play'), page.getByTestId('clock'), page.getByTestId('timeline')]) await expect(el).toBeInViewport({ ratio: 1 });
  // Beside the node, past its label on the outer side: near it, level with it, and over no
  // other node (towards the middle it covered the neighbours, issue 17).
  const glyph = (await page.locator('[data-testid="clusterview"] [data-node="n2"] circle').first().boundingBox())!;
  const box = (await actions.boundingBox())!;
  expect(Math.min(Math.abs(box.x - (glyph.x + glyph.width)), Math.abs(box.x + box.width - glyph.x))).toBeLessThan(120);
  expect(box.y).toBeLessThan(glyph.y + glyph.height);
  expect(box.y + box.height).toBeGreaterThan(glyph.y);
  for (const other of ['n1', 'n3', 'n4', 'n5']) {
    const o = (await page.locator(`[data-testid="clusterview"] [data-node="${other}"] circle`).first().boundingBox())!;
    const apart = o.x + o.width <= box.x || o.x >= box.x + box.width || o.y + o.height <= box.y || o.y >= box.y + box.height;
    expect(apart, other).toBe(true);
  }
  await page.screenshot({ path: 'test-results/node-actions-1440.png' });

  // The actions act on the node: crash it, then the same place offers a restart.
  await actions.getByRole('button', { name: 'Crash' }).click();
  await expect.poll(() => page.evaluate(() => window.__faultline!.store.getState().frame.nodes.find((n) => n.id === 'n2')!.up)).toBe(false);
  await expect(actions.getByRole('button', { name: 'Restart', exact: true })).toBeVisible();

  // Keyboard: A focuses the first action, arrows move, Escape goes back to the node.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('3');
  await expect(actions).toHaveAttribute('aria-label', 'Actions for n3');
  await page.keyboard.press('a');
  await expect(actions.getByRole('button').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(actions.getByRole('button').nth(1)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-testid="clusterview"] [data-node="n3"]')).toBeFocused();
});

test('on a small stage the actions stay in the bar under it, not over the nodes', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await freshApp(page);
  await page.keyboard.press('2');
  await expect(page.getByTestId('node-actions')).toHaveCount(0);
});
