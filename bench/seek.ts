/**
 * Seek time in the browser (printed, never asserted): a ≈130,000-event Raft run with random
 * faults is recorded in the page, then 200 seeded seeks are timed with performance.now():
 * the store's `seekStep` alone; the seek and its urgent React commit (the cluster view, the
 * playback bar, the timeline: what scrubbing feels like; issue 17's target, median ≤ 16 ms and
 * p99 ≤ 50 ms); the same with its style and layout; and the seek until every calmed panel
 * (statistics, log view, history, inspector, the space-time canvas) has followed it, which
 * includes waiting for frames (views/settle.ts). docs/scrubbing.md says which is which.
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

/** Per seek: the urgent commit, then every calmed panel catching up (views/settle.ts). */
export interface SeekTimes {
  /** seekStep alone. */
  seek: number[];
  /** The seek and its own React commit: what the user feels while scrubbing (issue 17's target). */
  urgent: number[];
  /** The same, plus the style and layout that commit needs. */
  urgentLayout: number[];
  /** Until every panel has followed the seek and the space-time canvas has drawn it (frames included). */
  settled: number[];
  /** The longest task while the panels caught up (a catch-up task with its commit, or the canvas draw). */
  longestTask: number[];
  /** The same steps back to back in one task (React renders once at the end). */
  bare: number[];
}

/** The 200 seeded seeks, each timed while urgent and until settled. A build without a deferred
 * cursor (main before it) has no `settled()`: everything is in the urgent commit there. */
export async function timeSeeks(page: Page): Promise<SeekTimes> {
  return (await page.evaluate(`(async () => {
    const app = window.__faultline;
    const store = app.store;
    const settled = () => (app.settled ? app.settled() : true);
    const tasks = () => (app.settleTasks ? app.settleTasks() : []);
    const head = store.getState().sim.eventCount;
    // A seeded generator: the same 200 steps every run.
    let x = 2026;
    const next = () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 4294967296);
    const out = { seek: [], urgent: [], urgentLayout: [], settled: [], longestTask: [], bare: [] };
    const settle = () => new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve();
      ch.port2.postMessage(0);
    });
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const afterFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const canvas = () => document.querySelector('[data-testid="spacetime-canvas"]');
    const untilSettled = async () => {
      for (let i = 0; i < 200 && !settled(); i++) await afterFrame();
    };
    await untilSettled();
    await frame();
    await settle();
    tasks();
    for (let i = 0; i < ${SEEK_POINTS}; i++) {
      const k = Math.floor(next() * (head + 1));
      const draws = canvas()?.dataset.draws;
      const t0 = performance.now();
      store.getState().seekStep(k);
      const t1 = performance.now();
      // React commits store updates in a microtask; the next task starts after the commit.
      await settle();
      const t2 = performance.now();
      void document.documentElement.scrollHeight;
      const t3 = performance.now();
      // The calmed panels follow after a frame, in tasks of their own; the canvas draws in the
      // frame after its panel followed.
      await untilSettled();
      await frame();
      await settle();
      const t4 = performance.now();
      if (store.getState().frame.step !== k) throw new Error('seek to ' + k + ' landed on ' + store.getState().frame.step);
      const c = canvas();
      const drew = c && c.dataset.draws !== draws ? Number(c.dataset.drawMs) : 0;
      out.seek.push(t1 - t0);
      out.urgent.push(t2 - t0);
      out.urgentLayout.push(t3 - t0);
      out.settled.push(t4 - t0);
      out.longestTask.push(Math.max(drew, ...tasks()));
    }
    x = 2026;
    for (let i = 0; i < ${SEEK_POINTS}; i++) {
      const k = Math.floor(next() * (head + 1));
      const t0 = performance.now();
      store.getState().seekStep(k);
      out.bare.push(performance.now() - t0);
    }
    await untilSettled();
    await settle();
    return out;
  })()`)) as SeekTimes;
}

/** `before` runs once the run is recorded, before the timed seeks (bench/seekProfile.ts starts a CPU profile there). */
export async function benchSeek(page: Page, before?: (phase: 'seeks') => Promise<void>): Promise<string[]> {
  const recorded = await recordSeekRun(page);
  await panelsReady(page);
  await before?.('seeks');
  const times = await timeSeeks(page);
  return [
    recorded,
    summary('seek (store seekStep, back to back)', times.bare),
    summary('seek alone (store seekStep)', times.seek),
    summary('seek + urgent commit (what scrubbing feels)', times.urgent),
    slowest(times.urgent),
    summary('seek + urgent commit + its style and layout', times.urgentLayout),
    summary('seek until every panel has settled (frames included)', times.settled),
    slowest(times.settled),
    summary('longest task while the panels settle', times.longestTask),
  ];
}
