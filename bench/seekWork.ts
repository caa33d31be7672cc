/**
 * What a seek costs in DOM work, counted (printed, never asserted): the same 200 seeks as
 * bench/seek.ts on its ≈130,000-event Raft run, each followed by React's commit, with a
 * MutationObserver counting the nodes created and removed and the attributes and texts set,
 * per panel: in the seek's urgent commit, then while the calmed panels follow (views/settle.ts). Counts do not depend on the machine's load, so before/after comparisons hold on a
 * shared machine where timings do not. The seeks with the most work are listed with their time.
 * Usage: `npx tsx bench/seekWork.ts` (PORT to change the preview port, 4392 by default;
 * OUT=dir to reuse a test-mode build there).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Page } from '@playwright/test';
import { chromiumPath, openPreview } from './preview';
import { panelsReady, recordSeekRun, SEEK_POINTS } from './seek';

const root = join(import.meta.dirname, '..');
const PORT = Number(process.env.PORT ?? 4392);

export interface SeekWork {
  step: number;
  ms: number;
  /** Per panel, in the seek's urgent commit: elements created (with their descendants), removed, attributes and texts set. */
  panels: Record<string, Work>;
  /** Per panel, once the calmed panels have followed (views/settle.ts) and the canvas has drawn. */
  later: Record<string, Work>;
}

interface Work {
  created: number;
  removed: number;
  attributes: number;
  texts: number;
}

/** The 200 seeded seeks, each with its DOM work by panel. */
export async function countSeekWork(page: Page, repeat = Number(process.env.REPEAT ?? 2)): Promise<SeekWork[]> {
  await panelsReady(page);
  return (await page.evaluate(`(async () => {
    const store = window.__faultline.store;
    const head = store.getState().sim.eventCount;
    let x = 2026;
    const next = () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 4294967296);
    const settle = () => new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve();
      ch.port2.postMessage(0);
    });
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const settled = () => (window.__faultline.settled ? window.__faultline.settled() : true);
    const untilSettled = async () => {
      for (let i = 0; i < 200 && !settled(); i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      await new Promise((r) => requestAnimationFrame(r));
      await settle();
    };
    const panelOf = (n) => {
      const el = n.nodeType === 1 ? n : n.parentElement;
      const p = el && el.closest('[data-testid="clusterview"], [data-testid="logview"], [data-testid="statistics"], [data-testid="spacetime"], [data-testid="timeline"], [data-testid="history-panel"], [data-testid="inspector"], section, header, aside');
      return p ? (p.dataset.testid || p.getAttribute('aria-label') || p.className || p.tagName) : 'other';
    };
    const out = [];
    // Records arrive in a microtask, inside the settle below: kept, then taken with the rest.
    let records = [];
    const obs = new MutationObserver((rs) => records.push(...rs));
    obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    await frames();
    let prev = store.getState().frame.step;
    for (let i = 0; i < ${SEEK_POINTS}; i++) {
      const k = Math.floor(next() * (head + 1));
      // Whatever the last seek left for later frames (scrolls, canvas draws) is not counted here.
      await untilSettled();
      await frames();
      obs.takeRecords();
      records = [];
      const t0 = performance.now();
      store.getState().seekStep(k);
      await settle();
      void document.documentElement.scrollHeight;
      const ms = performance.now() - t0;
      const count = (rs) => {
        const panels = {};
        const at = (n) => (panels[panelOf(n)] ??= { created: 0, removed: 0, attributes: 0, texts: 0 });
        for (const r of rs) {
          if (r.type === 'attributes') at(r.target).attributes++;
          else if (r.type === 'characterData') at(r.target).texts++;
          else {
            for (const n of r.addedNodes) at(r.target).created += 1 + (n.nodeType === 1 ? n.getElementsByTagName('*').length : 0);
            at(r.target).removed += r.removedNodes.length;
          }
        }
        return panels;
      };
      const panels = count([...records, ...obs.takeRecords()]);
      records = [];
      await untilSettled();
      const later = count([...records, ...obs.takeRecords()]);
      // The time, least of this seek and its repeats from the previous step: the least
      // is what a loaded machine disturbs least. It includes the style and layout the seek needs.
      let best = ms;
      for (let r = 0; r < ${repeat}; r++) {
        store.getState().seekStep(prev);
        await untilSettled();
        await frames();
        const t1 = performance.now();
        store.getState().seekStep(k);
        await settle();
        void document.documentElement.scrollHeight;
        best = Math.min(best, performance.now() - t1);
        await untilSettled();
      }
      obs.takeRecords();
      records = [];
      prev = k;
      out.push({ step: k, ms: best, panels, later });
    }
    obs.disconnect();
    return out;
  })()`)) as SeekWork[];
}

const sumOf = (panels: Record<string, Work>) => Object.values(panels).reduce((n, p) => n + p.created + p.removed + p.attributes + p.texts, 0);
const total = (w: SeekWork) => sumOf(w.panels);
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;

/** Per panel, the median, p99 and largest work of one seek in `part`. */
function partLines(work: SeekWork[], part: 'panels' | 'later', title: string): string[] {
  const all = work.map((w) => sumOf(w[part]));
  const lines = [`${title}, ${work.length} seeks: median ${q(all, 0.5)}, p99 ${q(all, 0.99)}, max ${Math.max(...all)}`];
  const names = [...new Set(work.flatMap((w) => Object.keys(w[part])))].sort();
  for (const name of names) {
    const per = work.map((w) => w[part][name] ?? { created: 0, removed: 0, attributes: 0, texts: 0 });
    const sum = (p: Work) => p.created + p.removed + p.attributes + p.texts;
    const worst = per.reduce((a, b) => (sum(b) > sum(a) ? b : a));
    lines.push(`  ${name}: median ${q(per.map(sum), 0.5)}, p99 ${q(per.map(sum), 0.99)}; largest ${sum(worst)} (created ${worst.created}, removed ${worst.removed}, attributes ${worst.attributes}, texts ${worst.texts})`);
  }
  return lines;
}

/** Per panel, the median and largest work of one seek, urgent and later; then the seeks with the most work. */
export function workLines(work: SeekWork[], top = 5): string[] {
  const lines = [
    ...partLines(work, 'panels', "DOM work in a seek's urgent commit (nodes created + removed + attributes + texts)"),
    ...partLines(work, 'later', 'DOM work once every calmed panel has followed the seek'),
  ];
  const ms = work.map((w) => w.ms);
  lines.push(`seek + urgent commit + style and layout (least of each seek and its repeats): median ${q(ms, 0.5).toFixed(1)} ms, p90 ${q(ms, 0.9).toFixed(1)} ms, p99 ${q(ms, 0.99).toFixed(1)} ms, sum ${ms.reduce((a, b) => a + b, 0).toFixed(0)} ms`);
  lines.push(`seeks with the most urgent work (step, time, work):`);
  for (const w of [...work].sort((a, b) => total(b) - total(a)).slice(0, top)) lines.push(`  ${w.step}: ${w.ms.toFixed(1)} ms, ${total(w)}`);
  lines.push(`slowest seeks (step, time, work):`);
  for (const w of [...work].sort((a, b) => b.ms - a.ms).slice(0, top)) lines.push(`  ${w.step}: ${w.ms.toFixed(1)} ms, ${total(w)}`);
  return lines;
}

async function main(): Promise<void> {
  const out = process.env.OUT ?? join(tmpdir(), 'faultline-seek-work');
  if (!process.env.OUT || !existsSync(join(out, 'index.html'))) {
    execFileSync('npx', ['vite', 'build', '--mode', 'test', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  }
  const preview = await openPreview(root, out, PORT, chromiumPath());
  try {
    console.log(await recordSeekRun(preview.page));
    for (const line of workLines(await countSeekWork(preview.page))) console.log(line);
  } finally {
    await preview.close();
  }
}

if (process.argv[1]?.endsWith('seekWork.ts')) await main();
