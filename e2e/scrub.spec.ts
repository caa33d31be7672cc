/**
 * Scrubbing is smooth (issue 17, item 5), asserted by counts, never by time: a seek is one
 * urgent React commit (the calmed panels follow in at most one commit each), it re-renders no
 * history bar and not the top bar, and it changes no history bar in the DOM. Timings are in
 * `npx tsx bench/seekProfile.ts`; what the urgent commit renders is in seekDefer.spec.ts.
 */
import { test, expect } from '@playwright/test';
import { openScrubRun, seekCounted } from './commitCounter';

test('a seek is one urgent React commit that re-renders only what shows the cursor, and touches no history bar', async ({ page }) => {
  test.setTimeout(120_000);
  // A run with many client operations, recorded to its end.
  const head = await openScrubRun(page);
  const bars = page.getByTestId('history-panel').locator('.hi-op');
  await expect(bars.first()).toBeAttached();
  const barCount = await bars.count();
  expect(barCount).toBeGreaterThan(20);

  // Count DOM changes inside the bars, from here on.
  await page.evaluate(() => {
    const w = window as unknown as { __barMutations: number };
    w.__barMutations = 0;
    const panel = document.querySelector('[data-testid="history-panel"] svg')!;
    new MutationObserver((records) => {
      for (const r of records) if ((r.target as Element).closest?.('.hi-op') ?? r.target.parentElement?.closest('.hi-op')) w.__barMutations++;
    }).observe(panel, { subtree: true, attributes: true, childList: true, characterData: true });
  });

  // Into the past first: the fork warning that shows there changes the stage's layout (and
  // so the cluster view's size) once, which is not what is counted here.
  await page.evaluate((k) => window.__faultline!.store.getState().seekStep(k), Math.floor(head / 2));
  await expect(page.getByTestId('fork-warning')).toBeVisible();
  // Far-apart seeks in the past: many bars change sides of the cursor each time.
  const veil = page.getByTestId('history-future');
  for (const step of [Math.floor(head / 4), Math.floor((3 * head) / 4), Math.floor(head / 3), Math.floor(head / 5)]) {
    const veilX = await veil.getAttribute('x');
    const { urgent, later } = await seekCounted(page, step);
    const renders = { ...urgent.renders };
    for (const [name, n] of Object.entries(later.renders)) renders[name] = (renders[name] ?? 0) + n;
    expect(await page.evaluate(() => window.__faultline!.store.getState().frame.step)).toBe(step);
    // The seek's own commit is one: no effect after it sets state and renders the app again.
    // On a loaded 2-core machine React sometimes follows with a commit in which nothing renders
    // (an update that bails out); it costs nothing and is not a cascade, so only rendering
    // commits count. The calmed panels follow in at most one commit each (the side column, the
    // bottom panels, the space-time diagram), and so do the cluster view's SVG message dots when
    // the seek drew them on the canvas (more than 40 in flight, cluster/useSettledDots.ts).
    expect(urgent.renderingCommits, JSON.stringify(urgent)).toBe(1);
    expect(later.renderingCommits, JSON.stringify(later)).toBeLessThanOrEqual(3 + (later.renders.Messages ?? 0));
    expect(later.renders.Messages ?? 0, JSON.stringify(later)).toBeLessThanOrEqual(1);
    // The bars do not depend on the cursor: not one re-renders; the veil over the future moves.
    expect(renders.OpBar ?? 0, JSON.stringify(renders)).toBe(0);
    expect(await veil.getAttribute('x')).not.toBe(veilX);
    // Nor does what shows no time: the top bar.
    expect(renders.TopBar ?? 0, JSON.stringify(renders)).toBe(0);
    // What shows the cursor does: the timeline, in the seek's own commit.
    expect(urgent.renders.Timeline ?? 0, JSON.stringify(urgent)).toBeGreaterThan(0);
  }
  expect(await page.evaluate(() => (window as unknown as { __barMutations: number }).__barMutations)).toBe(0);
  expect(await bars.count()).toBe(barCount);
});
