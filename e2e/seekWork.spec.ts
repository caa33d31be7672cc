/**
 * Scrubbing is smooth (issue 17, item 5): a far seek does bounded DOM work, counted with a
 * MutationObserver, never timed. The message dots are reused in place, and a partition's
 * backlog of messages goes on the canvas. Timings are in `npx tsx bench/seekWork.ts`.
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
  // Every message is new, yet the na dots already drawn are reused: nb - na are created, none removed.
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
