/**
 * The embed in an iframe on another origin (issue 18): a host page on one port embeds the app
 * (the dev server, another port) and talks to it by postMessage. The host receives the embed's
 * ready and step reports, moves it with "go to step" (clamped to the range lock), and a frame
 * of a third origin cannot move it; a malformed message is ignored with a console warning.
 */
import { test, expect, type Frame, type Page } from '@playwright/test';
import { serve, type Served } from './staticServer';
import { raft } from '../src/protocols/raft';
import { linkFragment } from '../src/store/link';

const APP_PORT = Number(process.env.PW_PORT ?? 4317);
const HOST_PORT = APP_PORT + 61;
const OTHER_PORT = APP_PORT + 62;
const APP = `http://127.0.0.1:${APP_PORT}`;
const HOST = `http://127.0.0.1:${HOST_PORT}`;
const OTHER = `http://127.0.0.1:${OTHER_PORT}`;
let host: Served | null = null;
let other: Served | null = null;

/** The host page: the embed first, a frame of a third origin second; it keeps what the embed
 * sends (the JSON of each message from the app's origin). */
function hostPage(src: string): string {
  return `<!doctype html><html><body>
<iframe id="app" src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" title="Faultline" style="width:800px;height:500px;border:0"></iframe>
<iframe id="other" src="${OTHER}/other.html" title="other"></iframe>
<script>
window.got = [];
addEventListener('message', (e) => { if (e.origin === ${JSON.stringify(APP)}) window.got.push(e.data); });
window.send = (m) => document.getElementById('app').contentWindow.postMessage(m, ${JSON.stringify(APP)});
</script></body></html>`;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  other = await serve(OTHER_PORT, { pages: { '/other.html': '<!doctype html><p>another site</p>' } });
});
test.afterAll(async () => {
  await host?.close();
  await other?.close();
});

const run = raft.scenarios.find((s) => s.name === 'leader-crash')!;

async function openHost(page: Page, flags: string): Promise<Frame> {
  await host?.close();
  host = await serve(HOST_PORT, { pages: { '/host.html': hostPage(`${APP}/${linkFragment(run, 20)}&embed=1&${flags}`) } });
  await page.goto(`${HOST}/host.html`);
  const frame = page.frame({ url: (u) => u.origin === APP })!;
  await frame.getByTestId('embed').waitFor();
  return frame;
}

type Got = { type: string; step?: number; total?: number; time?: number; locks?: unknown; protocol?: string };
const got = (page: Page) => page.evaluate(() => (window as unknown as { got: Got[] }).got);
const step = (frame: Frame) => frame.evaluate(() => window.__faultline!.store.getState().frame.step);

test('the host page receives reports and moves the embed; other origins and malformed messages are ignored', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  const frame = await openHost(page, `lock=edit&range=10..200&host=${encodeURIComponent(HOST)}`);

  // Ready, with the run and its locks, then the cursor.
  await expect.poll(async () => (await got(page)).map((m) => m.type).slice(0, 2)).toEqual(['faultline:ready', 'faultline:step']);
  const [ready, first] = await got(page);
  expect(ready).toMatchObject({ protocol: 'raft', scenario: 'leader-crash', step: 20, locks: { edit: true, range: [10, 200] } });
  expect(ready!.total).toBeGreaterThan(200);
  expect(first).toMatchObject({ type: 'faultline:step', step: 20 });

  // Stepping in the embed is reported to the host.
  await frame.getByTestId('step').click();
  await expect.poll(async () => (await got(page)).filter((m) => m.type === 'faultline:step').at(-1)?.step).toBe(21);

  // The host goes to a step; past the range's end it lands on the end.
  await page.evaluate(() => (window as unknown as { send(m: unknown): void }).send({ type: 'faultline:goto', step: 120 }));
  await expect.poll(() => step(frame)).toBe(120);
  await expect.poll(async () => (await got(page)).filter((m) => m.type === 'faultline:step').at(-1)?.step).toBe(120);
  await page.evaluate(() => (window as unknown as { send(m: unknown): void }).send({ type: 'faultline:goto', step: 5000 }));
  await expect.poll(() => step(frame)).toBe(200);

  // A frame of another origin posts the same command: nothing moves, nothing is reported.
  const reports = (await got(page)).length;
  const stranger = page.frame({ url: (u) => u.origin === OTHER })!;
  await stranger.evaluate(() => window.parent.frames[0]!.postMessage({ type: 'faultline:goto', step: 50 }, '*'));
  // The host's own message after it proves the stranger's was handled (in order) and dropped.
  await page.evaluate(() => (window as unknown as { send(m: unknown): void }).send({ type: 'faultline:hello' }));
  await expect.poll(async () => (await got(page)).slice(reports).map((m) => m.type)).toContain('faultline:ready');
  expect(await step(frame)).toBe(200);
  expect(warnings.filter((w) => w.startsWith('Faultline embed'))).toEqual([]);

  // Malformed messages from the host: ignored, each with a console warning.
  await page.evaluate(() => {
    const send = (window as unknown as { send(m: unknown): void }).send;
    send({ type: 'faultline:goto', step: '60' });
    send({ type: 'faultline:goto', step: 60, also: '<img src=x onerror=alert(1)>' });
    send('faultline:goto 60');
  });
  await expect.poll(() => warnings.filter((w) => w.startsWith('Faultline embed: ignored a malformed message')).length).toBe(3);
  expect(await step(frame)).toBe(200);

  // Locked: the embed offers no fault tools, and its keys for faults do nothing.
  await expect(frame.getByTestId('open-partition')).toHaveCount(0);
  const scenario = await frame.evaluate(() => JSON.stringify(window.__faultline!.store.getState().sim.scenario));
  await frame.locator('body').press('1');
  await frame.locator('body').press('c');
  expect(await frame.evaluate(() => JSON.stringify(window.__faultline!.store.getState().sim.scenario))).toBe(scenario);
});

test('a host= that is not the embedding page turns the bridge off', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  const frame = await openHost(page, `host=${encodeURIComponent(OTHER)}`);
  await expect.poll(() => warnings.some((w) => w.includes(`host=${OTHER} but the embedding page is ${HOST}`))).toBe(true);
  await page.evaluate(() => (window as unknown as { send(m: unknown): void }).send({ type: 'faultline:goto', step: 60 }));
  await page.evaluate(() => (window as unknown as { send(m: unknown): void }).send({ type: 'faultline:hello' }));
  await frame.getByTestId('step').click();
  expect(await step(frame)).toBe(21);
  expect(await got(page)).toEqual([]);
});

test('without host=, the embed talks to the page that embeds it, as the browser reports it', async ({ page }) => {
  const frame = await openHost(page, 'lock=edit');
  await expect.poll(async () => (await got(page))[0]?.type).toBe('faultline:ready');
  await page.evaluate(() => (window as unknown as { send(m: unknown): void }).send({ type: 'faultline:goto', step: 42 }));
  await expect.poll(() => step(frame)).toBe(42);
});

test('"Embed…" writes the iframe code for this run with the chosen locks, and that code opens the embed', async ({ page }) => {
  await page.goto(`/${linkFragment(run, 30)}`);
  await page.getByTestId('embed-open-dialog').click();
  const dialog = page.getByTestId('embed-dialog');
  await expect(dialog.getByTestId('embed-lock')).toBeChecked();
  await dialog.getByTestId('embed-use-range').check();
  // The range starts as the whole run recorded so far (here up to the cursor), not one step.
  await expect(dialog.getByTestId('embed-from')).toHaveValue('0');
  expect(Number(await dialog.getByTestId('embed-to').inputValue())).toBeGreaterThanOrEqual(30);
  await dialog.getByTestId('embed-from').fill('25');
  await dialog.getByTestId('embed-to').fill('90');
  await dialog.getByTestId('embed-host').fill('https://course.example/week1');
  await expect(dialog.getByTestId('embed-copy')).toBeDisabled();
  await dialog.getByTestId('embed-host').fill('https://course.example');
  const code = await dialog.getByTestId('embed-code').inputValue();
  expect(code).toMatch(/^<iframe src="[^"]+" title="Faultline: The leader crashes" loading="lazy"/);
  const src = /src="([^"]+)"/.exec(code)![1]!.replace(/&amp;/g, '&');
  expect(src.startsWith(`${APP}/#s=`)).toBe(true);
  expect(src).toContain('&k=30&');
  expect(src).toContain('&embed=1&lock=edit&range=25..90&host=https%3A%2F%2Fcourse.example&lang=en');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP });
  await dialog.getByTestId('embed-copy').click();
  await expect(dialog.getByRole('status')).toHaveText('Embed code copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

  // The code's page: the same run at the same step, locked and limited as chosen.
  const embedded = await page.context().newPage();
  await embedded.goto(src);
  await expect(embedded.getByTestId('embed-locked')).toBeVisible();
  await expect(embedded.getByTestId('embed-range')).toHaveText('Steps 25–90');
  expect(await embedded.evaluate(() => window.__faultline!.store.getState().frame.step)).toBe(30);
  await embedded.evaluate(() => window.__faultline!.store.getState().seekStep(500));
  expect(await embedded.evaluate(() => window.__faultline!.store.getState().frame.step)).toBe(90);
});

test('a tour in a 600 × 400 frame keeps Back and Next in view, names the tour, and reads out the step', async ({ page }) => {
  await page.setViewportSize({ width: 600, height: 400 });
  await page.goto('/?tour=raft-election&embed=1&lang=zh-CN');
  await expect(page.getByTestId('tour-panel')).toHaveAttribute('data-step', 'intro');
  await expect(page.locator('.embed-title')).toContainText('Raft：谁成为领导者？');
  await expect(page.locator('.embed-title')).not.toContainText('tour-election');
  // The tour's title already names the protocol: not "Raft · Raft：…".
  await expect(page.locator('.embed-title')).toHaveText(/^Raft：谁成为领导者？/);
  for (const id of ['tour-next', 'tour-back']) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.y + box.height, id).toBeLessThanOrEqual(400);
  }
  // The tour's title is one line, the full title in its tooltip.
  const title = page.locator('.tour-title');
  await expect(title).toHaveAttribute('title', 'Raft：谁成为领导者？领导者宕机后会怎样？');
  expect((await title.boundingBox())!.height).toBeLessThan(24);
  await expect(page.getByTestId('clock-short')).toBeVisible();
  await expect(page.getByTestId('clock-short')).toContainText('第 5 步');
});
