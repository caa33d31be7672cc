/** Paxos in the browser: the "chosen" banner before anyone knows, the acceptor table, role
 * letters in the legend, and a bug switch's violation. */
import { expect, test, type Page } from '@playwright/test';
import { advanceTo, freshApp } from './helpers';

async function openScenario(page: Page, id: string) {
  await page.keyboard.press('s');
  await page.getByRole('button', { name: `Open scenario ${id}` }).click();
}

const shots = process.env.PAXOS_SHOTS;

/** Playback stops at each violation: go on until `t`. */
async function playThrough(page: Page, t: number) {
  for (let i = 0; i < 6; i++) {
    await advanceTo(page, t);
    if ((await page.evaluate(() => window.__faultline!.store.getState().frame.time)) >= t) return;
  }
}

test('adopt-chosen: the banner shows v1 chosen before any learner knows it, then who learns it', async ({ page }) => {
  await freshApp(page);
  await openScenario(page, 'paxos:adopt-chosen');
  const banner = page.getByTestId('chosen-banner');
  await advanceTo(page, 25);
  await expect(banner).toHaveAttribute('data-chosen', '');
  await expect(banner).toContainText('Nothing chosen yet');
  // a1 and a2 vote at 30 ms: v1 is chosen, and nobody knows (l1's copies are cut, p1 crashes).
  await advanceTo(page, 60);
  await expect(banner).toHaveAttribute('data-chosen', 'v1');
  await expect(banner).toContainText('Chosen: v1');
  await expect(banner.getByTestId('chosen-since')).toContainText('ballot 1, by a1, a2');
  await expect(banner.getByTestId('chosen-known')).toHaveText('no learner or proposer knows it yet');
  // p2's ballot 2 carries v1 to a2 and a3; their 2b reach l1 and p2 at 90 ms.
  await advanceTo(page, 120);
  await expect(banner.getByTestId('chosen-known')).toHaveText('known to p2, l1');
  // The banner's step link moves the cursor to the vote that made v1 chosen.
  await banner.getByTestId('chosen-since').click();
  await expect.poll(() => page.evaluate(() => window.__faultline!.store.getState().frame.time)).toBe(30);

  const legend = page.getByRole('group', { name: 'Legend' });
  for (const role of ['proposer', 'acceptor', 'learner']) await expect(legend.getByRole('list', { name: 'roles' })).toContainText(role);
  for (const type of ['1a', '1b', '2a', '2b']) await expect(legend).toContainText(type);
});

test('the acceptor table follows the cursor and shows each acceptor’s ballots and vote', async ({ page }) => {
  await freshApp(page);
  await openScenario(page, 'paxos:adopt-chosen');
  await advanceTo(page, 300);
  const table = page.getByTestId('acceptors');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  const row = (n: string) => table.locator(`tr[data-node="${n}"]`);
  await expect(row('a1')).toHaveAttribute('data-maxbal', '1');
  await expect(row('a1')).toHaveAttribute('data-maxval', 'v1');
  await expect(row('a2')).toHaveAttribute('data-maxbal', '2');
  await expect(row('a2')).toHaveAttribute('data-maxval', 'v1');
  await expect(row('a3')).toContainText('2 / 2 : v1');
  // a2: start, promise 1, vote (1, v1), promise 2, vote (2, v1).
  await expect(row('a2').locator('.acc-seg')).toHaveCount(5);
  await expect(table).toContainText('ballots of p1');
  await expect(row('a1').locator('.acc-chosen-mark')).toHaveCount(1);
  if (shots) {
    for (const [w, h] of [[1440, 900], [1024, 768]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: `${shots}/paxos-adopt-${w}.png`, fullPage: true });
    }
  }
  // Back in time, the table shows the state then.
  await advanceTo(page, 300);
  await page.evaluate(() => window.__faultline!.store.getState().seekTime(40));
  await expect(row('a2')).toHaveAttribute('data-maxbal', '1');
  await expect(row('a3')).toHaveAttribute('data-maxvbal', '-1');
});

test('ignore-promised-votes-bug: VotesSafe fires at the bad vote, then two values are chosen', async ({ page }) => {
  await freshApp(page);
  await openScenario(page, 'paxos:ignore-promised-votes-bug');
  await playThrough(page, 300);
  const invariants = page.getByTestId('invariants');
  await expect(invariants.locator('[data-invariant="votes-safe"]')).toHaveAttribute('data-status', 'violated');
  await expect(invariants.locator('[data-invariant="consensus"]')).toHaveAttribute('data-status', 'violated');
  await expect(invariants.locator('[data-invariant="promise-monotone"]')).toHaveAttribute('data-status', 'holds');
  await expect(page.getByTestId('bug-switches')).toContainText('ignore-promised-votes');
  const banner = page.getByTestId('chosen-banner');
  await expect(banner).toHaveAttribute('data-chosen', 'v1 v2');
  await expect(banner).toContainText('consensus is broken');
  if (shots) {
    for (const [w, h] of [[1440, 900], [1024, 768]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: `${shots}/paxos-bug-${w}.png`, fullPage: false });
    }
  }
});

test('dueling proposers: ballots climb with nothing chosen, then one value', async ({ page }) => {
  await freshApp(page);
  await openScenario(page, 'paxos:dueling-proposers');
  await advanceTo(page, 200);
  const banner = page.getByTestId('chosen-banner');
  await expect(banner).toHaveAttribute('data-chosen', '');
  const maxBal = async () => Number(await page.getByTestId('acceptors').locator('tr[data-node="a1"]').getAttribute('data-maxbal'));
  expect(await maxBal()).toBeGreaterThanOrEqual(8);
  await advanceTo(page, 600);
  await expect(banner).toHaveAttribute('data-chosen', 'v1');
  await expect(banner.getByTestId('chosen-since')).toContainText('ballot 11');
  if (shots) {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('acceptors').screenshot({ path: `${shots}/paxos-duel-table.png` });
  }
});

test('the banner and the table speak Chinese', async ({ page }) => {
  await freshApp(page);
  await openScenario(page, 'paxos:happy-path');
  await page.locator('.lang select').selectOption('zh-CN');
  await advanceTo(page, 300);
  await expect(page.getByTestId('chosen-banner')).toContainText('已选定：v1');
  await expect(page.getByTestId('acceptors')).toContainText('p1 的选票');
});
