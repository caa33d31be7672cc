/**
 * Scrubbing is smooth (issue 17, item 5): the log view and the client history do work in
 * proportion to what is visible and what changed, counted with a MutationObserver, never timed.
 * The log view draws only the index columns in view (and 3 beyond each side), a cell changes
 * only when its entry did, and the history panel moves its cursor and nothing else.
 */
import { test, expect, type Page } from '@playwright/test';
import { freshApp } from './helpers';
import { seekCounting } from './seekCounting';

/** Columns drawn beyond each side of those in view (views/logs/logWindow.ts). */
const OVERSCAN = 3;

/** A run recorded to its end whose logs grow past four pages: n1 leads and takes 240 writes. */
async function longRun(page: Page): Promise<number> {
  await freshApp(page);
  const writes = Array.from({ length: 240 }, (_, i) => ({ at: 300 + i * 10, do: 'request', node: 'n1', command: `x=${i}` }));
  return page.evaluate((actions) => {
    const st = window.__faultline!.store;
    const sc = structuredClone(st.getState().sim.scenario);
    sc.nodes = ['n1', 'n2', 'n3', 'n4', 'n5'];
    sc.actions = [{ at: 0, do: 'timeout', node: 'n1' }, ...actions] as typeof sc.actions;
    sc.until = 4000;
    st.getState().load(sc);
    st.getState().seekStep(1e9);
    return st.getState().frame.head;
  }, writes);
}

/** The longest log at `step`, read from the store. */
const longestLog = (page: Page, step: number) =>
  page.evaluate((k) => {
    const store = window.__faultline!.store;
    store.getState().seekStep(k);
    return Math.max(...store.getState().frame.nodes.map((n) => ((n.state as { log?: unknown[] }).log ?? []).length));
  }, step);

/** The indices in view, as the range above the table says. */
async function inView(page: Page): Promise<{ first: number; last: number }> {
  const range = page.getByTestId('log-range');
  await expect(range).toHaveAttribute('data-first', /\d+/);
  return { first: Number(await range.getAttribute('data-first')), last: Number(await range.getAttribute('data-last')) };
}

for (const [width, height] of [
  [1440, 900],
  [1024, 768],
] as const) {
  test(`${width} × ${height}: a far seek draws only the log columns in view, and creates no more cells than those`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height });
    const head = await longRun(page);
    // Two far-apart steps whose logs both fill a page, so every drawn index differs.
    const a = Math.floor(head / 2);
    expect(await longestLog(page, a)).toBeGreaterThan(60 + 60);
    expect(await longestLog(page, head)).toBeGreaterThan((await longestLog(page, a)) + 60);
    await page.getByTestId('logview').scrollIntoViewIfNeeded();
    await seekCounting(page, a, '[data-testid="logview"]', 'td.lg-cell');
    const shown = await inView(page);
    const visible = shown.last - shown.first + 1;
    // At this width some of the page's 60 columns are out of view.
    expect(visible).toBeLessThan(45);
    const nodes = await page.locator('[data-testid="logview"] tbody tr').count();
    expect(nodes).toBe(5);

    // Every element the seek creates or removes in the log view (cells, headers, spacers, badges).
    const work = await seekCounting(page, head, '[data-testid="logview"]', '*');
    // The view follows the newest entries: the same columns in view, new indices in them.
    const after = await inView(page);
    expect(after.last - after.first + 1).toBe(visible);
    expect(after.first).toBeGreaterThan(shown.last);
    const bound = nodes * (visible + 2 * OVERSCAN);
    // Every drawn cell is new, but only the columns in view and the overscan are drawn (not the
    // page's 60 per node, 300, as before), each cell one element, with its header: at most one
    // element per drawn column and row (and a few badges in the node column).
    expect(work.added).toBeGreaterThan(0);
    expect(work.added).toBeLessThanOrEqual(bound + (visible + 2 * OVERSCAN) + 2 * nodes);
    expect(work.removed).toBeLessThanOrEqual(bound + (visible + 2 * OVERSCAN) + 2 * nodes);
    expect(await page.locator('[data-testid="logview"] td.lg-cell').count()).toBeLessThanOrEqual(bound);
    expect(await page.locator('[data-testid="logview"] td.lg-cell *').count()).toBe(0);
    expect(await page.locator('[data-testid="logview"] thead th.lg-col').count()).toBeLessThanOrEqual(visible + 2 * OVERSCAN);
    // What shows is right: the last index of the longest log, and every index in view has its header.
    const headers = await page.locator('[data-testid="logview"] thead th.lg-col').allTextContents();
    expect(Number(headers.at(-1))).toBe(await longestLog(page, head));
    for (let i = after.first; i <= after.last; i++) expect(headers).toContain(String(i));
  });
}

test('a seek that changes no log changes no log cell; one that appends an entry creates one cell per log that grew', async ({ page }) => {
  test.setTimeout(120_000);
  const head = await longRun(page);
  // Steps from the middle of the run: one whose event leaves every log as it was, and one that
  // appends to a log, found from the store so the test does not hard-code the run's shape.
  const found = await page.evaluate((from) => {
    const store = window.__faultline!.store;
    const logs = (k: number) => {
      store.getState().seekStep(k);
      return store.getState().frame.nodes.map((n) => {
        const s = n.state as { log?: unknown[]; commitIndex?: number };
        return JSON.stringify([s.log, s.commitIndex]);
      });
    };
    let same: number | null = null;
    let grew: { k: number; count: number } | null = null;
    for (let k = from; k < from + 2000 && (same === null || grew === null); k++) {
      const before = logs(k);
      const next = logs(k + 1);
      const changed = next.filter((x, i) => x !== before[i]);
      if (changed.length === 0) same ??= k;
      else if (!grew) {
        // Only appends (each changed log is the old one plus entries, the commit index unchanged).
        const appended = next.filter((x, i) => {
          if (x === before[i]) return false;
          const [oldLog, oldCommit] = JSON.parse(before[i]!) as [unknown[], number];
          const [newLog, newCommit] = JSON.parse(x) as [unknown[], number];
          return newCommit === oldCommit && newLog.length === oldLog.length + 1 && JSON.stringify(newLog.slice(0, -1)) === JSON.stringify(oldLog);
        });
        if (appended.length === changed.length) grew = { k, count: appended.length };
      }
    }
    return { same, grew };
  }, Math.floor(head / 2));
  expect(found.same).not.toBeNull();
  expect(found.grew).not.toBeNull();
  await page.getByTestId('logview').scrollIntoViewIfNeeded();

  await seekCounting(page, found.same!, '[data-testid="logview"]', 'td.lg-cell');
  const still = await seekCounting(page, found.same! + 1, '[data-testid="logview"] tbody', 'td.lg-cell');
  expect(still).toEqual({ added: 0, removed: 0, attributes: 0 });

  await seekCounting(page, found.grew!.k, '[data-testid="logview"]', 'td.lg-cell');
  const grew = await seekCounting(page, found.grew!.k + 1, '[data-testid="logview"] tbody', 'td.lg-cell');
  // The new entry's cell in each log that grew; a cell of an index no log had before may also
  // replace a blank one in the other rows, and the view following the newest entries drops the
  // leftmost drawn column when the longest log grew: at most one column's worth per row.
  expect(grew.added).toBeGreaterThanOrEqual(found.grew!.count);
  expect(grew.added).toBeLessThanOrEqual(2 * 5);
  expect(grew.removed).toBeLessThanOrEqual(2 * 5);
});

test('a far seek changes the history panel’s cursor and veil, and nothing else in it', async ({ page }) => {
  test.setTimeout(120_000);
  const head = await longRun(page);
  await expect(page.getByTestId('history-panel').locator('.hi-op').first()).toBeAttached();
  await seekCounting(page, Math.floor(head / 4), '[data-testid="history-panel"]', '*');
  for (const step of [Math.floor((3 * head) / 4), Math.floor(head / 3), head]) {
    const veil = await page.getByTestId('history-future').getAttribute('x');
    const work = await seekCounting(page, step, '[data-testid="history-panel"]', '*');
    // The veil's x and width, the cursor line's x1 and x2.
    expect(work).toEqual({ added: 0, removed: 0, attributes: 4 });
    expect(await page.getByTestId('history-future').getAttribute('x')).not.toBe(veil);
  }
});
