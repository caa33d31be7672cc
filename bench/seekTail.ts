/**
 * What the slowest seeks do (issue 17, item 5's p99; printed, never asserted): the bench's 200
 * seeded seeks (bench/seek.ts) at ≈130,000 events, each with counts that do not depend on the
 * load (messages in flight and whether they are on the canvas, the components React rendered
 * in the urgent commit, the cluster view's DOM work) beside its urgent time; the seeks in the
 * slowest 5 % against the rest; then, unless TRACE=0, a browser trace of those slowest seeks
 * replayed (each from the step before it) `REPEAT` times (3 by default): where their time goes
 * (script, style, layout, garbage collection, a frame's paint) and how many times each ran.
 * TRACE=all traces the 200 timed seeks themselves instead: the slowest 2 % with the work inside
 * each one's window, how many had a GC or a frame inside, and the layouts the commits forced.
 * Usage: `npx tsx bench/seekTail.ts` (OUT=dir reuses a test-mode build, PORT 4393 by default).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { installCommitCounter } from '../e2e/commitCounter';
import { chromiumPath, openPreview } from './preview';
import { panelsReady, recordSeekRun, SEEK_POINTS } from './seek';
import type { Page } from '@playwright/test';
import { perWindow, traceLines, type TraceEvent } from './traceSum';

const root = join(import.meta.dirname, '..');
const PORT = Number(process.env.PORT ?? 4393);
const REPEAT = Number(process.env.REPEAT ?? 3);

interface Seek {
  from: number;
  k: number;
  ms: number;
  /** The store's seekStep alone (no React). */
  seekMs: number;
  inFlight: number;
  canvas: boolean;
  renders: Record<string, number>;
  /** The cluster view's DOM records by part (a childList record counts its nodes, not their descendants). */
  parts: Record<string, number>;
  dom: { created: number; removed: number; attributes: number; texts: number };
}

// In the page: one seek from where the cursor is, timed to its urgent commit, with its counts.
const SEEK_ONE = `async (k) => {
  const store = window.__faultline.store;
  const settle = () => new Promise((r) => { const ch = new MessageChannel(); ch.port1.onmessage = () => r(); ch.port2.postMessage(0); });
  const cluster = document.querySelector('[data-testid="clusterview"]');
  const dom = { created: 0, removed: 0, attributes: 0, texts: 0 };
  // The cluster view's DOM work by what it belongs to: dots, lost marks, nodes, timers, legend…
  const parts = {};
  const partOf = (n) => {
    const el = n.nodeType === 1 ? n : n.parentElement;
    const p = el && el.closest('.cl-msg, .cl-messages, .cl-lost-mark, .cl-lost, .cl-node, .cl-timer, .cl-legend, .cl-walls, .cl-bands, .cl-cuts, .cl-flights, .cl-actions, .cl-menu');
    return p ? p.classList[0] : el ? el.tagName.toLowerCase() : '?';
  };
  const add = (n, by = 1) => (parts[partOf(n)] = (parts[partOf(n)] ?? 0) + by);
  let records = [];
  const obs = new MutationObserver((rs) => records.push(...rs));
  obs.observe(cluster, { subtree: true, childList: true, attributes: true, characterData: true });
  window.__renders = new Map();
  const from = store.getState().frame.step;
  performance.mark('seek-a');
  const t0 = performance.now();
  store.getState().seekStep(k);
  const seekMs = performance.now() - t0;
  await settle();
  const ms = performance.now() - t0;
  performance.mark('seek-b');
  for (const r of [...records, ...obs.takeRecords()]) {
    if (r.type === 'attributes') dom.attributes++;
    else if (r.type === 'characterData') dom.texts++;
    else {
      for (const n of r.addedNodes) dom.created += 1 + (n.nodeType === 1 ? n.getElementsByTagName('*').length : 0);
      dom.removed += r.removedNodes.length;
    }
    if (r.type === 'childList') add(r.target, r.addedNodes.length + r.removedNodes.length);
    else add(r.target);
  }
  obs.disconnect();
  const renders = Object.fromEntries(window.__renders);
  return { parts, from, k, ms, seekMs, inFlight: store.getState().frame.inFlight.length, canvas: !!document.querySelector('[data-testid="flight-canvas"]'), renders, dom };
}`;
const UNTIL_SETTLED = `(async () => {
  for (let i = 0; i < 200 && !window.__faultline.settled(); i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
})()`;

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
const domSum = (s: Seek) => s.dom.created + s.dom.removed + s.dom.attributes + s.dom.texts;

function describe(title: string, seeks: Seek[]): string[] {
  const renders = new Map<string, number>();
  for (const s of seeks) for (const [name, n] of Object.entries(s.renders)) renders.set(name, (renders.get(name) ?? 0) + n);
  const parts = new Map<string, number>();
  for (const s of seeks) for (const [name, n] of Object.entries(s.parts)) parts.set(name, (parts.get(name) ?? 0) + n);
  const per = [...renders].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${(n / seeks.length).toFixed(1)}`);
  return [
    `${title} (${seeks.length}): urgent median ${q(seeks.map((s) => s.ms), 0.5).toFixed(1)} ms (seekStep alone ${q(seeks.map((s) => s.seekMs), 0.5).toFixed(1)} ms); in flight median ${q(seeks.map((s) => s.inFlight), 0.5)}, on the canvas in ${seeks.filter((s) => s.canvas).length}; cluster DOM work median ${q(seeks.map(domSum), 0.5)}`,
    `  components rendered per seek: ${per.join(', ')}`,
    `  cluster DOM records per seek, by part: ${[...parts].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${(n / seeks.length).toFixed(1)}`).join(', ')}`,
  ];
}

/** Starts a browser trace; the function returned ends it and gives its events. */
async function startTrace(page: Page): Promise<() => Promise<TraceEvent[]>> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] } } as never);
  return async () => {
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

/** The slowest 2 % of the traced seeks, each with the work inside its window; then garbage
 * collections and frames (a paint) inside the slowest 2 % and the rest. */
function tailWork(seeks: Seek[], windows: ReturnType<typeof perWindow>): string[] {
  if (windows.length !== seeks.length) return [`trace: ${windows.length} windows for ${seeks.length} seeks`];
  const order = seeks.map((s, i) => i).sort((a, b) => seeks[b]!.ms - seeks[a]!.ms);
  const slow = order.slice(0, Math.ceil(seeks.length / 50));
  const kinds = (i: number) => [...windows[i]!.kinds].sort((a, b) => b[1].us - a[1].us).map(([name, k]) => `${name} ${(k.us / 1000).toFixed(1)} ms×${k.n}`).join(', ');
  const share = (ids: number[], names: string[]) => {
    const hit = ids.filter((i) => names.some((n) => windows[i]!.kinds.has(n))).length;
    const ms = ids.reduce((t, i) => t + names.reduce((u, n) => u + (windows[i]!.kinds.get(n)?.us ?? 0), 0), 0) / 1000;
    return `${hit} of ${ids.length} (${(ms / ids.length).toFixed(1)} ms a seek)`;
  };
  const rest = order.slice(slow.length);
  const gc = ['MinorGC', 'MajorGC'];
  return [
    'the slowest 2 %, traced (from → to: ms, of which seekStep; in flight; work inside the window):',
    ...slow.map((i) => `  ${seeks[i]!.from} → ${seeks[i]!.k}: ${seeks[i]!.ms.toFixed(1)} ms, ${seeks[i]!.seekMs.toFixed(1)} ms; ${seeks[i]!.inFlight}; ${kinds(i)}`),
    `with a garbage collection: slowest 2 % ${share(slow, gc)}, the rest ${share(rest, gc)}`,
    `with a paint: slowest 2 % ${share(slow, ['Paint'])}, the rest ${share(rest, ['Paint'])}`,
    // Without a frame inside, style and layout in the window were forced by the seek's commit.
    `forced in the seek's commit (seeks without a frame inside): ${forced(windows.filter((w) => !w.kinds.has('Paint')))}`,
  ];
}

function forced(ws: ReturnType<typeof perWindow>): string {
  const per = (name: string) => {
    const hit = ws.filter((w) => w.kinds.has(name)).length;
    const n = ws.reduce((t, w) => t + (w.kinds.get(name)?.n ?? 0), 0);
    return `${name} in ${hit} of ${ws.length} (${(n / ws.length).toFixed(2)} a seek)`;
  };
  return `${per('Layout')}, ${per('UpdateLayoutTree')}`;
}

async function main(): Promise<void> {
  const out = process.env.OUT ?? join(tmpdir(), 'faultline-seek-tail');
  if (!process.env.OUT || !existsSync(join(out, 'index.html'))) {
    execFileSync('npx', ['vite', 'build', '--mode', 'test', '--minify', 'false', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  }
  const preview = await openPreview(root, out, PORT, chromiumPath());
  try {
    const { page } = preview;
    // tsx names inner functions through a helper (__name) that the page lacks.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await page.addInitScript(installCommitCounter);
    await page.reload();
    page.on('framenavigated', (f) => console.log('navigated', f.url()));
    page.on('crash', () => console.log('crashed'));
    page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
    page.on('pageerror', (e) => console.log('page error', e.message));
    console.log(await recordSeekRun(page));
    await panelsReady(page);
    const head = (await page.evaluate('window.__faultline.store.getState().sim.eventCount')) as number;
    let x = 2026;
    const next = () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 4294967296);
    const seeks: Seek[] = [];
    // TRACE=all: the timed seeks themselves under a trace, each window's work set beside it.
    const all = process.env.TRACE === 'all' ? await startTrace(page) : null;
    for (let i = 0; i < SEEK_POINTS; i++) {
      const k = Math.floor(next() * (head + 1));
      await page.evaluate(UNTIL_SETTLED);
      seeks.push((await page.evaluate(`(${SEEK_ONE})(${k})`)) as Seek);
    }
    if (all) {
      for (const line of tailWork(seeks, perWindow(await all()))) console.log(line);
      return;
    }
    const byTime = [...seeks].sort((a, b) => b.ms - a.ms);
    const tail = byTime.slice(0, Math.ceil(seeks.length / 20));
    console.log(`seek + urgent commit: median ${q(seeks.map((s) => s.ms), 0.5).toFixed(1)} ms, p95 ${q(seeks.map((s) => s.ms), 0.95).toFixed(1)} ms, p99 ${q(seeks.map((s) => s.ms), 0.99).toFixed(1)} ms`);
    for (const line of [...describe('slowest 5 %', tail), ...describe('the rest', byTime.slice(tail.length))]) console.log(line);
    console.log('the slowest 5 % (from → to: ms, of which seekStep, in flight, canvas, cluster DOM work):');
    for (const s of tail) console.log(`  ${s.from} → ${s.k}: ${s.ms.toFixed(1)} ms, ${s.seekMs.toFixed(1)} ms, ${s.inFlight}, ${s.canvas ? 'canvas' : 'svg'}, ${domSum(s)}`);
    if (process.env.TRACE === '0') return;
    const stop = await startTrace(page);
    for (let r = 0; r < REPEAT; r++)
      for (const s of tail) {
        await page.evaluate(`window.__faultline.store.getState().seekStep(${s.from})`);
        await page.evaluate(UNTIL_SETTLED);
        await page.evaluate(`(${SEEK_ONE})(${s.k})`);
      }
    for (const line of traceLines(await stop(), tail.length * REPEAT)) console.log(line);
  } finally {
    await preview.close();
  }
}

await main();
