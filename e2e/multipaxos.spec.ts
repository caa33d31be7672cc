/**
 * Multi-Paxos in a real browser: the slot log (gaps, no-ops, votes with ballots, chosen,
 * committed, applied; 100+ slots with a pager that says where it starts) and the side-by-side
 * comparison with Raft. Set SHOTS=<dir> to keep screenshots at 1440×900 and 1024×768.
 */
import { test, expect, type Page } from '@playwright/test';
import { multipaxos } from '../src/protocols/multipaxos';
import type { Scenario } from '../src/scenario/types';
import { advanceTo, loadAt } from './helpers';

const END = 1e9;
const SHOTS = process.env.SHOTS;

const load = (page: Page, s: Scenario, step = END) => loadAt(page, s, step);
const curated = (name: string) => multipaxos.scenarios.find((s) => s.name === name)!;

async function shots(page: Page, name: string) {
  if (!SHOTS) return;
  for (const [w, h] of [
    [1440, 900],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${SHOTS}/${name}-${w}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await page.getByTestId('play').waitFor();
});

test('the slot log shows a gap filled with a no-op, votes with ballots, and what is chosen', async ({ page }) => {
  const s = curated('gap-noop');
  // Just after n1's crash: slot 2 is a gap on n2, slot 3 holds n2's vote for y=5 in ballot 1,
  // already chosen (n1 and n2 voted) but committed nowhere.
  await load(page, s);
  await advanceTo(page, 90);
  const log = page.getByTestId('slotlog');
  await expect(log).toBeVisible();
  const n2 = page.getByTestId('slot-row-n2');
  await expect(n2.getByRole('cell', { name: 'slot 2: empty here' })).toBeVisible();
  await expect(n2.getByRole('cell', { name: 'slot 3: voted y=5 in ballot 1; chosen, not yet committed here' })).toBeVisible();
  await expect(page.getByTestId('slot-chosen-row').getByRole('cell', { name: 'slot 3: y=5 chosen in ballot 1' })).toBeVisible();
  await expect(page.getByTestId('slot-chosen-row').getByRole('cell', { name: 'slot 2: nothing chosen yet' })).toBeVisible();
  await shots(page, 'slots-gap');

  // At the end: n2 led ballot 2, slot 2 is a no-op, and both slots are applied.
  await advanceTo(page, s.until);
  await expect(n2.getByRole('cell', { name: 'slot 2: no-op committed and applied' })).toBeVisible();
  await expect(n2.getByRole('cell', { name: 'slot 3: y=5 committed and applied' })).toBeVisible();
  await expect(n2).toContainText('leader');
  await expect(n2).toContainText('b2');
  // The cluster view names the leader and its ballot.
  await expect(page.getByRole('img', { name: /^n2: leading, balMaxKnown 2, leader n2/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^n3: follower, balMaxKnown 2, leader n2/ })).toBeVisible();
  await shots(page, 'slots-noop');
});

test('the slot log reads at 120 slots and says where it starts when paged', async ({ page }) => {
  const requests = Array.from({ length: 120 }, (_, i) => ({ at: 30 + 3 * i, do: 'request', node: 'n1', command: `k${i % 7}=${i}` }));
  const s: Scenario = { ...curated('steady-state'), name: 'long', nodes: ['n1', 'n2', 'n3', 'n4', 'n5'], actions: [{ at: 0, do: 'timeout', node: 'n1' }, ...requests], until: 800 };
  await load(page, s);
  await advanceTo(page, s.until);
  await expect(page.getByTestId('slots-range')).toHaveText('slots 81–120 of 120');
  await expect(page.getByTestId('slot-row-n5').getByRole('cell', { name: 'slot 120: k0=119 committed and applied' })).toBeVisible();
  await page.getByTestId('slots-earlier').click();
  await expect(page.getByTestId('slots-range')).toHaveText('slots 41–80 of 120');
  await expect(page.getByRole('columnheader', { name: 'slot 41' })).toBeVisible();
  await shots(page, 'slots-120');
  await page.getByTestId('slots-newer').click();
  await expect(page.getByTestId('slots-range')).toHaveText('slots 81–120 of 120');
});

test('Multi-Paxos beside Raft: the crashed leader’s entry commits under any new leader on the left, only under an up-to-date one on the right', async ({ page }) => {
  await page.keyboard.press('s');
  await page.getByRole('button', { name: 'Open scenario multipaxos:compare-leader-crash' }).click();
  const left = page.getByTestId('compare-left');
  const right = page.getByTestId('compare-right');
  await expect(left.getByRole('heading', { name: 'Multi-Paxos' })).toBeVisible();
  await expect(right.getByRole('heading', { name: 'Raft' })).toBeVisible();
  await advanceTo(page, 650);
  // Left: n3, which never had y=2, leads ballot 3 and has committed y=2 in slot 2.
  await expect(left.getByTestId('slot-row-n3').getByRole('cell', { name: 'slot 2: y=2 committed and applied' })).toBeVisible();
  await expect(left.getByTestId('slot-row-n3')).toContainText('leader');
  // Right: n2 leads (n3's log was behind), y=2 is in its log but not committed yet.
  await expect(right.getByTestId('log-row-n2')).toContainText('leader');
  await expect(right.getByTestId('log-row-n2').getByRole('cell', { name: /index 2, term 1, y=2, uncommitted/ })).toBeVisible();
  await expect(right.getByTestId('log-row-n3')).not.toContainText('leader');
  await shots(page, 'compare-leader-crash');
  // After z=3 commits in n2's own term, y=2 is committed below it.
  await advanceTo(page, 1100);
  await expect(right.getByTestId('log-row-n2').getByRole('cell', { name: /index 2, term 1, y=2, committed/ })).toBeVisible();
});
