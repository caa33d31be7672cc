/**
 * A tour's start (issue 17): the top bar names the run after the tour, not its scenario's id,
 * and no fork warning shows before the user has done anything, even when the tour's scenario
 * has scripted actions after the first step.
 */
import { test, expect } from '@playwright/test';
import { freshApp } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

test('a tour run is named by the tour’s title, in the chosen language, and says when the tour is left', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('tours-open').click();
  await page.getByTestId('tour-start-raft-figure-8').click();
  await expect(page.getByTestId('tour-panel')).toHaveAttribute('data-step', /.+/);
  const name = page.getByTestId('scenario-name');
  await expect(name).toContainText('Raft: log replication, and why Figure 8 needs a rule');
  await expect(name).not.toContainText('tour-figure-8');
  await page.locator('.topbar .lang select').selectOption('zh-CN');
  await expect(name).toContainText('Raft：日志复制，以及图 8 为什么需要一条规则');
  await page.locator('.topbar .lang select').selectOption('en');
  // Left: the run stays, and its name says the tour is over.
  await page.getByTestId('tour-leave').click();
  await expect(page.getByTestId('tour-panel')).toBeHidden();
  await expect(name).toContainText('After the tour: Raft: log replication, and why Figure 8 needs a rule');
  // Another run: its own name again.
  await page.keyboard.press('s');
  await page.getByRole('button', { name: 'Open scenario raft:leader-crash' }).click();
  await expect(name).not.toContainText('Figure 8 needs a rule');
});

test('no fork warning at a tour’s start; it shows once the user has seen later steps and goes back', async ({ page }) => {
  await freshApp(page);
  for (const id of ['raft-figure-8', 'zab-broadcast']) {
    await page.getByTestId('tours-open').click();
    await page.getByTestId(`tour-start-${id}`).click();
    await expect(page.getByTestId('tour-progress')).toHaveText(/^Step 1 of \d+$/);
    // The run is recorded past the first step, and its scenario has actions still to come.
    const at = await page.evaluate(() => {
      const s = window.__faultline!.store.getState();
      return { step: s.frame.step, head: s.frame.head, drops: s.frame.dropsActions };
    });
    expect(at.step).toBeLessThan(at.head);
    expect(at.drops).toBe(true);
    await expect(page.getByTestId('fork-warning')).toHaveCount(0);
  }
  // Having seen further, going back does warn.
  await page.getByRole('button', { name: 'Go to the end of the run' }).click();
  await page.getByRole('button', { name: 'Go to the start of the run' }).click();
  await expect(page.getByTestId('fork-warning')).toBeVisible();
});

test('a tour plays in an edit-locked embed at 600 × 400: its run opens, its task step opens editing', async ({ page }) => {
  await page.setViewportSize({ width: 600, height: 400 });
  await page.goto('/?embed=1&lock=edit&tour=raft-figure-8&tourStep=3');
  const panel = page.getByTestId('tour-panel');
  await expect(panel).toHaveAttribute('data-step', 'who-term-4');
  // The curated scenario the tour names by id, under the tour's title.
  expect(await page.evaluate(() => window.__faultline!.store.getState().sim.scenario.name)).toBe('figure-8-bug');
  await expect(page.locator('.embed-bar')).toContainText('Raft: log replication');
  // The whole panel fits the frame's width, its Next button within reach by scrolling the aside.
  const box = (await panel.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(600);
  await expect(page.getByRole('button', { name: 'Partition…' })).toHaveCount(0);
  await page.goto('/?embed=1&lock=edit&tour=raft-figure-8&tourStep=6');
  await expect(panel).toHaveAttribute('data-kind', 'task');
  await expect(page.getByRole('button', { name: 'Partition…' })).toBeVisible();
  await page.getByTestId('tour-show-me').click();
  await expect(page.getByTestId('tour-task')).toHaveAttribute('data-done', 'true');
});
