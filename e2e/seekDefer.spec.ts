/**
 * Scrubbing is smooth (issue 17, item 5), asserted by counts, never by time: a seek's urgent
 * React commit renders the cluster view, the playback bar and the timeline, and none of the
 * calmed panels (statistics, log view, history, inspector, space-time diagram); those follow
 * after the frame (views/settle.ts), once each, to the picture a settled seek shows. Seeks in a
 * row supersede their catch-up. Timings are in `npx tsx bench/seekProfile.ts`.
 */
import { test, expect, type Page } from '@playwright/test';
import { openScrubRun, seekCounted } from './commitCounter';

/** The calmed panels' components, and those that show the cursor at once. */
// The history panel's lanes do not depend on the cursor: a seek renders only its cursor and
// veil (`CursorMarks`), in the catch-up.
const CALMED = ['Statistics', 'SpaceTime', 'LogView', 'HistoryPanel', 'CursorMarks', 'Inspector', 'InvariantPanel'];
const URGENT = ['Timeline', 'PlaybackBar', 'ClusterView'];

/** What the calmed panels show, as text and attributes (the canvas by its published data). */
function picture(page: Page): Promise<Record<string, string | null>> {
  return page.evaluate(() => {
    const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="spacetime-canvas"]')!;
    return {
      step: String(window.__faultline!.store.getState().frame.step),
      statistics: text('statistics'),
      log: text('logview'),
      inspector: text('inspector'),
      history: document.querySelector('[data-testid="history-future"]')?.getAttribute('x') ?? null,
      canvas: [canvas.getAttribute('aria-label'), canvas.dataset.windowStart, canvas.dataset.windowEnd, canvas.dataset.arrows].join('|'),
    };
  });
}

async function openRun(page: Page): Promise<number> {
  const head = await openScrubRun(page);
  for (const id of ['statistics', 'logview', 'spacetime', 'history-panel']) await expect(page.getByTestId(id)).toBeVisible();
  // Into the past first: the fork warning that shows there changes the layout once.
  await page.evaluate((k) => window.__faultline!.store.getState().seekStep(k), Math.floor(head / 2));
  await expect(page.getByTestId('fork-warning')).toBeVisible();
  return head;
}

test("a seek's urgent commit renders no calmed panel; each follows once, to the settled picture", async ({ page }) => {
  test.setTimeout(120_000);
  const head = await openRun(page);
  for (const step of [Math.floor(head / 4), Math.floor((3 * head) / 4), Math.floor(head / 3)]) {
    const { urgent, later } = await seekCounted(page, step);
    const all = JSON.stringify({ urgent, later });
    for (const name of CALMED) expect(urgent.renders[name] ?? 0, `${name} in the urgent commit: ${all}`).toBe(0);
    for (const name of URGENT) expect(urgent.renders[name] ?? 0, `${name} in the urgent commit: ${all}`).toBeGreaterThan(0);
    // Each calmed panel follows once, and what the urgent commit rendered does not render again.
    for (const name of ['Statistics', 'SpaceTime', 'LogView', 'CursorMarks']) expect(later.renders[name] ?? 0, `${name} after: ${all}`).toBe(1);
    expect(later.renders.HistoryPanel ?? 0, `HistoryPanel after: ${all}`).toBe(0);
    for (const name of ['Timeline', 'PlaybackBar']) expect(later.renders[name] ?? 0, `${name} after: ${all}`).toBe(0);
    // The cluster view renders once more only to bring back SVG dots that a seek among more than
    // 40 left to the canvas (cluster/useSettledDots.ts), and then neither its nodes nor its timers.
    expect(later.renders.ClusterView ?? 0, `ClusterView after: ${all}`).toBe(later.renders.Messages ?? 0);
    expect(later.renders.ClusterView ?? 0, `ClusterView after: ${all}`).toBeLessThanOrEqual(1);
    for (const name of ['NodeGlyph', 'TimerArc']) expect(later.renders[name] ?? 0, `${name} after: ${all}`).toBe(0);
    const shown = await picture(page);
    expect(shown.step).toBe(String(step));
    expect(shown.statistics).toContain(new Intl.NumberFormat('en').format(step));
  }

  // The same step reached by a burst of seeks (each superseding the last one's catch-up) and by
  // one settled seek shows the same picture.
  const target = Math.floor(head / 5);
  await page.evaluate(
    ([k, h]) => {
      const s = window.__faultline!.store.getState();
      for (let i = 1; i <= 10; i++) s.seekStep(Math.floor((h * i) / 11));
      s.seekStep(k);
    },
    [target, head] as const,
  );
  await page.waitForFunction(() => window.__faultline!.settled());
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const burst = await picture(page);
  await seekCounted(page, Math.floor(head / 2));
  expect(await picture(page)).not.toEqual(burst);
  await seekCounted(page, target);
  expect(await picture(page)).toEqual(burst);
});

test('scrubbing, one seek a frame, renders the calmed panels far fewer times than it seeks', async ({ page }) => {
  test.setTimeout(120_000);
  const head = await openRun(page);
  await seekCounted(page, Math.floor(head / 3));
  const SEEKS = 40;
  const { renders, elapsed } = await page.evaluate(
    async ([n, h]) => {
      window.__renders!.clear();
      const start = performance.now();
      // A drag: one seek in each animation frame, as pointer moves arrive.
      for (let i = 0; i < n; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        window.__faultline!.store.getState().seekStep(Math.floor(h / 3) + (i + 1) * 7);
      }
      const elapsed = performance.now() - start;
      for (let i = 0; i < 100 && !window.__faultline!.settled(); i++) await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return { renders: Object.fromEntries(window.__renders!), elapsed };
    },
    [SEEKS, head] as const,
  );
  const all = JSON.stringify({ renders, elapsed });
  // What shows the cursor follows the drag (React may fold two seeks into one commit).
  expect(renders.Timeline ?? 0, all).toBeGreaterThan(SEEKS * 0.8);
  // The calmed panels follow at most once per their interval while the drag goes on (the
  // bottom panels every 250 ms, the side and the diagram every 500 ms), and once after it: a
  // bound that grows with a slow machine's frames, so it cannot fail for slowness.
  expect(renders.LogView ?? 0, all).toBeLessThanOrEqual(2 + Math.ceil(elapsed / 250));
  expect(renders.CursorMarks ?? 0, all).toBeLessThanOrEqual(2 + Math.ceil(elapsed / 250));
  expect(renders.Statistics ?? 0, all).toBeLessThanOrEqual(2 + Math.ceil(elapsed / 500));
  expect(renders.SpaceTime ?? 0, all).toBeLessThanOrEqual(2 + Math.ceil(elapsed / 500));
  // A bound that holds whatever the frame rate: fewer renders than seeks (the interval bound
  // above stops constraining once a drag is slow, so this one keeps the test able to fail).
  expect(renders.LogView ?? 0, all).toBeLessThan(SEEKS);
  expect(renders.CursorMarks ?? 0, all).toBeLessThan(SEEKS);
  expect(renders.Statistics ?? 0, all).toBeLessThan(SEEKS);
  expect(renders.SpaceTime ?? 0, all).toBeLessThan(SEEKS);
  // …and they do follow: the last seek is what they show.
  expect(renders.Statistics ?? 0, all).toBeGreaterThan(0);
  const step = Math.floor(head / 3) + SEEKS * 7;
  await expect(page.getByTestId('statistics')).toContainText(new Intl.NumberFormat('en').format(step));
});

test('the space-time diagram strokes a haloed label once, then copies it on every later draw', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    const w = window as unknown as { __strokes: number; __copies: number };
    w.__strokes = 0;
    w.__copies = 0;
    const proto = CanvasRenderingContext2D.prototype;
    const stroke = proto.strokeText;
    const copy = proto.drawImage as (...a: unknown[]) => void;
    proto.strokeText = function (...a: Parameters<typeof stroke>) {
      w.__strokes++;
      return stroke.apply(this, a);
    };
    proto.drawImage = function (this: CanvasRenderingContext2D, ...a: unknown[]) {
      if (this.canvas.dataset.testid === 'spacetime-canvas') w.__copies++;
      return copy.apply(this, a);
    } as typeof proto.drawImage;
  });
  const head = await openRun(page);
  const counts = () => page.evaluate(() => {
    const w = window as unknown as { __strokes: number; __copies: number };
    const out = { strokes: w.__strokes, copies: w.__copies };
    w.__strokes = w.__copies = 0;
    return out;
  });
  // The same place twice, with a far one between: the second visit draws the same labels.
  const place = Math.floor((3 * head) / 4);
  await seekCounted(page, place);
  await seekCounted(page, Math.floor(head / 4));
  await seekCounted(page, place);
  await counts();
  // One step on: the window stays, the cursor moves, and the diagram draws again.
  await seekCounted(page, place + 1);
  const again = await counts();
  expect(again.copies, JSON.stringify(again)).toBeGreaterThan(0);
  expect(again.strokes, JSON.stringify(again)).toBe(0);
});
