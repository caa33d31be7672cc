/**
 * The built site from a sub-path (issue 18): `vite build` output served under
 * /course/faultline/ by a tiny server that answers nothing else, as a course site's folder
 * would. The app loads with its lazy chunks, plays a scenario, runs the ring's scale worker,
 * opens as an embed there, and its links point back into the same folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { serve, type Served } from './staticServer';
import { raft } from '../src/protocols/raft';
import { chash } from '../src/protocols/chash';
import { linkFragment } from '../src/store/link';

const PORT = Number(process.env.PW_PORT ?? 4317) + 60;
const FOLDER = '/course/faultline/';
const site = `http://127.0.0.1:${PORT}${FOLDER}`;
let dir = '';
let served: Served | null = null;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(600_000);
  dir = mkdtempSync(join(tmpdir(), 'faultline-subpath-'));
  execFileSync('npx', ['vite', 'build', '--mode', 'test', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
  served = await serve(PORT, { dir, prefix: FOLDER });
});

test.afterAll(async () => {
  await served?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Requests the server could not answer, but the browser's own guess at a favicon. */
const missing = () => served!.missing.filter((p) => p !== '/favicon.ico');

test('the built site works from a sub-path: load, lazy panels, play, the scale worker', async ({ page }) => {
  test.setTimeout(300_000);
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  expect(html).not.toMatch(/(?:src|href)="\/(?!\/)/);
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  page.on('pageerror', (e) => failed.push(e.message));

  await page.goto(site);
  await page.getByTestId('play').waitFor();
  // Lazy chunks: the inspector and the space-time diagram load after the first paint.
  await expect(page.getByRole('heading', { name: 'Inspector' })).toBeVisible({ timeout: 60_000 });

  // A scenario runs: Raft's leader crash, played until a second leader is elected.
  const crash = raft.scenarios.find((s) => s.name === 'leader-crash')!;
  await page.evaluate((s) => window.__faultline!.store.getState().load(s as never), crash);
  await page.evaluate(() => window.__faultline!.store.getState().setSpeed(20));
  await page.getByTestId('play').click();
  await page.waitForFunction(() => window.__faultline!.store.getState().frame.finished, undefined, { timeout: 120_000 });
  const leaders = await page.evaluate(() => window.__faultline!.store.getState().frame.nodes.filter((n) => n.up && (n.state as { role: string }).role === 'leader').length);
  expect(leaders).toBe(1);

  // The ring's scale computation runs in a module worker loaded relative to its chunk.
  await page.evaluate((s) => window.__faultline!.store.getState().load(s as never), chash.scenarios[0]!);
  const form = page.getByTestId('ring-scale');
  await form.getByLabel('Servers N').fill('10');
  await form.getByLabel('Virtual nodes v').fill('5');
  await form.getByLabel('Keys K').fill('500');
  await form.getByRole('button', { name: 'Compute' }).click();
  await expect(form.getByTestId('ring-scale-done')).toBeVisible({ timeout: 120_000 });

  // Copy link and the embed code point into the same folder.
  await page.getByTestId('embed-open-dialog').click();
  await expect(page.getByTestId('embed-code')).toHaveValue(new RegExp(`^<iframe src="${site.replace(/[.]/g, '\\.')}#s=`));

  expect(failed).toEqual([]);
  expect(missing()).toEqual([]);
});

test('an embed opens from the sub-path, and "Open in Faultline" leads back into it', async ({ page }) => {
  const run = raft.scenarios.find((s) => s.name === 'happy-path')!;
  await page.goto(`${site}${linkFragment(run, 30)}&embed=1&lock=edit`);
  await expect(page.getByTestId('embed')).toBeVisible();
  await expect(page.getByTestId('embed-locked')).toBeVisible();
  expect(await page.evaluate(() => window.__faultline!.store.getState().frame.step)).toBe(30);
  const href = await page.getByTestId('embed-open').getAttribute('href');
  expect(href!.startsWith(`${site}#s=`)).toBe(true);
  expect(href).not.toMatch(/embed=|lock=/);
  const app = await page.context().newPage();
  await app.goto(href!);
  await app.getByTestId('copy-link').waitFor();
  expect(await app.evaluate(() => window.__faultline!.store.getState().frame.step)).toBe(30);
  expect(missing()).toEqual([]);
});
