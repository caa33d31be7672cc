/** Issue 18: the Paxos and Multi-Paxos tours, played forward and back, with their tasks' Show me. */
import { test, expect, type Page } from '@playwright/test';
import { freshApp } from './helpers';

const cursor = (page: Page) => page.evaluate(() => ({ step: window.__faultline!.store.getState().frame.step, time: window.__faultline!.store.getState().frame.time }));
const stateOf = (page: Page, node: string) => page.evaluate((id) => window.__faultline!.store.getState().frame.nodes.find((n) => n.id === id)!.state as Record<string, unknown>, node);

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

test('paxos-adopt: crash p1 after phase 1, propose v2 at p2, and p2 adopts v1; back is exact', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('tours-open').click();
  await page.getByTestId('tour-start-paxos-adopt').click();
  const panel = page.getByTestId('tour-panel');
  await expect(panel).toHaveAttribute('data-step', 'intro');
  await expect(page.getByTestId('tour-progress')).toHaveText('Step 1 of 10');
  await page.getByTestId('tour-next').click();
  await expect(panel).toHaveAttribute('data-step', 'phase1');
  await page.keyboard.press('n');
  await expect(panel).toHaveAttribute('data-step', 'phase2');
  expect((await stateOf(page, 'p1')).phase).toBe('p2');
  // Task 1: Show me crashes p1; its acceptors' 2b replies find it down.
  await page.keyboard.press('n');
  await expect(panel).toHaveAttribute('data-kind', 'task');
  await page.getByTestId('tour-show-me').click();
  await expect(page.getByTestId('tour-task')).toHaveAttribute('data-done', 'true');
  await page.getByTestId('tour-next').click();
  await expect(panel).toHaveAttribute('data-step', 'chosen');
  expect((await stateOf(page, 'l1')).learned).toBe('v1');
  // Task 2: propose v2 at p2 (Show me does it).
  await page.getByTestId('tour-next').click();
  await expect(panel).toHaveAttribute('data-step', 'propose');
  await page.getByTestId('tour-show-me').click();
  await expect(page.getByTestId('tour-task')).toHaveAttribute('data-done', 'true');
  await page.getByTestId('tour-next').click();
  // The ask's answer was computed by playing ahead: p2 does not send v2.
  await expect(panel).toHaveAttribute('data-step', 'predict');
  await page.getByTestId('tour-option-no').click();
  await expect(page.getByTestId('tour-feedback')).toContainText('Right: No.');
  const predict = await cursor(page);
  await page.getByTestId('tour-next').click();
  await expect(panel).toHaveAttribute('data-step', 'adopted');
  expect(await stateOf(page, 'p2')).toMatchObject({ phase: 'p2', proposedVal: 'v1' });
  const adopted = await cursor(page);
  expect(adopted.step).toBeGreaterThan(predict.step);
  await page.keyboard.press('b');
  await expect(panel).toHaveAttribute('data-step', 'predict');
  expect(await cursor(page)).toEqual(predict);
  await page.keyboard.press('n');
  expect(await cursor(page)).toEqual(adopted);
  await page.getByTestId('tour-next').click();
  await expect(panel).toHaveAttribute('data-step', 'answered');
  expect(await stateOf(page, 'p2')).toMatchObject({ phase: 'done', chosen: 'v1' });
});

test('multipaxos-gap in Chinese: crash the leader (Show me), n3 leads, slot 2 becomes a no-op; back is exact', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/?tour=multipaxos-gap&tourStep=5');
  const panel = page.getByTestId('tour-panel');
  await expect(panel).toHaveAttribute('data-step', 'crash');
  await page.locator('.topbar .lang select').selectOption('zh-CN');
  await expect(page.getByTestId('tour-say')).toContainText('现在由你在领导者下一次心跳重发槽 2 之前让它崩溃');
  await expect(page.getByTestId('scenario-name')).toContainText('Multi-Paxos：领导者、日志槽，以及用空操作填补的空洞');
  await page.getByTestId('tour-show-me').click();
  await expect(page.getByTestId('tour-task')).toHaveAttribute('data-done', 'true');
  await page.getByTestId('tour-next').click();
  await expect(panel).toHaveAttribute('data-step', 'predict');
  await page.getByTestId('tour-option-n3').click();
  await expect(page.getByTestId('tour-feedback')).toContainText('n3');
  await expect(page.getByTestId('tour-option-n3')).toHaveClass('is-right');
  const predict = await cursor(page);
  await page.keyboard.press('n');
  await expect(panel).toHaveAttribute('data-step', 'new-leader');
  expect((await stateOf(page, 'n3')).role).toBe('leading');
  await page.keyboard.press('n');
  await expect(panel).toHaveAttribute('data-step', 'gap');
  await page.getByTestId('tour-option-noop').click();
  await expect(page.getByTestId('tour-option-noop')).toHaveClass('is-right');
  await page.keyboard.press('n');
  await expect(panel).toHaveAttribute('data-step', 'applied');
  const insts = (await stateOf(page, 'n3')).insts as ({ status: string; cmd: { cmd: string } | null } | null)[];
  expect(insts.map((i) => i && `${i.status} ${i.cmd?.cmd}`)).toEqual(['Committed x=1', 'Committed no-op', 'Committed y=5']);
  // Back three steps lands exactly where the ask was shown.
  for (const id of ['gap', 'new-leader', 'predict']) {
    await page.getByTestId('tour-back').click();
    await expect(panel).toHaveAttribute('data-step', id);
  }
  expect(await cursor(page)).toEqual(predict);
});
