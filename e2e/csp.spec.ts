/**
 * The built app under its Content-Security-Policy (issue 10): no inline script, no eval. A
 * production build (test mode, for the window.__faultline handle) is served by `vite preview`;
 * the app loads, plays, runs the ring's scale worker and exports a PNG with no violation, and
 * eval is refused, which proves the policy is in force.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { chash } from '../src/protocols/chash';

const PORT = Number(process.env.PW_PORT ?? 4317) + 50;
const base = `http://127.0.0.1:${PORT}`;
let dir = '';
let server: ChildProcess | null = null;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(600_000);
  dir = mkdtempSync(join(tmpdir(), 'faultline-csp-'));
  execFileSync('npx', ['vite', 'build', '--mode', 'test', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
  // Its own process group, so that afterAll stops vite itself and not only the npx in front of it
  // (a preview left running would hold the port for the next run).
  server = spawn('npx', ['vite', 'preview', '--outDir', dir, '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore', detached: true });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('vite preview did not start');
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the built app works under a strict CSP: load, play, the scale worker and a PNG export', async ({ page }) => {
  test.setTimeout(300_000);
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self'/);
  expect(html).not.toMatch(/unsafe-eval|<script(?![^>]*\bsrc=)[^>]*>/);

  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${base}/`);
  await page.getByTestId('play').waitFor();

  // Play a Raft run a little.
  await page.evaluate(() => window.__faultline!.store.getState().setSpeed(20));
  await page.getByTestId('play').click();
  await page.waitForFunction(() => window.__faultline!.store.getState().frame.time >= 300, undefined, { timeout: 60_000 });
  await page.evaluate(() => window.__faultline!.store.getState().pause());

  // The ring's scale computation runs in a module worker.
  await page.evaluate((s) => window.__faultline!.store.getState().load(s as never), chash.scenarios[0]!);
  const form = page.getByTestId('ring-scale');
  await form.getByLabel('Servers N').fill('20');
  await form.getByLabel('Virtual nodes v').fill('10');
  await form.getByLabel('Keys K').fill('2,000');
  await form.getByRole('button', { name: 'Compute' }).click();
  await expect(form.getByTestId('ring-scale-done')).toBeVisible({ timeout: 120_000 });

  // A PNG export: an SVG drawn through a blob: image onto a canvas.
  await page.getByTestId('export-menu').click();
  const item = page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: 'Cluster view as PNG' });
  const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
  expect(readFileSync(await download.path()).subarray(1, 4).toString()).toBe('PNG');

  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(refused).toEqual([]);
  // The policy is in force: an inline script is refused, and says so.
  const ran = await page.evaluate(() => {
    const w = window as unknown as { __inline?: number };
    const el = document.createElement('script');
    el.textContent = 'window.__inline = 1';
    document.head.append(el);
    return w.__inline ?? null;
  });
  expect(ran).toBeNull();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.join())).toContain('script-src');
});
