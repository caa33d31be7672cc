/**
 * Where a seek's time goes (printed, never asserted): builds the app in test mode without
 * minification, records the bench's 100,000-event Raft run in headless Chromium, then takes a
 * CPU profile of 100 seeks, each followed by React's commit, and prints the functions with the
 * most self time and the seek figures of bench/seek.ts.
 * Usage: `npx tsx bench/seekProfile.ts` (PORT to change the preview port, 4391 by default).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { benchSeek } from './seek';
import { openPreview } from './preview';

const root = join(import.meta.dirname, '..');
const PORT = Number(process.env.PORT ?? 4391);
// Outside the repository: a build for this run only.
const out = join(tmpdir(), 'faultline-seek-profile');

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

async function main(): Promise<void> {
  execFileSync('npx', ['vite', 'build', '--mode', 'test', '--minify', 'false', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  const preview = await openPreview(root, out, PORT, process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
  try {
    const { page } = preview;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    let profiling = false;
    // benchSeek records the run first; profile only its timed seeks (started on the first log).
    page.on('console', () => undefined);
    const lines = benchSeek(page, async (phase) => {
      if (phase === 'seeks' && !profiling) {
        profiling = true;
        await cdp.send('Profiler.start');
      }
    });
    for (const line of await lines) console.log(line);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } };
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const byFn = new Map<string, number>();
    for (const n of profile.nodes) {
      const f = n.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}`;
      byFn.set(key, (byFn.get(key) ?? 0) + (self.get(n.id) ?? 0));
    }
    const total = [...byFn.values()].reduce((a, b) => a + b, 0);
    console.log(`self time over the profiled seeks: ${(total / 1000).toFixed(0)} ms`);
    for (const [k, us] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40))) {
      console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
    }
    // Inclusive time of components (capitalized functions), counted once per stack.
    const byId = new Map(profile.nodes.map((n) => [n.id, n] as const));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const incl = new Map<string, number>();
    for (const [id, us] of self) {
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const f = byId.get(cur)!.callFrame;
        if (!/^[A-Z]/.test(f.functionName) || !f.url) continue;
        const key = `${f.functionName} ${f.url.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        incl.set(key, (incl.get(key) ?? 0) + us);
      }
    }
    console.log('components, inclusive:');
    for (const [k, us] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
  } finally {
    await preview.close();
  }
}

await main();
