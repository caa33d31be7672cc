/**
 * The "Find a bug" panel in a real browser: the search runs on Web Workers, finds 2PC's
 * tm-no-log bug from scratch, shrinks it, and "Open" replaces the run after a confirmation;
 * the notice's undo brings the old run back. Screenshots at two sizes for review.
 */
import { test, expect } from '@playwright/test';
import { freshApp } from './helpers';

const twopc = {
  format: 'faultline-scenario',
  version: 2,
  protocol: 'twopc',
  name: 'free-play',
  nodes: ['n1', 'n2', 'n3', 'n4'],
  seed: 5,
  params: { bugs: [] },
  network: { latency: [10, 30], drop: 0, duplicate: 0 },
  schedule: 'auto',
  actions: [{ at: 0, do: 'begin', node: 'n1', tx: '' }],
  until: 2000,
};

test('finds a 2PC bug, shows the shrunk run and opens it with undo', async ({ page }) => {
  test.setTimeout(120_000);
  await freshApp(page);
  // The run has the switch on: the panel starts with it checked.
  await page.evaluate((s) => window.__faultline!.store.getState().load(s as never), { ...twopc, params: { bugs: ['tm-no-log'] } });
  const before = await page.evaluate(() => JSON.stringify(window.__faultline!.store.getState().sim.scenario));

  await page.getByTestId('explorer-open').click();
  const dialog = page.getByTestId('explorer-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('explorer-bug-tm-no-log')).toBeChecked();
  await page.getByTestId('explorer-budget').selectOption('60');
  await page.getByTestId('explorer-start').click();
  await expect(page.getByTestId('explorer-progress')).toBeVisible({ timeout: 30_000 });
  const found = page.getByTestId('explorer-found');
  await expect(found).toBeVisible({ timeout: 90_000 });
  await expect(found.getByRole('heading')).toContainText(/Decisions are final|decisions-final|Consistent outcome|tc-consistent/i);
  const runs = Number((await page.getByTestId('explorer-runs').textContent())!.replace(/\D/g, ''));
  expect(runs).toBeGreaterThan(0);
  // The budget bounds the search; shrinking's time shows apart, so it never reads as an overrun.
  await expect(page.getByTestId('explorer-elapsed')).toContainText(/searching [\d.]+ s \+ shrinking [\d.]+ s/);

  for (const [w, h] of [[1440, 900], [1024, 768]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `test-results/explorer-${w}x${h}.png` });
  }

  const named = await found.locator('.explorer-message').textContent();
  await page.getByTestId('explorer-open-result').click();
  await expect(dialog.getByText('This replaces the current run')).toBeVisible();
  await page.getByTestId('explorer-confirm-open').click();
  await expect(dialog).toBeHidden();
  const opened = await page.evaluate(() => window.__faultline!.store.getState().sim.scenario);
  expect(opened.params.bugs).toEqual(['tm-no-log']);
  expect(opened.actions.length).toBeLessThanOrEqual(12);
  // Opened, the run stands on the violation the panel named (walk-through: it stood at 0 ms).
  const at = await page.evaluate(() => {
    const s = window.__faultline!.store.getState();
    return { step: s.frame.step, first: s.sim.violations[0]?.seq };
  });
  expect(at.first).toBeDefined();
  expect(at.step).toBe(at.first! + 1);
  // The panel named this run's violation, not the one of the run before shrinking.
  expect(named).toBe(await page.evaluate(() => window.__faultline!.store.getState().sim.violations[0]!.message));

  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('counterexample');
  await expect(page.getByTestId('scenario-name')).toContainText('Counterexample found by the explorer');
  // Another notice (V's) leaves the way back in place.
  await page.keyboard.press('v');
  await expect(notice).not.toContainText('counterexample');
  await notice.getByTestId('undo-replace').click();
  expect(await page.evaluate(() => JSON.stringify(window.__faultline!.store.getState().sim.scenario))).toBe(before);
});

test('cancel stops a search that finds nothing and changes nothing', async ({ page }) => {
  await freshApp(page);
  await page.keyboard.press('f');
  await expect(page.getByTestId('explorer-dialog')).toBeVisible();
  await page.getByTestId('explorer-start').click();
  // The first batch reports after its runs; a busy machine may take a while.
  await expect(page.getByTestId('explorer-progress')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('explorer-cancel').click();
  await expect(page.getByTestId('explorer-dialog').getByRole('status').filter({ hasText: 'cancelled' })).toBeVisible();
  await expect(page.getByTestId('explorer-start')).toBeEnabled();
});

test('shows the shrinking step and the shrink runs so far while it shrinks', async ({ page }) => {
  test.setTimeout(180_000);
  await freshApp(page);
  await page.keyboard.press('f');
  await expect(page.getByTestId('explorer-dialog')).toBeVisible();
  // Raft's Figure 8 bug is found in a few dozen runs and takes hundreds of runs to shrink.
  await page.getByTestId('explorer-bug-commit-previous-term').check();
  await page.getByTestId('explorer-budget').selectOption('60');
  await page.getByTestId('explorer-start').click();
  const shrinkRuns = page.getByTestId('explorer-shrink-runs');
  await expect(shrinkRuns).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('explorer-shrinking')).toContainText('Shrinking:');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/explorer-shrinking-1440x900.png' });
  const count = async () => Number(((await shrinkRuns.textContent({ timeout: 1_000 }).catch(() => null)) ?? '').replace(/\D/g, ''));
  const first = await count();
  expect(first).toBeGreaterThan(0);
  // Either the count moves on or shrinking ends with the result.
  await expect.poll(async () => (await page.getByTestId('explorer-found').isVisible()) || (await count()) > first, { timeout: 120_000 }).toBe(true);
});
