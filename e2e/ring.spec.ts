/**
 * The consistent-hashing panel in a real browser: a join moves keys to the newcomer and the
 * figures and histogram follow; the scheme switch changes the figures; a key's tooltip names
 * its owner and replicas; the scale computation runs in a worker with progress, cancel and
 * validation, and gives a result at scale.
 */
import { test, expect, type Page } from '@playwright/test';
import { advanceTo as advanceExactly, freshApp } from './helpers';

const KEYS = Array.from({ length: 30 }, (_, i) => `user:${i}`);
/** n1–n5 in the ring, n6 a spare, n7 the client; 30 puts, then nothing: the test joins n6. */
const scenario = {
  format: 'faultline-scenario',
  version: 1,
  protocol: 'chash',
  nodes: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'],
  seed: 1,
  params: { bugs: [], vnodes: 8, replicas: 3, clients: 1, spares: 1 },
  network: { latency: [10, 30], drop: 0, duplicate: 0 },
  schedule: 'auto',
  actions: KEYS.map((key, i) => ({ at: i * 5, do: 'put', node: 'n7', key, value: 'v' })),
  until: 60_000,
};

async function advanceTo(page: Page, time: number): Promise<void> {
  await advanceExactly(page, time);
  await expect.poll(() => page.evaluate(() => window.__faultline!.store.getState().frame.time)).toBe(time);
}

async function open(page: Page): Promise<void> {
  await freshApp(page);
  await page.evaluate((s) => window.__faultline!.store.getState().load(s as never), scenario);
  await expect(page.getByTestId('ring-panel')).toBeVisible();
  await advanceTo(page, 400);
}

/** Joins through the UI: select the server (its number key), then its Join command. */
async function join(page: Page, node: string, until: number): Promise<void> {
  await page.keyboard.press(node.slice(1));
  await page.getByTestId('command-join').click();
  expect(await page.evaluate(() => window.__faultline!.store.getState().sim.scenario.actions.at(-1))).toMatchObject({ do: 'join', node });
  await advanceTo(page, until);
}

/** Keys per server from the histogram's bars. */
const loads = (page: Page) =>
  page.getByTestId('ring-histogram').locator('[data-server]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-server')!, Number(e.getAttribute('data-load'))])));
const figure = (page: Page, name: string) => page.getByTestId('ring-figures').locator(`[data-fig="${name}"] dd`);
const percent = (text: string) => Number(/([\d.]+)%/.exec(text)![1]);
const cell = (page: Page, scheme: string, col: string) => page.getByTestId('ring-comparison').locator(`tr[data-scheme="${scheme}"] td[data-col="${col}"]`);

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
});

test('a join moves keys to the newcomer: the moved fraction and the histogram update', async ({ page }) => {
  await open(page);
  const before = await loads(page);
  expect(Object.keys(before).sort()).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
  expect(Object.values(before).reduce((a, b) => a + b, 0)).toBe(30);
  await expect(figure(page, 'moved')).toContainText('—');
  // 30 keys on 5 servers: the figures say the sample is too small to compare with theory.
  await expect(page.getByTestId('ring-few')).toContainText('Only 30 keys on 5 servers: too few to compare with theory (about 50 or more)');
  await expect(page.locator('[data-key][data-moved="true"]')).toHaveCount(0);

  await join(page, 'n6', 1500);
  const after = await loads(page);
  expect(Object.keys(after).sort()).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
  expect(after.n6).toBeGreaterThan(0);
  expect(Object.values(after).reduce((a, b) => a + b, 0)).toBe(30);
  // Consistent hashing: every moved key went to n6, so the moved fraction is n6's load.
  for (const s of ['n1', 'n2', 'n3', 'n4', 'n5']) expect(after[s]!).toBeLessThanOrEqual(before[s]!);
  const moved = percent(await figure(page, 'moved').innerText());
  expect(moved).toBeCloseTo((after.n6! / 30) * 100, 1);
  await expect(page.getByTestId('ring-figures').locator('[data-fig="movedExpected"]')).toContainText('16.7%');
  await expect(page.getByTestId('ring-figures').locator('[data-fig="moved"] dt')).toContainText('n6 joined');
  const movedDots = page.locator('[data-key][data-moved="true"]');
  await expect(movedDots).toHaveCount(after.n6!);
  for (const owner of await movedDots.evaluateAll((els) => els.map((e) => e.getAttribute('data-owner')))) expect(owner).toBe('n6');

  // A moved key's tooltip, by keyboard focus: owner n6, three replicas, and where it came from.
  await movedDots.first().focus();
  const tip = page.getByTestId('ring-tip');
  await expect(tip).toContainText('owner n6');
  await expect(tip).toContainText(/replicas n6, n\d, n\d/);
  await expect(tip).toContainText(/moved from n[1-5]/);
  const label = await movedDots.first().getAttribute('aria-label');
  expect(label).toMatch(/owner n6/);
});

/** A node glyph's centre relative to the ring's centre, in the SVG's units, as an angle
 * (fraction of a turn clockwise from 12 o'clock) and a radius. */
async function polarOf(page: Page, node: string): Promise<{ turn: number; r: number }> {
  return page.evaluate((id) => {
    const g = document.querySelector(`[data-testid="clusterview"] [data-node="${id}"]`)!;
    const ring = document.querySelector('[data-testid="clusterview"] [data-testid="ring-view"]')!;
    const at = /translate\(([-\d.]+)[ ,]([-\d.]+)\)/.exec(g.getAttribute('transform')!)!;
    const c = /translate\(([-\d.]+)[ ,]([-\d.]+)\)/.exec(ring.getAttribute('transform')!)!;
    const dx = Number(at[1]) - Number(c[1]);
    const dy = Number(at[2]) - Number(c[2]);
    return { turn: (((Math.atan2(dx, -dy) / (2 * Math.PI)) % 1) + 1) % 1, r: Math.hypot(dx, dy) };
  }, node);
}

test('the ring is the stage: servers sit on it by their tokens, a spare left of it and the client right of it, a joiner moves onto it', async ({ page }) => {
  await open(page);
  const stage = page.getByTestId('clusterview');
  await expect(stage.getByTestId('ring-view')).toBeVisible();
  await expect(stage.locator('[data-key]')).toHaveCount(30);
  const r1 = (await polarOf(page, 'n1')).r;
  expect(r1).toBeGreaterThan(100);
  for (const n of ['n2', 'n3', 'n4', 'n5']) expect((await polarOf(page, n)).r).toBeCloseTo(r1, 0);
  // The spare and the client stand off the ring, beside it (its centre stays free for its
  // note and keys): the spare on the left, the client on the right.
  const [spare, client] = [await polarOf(page, 'n6'), await polarOf(page, 'n7')];
  for (const p of [spare, client]) expect(p.r).toBeGreaterThan(r1 * 1.3);
  expect(spare.turn).toBeGreaterThan(0.5);
  expect(client.turn).toBeLessThan(0.5);
  await join(page, 'n6', 1500);
  expect((await polarOf(page, 'n6')).r).toBeCloseTo(r1, 0);
  // Selection still works on the stage: clicking a server selects it.
  await stage.locator('[data-node="n2"]').click();
  expect(await page.evaluate(() => window.__faultline!.store.getState().selection)).toEqual({ kind: 'node', id: 'n2' });
});

test('the scheme switch changes the histogram and the figures', async ({ page }) => {
  await open(page);
  await join(page, 'n6', 1500);
  const ringMoved = percent(await figure(page, 'moved').innerText());
  const ringLoads = await loads(page);

  await page.getByRole('radio', { name: 'hash mod N' }).check();
  await expect(page.getByTestId('ring-histogram')).toContainText('hash mod N');
  const modMoved = percent(await figure(page, 'moved').innerText());
  // mod N moves most keys on a join (about N/(N+1) = 83%); the ring only the newcomer's share.
  expect(modMoved).toBeGreaterThan(50);
  expect(modMoved).toBeGreaterThan(ringMoved);
  await expect(page.getByTestId('ring-figures').locator('[data-fig="movedExpected"]')).toContainText('83.3%');
  expect(await loads(page)).not.toEqual(ringLoads);
  await expect(page.getByTestId('ring-figures').locator('[data-fig="cvTheory"]')).toContainText('sampling only');

  // The comparison table agrees with the figures for both schemes.
  expect(percent(await cell(page, 'mod', 'moved').innerText())).toBe(modMoved);
  expect(percent(await cell(page, 'ring', 'moved').innerText())).toBe(ringMoved);
  await expect(page.getByTestId('ring-comparison').locator('tr[data-scheme="mod"]')).toHaveAttribute('aria-current', 'true');

  // Keys 1–4 pick a scheme while focus is in the panel; the table's buttons too.
  await page.getByRole('radio', { name: 'hash mod N' }).focus();
  await page.keyboard.press('3');
  await expect(page.getByRole('radio', { name: 'Jump hash' })).toBeChecked();
  await expect(page.getByTestId('ring-histogram')).toContainText('Jump hash');
  await page.getByTestId('ring-comparison').getByRole('button', { name: 'Rendezvous' }).click();
  await expect(page.getByRole('radio', { name: 'Rendezvous' })).toBeChecked();
  expect(percent(await figure(page, 'moved').innerText())).toBe(percent(await cell(page, 'rendezvous', 'moved').innerText()));
});

test('scale: inputs are checked, a run shows progress and can be cancelled, a result is drawn aggregated', async ({ page }) => {
  await open(page);
  const form = page.getByTestId('ring-scale');
  await form.getByLabel('Servers N').fill('0');
  await form.getByLabel('Virtual nodes v').fill('2.5');
  await form.getByRole('button', { name: 'Compute' }).click();
  await expect(form.getByTestId('ring-scale-error')).toHaveText([
    'Servers must be a whole number from 1 to 1,000, not “0”',
    'Virtual nodes must be a whole number from 1 to 200, not “2.5”',
  ]);
  await expect(form.getByLabel('Servers N')).toHaveAttribute('aria-invalid', 'true');

  // The largest run: progress moves while the page keeps painting frames; then cancel.
  await form.getByLabel('Servers N').fill('1000');
  await form.getByLabel('Virtual nodes v').fill('200');
  await form.getByLabel('Keys K').fill('1,000,000');
  await form.getByRole('button', { name: 'Compute' }).click();
  const progress = form.getByTestId('ring-scale-progress');
  await expect(progress).toBeVisible();
  await expect.poll(() => progress.evaluate((e) => (e as HTMLProgressElement).value), { timeout: 30_000 }).toBeGreaterThan(0.05);
  // The main thread stays free while the worker computes: 30 animation frames are painted while
  // the run is still going (a count, not a rate; `npm run bench` prints the frame rate). Were the
  // computation on the main thread, no frame would come until it ended and the bar was gone.
  const before = await progress.evaluate((e) => (e as HTMLProgressElement).value);
  const stillRunning = await page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        let n = 0;
        const tick = () => (++n < 30 ? requestAnimationFrame(tick) : resolve(!!document.querySelector('[data-testid="ring-scale-progress"]')));
        requestAnimationFrame(tick);
      }),
  );
  expect(stillRunning).toBe(true);
  await expect.poll(() => progress.evaluate((e) => (e as HTMLProgressElement).value), { timeout: 30_000 }).toBeGreaterThan(before);
  await expect(progress).toBeVisible(); // still computing after those frames
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form.getByTestId('ring-scale-cancelled')).toBeVisible();
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('ring-binned')).toHaveCount(0);

  // A run to the end: 300 servers × 50 tokens, 200,000 keys.
  await form.getByLabel('Servers N').fill('300');
  await form.getByLabel('Virtual nodes v').fill('50');
  await form.getByLabel('Keys K').fill('200000');
  await form.getByRole('button', { name: 'Compute' }).click();
  await expect(form.getByTestId('ring-scale-done')).toContainText('300 servers × 50 virtual nodes, 200,000 keys, then s301 joined', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Scale result' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('ring-binned')).toBeVisible();
  // The live ring stays the cluster view's stage; the panel draws the scale result's.
  await expect(page.getByTestId('clusterview').getByTestId('ring-view')).toBeVisible();
  await expect(page.getByTestId('ring-histogram')).toContainText('Servers by load');
  // mod N moves 300/301 of the keys, the others about 1/301 (0.332%).
  expect(Math.abs(percent(await cell(page, 'mod', 'moved').innerText()) - 99.668)).toBeLessThan(0.2);
  expect(Math.abs(percent(await cell(page, 'jump', 'moved').innerText()) - 0.332)).toBeLessThan(0.06);
  await expect(cell(page, 'ring', 'expected')).toHaveText('0.332%');
  await expect(page.getByTestId('ring-figures')).toContainText('301 servers · 200,000 keys');
  await expect(page.getByTestId('ring-few')).toHaveCount(0);
  await expect(page.getByTestId('ring-times').locator('tr[data-scheme="rendezvous"] td[data-col="place"]')).toHaveText(/\d+(\.\d+)? (ms|s)/);

  // Back to the live run: its ring and its five servers again.
  await page.getByRole('button', { name: 'Live run' }).click();
  await expect(page.getByTestId('ring-view')).toBeVisible();
  expect(Object.keys(await loads(page)).sort()).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
});
