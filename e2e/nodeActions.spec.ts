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

  // A compact subset of the bar, not a copy of it: icons named by their tooltips, no visible
  // label of the bar repeated, none disabled, and every one also in the bar.
  const quick = actions.getByRole('button');
  await expect(quick).toHaveCount(3);
  expect(await actions.innerText()).toBe('');
  const bar = page.locator('.faults');
  for (const [i, name] of ['Crash', 'Pause', 'Force timeout'].entries()) {
    await expect(quick.nth(i)).toHaveAccessibleName(name);
    await expect(quick.nth(i)).toHaveAttribute('title', new RegExp(`^${name} \\(.\\)$`));
    await expect(quick.nth(i)).toBeEnabled();
    await expect(bar.getByRole('button', { name, exact: true })).toHaveCount(1);
  }

  // The actions act on the node: crash it, then the same place offers a restart.
  await actions.getByRole('button', { name: 'Crash' }).click();
  await expect.poll(() => page.evaluate(() => window.__faultline!.store.getState().frame.nodes.find((n) => n.id === 'n2')!.up)).toBe(false);
  await expect(actions.getByRole('button', { name: 'Restart', exact: true })).toBeVisible();
  // The restart that loses the disk stays in the bar alone.
  await expect(actions.getByRole('button')).toHaveCount(1);

  // Keyboard: A focuses the first action, arrows move, Escape goes back to the node.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('3');
  await expect(actions).toHaveAttribute('aria-label', 'Actions for n3');
  await page.keyboard.press('a');
  await expect(actions.getByRole('button').first()).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(actions.getByRole('button').nth(1)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-testid="clusterview"] [data-node="n3"]')).toBeFocused();
});

test('on a small stage the actions stay in the bar under it, not over the nodes; A reaches them there', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 700 });
  await freshApp(page);
  await page.keyboard.press('2');
  await expect(page.getByTestId('node-actions')).toHaveCount(0);
  await page.keyboard.press('a');
  await expect(page.getByTestId('fault-crash')).toBeFocused();
});
