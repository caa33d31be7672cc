/**
 * Space-time diagram figures at 100,000 events (printed, never asserted): how long one draw of
 * the canvas takes (the whole run as density, and zoomed in with arrows), and how long a pan
 * takes from the input event to the finished draw. Called by bench/browser.ts with a page of a
 * build that has window.__faultline.
 */
import type { Page } from '@playwright/test';
import { raft } from '../src/protocols/raft';
import { randomScenario } from '../src/check/explore';

const CANVAS = '[data-testid="spacetime-canvas"]';

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)] ?? NaN;
  return `median ${median.toFixed(1)} ms, max ${(s.at(-1) ?? NaN).toFixed(1)} ms`;
}

/**
 * In the page: resolves in the animation frame where the diagram has drawn since `before`, after
 * forcing the canvas to rasterize (a 1-pixel read), with the time that took.
 */
const AFTER_DRAW = `(c, before) => new Promise((resolve) => {
  const ctx = c.getContext('2d');
  const check = () => {
    if (Number(c.dataset.draws) === before) return requestAnimationFrame(check);
    const t = performance.now();
    ctx.getImageData(0, 0, 1, 1);
    resolve({ at: performance.now(), raster: performance.now() - t });
  };
  requestAnimationFrame(check);
})`;

/** Draw times of `count` redraws, each caused by moving the cursor: the drawing code plus rasterizing it. */
async function drawTimes(page: Page, count: number): Promise<number[]> {
  // Strings, not functions: tsx would wrap inner names in a helper the page lacks.
  return (await page.evaluate(`(async () => {
    const afterDraw = ${AFTER_DRAW};
    const c = document.querySelector('${CANVAS}');
    const s = window.__faultline.store;
    const start = Number(c.dataset.windowStart), end = Number(c.dataset.windowEnd);
    const out = [];
    for (let i = 0; i < ${count}; i++) {
      const before = Number(c.dataset.draws);
      s.getState().seekTime(Math.max(0, start + ((end - start) * (i + 0.5)) / ${count}));
      const done = await afterDraw(c, before);
      out.push(Number(c.dataset.drawMs) + done.raster);
    }
    return out;
  })()`)) as number[];
}

/** Pans by sideways wheel events: per pan, the time from the event to its rasterized draw, and the draw itself. */
async function panTimes(page: Page, count: number): Promise<{ latency: number[]; draw: number[] }> {
  return (await page.evaluate(`(async () => {
    const afterDraw = ${AFTER_DRAW};
    const c = document.querySelector('${CANVAS}');
    const box = c.getBoundingClientRect();
    const latency = [], draw = [];
    for (let i = 0; i < ${count}; i++) {
      await new Promise((r) => requestAnimationFrame(r));
      const before = Number(c.dataset.draws);
      const dx = (i % 10 < 5 ? 1 : -1) * box.width * 0.2;
      const t0 = performance.now();
      c.dispatchEvent(new WheelEvent('wheel', { deltaX: dx, deltaY: 0, clientX: box.x + box.width / 2, clientY: box.y + 40, bubbles: true, cancelable: true }));
      const done = await afterDraw(c, before);
      latency.push(done.at - t0);
      draw.push(Number(c.dataset.drawMs) + done.raster);
    }
    return { latency, draw };
  })()`)) as { latency: number[]; draw: number[] };
}

export async function benchSpaceTime(page: Page, baseUrl: string): Promise<string[]> {
  const lines: string[] = [];
  await page.goto(baseUrl);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForFunction(() => !!window.__faultline);
  const scenario = randomScenario(raft, 1, { nodes: 5, until: 1_500_000, faultEvery: 400 });
  const run = (await page.evaluate(`(() => {
    const t0 = performance.now();
    const s = window.__faultline.store.getState();
    s.pause();
    s.load(${JSON.stringify(scenario)});
    window.__faultline.store.getState().seekStep(1e9);
    return { events: window.__faultline.store.getState().frame.head, ms: performance.now() - t0 };
  })()`)) as { events: number; ms: number };
  lines.push(`space-time: ${run.events.toLocaleString('en')} events (random Raft run, 5 nodes, 1,500,000 ms), simulated in the page in ${(run.ms / 1000).toFixed(1)} s`);

  const canvas = page.locator(CANVAS);
  await canvas.scrollIntoViewIfNeeded();
  const width = Math.round((await canvas.boundingBox())?.width ?? 0);

  await page.getByTestId('spacetime-fit').click();
  await page.waitForFunction(`document.querySelector('${CANVAS}').dataset.mode === 'density'`);
  const fitDraw = await drawTimes(page, 30);
  const fitPan = await panTimes(page, 30);
  lines.push(`space-time render, whole run as density (${width} px wide): ${stats(fitDraw)} per draw, rasterized (30 draws)`);
  lines.push(`space-time pan, whole run: ${stats(fitPan.latency)} from wheel event to drawn frame; draw ${stats(fitPan.draw)} (30 pans)`);

  await page.getByTestId('spacetime-fit').click();
  for (let i = 0; i < 9; i++) await page.getByTestId('spacetime-zoom-in').click();
  await page.waitForFunction(`document.querySelector('${CANVAS}').dataset.mode === 'arrows'`);
  const zoomDraw = await drawTimes(page, 30);
  const zoomPan = await panTimes(page, 30);
  const arrows = await canvas.getAttribute('data-arrows');
  const win = Number(await canvas.getAttribute('data-window-end')) - Number(await canvas.getAttribute('data-window-start'));
  lines.push(`space-time render, zoomed to ${Math.round(win).toLocaleString('en')} ms (${arrows} arrows): ${stats(zoomDraw)} per draw, rasterized (30 draws)`);
  lines.push(`space-time pan, zoomed: ${stats(zoomPan.latency)} from wheel event to drawn frame; draw ${stats(zoomPan.draw)} (30 pans)`);
  return lines;
}
