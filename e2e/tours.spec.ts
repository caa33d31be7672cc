/** Issue 18: guided tours, played forward and back, from the picker and from a link. */
import { test, expect, type Page } from '@playwright/test';
import { freshApp } from './helpers';

const cursor = (page: Page) => page.evaluate(() => ({ step: window.__faultline!.store.getState().frame.step, time: window.__faultline!.store.getState().frame.time }));

test.beforeEach(async ({ page }) => {
  // Discrete steps: a wait step jumps to its moment instead of playing up to it.
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

test('a built-in tour plays forward and back from the picker, with an ask, a task and a branch', async ({ page }) => {
  await freshApp(page);
  await page.getByTestId('tours-open').click();
  await page.getByTestId('tour-start-raft-election').click();
  const panel = page.getByTestId('tour-panel');
  await expect(panel).toHaveAttribute('data-step', 'intro');
  await expect(page.getByTestId('tour-progress')).toHaveText('Step 1 of 12');
  await expect(page.getByTestId('scenario-name')).toContainText('Raft: who becomes leader, and what happens when it dies?');
  // Ask: the answer comes from playing ahead; pick a node and get told.
  await page.getByTestId('tour-next').click();
  await expect(panel).toHaveAttribute('data-step', 'predict');
  await page.getByTestId('tour-option-n3').click();
  await expect(page.getByTestId('tour-feedback')).toContainText(/Right: n3|Not quite: the run says n\d/);
  // The keyboard: N forward, B back.
  await page.keyboard.press('n');
  await expect(panel).toHaveAttribute('data-step', 'candidate');
  const candidate = await cursor(page);
  await page.keyboard.press('n');
  await expect(panel).toHaveAttribute('data-step', 'elected');
  const elected = await cursor(page);
  expect(elected.step).toBeGreaterThan(candidate.step);
  // The step's highlight is drawn on the cluster view (a dashed ring on the leader).
  const leader = await page.evaluate(() => window.__faultline!.store.getState().frame.nodes.find((n) => (n.state as { role: string }).role === 'leader')!.id);
  await expect(page.locator(`.cluster [data-node="${leader}"] .cl-node-focus`)).toHaveCSS('stroke-dasharray', '6px, 4px');
  await page.keyboard.press('b');
  await expect(panel).toHaveAttribute('data-step', 'candidate');
  expect(await cursor(page)).toEqual(candidate);
  await page.getByTestId('tour-next').click();
  expect(await cursor(page)).toEqual(elected);
  await page.getByTestId('tour-next').click();
  await expect(page.getByTestId('tour-span')).toBeVisible();
  // Task: crash the leader through the app, then play until the tour sees a new leader.
  await page.getByTestId('tour-next').click();
  await expect(panel).toHaveAttribute('data-kind', 'task');
  // Next on a task not done says that it does the task for you.
  await expect(page.getByTestId('tour-next')).toHaveText('Skip: do it for me →');
  await page.getByRole('img', { name: new RegExp(`^${leader}\\b`) }).click();
  await page.keyboard.press('c');
  await expect(page.getByTestId('tour-task')).toContainText('Now play the run');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('tour-task')).toHaveAttribute('data-done', 'true', { timeout: 20_000 });
  // Done: the run stops where the task was completed, and the steps after it never go back.
  await expect.poll(() => page.evaluate(() => window.__faultline!.store.getState().playing)).toBe(false);
  const done = await cursor(page);
  await expect(page.getByTestId('tour-next')).toHaveText('Next →');
  await page.getByTestId('tour-next').click();
  await expect(panel).toHaveAttribute('data-step', 'new-leader');
  expect(await cursor(page)).toEqual(done);
  await page.getByTestId('tour-next').click();
  await expect(panel).toHaveAttribute('data-step', 'why-term');
  await page.getByTestId('tour-option-crash').click();
  await expect(page.getByTestId('tour-feedback')).toContainText('Not quite: the answer is A candidate increments');
  await expect(page.getByTestId('tour-feedback')).not.toContainText('Press Next');
  await page.getByTestId('tour-next').click();
  await expect(panel).toHaveAttribute('data-step', 'fork');
  expect((await cursor(page)).step).toBeGreaterThanOrEqual(done.step);
  await page.getByTestId('tour-choice-1').click();
  await expect(panel).toHaveAttribute('data-step', 'third');
  // Back through the branch, then leave: the run stays for free play.
  await page.getByTestId('tour-back').click();
  await expect(panel).toHaveAttribute('data-step', 'fork');
  const here = await cursor(page);
  await page.getByTestId('tour-leave').click();
  await expect(panel).toBeHidden();
  expect(await cursor(page)).toEqual(here);
});

test('a tour opens from ?tour= at a given step, and a bad tour link says why', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/?tour=raft-election&tourStep=3');
  await expect(page.getByTestId('tour-panel')).toHaveAttribute('data-step', 'elected');
  await expect(page.getByTestId('tour-say')).toContainText('becomes leader');
  await page.goto('/?tour=no-such-tour');
  await expect(page.getByText('no built-in tour is called "no-such-tour"')).toBeVisible();
});

test('record a tour in the app, export it as a link, and play that link in a fresh page', async ({ page, browser }) => {
  await freshApp(page);
  await page.getByTestId('tours-open').click();
  await page.getByTestId('record-start').click();
  const text = page.getByTestId('record-text');
  await text.fill('Five **followers** wait for a leader.');
  await page.getByTestId('record-add').click();
  // Move to the first time a node changes role, select it, and add a step there.
  await page.evaluate(() => {
    const s = window.__faultline!.store;
    s.getState().recordAhead(() => false, 400);
    const events = s.getState().sim.events;
    const i = events.findIndex((e) => (e.state as { role?: string } | undefined)?.role === 'candidate');
    s.getState().seekStep(i + 1);
  });
  const candidate = await page.evaluate(() => window.__faultline!.store.getState().frame.event!.node!);
  await page.getByRole('img', { name: new RegExp(`^${candidate}\\b`) }).click();
  await text.fill('This node timed out first.');
  await page.getByTestId('record-add').click();
  await page.getByTestId('record-question').fill('Who becomes leader?');
  await page.getByTestId('record-add-ask').click();
  await expect(page.getByTestId('record-step-1')).toContainText('when role = candidate');
  // Reorder and edit: move the ask up, then back down.
  await page.getByTestId('record-step-2').getByRole('button', { name: 'Move up' }).click();
  await expect(page.getByTestId('record-step-1')).toContainText('Predict');
  await page.getByTestId('record-step-1').getByRole('button', { name: 'Move down' }).click();
  await page.getByTestId('record-check').click();
  await expect(page.getByTestId('record-dry')).toContainText('All 3 steps are reached on every path');
  await page.getByTestId('record-export-link').click();
  const link = await page.getByTestId('record-link').inputValue();
  expect(link).toContain('#tour=');

  const fresh = await browser.newPage();
  await fresh.emulateMedia({ reducedMotion: 'reduce' });
  await fresh.goto(link);
  const panel = fresh.getByTestId('tour-panel');
  await expect(fresh.getByTestId('tour-say')).toContainText('Five followers wait for a leader.');
  await expect(fresh.getByTestId('tour-say').locator('strong')).toHaveText('followers');
  await fresh.getByTestId('tour-next').click();
  await expect(fresh.getByTestId('tour-say')).toContainText('This node timed out first.');
  await expect(fresh.locator(`.cluster [data-node="${candidate}"] .cl-node-focus`)).toHaveCSS('stroke-dasharray', '6px, 4px');
  await fresh.getByTestId('tour-next').click();
  await expect(panel).toHaveAttribute('data-kind', 'ask');
  await expect(fresh.getByTestId('tour-ask')).toContainText('Who becomes leader?');
  await fresh.close();
});

test('a tour works in compare mode: 2PC against 3PC, both panes follow the tour', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/?tour=2pc-vs-3pc&tourStep=4');
  // The first load compiles two protocols and records both runs up to step 4: slow under load.
  await expect(page.getByTestId('tour-panel')).toHaveAttribute('data-step', 'side-by-side', { timeout: 20_000 });
  await expect(page.getByTestId('compare')).toBeVisible();
  const times = await page.evaluate(() => ({ left: window.__faultline!.store.getState().frame.time, right: window.__faultline!.compare()?.getState().frame.time }));
  expect(times.left).toBeGreaterThan(600);
  expect(times.right).toBe(times.left);
  await page.getByTestId('tour-next').click();
  await expect(page.getByTestId('tour-panel')).toHaveAttribute('data-kind', 'task');
  await page.getByTestId('tour-show-me').click();
  await expect(page.getByTestId('tour-task')).toHaveAttribute('data-done', 'true', { timeout: 20_000 });
  // The tour's own action forks the run without the "you acted in the past" warning.
  expect(await page.evaluate(() => window.__faultline!.store.getState().notice?.key ?? null)).not.toBe('notice.forked');
  const done = await cursor(page);
  // The participants have released their locks when the text says so: every one aborted.
  await page.getByTestId('tour-next').click();
  await expect(page.getByTestId('tour-panel')).toHaveAttribute('data-step', 'aborted');
  expect((await cursor(page)).step).toBeGreaterThanOrEqual(done.step);
  const states = await page.evaluate(() => window.__faultline!.store.getState().frame.nodes.filter((n) => (n.state as { role: string }).role === 'participant').map((n) => Object.values((n.state as { rmState: Record<string, string> }).rmState)));
  expect(states).toEqual([['aborted'], ['aborted'], ['aborted']]);
});
