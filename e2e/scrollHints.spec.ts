/**
 * Nothing clipped without a visible scroll affordance (issue 17, item 3): the side column's
 * statistics rows (n6–n9 of a 9-node run, chash's last message type) and the log view's
 * window (which indices are in view). Headless Chromium hides scrollbars, as overlay
 * scrollbars do: what is checked is the app's own affordance.
 */
import { test, expect, type Page } from '@playwright/test';
import { freshApp } from './helpers';

test.beforeEach(async ({ page }) => {
  // Instant scrolls: the hint's button moves a screen at once.
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

/** Replaces the run's nodes and actions, and records it to its end. */
async function run(page: Page, nodes: number, actions: unknown[], until: number): Promise<void> {
  await page.evaluate(
    ([n, acts, u]) => {
      const st = window.__faultline!.store;
      const sc = structuredClone(st.getState().sim.scenario);
      sc.nodes = Array.from({ length: n }, (_, i) => `n${i + 1}`);
      sc.actions = acts as typeof sc.actions;
      sc.until = u;
      st.getState().load(sc);
      st.getState().seekStep(1e9);
    },
    [nodes, actions, until] as const,
  );
}

/** Clicks "More below" until the side column is at its end; returns the clicks. */
async function scrollSideToEnd(page: Page): Promise<number> {
  const more = page.getByTestId('side-more');
  let clicks = 0;
  // The column scrolls smoothly: let it come to rest (and the button update) before each look.
  const settle = () =>
    page.evaluate(async () => {
      const side = document.querySelector('.side')!;
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
      for (let still = 0, last = -1, i = 0; still < 3 && i < 600; i++, await frame()) {
        still = side.scrollTop === last ? still + 1 : 0;
        last = side.scrollTop;
      }
    });
  while (clicks < 10) {
    await settle();
    if ((await more.count()) === 0) break;
    await expect(more).toBeInViewport({ ratio: 1 });
    await more.click();
    clicks++;
  }
  return clicks;
}

for (const [width, height] of [
  [1440, 900],
  [1024, 768],
] as const) {
  test(`${width} × ${height}: a 9-node run’s statistics rows below the fold are announced, and reached`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await freshApp(page);
    await run(page, 9, [], 2000);
    const rows = page.getByTestId('stats-nodes').locator('tbody tr');
    await expect(rows).toHaveCount(9);
    const n9 = page.getByTestId('stats-nodes').locator('tr[data-row="n9"]');
    // Clipped by the side column, and the column says there is more.
    await expect(n9).not.toBeInViewport();
    await expect(page.getByTestId('side-more')).toBeVisible();
    await expect(page.getByTestId('side-more')).toHaveText(/More below/);
    expect(await scrollSideToEnd(page)).toBeGreaterThan(0);
    for (const id of ['n6', 'n7', 'n8', 'n9']) await expect(page.getByTestId('stats-nodes').locator(`tr[data-row="${id}"]`)).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('side-more')).toHaveCount(0);
    // Nor clipped at the side: both tables fit the panel's width.
    const overhang = await page.getByTestId('statistics').evaluate((panel) => {
      const edge = panel.getBoundingClientRect().right;
      return [...panel.querySelectorAll('table')].map((t) => Math.max(0, Math.round(t.getBoundingClientRect().right - edge)));
    });
    expect(overhang).toEqual([0, 0]);
  });
}

test('chash at 1024 × 768: the last message type row is announced below the fold, then shown whole', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await freshApp(page);
  await page.keyboard.press('s');
  await page.getByRole('button', { name: 'Open scenario chash:put-get' }).click();
  await page.evaluate(() => window.__faultline!.store.getState().seekStep(1e9));
  const last = page.getByTestId('stats-types').locator('tbody tr').last();
  await expect(last).toBeAttached();
  await expect(last).not.toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('side-more')).toBeVisible();
  await scrollSideToEnd(page);
  await expect(last).toBeInViewport({ ratio: 1 });
});

test('the log view says which indices are in view, and fades the side with more', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await freshApp(page);
  const requests = Array.from({ length: 40 }, (_, i) => ({ at: 300 + i * 10, do: 'request', node: 'n1', command: `x=${i}` }));
  await run(page, 5, [{ at: 0, do: 'timeout', node: 'n1' }, ...requests], 2000);
  const view = page.getByTestId('logview');
  await view.scrollIntoViewIfNeeded();
  const range = page.getByTestId('log-range');
  const frame = view.locator('.lg-window');
  // Following the newest entries: the window ends at the last index (41: the no-op and 40).
  await expect(range).toHaveText(/^indices \d+–41 of 41$/);
  const first = Number(await range.getAttribute('data-first'));
  expect(first).toBeGreaterThan(1);
  await expect(frame).toHaveAttribute('data-more-left', 'true');
  await expect(frame).toHaveAttribute('data-more-right', 'false');
  // The range is what shows: the first and last headers at least half in view. Only the
  // columns in view and a few beyond are drawn, so each header is read by its text.
  const shown = () =>
    view.locator('thead th.lg-col').evaluateAll((ths) => {
      const left = document.querySelector('thead th.lg-corner')!.getBoundingClientRect().right;
      const right = document.querySelector('[data-testid="logview"] .lg-scroll')!.getBoundingClientRect().right;
      const seen = ths.filter((th) => {
        const r = th.getBoundingClientRect();
        return Math.min(r.right, right) - Math.max(r.left, left) >= r.width / 2;
      });
      return [Number(seen[0]?.textContent), Number(seen.at(-1)?.textContent)];
    });
  expect(await shown()).toEqual([first, 41]);
  // Scrolled to the start: 1–k, and the fade moves to the right.
  await view.locator('.lg-scroll').evaluate((el) => (el.scrollLeft = 0));
  await expect(range).toHaveText(/^indices 1–\d+ of 41$/);
  expect(Number(await range.getAttribute('data-last'))).toBeLessThan(41);
  expect(await shown()).toEqual([1, Number(await range.getAttribute('data-last'))]);
  await expect(frame).toHaveAttribute('data-more-left', 'false');
  await expect(frame).toHaveAttribute('data-more-right', 'true');
  // In Chinese too.
  await page.locator('.topbar .lang select').selectOption('zh-CN');
  await expect(range).toHaveText(/^索引 1–\d+，共 41$/);
  // A log that fits shows no range.
  await page.locator('.topbar .lang select').selectOption('en');
  await run(page, 5, [{ at: 0, do: 'timeout', node: 'n1' }, ...requests.slice(0, 3)], 2000);
  await expect(frame).toHaveAttribute('data-overflow', 'false');
  await expect(range).toBeHidden();
});
