/**
 * Issue 10 in the page (printed, never asserted): each reproducer link is opened in a running
 * app (the hash changes, as when a link is pasted) and then played for 5 s at 100×, in headless
 * Chromium against a test-mode production build. Per phase it prints the Chromium long tasks
 * (PerformanceObserver 'longtask'): how many, the longest, and how many over 1 s. Target: none
 * over 1 s. Opening also gives the time until the recorded run is adopted.
 * Usage: `npx tsx bench/pageLongTasks.ts` (also run by `npm run bench`). Environment:
 * PORT (4439), CHROMIUM_PATH (else `chromium` on the PATH), ONLY=2pc|chash|raft,
 * PROFILE=1 (an unminified build, and the functions with the most self time in each phase).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { encodeScenarioUrl } from '../src/scenario/codec';
import type { Scenario } from '../src/scenario/types';
import { chromiumPath, openPreview } from './preview';
import { chashGets, raftRequests, twopcBegins } from './reproducers';
import { inclusiveComponents, topSelfTime, type CpuProfile } from './profileTop';

const root = join(import.meta.dirname, '..');
const PORT = Number(process.env.PORT ?? 4439);
const PROFILE = process.env.PROFILE === '1';
const PLAY_MS = 5000;
// Outside the repository: a build for this run only.
const out = join(tmpdir(), PROFILE ? 'faultline-longtasks-profile' : 'faultline-longtasks');

const links: { id: string; label: string; scenario: Scenario }[] = [
  { id: '2pc', label: '2PC, 2,000 begins', scenario: twopcBegins(2000) },
  { id: 'chash', label: 'chash, 10,000 gets', scenario: chashGets(10_000) },
  { id: 'raft', label: 'Raft, 10,000 requests', scenario: raftRequests(10_000) },
];

interface Phase {
  ms: number;
  count: number;
  longest: number;
  over1s: number;
}

const phase = (tasks: number[], ms: number): Phase => ({ ms, count: tasks.length, longest: Math.max(0, ...tasks), over1s: tasks.filter((d) => d > 1000).length });
const fmt = (p: Phase) => `${String(p.count).padStart(3)} long tasks, longest ${Math.round(p.longest).toLocaleString('en-US').padStart(6)} ms, ${p.over1s} over 1 s`;

// Scripts go in as strings: tsx would wrap a function's inner names in a helper the page lacks.
const OBSERVE = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: false });
})()`;

/** The long tasks that started in [from, to), by duration. */
async function tasksBetween(page: Page, from: number, to: number): Promise<number[]> {
  return (await page.evaluate(`window.__longTasks.filter((t) => t.start >= ${from} && t.start < ${to}).map((t) => t.duration)`)) as number[];
}

/** A quiet second (no long task) in the page, or 20 s at most: what opening left to do is done. */
const SETTLE = `new Promise((resolve) => {
  const t0 = performance.now();
  const check = () => {
    const last = window.__longTasks.at(-1);
    const quietSince = Math.max(t0, last ? last.start + last.duration : 0);
    if (performance.now() - quietSince >= 1000 || performance.now() - t0 > 20000) resolve(performance.now());
    else setTimeout(check, 100);
  };
  check();
})`;

async function profiled<T>(cdp: CDPSession | null, label: string, fn: () => Promise<T>): Promise<T> {
  if (!cdp) return fn();
  await cdp.send('Profiler.start');
  const result = await fn();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  console.log(`    ${label}, most self time:`);
  for (const line of topSelfTime(profile, Number(process.env.TOP ?? 15))) console.log(`      ${line}`);
  console.log(`    ${label}, components (inclusive):`);
  for (const line of inclusiveComponents(profile, 10)) console.log(`      ${line}`);
  return result;
}

async function measure(browser: Browser, link: (typeof links)[number]): Promise<{ adoptMs: number; open: Phase; play: Phase }> {
  // A fresh context per link: empty storage, so the app opens a fresh cluster (not the last
  // link's run, which the autosave would restore).
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    return await measureIn(await context.newPage(), link);
  } finally {
    await context.close();
  }
}

async function measureIn(page: Page, link: (typeof links)[number]): Promise<{ adoptMs: number; open: Phase; play: Phase }> {
  let cdp: CDPSession | null = null;
  if (PROFILE) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  }
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.waitForFunction(() => !!window.__faultline);
  await page.evaluate(OBSERVE);
  const hash = encodeScenarioUrl(link.scenario);
  const open = await profiled(cdp, 'open', async () => {
    const t0 = (await page.evaluate(`new Promise((resolve) => {
      const store = window.__faultline.store;
      const t0 = performance.now();
      const off = store.subscribe((s) => {
        if (s.sim.scenario.name !== ${JSON.stringify(link.scenario.name)}) return;
        off();
        window.__adoptedAt = performance.now();
      });
      location.hash = ${JSON.stringify(hash)};
      resolve(t0);
    })`)) as number;
    await page.waitForFunction(() => (window as { __adoptedAt?: number }).__adoptedAt !== undefined, undefined, { timeout: 600_000, polling: 200 });
    const adoptedAt = (await page.evaluate('window.__adoptedAt')) as number;
    const end = (await page.evaluate(SETTLE)) as number;
    return { t0, adoptedAt, end };
  });
  const play = await profiled(cdp, 'play', async () => {
    const t0 = (await page.evaluate(`(() => {
      const s = window.__faultline.store.getState();
      s.setSpeed(100);
      s.play();
      return performance.now();
    })()`)) as number;
    await page.waitForTimeout(PLAY_MS);
    const end = (await page.evaluate(`(() => { window.__faultline.store.getState().pause(); return performance.now(); })()`)) as number;
    return { t0, end };
  });
  return {
    adoptMs: open.adoptedAt - open.t0,
    open: phase(await tasksBetween(page, open.t0, open.end), open.end - open.t0),
    play: phase(await tasksBetween(page, play.t0, play.end), play.end - play.t0),
  };
}

async function main(): Promise<void> {
  const executablePath = chromiumPath();
  if (!executablePath || !existsSync(executablePath)) {
    console.log('page long tasks: skipped, no Chromium (put `chromium` on the PATH or set CHROMIUM_PATH)');
    return;
  }
  console.log('');
  console.log(`Issue 10 links in the page: open (hash change, until adopted and a quiet second), then play ${PLAY_MS / 1000} s at 100× (target: no long task over 1 s)`);
  execFileSync('npx', ['vite', 'build', '--mode', 'test', ...(PROFILE ? ['--minify', 'false'] : []), '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  let preview;
  try {
    preview = await openPreview(root, out, PORT, executablePath);
  } catch (e) {
    console.log(`page long tasks: skipped, the browser did not start (${(e as Error).message.split('\n')[0]})`);
    return;
  }
  try {
    for (const link of links) {
      if (process.env.ONLY && process.env.ONLY !== link.id) continue;
      const chars = encodeScenarioUrl(link.scenario).length;
      console.log(`  ${link.label} (${chars.toLocaleString('en-US')}-char link):`);
      const r = await measure(preview.browser, link);
      console.log(`    open: adopted after ${(r.adoptMs / 1000).toFixed(1)} s; ${fmt(r.open)} (${(r.open.ms / 1000).toFixed(1)} s observed)`);
      console.log(`    play: ${fmt(r.play)} (${(r.play.ms / 1000).toFixed(1)} s observed)`);
    }
  } finally {
    await preview.close();
  }
}

await main();
