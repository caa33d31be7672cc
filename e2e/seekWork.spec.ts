/**
 * Scrubbing is smooth (issue 17, item 5): a far seek does bounded DOM work, counted with a
 * MutationObserver, never timed. The message dots are reused in place, and a partition's
 * backlog of messages goes on the canvas. A seek among more than 40 dots draws them on the
 * canvas in its own commit and brings the SVG dots back after its frame (useSettledDots.ts).
 * Timings are in `npx tsx bench/seekWork.ts` and `bench/seekTail.ts`.
 */
import { test, expect, type Page } from '@playwright/test';
import { raft } from '../src/protocols/raft';
import { randomScenario } from '../src/check/explore';
import { freshApp, loadAt } from './helpers';
import { seekCounting } from './seekCounting';


const inFlightIds = (page: Page) => page.evaluate(() => window.__faultline!.store.getState().frame.inFlight.map((f) => f.message.id).sort((a, b) => a - b));
const dotIds = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('[data-testid="clusterview"] [data-message]')].map((el) => Number(el.getAttribute('data-message'))).sort((a, b) => a - b));

test('a far seek reuses the message dots: it creates only as many as the count grows by, and draws every message', async ({ page }) => {
  test.setTimeout(120_000);
  await freshApp(page);
  const run = randomScenario(raft, 7, { nodes: 5, until: 120_000, faultEvery: 400 });
  await loadAt(page, run);
  // Steps whose messages in flight are all different, between 20 and 150 of them, the
  // second with more: found from the store, so the test does not hard-code the run's shape.
  const pair = await page.evaluate(() => {
    const store = window.__faultline!.store;
    const head = store.getState().frame.head;
    const at = (k: number) => {
      store.getState().seekStep(k);
      return store.getState().frame.inFlight.map((f) => f.message.id);
    };
    const steps: { k: number; ids: number[] }[] = [];
    for (let k = 0; k <= head; k += 97) {
      const ids = at(k);
      if (ids.length >= 20 && ids.length <= 150) steps.push({ k, ids });
    }
    for (const a of steps)
      for (const b of steps) {
        if (b.ids.length <= a.ids.length + 10) continue;
        const seen = new Set(a.ids);
        if (b.ids.every((id) => !seen.has(id))) return { a: a.k, b: b.k, na: a.ids.length, nb: b.ids.length };
      }
    return null;
  });
  expect(pair).not.toBeNull();
  await seekCounting(page, pair!.a, '[data-testid="clusterview"] svg', '.cl-msg');
  expect(await dotIds(page)).toEqual(await inFlightIds(page));
  const work = await seekCounting(page, pair!.b, '[data-testid="clusterview"] svg', '.cl-msg');
  // Every message is new, yet the na dots already drawn are reused: nb - na are created, none
  // removed (counted until the SVG dots have caught up with the seek).
  expect(work.added).toBe(pair!.nb - pair!.na);
  expect(work.removed).toBe(0);
  expect(await dotIds(page)).toEqual(await inFlightIds(page));
  // And back: the surplus dots go, none is created.
  const back = await seekCounting(page, pair!.a, '[data-testid="clusterview"] svg', '.cl-msg');
  expect(back).toMatchObject({ added: 0, removed: pair!.nb - pair!.na });
  expect(await dotIds(page)).toEqual(await inFlightIds(page));
});

test('paused with a partition’s backlog in flight (over 150), the messages go on the canvas, not into the SVG', async ({ page }) => {
  test.setTimeout(120_000);
  await freshApp(page);
  await loadAt(page, randomScenario(raft, 7, { nodes: 5, until: 120_000, faultEvery: 400 }));
  const step = await page.evaluate(() => {
    const store = window.__faultline!.store;
    for (let k = 0; k <= store.getState().frame.head; k += 97) {
      store.getState().seekStep(k);
      if (store.getState().frame.inFlight.length > 200) return k;
    }
    return null;
  });
  expect(step).not.toBeNull();
  const work = await seekCounting(page, step!, '[data-testid="clusterview"]', '.cl-msg');
  expect(work.added).toBe(0);
  const inFlight = (await inFlightIds(page)).length;
  await expect(page.getByTestId('flight-canvas')).toHaveAttribute('data-count', String(inFlight));
  expect(await page.locator('.cl-msg').count()).toBe(0);
});

/** In the page: seeks to `k` and reports the urgent commit (before any other task runs). */
const urgentSeek = (page: Page, k: number) =>
  page.evaluate(async (step) => {
    const layer = document.querySelector('[data-testid="clusterview"] .cl-messages')!;
    let dotChanges = 0;
    const count = (rs: MutationRecord[]) => {
      for (const r of rs) {
        const inDot = (n: Node) => (n instanceof Element ? n : n.parentElement)?.closest('.cl-msg') !== null;
        if (r.type === 'childList') dotChanges += [...r.addedNodes, ...r.removedNodes].length;
        else if (inDot(r.target)) dotChanges++;
      }
    };
    const obs = new MutationObserver(count);
    obs.observe(layer, { subtree: true, childList: true, attributes: true, characterData: true });
    window.__faultline!.store.getState().seekStep(step);
    await new Promise<void>((r) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => r();
      ch.port2.postMessage(0);
    });
    count(obs.takeRecords());
    obs.disconnect();
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="flight-canvas"]');
    return {
      dotChanges,
      hidden: layer.getAttribute('visibility') === 'hidden',
      canvasCount: canvas ? Number(canvas.dataset.count) : null,
      inFlight: window.__faultline!.store.getState().frame.inFlight.length,
    };
  }, k);

const settled = (page: Page) =>
  page.evaluate(async () => {
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (let i = 0; i < 100 && !window.__faultline!.settled(); i++) await frames();
    await frames();
  });

test('a far seek among more than 40 dots leaves the SVG dots to after its frame: the canvas draws them at once, then the SVG has them all again', async ({ page }) => {
  test.setTimeout(120_000);
  await freshApp(page);
  await loadAt(page, randomScenario(raft, 7, { nodes: 5, until: 120_000, faultEvery: 400 }));
  // Steps with 41-150 in flight (SVG dots once settled), and steps with 1-40: from the store.
  const steps = await page.evaluate(() => {
    const store = window.__faultline!.store;
    const many: number[] = [];
    const few: number[] = [];
    for (let k = 0; k <= store.getState().frame.head; k += 97) {
      store.getState().seekStep(k);
      const n = store.getState().frame.inFlight.length;
      if (n > 40 && n <= 150) many.push(k);
      else if (n > 0 && n <= 40) few.push(k);
    }
    return { many, few };
  });
  expect(steps.many.length).toBeGreaterThanOrEqual(2);
  expect(steps.few.length).toBeGreaterThanOrEqual(2);

  await seekCounting(page, steps.many[0]!, '[data-testid="clusterview"] svg', '.cl-msg');
  expect(await dotIds(page)).toEqual(await inFlightIds(page));
  // Far, from many dots to many: not one SVG dot is touched in the seek's commit; the layer is
  // hidden and the canvas draws every message of the new frame.
  const far = await urgentSeek(page, steps.many.at(-1)!);
  expect(far).toEqual({ dotChanges: 0, hidden: true, canvasCount: far.inFlight, inFlight: far.inFlight });
  await settled(page);
  // Then the SVG dots are the frame's messages again, shown, and the canvas is gone.
  expect(await dotIds(page)).toEqual(await inFlightIds(page));
  await expect(page.locator('[data-testid="clusterview"] .cl-messages')).not.toHaveAttribute('visibility', 'hidden');
  await expect(page.getByTestId('flight-canvas')).toHaveCount(0);

  // From few dots to few, the seek's commit moves the SVG dots itself, with no canvas.
  await seekCounting(page, steps.few[0]!, '[data-testid="clusterview"] svg', '.cl-msg');
  const near = await urgentSeek(page, steps.few.at(-1)!);
  expect(near).toMatchObject({ hidden: false, canvasCount: null });
  expect(near.dotChanges).toBeGreaterThan(0);
  expect(await dotIds(page)).toEqual(await inFlightIds(page));
});
