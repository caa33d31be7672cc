/**
 * The space-time diagram in a real browser: spans, markers and violations of a curated run,
 * clicking an arrow to move the cursor, zoom and pan (buttons, wheel, drag, keys), following
 * the cursor, and a 100,000-event run that stays interactive.
 */
import { test, expect, type Page } from '@playwright/test';
import { raft } from '../src/protocols/raft';
import { randomScenario } from '../src/check/explore';
import type { Scenario } from '../src/scenario/types';
import { laneY, xOf, type TimeWindow } from '../src/views/spacetime/layout';
import { freshApp } from './helpers';

const canvas = (page: Page) => page.getByTestId('spacetime-canvas');
const lane = (page: Page, id: string) => page.getByTestId('spacetime').locator(`button[data-node="${id}"]`);

/** The visible window, once the diagram has drawn (it draws on the next animation frame); both
 * ends read at once, as the window moves while playing. */
async function shown(page: Page): Promise<TimeWindow> {
  return page.evaluate(
    () =>
      new Promise<TimeWindow>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const c = document.querySelector<HTMLElement>('[data-testid="spacetime-canvas"]')!;
            resolve({ start: Number(c.dataset.windowStart), end: Number(c.dataset.windowEnd) });
          }),
        ),
      ),
  );
}

/** Loads a scenario and runs it to its end. */
async function runToEnd(page: Page, scenario: Scenario): Promise<void> {
  await page.evaluate((sc) => {
    window.__faultline!.store.getState().load(sc);
    window.__faultline!.store.getState().seekStep(1e9);
  }, scenario);
}

/** Client coordinates of a point of the diagram given in canvas CSS pixels. */
async function at(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = (await canvas(page).boundingBox())!;
  return { x: box.x + x, y: box.y + y };
}

const figure8 = raft.scenarios.find((s) => s.name === 'figure-8-bug')!;
const nodes = figure8.nodes;

test.beforeEach(async ({ page }) => {
  await freshApp(page);
  await canvas(page).scrollIntoViewIfNeeded();
});

test('figure 8 run to its end: crashed spans, violations and an accessible summary', async ({ page }) => {
  await runToEnd(page, figure8);
  // Crashed spans per lane, from the whole run ("-" at the end: still down).
  await expect(lane(page, 'n1')).toHaveAttribute('data-down', '150-210 350-');
  await expect(lane(page, 'n2')).toHaveAttribute('data-down', '');
  await expect(lane(page, 'n3')).toHaveAttribute('data-down', '100-150');
  await expect(lane(page, 'n4')).toHaveAttribute('data-down', '100-150');
  await expect(lane(page, 'n5')).toHaveAttribute('data-down', '100-150 200-360');
  const diagram = page.getByRole('img', { name: /^Space-time diagram of 5 nodes/ });
  await expect(diagram).toHaveAttribute('aria-label', /Crashed: n1 150–210 ms, from 350 ms; n3 100–150 ms; n4 100–150 ms; n5 100–150 ms, 200–360 ms\./);
  await expect(diagram).toHaveAttribute('aria-label', /Violations: Leader Completeness at 440 ms \(n5, n1\); State Machine Safety at 470 ms \(n1, n2\)\./);
  await expect(canvas(page)).toHaveAttribute('data-violations', '2');
  // n1 is down at the cursor: its lane label says so without colour (struck through).
  await expect(lane(page, 'n1')).toHaveClass(/st-lane-down/);

  // The violation marker is drawn where the event happened, on n5's lane: hover, then click.
  const win = await shown(page);
  const width = (await canvas(page).boundingBox())!.width;
  const v = await page.evaluate(() => window.__faultline!.store.getState().sim.violations[0]!);
  const time = await page.evaluate((seq) => window.__faultline!.store.getState().sim.events[seq]!.time, v.seq);
  const p = await at(page, xOf(time, win, width), laneY(nodes.indexOf('n5')));
  await page.mouse.move(p.x, p.y);
  await expect(page.getByTestId('spacetime-tip')).toContainText('Violation of Leader Completeness at 440 ms');
  await page.mouse.click(p.x, p.y);
  expect(await page.evaluate(() => window.__faultline!.store.getState().frame.step)).toBe(v.seq + 1);
  expect(await page.evaluate(() => window.__faultline!.store.getState().selection)).toEqual({ kind: 'node', id: 'n5' });
});

test('clicking a message arrow moves the cursor to its sending and selects it', async ({ page }) => {
  await runToEnd(page, figure8);
  // A delivered message across two lanes or more, late in the run.
  const m = await page.evaluate((ids) => {
    const events = window.__faultline!.store.getState().sim.events;
    const sent = new Map<number, number>();
    for (const e of events) for (const s of e.sent ?? []) sent.set(s.id, e.seq);
    const e = events.find((e) => e.kind === 'deliver' && e.time > 450 && Math.abs(ids.indexOf(e.message!.from) - ids.indexOf(e.message!.to)) >= 2)!;
    return { id: e.message!.id, from: e.message!.from, to: e.message!.to, sentAt: e.message!.sentAt, end: e.time, sendSeq: sent.get(e.message!.id)! };
  }, nodes);

  // Zoom in around its sending, pin the view, then move the cursor away.
  await page.evaluate((step) => window.__faultline!.store.getState().seekStep(step), m.sendSeq + 1);
  for (let i = 0; i < 3; i++) await page.getByTestId('spacetime-zoom-in').click();
  await page.getByTestId('spacetime-follow').click();
  await expect(page.getByTestId('spacetime-follow')).toHaveAttribute('aria-pressed', 'false');
  await page.evaluate(() => window.__faultline!.store.getState().seekStep(0));
  expect(await page.evaluate(() => window.__faultline!.store.getState().frame.step)).toBeLessThan(m.sendSeq);

  const win = await shown(page);
  expect(win.end - win.start).toBeCloseTo(700 / 8, 5);
  expect(win.start).toBeLessThanOrEqual(m.sentAt);
  const width = (await canvas(page).boundingBox())!.width;
  const mid = await at(page, xOf((m.sentAt + m.end) / 2, win, width), (laneY(nodes.indexOf(m.from)) + laneY(nodes.indexOf(m.to))) / 2);
  await page.mouse.move(mid.x, mid.y);
  await expect(page.getByTestId('spacetime-tip')).toContainText(`#${m.id} `);
  await page.mouse.click(mid.x, mid.y);
  expect(await page.evaluate(() => window.__faultline!.store.getState().frame.step)).toBe(m.sendSeq + 1);
  expect(await page.evaluate(() => window.__faultline!.store.getState().selection)).toEqual({ kind: 'message', id: m.id });
  // The message is now in flight at the cursor: the cluster view shows it selected.
  await expect(page.getByTestId('clusterview').locator(`[data-message="${m.id}"].is-selected`)).toHaveCount(1);
});

test('zoom and pan: buttons, wheel, drag and keys change the visible window', async ({ page }) => {
  await runToEnd(page, figure8);
  expect(await shown(page)).toEqual({ start: 0, end: 700 });
  // Zooming keeps the cursor (at 700 ms) where it is.
  await page.getByTestId('spacetime-zoom-in').click();
  await expect(canvas(page)).toHaveAttribute('data-window-start', '350');
  expect(await shown(page)).toEqual({ start: 350, end: 700 });
  await page.getByTestId('spacetime-zoom-out').click();
  await expect(canvas(page)).toHaveAttribute('data-window-start', '0');

  // The wheel zooms about the pointer; with the cursor still in view, the view keeps following it.
  await page.evaluate(() => window.__faultline!.store.getState().seekTime(350));
  const box = (await canvas(page).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  await expect.poll(async () => (await shown(page)).end - (await shown(page)).start).toBeLessThan(500);
  const zoomed = await shown(page);
  expect(zoomed.start).toBeLessThan(350);
  expect(zoomed.end).toBeGreaterThan(350);
  await expect(page.getByTestId('spacetime-follow')).toHaveAttribute('aria-pressed', 'true');

  // A drag scrolls and pins the view (follow turns off).
  await page.mouse.move(box.x + box.width / 2, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 200, box.y + 20, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await shown(page)).start).toBeLessThan(zoomed.start);
  await expect(page.getByTestId('spacetime-follow')).toHaveAttribute('aria-pressed', 'false');
  const step = await page.evaluate(() => window.__faultline!.store.getState().frame.step);

  // Keys on the focused scrollbar scroll and zoom the diagram, not the run.
  const before = await shown(page);
  await page.getByTestId('spacetime-scroll').focus();
  await page.keyboard.press('ArrowRight');
  const after = await shown(page);
  expect(after.start - before.start).toBeCloseTo((before.end - before.start) / 4, 1);
  expect(await page.evaluate(() => window.__faultline!.store.getState().frame.step)).toBe(step);
  await page.keyboard.press('0');
  await expect(canvas(page)).toHaveAttribute('data-window-end', '700');
  await page.keyboard.press('f');
  await expect(page.getByTestId('spacetime-follow')).toHaveAttribute('aria-pressed', 'true');
});

test('while playing, the view follows the cursor; a pinned view stays', async ({ page }) => {
  // The free cluster opens at [0, 1500 ms]; playback carries the cursor past it.
  expect(await shown(page)).toEqual({ start: 0, end: 1500 });
  await page.evaluate(() => {
    const s = window.__faultline!.store.getState();
    s.setSpeed(2);
    s.play();
  });
  await page.waitForFunction(() => window.__faultline!.store.getState().frame.time > 2500, undefined, { timeout: 20_000 });
  const w = await shown(page);
  const t = await page.evaluate(() => window.__faultline!.store.getState().frame.time);
  expect(w.start).toBeGreaterThan(0);
  expect(w.end - w.start).toBeCloseTo(1500, 1);
  expect(t).toBeGreaterThanOrEqual(w.start);

  await page.getByTestId('spacetime-follow').click();
  const pinned = await shown(page);
  await page.waitForFunction((t0) => window.__faultline!.store.getState().frame.time > t0 + 1500, t, { timeout: 20_000 });
  await page.evaluate(() => window.__faultline!.store.getState().pause());
  expect(await shown(page)).toEqual(pinned);
});

test('a 100,000-event run stays interactive', async ({ page }) => {
  // Recording 100,000 events takes seconds on a quiet machine, many more under load: every wait
  // below is for a condition (with room to spare), and what is asserted are counts and states.
  test.setTimeout(240_000);
  const big = randomScenario(raft, 1, { nodes: 5, until: 1_700_000, faultEvery: 400 });
  await runToEnd(page, big);
  const head = await page.evaluate(() => window.__faultline!.store.getState().frame.head);
  expect(head).toBeGreaterThan(100_000);

  // The whole run: density per lane instead of 90,000 arrows.
  await page.getByTestId('spacetime-fit').click();
  await expect(canvas(page)).toHaveAttribute('data-mode', 'density', { timeout: 30_000 });
  await expect(canvas(page)).toHaveAttribute('data-window-start', '0');

  // Zoom in: arrows again, and a drag pans the window.
  for (let i = 0; i < 9; i++) await page.getByTestId('spacetime-zoom-in').click();
  await expect(canvas(page)).toHaveAttribute('data-mode', 'arrows', { timeout: 30_000 });
  const before = await shown(page);
  const drawsBeforeDrag = Number(await canvas(page).getAttribute('data-draws'));
  const box = (await canvas(page).boundingBox())!;
  await page.mouse.move(box.x + 600, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + 300, box.y + 20, { steps: 10 });
  await page.mouse.up();
  await expect.poll(async () => (await shown(page)).start, { timeout: 30_000 }).toBeGreaterThan(before.start);
  // Interactive means the drag is drawn as it comes, at most one draw per pointer event (the
  // hover, the press, 10 moves, the release): draws never queue up, however slow the machine.
  const dragDraws = Number(await canvas(page).getAttribute('data-draws')) - drawsBeforeDrag;
  expect(dragDraws).toBeGreaterThan(0);
  expect(dragDraws).toBeLessThanOrEqual(13);

  // Replaying from the start, the cursor and the diagram keep moving (the diagram follows
  // playback twice a second): the clock passes 3 s, and the diagram draws at least three more
  // times while it plays.
  const start = await page.evaluate(() => {
    const s = window.__faultline!.store.getState();
    s.seekStep(0);
    s.setSpeed(50);
    s.play();
    return { draws: Number(document.querySelector<HTMLElement>('[data-testid="spacetime-canvas"]')!.dataset.draws) };
  });
  await page.waitForFunction(() => window.__faultline!.store.getState().frame.time > 3000, undefined, { timeout: 60_000 });
  await page.waitForFunction(
    (from) => {
      const c = document.querySelector<HTMLElement>('[data-testid="spacetime-canvas"]')!;
      return Number(c.dataset.draws) > from.draws + 2 && window.__faultline!.store.getState().playing;
    },
    start,
    { timeout: 60_000 },
  );
  await page.evaluate(() => window.__faultline!.store.getState().pause());
});
