/**
 * The ring panel's largest scale run (1,000 servers × 200 tokens, 1,000,000 keys), printed,
 * never asserted: the page's frame rate while the worker computes, and the worker's progress
 * in that second. The browser test only checks that frames keep coming (a count); the rate
 * belongs here, where a loaded machine cannot make a test flake. Called by bench/browser.ts.
 */
import type { Page } from '@playwright/test';

const CHASH = {
  format: 'faultline-scenario',
  version: 1,
  protocol: 'chash',
  nodes: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'],
  seed: 1,
  params: { bugs: [], vnodes: 8, replicas: 3, clients: 1, spares: 0 },
  network: { latency: [10, 30], drop: 0, duplicate: 0 },
  schedule: 'auto',
  actions: [],
  until: 60_000,
};

export async function benchRingScale(page: Page): Promise<string[]> {
  await page.evaluate((s) => window.__faultline!.store.getState().load(s as never), CHASH);
  const form = page.getByTestId('ring-scale');
  await form.waitFor();
  await form.getByLabel('Servers N').fill('1000');
  await form.getByLabel('Virtual nodes v').fill('200');
  await form.getByLabel('Keys K').fill('1000000');
  await form.getByRole('button', { name: 'Compute' }).click();
  const progress = form.getByTestId('ring-scale-progress');
  await progress.waitFor();
  // A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
  const r = (await page.evaluate(`new Promise((resolve) => {
    const bar = document.querySelector('[data-testid="ring-scale-progress"]');
    const p0 = bar ? bar.value : 0;
    let n = 0;
    const t0 = performance.now();
    const tick = () => {
      if (performance.now() - t0 < 1000) { n++; requestAnimationFrame(tick); }
      else { const b = document.querySelector('[data-testid="ring-scale-progress"]'); resolve({ n, p0, p1: b ? b.value : 1 }); }
    };
    requestAnimationFrame(tick);
  })`)) as { n: number; p0: number; p1: number };
  await form.getByRole('button', { name: 'Cancel' }).click();
  return [`${r.n} frames in 1 s while the worker computed (progress ${(r.p0 * 100).toFixed(1)}% → ${(r.p1 * 100).toFixed(1)}%)`];
}
