/**
 * Scrubbing is smooth (issue 17, item 5): a seek that changes a node's label text forces no
 * layout in its commit. A label near the drawing's edge is measured (getBBox, which lays the
 * page out) once per place and number of lines, not on every seek: counted, never timed.
 * Every label still ends inside the drawing, as when each was measured.
 */
import { test, expect } from '@playwright/test';
import { raft } from '../src/protocols/raft';
import { randomScenario } from '../src/check/explore';
import { freshApp, loadAt } from './helpers';

declare global {
  interface Window {
    /** getBBox calls on node labels since the page loaded. */
    __labelMeasures?: number;
  }
}

test('seeks that change the nodes’ labels measure them once, and every label stays inside the drawing', async ({ page }) => {
  test.setTimeout(120_000);
  // A viewport where a node's label comes close enough to the drawing's edge to be measured (at
  // the bench's 1400 × 900 the layout now keeps room above the top node, so none is).
  await page.setViewportSize({ width: 1200, height: 1000 });
  await page.addInitScript(() => {
    window.__labelMeasures = 0;
    const measure = SVGGraphicsElement.prototype.getBBox;
    SVGGraphicsElement.prototype.getBBox = function (this: SVGGraphicsElement, options?: SVGBoundingBoxOptions) {
      if (this.closest('[data-node]')) window.__labelMeasures!++;
      return measure.call(this, options);
    };
  });
  await freshApp(page);
  await loadAt(page, randomScenario(raft, 2026, { nodes: 5, until: 300_000, faultEvery: 400, drop: 0.02, duplicate: 0.02 }));
  const result = await page.evaluate(async () => {
    const store = window.__faultline!.store;
    const head = store.getState().frame.head;
    const task = () => new Promise<void>((r) => setTimeout(r, 0));
    const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const labels = () => [...document.querySelectorAll('[data-testid="clusterview"] [data-node] .cl-node-sub')].map((t) => t.textContent);
    await frame();
    let changed = 0;
    let measuredInSeeks = 0;
    const outside: string[] = [];
    const svg = document.querySelector<SVGSVGElement>('[data-testid="clusterview"] svg')!;
    for (let i = 1; i <= 30; i++) {
      const before = labels().join('|');
      const measured = window.__labelMeasures!;
      store.getState().seekStep(Math.round((i * head) / 31));
      await task();
      measuredInSeeks += window.__labelMeasures! - measured;
      if (labels().join('|') !== before) changed++;
      await frame();
      // Inside the drawing, with the 2 px margin the placement keeps (in screen pixels, scaled).
      const box = svg.getBoundingClientRect();
      const scale = box.width / svg.viewBox.baseVal.width;
      for (const t of svg.querySelectorAll('.cl-node-id, .cl-node-sub')) {
        const r = t.getBoundingClientRect();
        if (r.left < box.left + scale || r.right > box.right - scale || r.top < box.top + scale || r.bottom > box.bottom - scale) outside.push(`${i}: ${t.textContent}`);
      }
    }
    return { changed, measuredInSeeks, total: window.__labelMeasures!, outside };
  });
  // The seeks changed the labels' text (terms, log lengths)…
  expect(result.changed).toBeGreaterThanOrEqual(20);
  // …and a label was measured (one is near the edge at this size)…
  expect(result.total).toBeGreaterThan(0);
  // …but not again in the seeks' commits: at most once per label place and number of lines.
  expect(result.measuredInSeeks).toBeLessThanOrEqual(2);
  expect(result.outside).toEqual([]);
});
