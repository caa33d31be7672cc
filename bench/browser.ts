/**
 * Browser figures, in headless Chromium against production builds (printed, never asserted):
 * first-load JavaScript gzipped, time to first render, and playback frames per second with
 * 9 nodes and 100+ messages in flight. Targets (issue 3): ≥ 55 fps, ≤ 300 KB; issue 17: first
 * load ≤ 150 KB, seek + React commit median ≤ 16 ms and p99 ≤ 50 ms at 100,000 events.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { encodeScenarioUrl } from '../src/scenario/codec';
import type { Scenario } from '../src/scenario/types';
import { benchSeek } from './seek';
import { countSeekWork, workLines } from './seekWork';
import { chromiumPath, openPreview } from './preview';
import { benchSpaceTime } from './spacetime';
import { benchRingScale } from './ringScale';
import { FIRST_LOAD_BUDGET, firstLoadBytes, firstLoadScripts, gzipSize, onDemandBytes, withStaticImports } from './firstLoadSize';
import { firstLoadBreakdown } from './firstLoadModules';

const root = join(import.meta.dirname, '..');
const PORT = 4391;

function build(outDir: string, mode: string): void {
  execFileSync('npx', ['vite', 'build', '--mode', mode, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
}

/** 9 nodes, long latencies and fast heartbeats: hundreds of messages in flight. */
const busy: Scenario = {
  format: 'faultline-scenario',
  version: 1,
  protocol: 'raft',
  name: 'bench-busy',
  nodes: Array.from({ length: 9 }, (_, i) => `n${i + 1}`),
  seed: 3,
  params: { bugs: [], electionTimeout: [2000, 4000], heartbeatInterval: 20 },
  network: { latency: [200, 400], drop: 0, duplicate: 0 },
  schedule: 'auto',
  actions: [{ at: 0, do: 'timeout', node: 'n1' }],
  until: 600_000,
};

async function main(): Promise<void> {
  const prod = join(root, 'dist');
  build(prod, 'production');
  const size = firstLoadBytes(prod);
  console.log(`first-load JavaScript: ${(size.gzip / 1024).toFixed(1)} KB gzipped (${(size.raw / 1024).toFixed(1)} KB raw, ${size.files} files; target ≤ ${FIRST_LOAD_BUDGET / 1024} KB)`);
  // Its largest pieces (all of them: `npx tsx bench/firstLoadModules.ts dist --files`).
  for (const line of firstLoadBreakdown(prod, false, 12).slice(1)) console.log(`  ${line}`);
  // The first run (a fresh Raft cluster) awaits its protocol's chunk before the app renders.
  const raftChunk = readdirSync(join(prod, 'assets')).filter((f) => /^raft-.*\.js$/.test(f)).map((f) => `assets/${f}`);
  const before = withStaticImports(prod, [...firstLoadScripts(prod), ...raftChunk]);
  const beforeGz = [...before].reduce((sum, f) => sum + gzipSize(readFileSync(join(prod, f))), 0);
  console.log(`JavaScript before the first render of a fresh Raft run: ${(beforeGz / 1024).toFixed(1)} KB gzipped in ${before.size} files (first load, the Raft chunk and its imports)`);
  const later = onDemandBytes(prod, size.gzip);
  console.log(`loaded on demand: ${(later.gzip / 1024).toFixed(1)} KB gzipped (${later.files - size.files} chunks)`);

  // The test-mode build keeps window.__faultline, which the fps probe reads.
  const probe = join(root, 'dist-bench');
  build(probe, 'test');
  const preview = await openPreview(root, probe, PORT, chromiumPath());
  try {
    const { page } = preview;
    const renders: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await page.waitForFunction(() => performance.getEntriesByName('faultline:first-render').length > 0);
      renders.push(await page.evaluate(() => performance.getEntriesByName('faultline:first-render')[0]!.startTime));
    }
    renders.sort((a, b) => a - b);
    console.log(`time to first render: median ${renders[2]!.toFixed(0)} ms (5 loads, cold storage)`);

    await page.goto(`http://127.0.0.1:${PORT}/${encodeScenarioUrl(busy)}`);
    await page.waitForFunction(() => !!window.__faultline);
    await page.evaluate(() => {
      const s = window.__faultline!.store.getState();
      s.setSpeed(1);
      s.play();
    });
    await page.waitForFunction(() => window.__faultline!.store.getState().frame.inFlight.length >= 100, undefined, { timeout: 30_000 });
    // A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
    const result = (await page.evaluate(`new Promise((resolve) => {
      const fps = [];
      const inFlight = [];
      let frames = 0;
      let start = performance.now();
      function loop(now) {
        frames++;
        if (now - start >= 1000) {
          fps.push((frames * 1000) / (now - start));
          inFlight.push(window.__faultline.store.getState().frame.inFlight.length);
          frames = 0;
          start = now;
        }
        if (fps.length < 8) requestAnimationFrame(loop);
        else resolve({ fps, inFlight });
      }
      requestAnimationFrame(loop);
    })`)) as { fps: number[]; inFlight: number[] };
    const sorted = [...result.fps].sort((a, b) => a - b);
    console.log(
      `playback, 9 nodes: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} fps, min ${sorted[0]!.toFixed(1)} fps over 8 s, ` +
        `${Math.min(...result.inFlight)}–${Math.max(...result.inFlight)} messages in flight`,
    );

    console.log('time travel at 100,000+ events:');
    for (const line of await benchSeek(page)) console.log(`  ${line}`);
    // The same run and steps, its DOM work counted per panel (load-independent), no repeats.
    for (const line of workLines(await countSeekWork(page, 0)).slice(0, -12)) console.log(`  ${line}`);
    console.log('space-time diagram at 100,000+ events:');
    for (const line of await benchSpaceTime(page, `http://127.0.0.1:${PORT}`)) console.log(`  ${line}`);
    console.log('ring scale run, 1,000 servers × 200 tokens, 1,000,000 keys:');
    for (const line of await benchRingScale(page)) console.log(`  ${line}`);
  } finally {
    await preview.close();
  }
}

await main();
