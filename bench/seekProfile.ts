/**
 * Where a seek's time goes (printed, never asserted): builds the app in test mode without
 * minification, records the bench's 100,000-event Raft run in headless Chromium, then takes a
 * CPU profile of its 200 seeks, each until every panel has followed, and prints the seek figures
 * of bench/seek.ts (urgent and settled) and the functions with the most self time.
 * Usage: `npx tsx bench/seekProfile.ts` (PORT to change the preview port, 4391 by default;
 * OUT=dir to reuse a build there; PROFILE=0 to time without the profiler).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { benchSeek } from './seek';
import { chromiumPath, openPreview } from './preview';
import { inclusiveComponents, topSelfTime, type CpuProfile } from './profileTop';

const root = join(import.meta.dirname, '..');
const PORT = Number(process.env.PORT ?? 4391);
// Outside the repository: a build for this run only (OUT=dir reuses a build there, e.g. main's).
const out = process.env.OUT ?? join(tmpdir(), 'faultline-seek-profile');


async function main(): Promise<void> {
  if (!process.env.OUT || !existsSync(join(out, 'index.html'))) {
    execFileSync('npx', ['vite', 'build', '--mode', 'test', '--minify', 'false', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  }
  const preview = await openPreview(root, out, PORT, chromiumPath());
  try {
    const { page } = preview;
    const cdp = await page.context().newCDPSession(page);
    const profile = process.env.PROFILE !== '0';
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    let profiling = false;
    // benchSeek records the run first; profile only its timed seeks (started on the first log).
    page.on('console', () => undefined);
    const lines = benchSeek(page, async (phase) => {
      if (phase === 'seeks' && !profiling && profile) {
        profiling = true;
        await cdp.send('Profiler.start');
      }
    });
    for (const line of await lines) console.log(line);
    if (!profiling) return;
    const { profile: cpu } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    for (const line of topSelfTime(cpu, Number(process.env.TOP ?? 40))) console.log(line);
    console.log('components, inclusive:');
    for (const line of inclusiveComponents(cpu, 30)) console.log(line);
  } finally {
    await preview.close();
  }
}

await main();
