/**
 * Where a seek's allocation goes in the page (printed, never asserted): the bench's run and its
 * 200 seeded seeks (bench/seek.ts) under V8's sampling heap profiler, objects collected by
 * either GC included, summed by source file: the kernel's replay (src/sim, XState) against
 * the store, the views and React. Allocation drives how often a GC lands inside a seek.
 * Usage: `npx tsx bench/seekAlloc.ts` (OUT=dir reuses a test-mode build, PORT 4394 by default).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromiumPath, openPreview } from './preview';
import { panelsReady, recordSeekRun, timeSeeks, SEEK_POINTS } from './seek';

const root = join(import.meta.dirname, '..');
const PORT = Number(process.env.PORT ?? 4394);

interface Node {
  callFrame: { functionName: string; url: string };
  selfSize: number;
  children: Node[];
}

/** Bytes by the function that allocated (a builtin's by its caller) and by the function the
 * seek's work went through: the store's seek (the kernel and the frame), or React's commit. */
function byFunction(head: Node): { fns: Map<string, number>; under: Map<string, number> } {
  const fns = new Map<string, number>();
  const under = new Map<string, number>();
  const name = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()?.replace(/-[\w-]{8}\.js$/, '.js') ?? ''}`;
  const walk = (n: Node, caller: string, root: string) => {
    const here = n.callFrame.url ? name(n) : `${caller} → ${n.callFrame.functionName || 'native'}`;
    const r = ROOTS.find((x) => n.callFrame.functionName === x) ?? root;
    fns.set(here, (fns.get(here) ?? 0) + n.selfSize);
    under.set(r, (under.get(r) ?? 0) + n.selfSize);
    for (const c of n.children) walk(c, n.callFrame.url ? here : caller, r);
  };
  walk(head, '(root)', 'other');
  return { fns, under };
}
/** Outermost first: a frame under `seek` is the kernel's replay, under `computeFrame` the frame's. */
const ROOTS = ['seekStep', 'seek', 'computeFrame', 'performWorkOnRoot', 'commitRoot', 'flushSyncWorkAcrossRoots_impl'];

async function main(): Promise<void> {
  const out = process.env.OUT ?? join(tmpdir(), 'faultline-seek-alloc');
  if (!process.env.OUT || !existsSync(join(out, 'index.html'))) {
    execFileSync('npx', ['vite', 'build', '--mode', 'test', '--minify', 'false', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  }
  const preview = await openPreview(root, out, PORT, chromiumPath());
  try {
    const { page } = preview;
    console.log(await recordSeekRun(page));
    await panelsReady(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
    await timeSeeks(page);
    const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as unknown as { profile: { head: Node } };
    const { fns, under } = byFunction(profile.head);
    const total = [...fns.values()].reduce((a, b) => a + b, 0);
    const pct = (b: number) => `${((100 * b) / total).toFixed(1).padStart(5)} %`;
    // timeSeeks seeks each point twice: timed, then back to back.
    console.log(`allocated during ${SEEK_POINTS} seeks, twice: ${(total / 1e6).toFixed(1)} MB, ${(total / SEEK_POINTS / 2 / 1024).toFixed(0)} KB a seek; by the innermost of ${ROOTS.join(', ')} it happened under:`);
    for (const [f, b] of [...under].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(b)}  ${f}`);
    console.log('by function:');
    for (const [f, b] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25))) console.log(`  ${pct(b)}  ${f}`);
  } finally {
    await preview.close();
  }
}

await main();
