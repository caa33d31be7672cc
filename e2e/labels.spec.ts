/** Labels that must be read whole (issue 17, the first ten minutes): bug-switch ids never break
 * mid-word, and their descriptions start in one column, in each dialog that lists them. */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { freshApp } from './helpers';

async function checkSwitches(list: Locator) {
  const rows = await list.locator('label.check').evaluateAll((ls) =>
    ls.map((l) => {
      const code = l.querySelector('code')!;
      const desc = l.querySelector('span')!;
      return { id: code.textContent, lines: code.getClientRects().length, height: code.getBoundingClientRect().height, descLeft: Math.round(desc.getBoundingClientRect().left), codeRight: code.getBoundingClientRect().right };
    }),
  );
  expect(rows.length).toBeGreaterThan(1);
  const lineHeight = Math.min(...rows.map((r) => r.height));
  for (const r of rows) {
    expect(r.lines, r.id!).toBe(1);
    expect(r.height, r.id!).toBeLessThan(lineHeight * 1.5);
    expect(r.codeRight, r.id!).toBeLessThanOrEqual(r.descLeft);
  }
  expect(new Set(rows.map((r) => r.descLeft)).size).toBe(1);
}

async function openAt1440(page: Page, id: string) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await freshApp(page);
  await page.keyboard.press('s');
  await page.getByRole('button', { name: `Open scenario ${id}` }).click();
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/labels-${name}.png` });
}

for (const [w, h] of [[1440, 900], [1024, 768]] as const) {
  test(`bug-switch ids stay whole in one column at ${w}×${h}: compare, settings, find a bug`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await freshApp(page);
    await page.keyboard.press('w');
    const compare = page.getByTestId('compare-dialog');
    await compare.getByTestId('compare-protocol').selectOption('twopc');
    await checkSwitches(compare.locator('fieldset.bug-switches'));
    await shot(page, `compare-${w}`);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await checkSwitches(page.locator('fieldset.bug-switches'));
    await shot(page, `settings-${w}`);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Find a bug/ }).click();
    await checkSwitches(page.getByTestId('explorer-dialog').locator('fieldset.bug-switches'));
    await shot(page, `explorer-${w}`);
  });
}

test('a node’s label and sublabel are drawn whole inside its pane, side by side at 1440 × 900', async ({ page }) => {
  await openAt1440(page, 'lock:storage-ignores-tokens-bug');
  const store = page.locator('[data-testid="clusterview"] [data-node="store"]').first();
  await expect(store).toBeVisible();
  const cut = await page.locator('[data-testid="clusterview"]').evaluateAll((views) =>
    views.flatMap((v) => {
      const pane = v.getBoundingClientRect();
      return [...v.querySelectorAll('.cl-node-sub, .cl-node-id')]
        .map((el) => ({ text: el.textContent, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.left < pane.left - 0.5 || box.right > pane.right + 0.5)
        .map(({ text }) => text);
    }),
  );
  expect(cut).toEqual([]);
  await page.screenshot({ path: 'test-results/labels-lock-compare-1440.png' });
});

test('a violating node’s sublabel sits clear of its violation ring (Paxos minority quorum)', async ({ page }) => {
  await openAt1440(page, 'paxos:minority-quorum-bug');
  await page.evaluate(() => window.__faultline!.store.getState().seekStep(1e9));
  const node = page.locator('[data-testid="clusterview"] [data-node="p1"]');
  const ring = (await node.locator('.cl-node-violation').boundingBox())!;
  const sub = (await node.locator('.cl-node-sub').boundingBox())!;
  // p1 is at the top: its sublabel ends above the ring.
  expect(sub.y + sub.height).toBeLessThanOrEqual(ring.y);
  await page.screenshot({ path: 'test-results/labels-paxos-1440.png' });
});
