/**
 * Issue 17's leftovers, checked by geometry in the browser (never by time): the hash ring's
 * nodes, labels and centre note never overlap at 1440 × 900, 1024 × 768 and 800 × 600; the
 * compare pane's "broken" badge never covers a node or its label.
 */
import { expect, test, type Page } from '@playwright/test';
import { freshApp } from './helpers';
import { overlaps } from './overlaps';

const SIZES = [
  [1440, 900],
  [1024, 768],
  [800, 600],
] as const;

async function open(page: Page, id: string) {
  await page.keyboard.press('s');
  await page.getByRole('button', { name: `Open scenario ${id}` }).click();
}

for (const [w, h] of SIZES) {
  test(`${w} × ${h}: the hash ring's nodes, labels and note do not overlap, before and after a join`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await freshApp(page);
    const view = page.getByTestId('clusterview');
    await open(page, 'chash:put-get');
    // Before anything has played: no keys, so the note shows, and the spare and client stand aside.
    await expect(view.getByTestId('ring-note')).toBeVisible();
    await expect(view.locator('[data-node]')).toHaveCount(7);
    expect(await overlaps(view)).toEqual([]);
    // The join: n6 moves onto the ring; keys are stored (no note).
    await open(page, 'chash:join');
    await page.keyboard.press('End');
    await expect(view.getByTestId('ring-note')).toHaveCount(0);
    expect(await overlaps(view)).toEqual([]);
    // Nine servers in the ring, two spares and two clients, in Chinese, with the note.
    await page.evaluate(() => {
      const s = window.__faultline!.store.getState();
      const nodes = Array.from({ length: 13 }, (_, i) => `n${i + 1}`);
      s.load({ ...s.sim.scenario, nodes, params: { ...s.sim.scenario.params, spares: 2, clients: 2 }, actions: [] } as never);
      s.setLang('zh-CN');
    });
    await expect(view.locator('[data-node]')).toHaveCount(13);
    await expect(view.getByTestId('ring-note')).toBeVisible();
    expect(await overlaps(view)).toEqual([]);
  });
}

for (const [w, h] of SIZES.slice(0, 2)) {
  test(`${w} × ${h}: compare mode's "broken" badge covers no node and no label, in either pane`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await freshApp(page);
    await open(page, 'twopc:compare-partition');
    await page.keyboard.press('End');
    await expect(page.getByTestId('compare-right-status')).toContainText('510');
    for (const side of ['left', 'right']) {
      const pane = page.getByTestId(`compare-${side}`);
      // The badge (or "holds") against the pane's nodes and labels, and every label inside the drawing.
      expect(await overlaps(pane, [`[data-testid="compare-${side}-status"]`]), side).toEqual([]);
    }
  });
}
