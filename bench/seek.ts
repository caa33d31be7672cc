/**
 * Seek time in the browser (printed, never asserted): a ≈100,000-event Raft run with random
 * faults is recorded in the page, then the store's `seekStep` is timed at 200 random steps
 * with performance.now(). Target (issue 4): ≤ 16 ms, one frame. Further figures time the same
 * seeks with the app re-rendering after each, and the seek plus that React commit (the
 * timeline, cluster and every other view).
 */
import type { Page } from '@playwright/test';
import { randomScenario } from '../src/check/explore';
import { raft } from '../src/protocols/raft';

export const SEEK_POINTS = 200;

function summary(label: string, ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `${label}: median ${q(0.5).toFixed(2)} ms, p99 ${q(0.99).toFixed(2)} ms, max ${s.at(-1)!.toFixed(2)} ms (${s.length} random steps)`;
}

/** The slowest seeks by their place in the sequence: the first ones also pay for what the
 * recording left to do (panels whose code arrives after it, first renders at 100k events). */
function slowest(ms: number[], top = 4): string {
  const worst = ms.map((t, i) => [t, i] as const).sort((a, b) => b[0] - a[0]).slice(0, top);
  return `  slowest (seek number: ms): ${worst.map(([t, i]) => `#${i + 1}: ${t.toFixed(1)}`).join(', ')}`;
}

/** Records the bench's run in the page (a fresh store) to its end; returns its summary line. */
export async function recordSeekRun(page: Page): Promise<string> {
  const scenario = randomScenario(raft, 2026, { nodes: 5, until: 2_000_000, faultEvery: 400, drop: 0.02, duplicate: 0.02 });
  await page.waitForFunction(() => !!window.__faultline);
  // Scripts go in as strings: tsx would wrap a function's inner names in a helper the page lacks.
  const recorded = (await page.evaluate(`(() => {
    const s = window.__faultline.store.getState();
    const start = performance.now();
    s.load(${JSON.stringify(scenario)});
    window.__faultline.store.getState().seekStep(1e9);
    const after = window.__faultline.store.getState();
    return { events: after.sim.eventCount, violations: after.sim.violations.length, ms: performance.now() - start, until: after.sim.events.at(-1).time };
  })()`)) as { events: number; violations: number; ms: number; until: number };
  return `seek: ${recorded.events.toLocaleString('en')} events over ${Math.round(recorded.until / 1000)} s simulated (${recorded.violations} violations), recorded in ${(recorded.ms / 1000).toFixed(1)} s`;
}

/** Waits until the panels whose code loads on demand are drawn, and a few frames more: their
 * first render at 129,206 events (statistics' checkpoints, the space-time index) is the cost of
 * opening the run, not of scrubbing it, and landed inside the first timed seeks before. */
export async function panelsReady(page: Page): Promise<void> {
  await page.waitForFunction(() => ['statistics', 'logview', 'spacetime', 'history-panel'].every((id) => document.querySelector(`[data-testid="${id}"]`)), undefined, { timeout: 120_000 });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
}

/** `before` runs once the run is recorded, before the timed seeks (bench/seekProfile.ts starts a CPU profile there). */
export async function benchSeek(page: Page, before?: (phase: 'seeks') => Promise<void>): Promise<string[]> {
  const recorded = await recordSeekRun(page);
  await panelsReady(page);

  await before?.('seeks');
  const times = (await page.evaluate(`(async () => {
    const store = window.__faultline.store;
    const head = store.getState().sim.eventCount;
    // A seeded generator: the same 200 steps every run.
    let x = 2026;
    const next = () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 4294967296);
    const seek = [];
    const commit = [];
    const settle = () => new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve();
      ch.port2.postMessage(0);
    });
    await settle();
    for (let i = 0; i < ${SEEK_POINTS}; i++) {
      const k = Math.floor(next() * (head + 1));
      const t0 = performance.now();
      store.getState().seekStep(k);
      const t1 = performance.now();
      // React commits store updates in a microtask; the next task starts after the commit.
      await settle();
      commit.push(performance.now() - t0);
      seek.push(t1 - t0);
      if (store.getState().frame.step !== k) throw new Error('seek to ' + k + ' landed on ' + store.getState().frame.step);
    }
    // The same steps back to back, in one task: React renders once at the end, so its
    // garbage does not land inside the timed seeks.
    x = 2026;
    const bare = [];
    for (let i = 0; i < ${SEEK_POINTS}; i++) {
      const k = Math.floor(next() * (head + 1));
      const t0 = performance.now();
      store.getState().seekStep(k);
      bare.push(performance.now() - t0);
    }
    await settle();
    return { seek, commit, bare };
  })()`)) as { seek: number[]; commit: number[]; bare: number[] };

  return [
    recorded,
    summary('seek (store seekStep, back to back)', times.bare),
    summary('seek (store seekStep, each followed by a render)', times.seek),
    summary('seek + React commit', times.commit),
    slowest(times.commit),
  ];
}
