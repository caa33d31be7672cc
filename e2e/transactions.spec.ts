/** The 2PC blocking scenario in the browser: padlocks, the transaction table and blocked-for. */
import { expect, test, type Page } from '@playwright/test';
import { advanceTo, freshApp, time } from './helpers';

async function openScenario(page: Page, id: string) {
  await page.keyboard.press('s');
  await page.getByRole('button', { name: `Open scenario ${id}` }).click();
}

const blockedFor = (page: Page, node: string) => page.locator(`[data-testid="transactions"] tr[data-node="${node}"] .tx-blocked`).getAttribute('data-blocked').then(Number);

test('2PC blocking: prepared participants hold their locks while the TM is down, and the table counts it', async ({ page }) => {
  await freshApp(page);
  await openScenario(page, 'twopc:tm-crash-blocks');
  await advanceTo(page, 300);
  const cluster = page.getByTestId('clusterview');
  // Every RM wears a padlock and says why; the TM is down.
  await expect(cluster.locator('[data-locked]')).toHaveCount(3);
  await expect(cluster.getByRole('img', { name: /^n3: participant, transaction t1: prepared, holding its locks/ })).toBeVisible();
  await expect(cluster.getByRole('img', { name: /^n1: down, was coordinator/ })).toBeVisible();
  const table = page.getByTestId('transactions');
  const block = table.locator('[data-tx="t1"]');
  await expect(block).toHaveAttribute('data-outcome', 'open');
  await expect(block).toContainText('still blocked: n2, n3, n4');
  for (const n of ['n2', 'n3', 'n4']) await expect(block.locator(`tr[data-node="${n}"]`)).toHaveAttribute('data-state', 'prepared');
  const t1 = await time(page);
  const b1 = await blockedFor(page, 'n2');
  // Blocked since the vote at 10 ms, up to the cursor (the table follows at most 250 ms late).
  expect(Math.abs(b1 - (t1 - 10))).toBeLessThanOrEqual(1);

  await advanceTo(page, 450);
  await expect.poll(() => blockedFor(page, 'n2')).toBeGreaterThan(b1 + 100);

  // The TM restarts at 500 with no logged decision, presumes abort, and the locks are released.
  await advanceTo(page, 800);
  await expect(block).toHaveAttribute('data-outcome', 'aborted');
  await expect(cluster.locator('[data-locked]')).toHaveCount(0);
  const final = await blockedFor(page, 'n2');
  // Prepared at 10 ms. The RMs ask every 150 ms; the ask of 610 ms reaches the recovered TM at
  // 620 ms, and its presumed Abort arrives at 630 ms.
  expect(final).toBe(620);

  // Clicking a strip moves the cursor to that time.
  const strip = block.locator('tr[data-node="n2"] .tx-strip');
  const box = (await strip.boundingBox())!;
  await strip.click({ position: { x: box.width / 4, y: box.height / 2 } });
  await expect.poll(() => time(page)).toBeGreaterThan(150);
  expect(await time(page)).toBeLessThan(260);
  await expect(cluster.locator('[data-locked]')).toHaveCount(3);
});

test('a protocol’s own commands are offered for the selected node: begin at the coordinator, vote No at a participant', async ({ page }) => {
  await freshApp(page);
  await openScenario(page, 'twopc:happy-commit');
  await advanceTo(page, 200);
  // A participant offers Vote No (its first command, also on Q), not Begin.
  await page.keyboard.press('3');
  await expect(page.getByTestId('command-begin')).toHaveCount(0);
  await page.keyboard.press('q');
  expect(await page.evaluate(() => window.__faultline!.store.getState().sim.scenario.actions.at(-1))).toMatchObject({ do: 'vote-no', node: 'n3', tx: '' });
  // The coordinator begins a named transaction from the toolbar; n3 votes No on it.
  await page.keyboard.press('1');
  await page.getByTestId('command-begin-tx').fill('pay');
  await page.getByTestId('command-begin').click();
  await advanceTo(page, 350);
  const block = page.getByTestId('transactions').locator('[data-tx="pay"]');
  await expect(block).toHaveAttribute('data-outcome', 'aborted');
  await expect(block.locator('tr[data-node="n3"]')).toHaveAttribute('data-state', 'aborted');
  // The node's menu offers the same command.
  await page.getByTestId('clusterview').locator('[data-node="n1"]').click({ button: 'right' });
  await expect(page.getByRole('menuitem', { name: 'Begin transaction' })).toBeVisible();
});

test('a strip names a state only where the whole name fits, side by side at 1024 px too', async ({ page }) => {
  for (const [w, h] of [[1440, 900], [1024, 768]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await freshApp(page);
    await openScenario(page, 'twopc:compare-tm-crash');
    await advanceTo(page, 1600);
    const segs = page.getByTestId('transactions').first().locator('.tx-seg');
    await expect(segs.first()).toBeVisible();
    // A name fits when its text ends inside its segment and inside the strip (which clips).
    const labels = await segs.evaluateAll((ss) =>
      ss
        .filter((s) => s.textContent)
        .map((s) => {
          const range = document.createRange();
          range.selectNodeContents(s);
          const end = range.getBoundingClientRect().right;
          return { text: s.textContent, fits: s.scrollWidth <= s.clientWidth && end <= s.getBoundingClientRect().right + 0.5 && end <= s.parentElement!.getBoundingClientRect().right + 0.5 };
        }),
    );
    // Some names are shown, and none of them is cut.
    expect(labels.length).toBeGreaterThan(0);
    await expect(segs.filter({ hasText: 'prepared' }).first()).toBeVisible();
    for (const l of labels) expect(l, l.text!).toEqual({ text: l.text, fits: true });
    await page.getByTestId('transactions').first().screenshot({ path: `test-results/tx-labels-${w}.png` });
  }
});

test('the outcome chip says a decision exists before every participant knows it, in both languages', async ({ page }) => {
  await freshApp(page);
  await openScenario(page, 'twopc:coop-termination');
  // The TM commits t1; the partition keeps the Commit from n3 and n4, which stay prepared.
  await advanceTo(page, 45);
  const block = page.getByTestId('transactions').locator('[data-tx="t1"]');
  for (const n of ['n1', 'n2']) await expect(block.locator(`tr[data-node="${n}"]`)).toHaveAttribute('data-state', 'committed');
  await expect(block).toHaveAttribute('data-outcome', 'committing');
  const chip = block.locator('.tx-outcome');
  await expect(chip).toHaveText('decided: commit (n3, n4 not told yet)');
  await expect(chip).toHaveAttribute('title', /decided once any node has committed or aborted/);
  await page.evaluate(() => window.__faultline!.store.getState().setLang('zh-CN'));
  await expect(chip).toHaveText('已决定：提交（n3, n4 尚未得知）');
  await page.evaluate(() => window.__faultline!.store.getState().setLang('en'));
  // n3 and n4 learn Commit from n2 through cooperative termination: everyone knows.
  await advanceTo(page, 400);
  await expect(block).toHaveAttribute('data-outcome', 'committed');
  await expect(chip).toHaveText('committed');
});
