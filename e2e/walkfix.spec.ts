/** Issue 17, second walk-through: the way back to a replaced run, and what the reviewer found. */
import { test, expect, type Page } from '@playwright/test';
import { freshApp, loadAt, playUntil } from './helpers';
import { chashScenarios } from '../src/protocols/chash/scenarios';
import { zab } from '../src/protocols/zab';
import { multipaxos } from '../src/protocols/multipaxos';

type State = ReturnType<NonNullable<Window['__faultline']>['store']['getState']>;
const store = <T,>(page: Page, f: (s: State) => T) => page.evaluate(`(${f.toString()})(window.__faultline.store.getState())`) as Promise<T>;

async function openScenario(page: Page, id: string): Promise<void> {
  await page.keyboard.press('s');
  await page.getByRole('button', { name: `Open scenario ${id}` }).click();
  await expect(page.getByTestId('scenarios')).toBeHidden();
}

/** Some work of the user's own: a forced timeout in free play. */
async function myWork(page: Page): Promise<unknown> {
  await freshApp(page);
  await page.keyboard.press('1');
  await page.getByTestId('fault-timeout').click();
  return store(page, (s) => s.sim.scenario.actions);
}

test('the way back to a replaced run outlives later notices, and goes only when the user keeps the new run', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const mine = await myWork(page);
  await openScenario(page, 'raft:happy-path');
  const back = page.getByTestId('undo-replace');
  await expect(back).toBeVisible();
  // V finds nothing and says so; the way back stays.
  await page.keyboard.press('v');
  await expect(page.getByTestId('notice')).toContainText('Nothing found');
  await expect(back).toBeVisible();
  // Copy link's notice, then that notice's ✕: still there.
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('notice')).toContainText(/copied/i);
  await expect(back).toBeVisible();
  await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('notice')).toContainText('replaced your previous one');
  await expect(back).toBeVisible();
  await back.click();
  expect(await store(page, (s) => ({ actions: s.sim.scenario.actions, kept: s.beforeReplace }))).toEqual({ actions: mine, kept: null });
  await expect(back).toHaveCount(0);

  // "Keep this run" is the one explicit way to let the old run go.
  await openScenario(page, 'raft:happy-path');
  await page.getByTestId('keep-replaced').click();
  await expect(back).toHaveCount(0);
  expect(await store(page, (s) => s.beforeReplace)).toBeNull();
  expect(await store(page, (s) => s.sim.scenario.name)).toBe('happy-path');
});

test('a tour from a link or an embed offers no way back; going back from a tour opened over the user’s work ends the tour', async ({ page }) => {
  for (const url of ['/?tour=raft-election', '/?embed=1&lock=edit&tour=raft-election']) {
    await page.goto('/');
    await page.evaluate(() => localStorage.clear());
    await page.goto(url);
    await expect(page.getByTestId('tour-panel')).toHaveAttribute('data-step', /.+/);
    await expect(page.getByTestId('undo-replace')).toHaveCount(0);
    expect(await store(page, (s) => s.beforeReplace)).toBeNull();
  }
  const mine = await myWork(page);
  await page.getByTestId('tours-open').click();
  await page.getByTestId('tour-start-raft-election').click();
  await expect(page.getByTestId('tour-panel')).toHaveAttribute('data-step', /.+/);
  await page.getByTestId('undo-replace').click();
  await expect(page.getByTestId('tour-panel')).toBeHidden();
  expect(await store(page, (s) => s.sim.scenario.actions)).toEqual(mine);
});

test('an imported trace can be undone', async ({ page }) => {
  await freshApp(page);
  await openScenario(page, 'raft:happy-path');
  await page.keyboard.press('End');
  const trace = await page.evaluate(() => JSON.stringify(window.__faultline!.trace()));
  await myWork(page);
  // (Leaving a page saves its session, so the work may sit on top of happy-path: compare whole runs.)
  const mine = await store(page, (s) => s.sim.scenario);
  await page.getByTestId('import-file').setInputFiles({ name: 'happy.json', mimeType: 'application/json', buffer: Buffer.from(trace) });
  await expect(page.getByTestId('notice')).toContainText('Trace loaded');
  expect(await store(page, (s) => s.sim.scenario)).not.toEqual(mine);
  await page.getByTestId('undo-replace').click();
  expect(await store(page, (s) => s.sim.scenario)).toEqual(mine);
});

test('a link opened in the running app can be undone', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await freshApp(page);
  await openScenario(page, 'raft:happy-path');
  await page.getByTestId('copy-link').click();
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#s=/);
  const link = await page.evaluate(() => location.hash);
  await page.evaluate(() => (location.hash = ''));
  const mine = await myWork(page);
  await page.evaluate((h) => (location.hash = h), link);
  await expect.poll(() => store(page, (s) => s.sim.scenario.name)).toBe('happy-path');
  await page.getByTestId('undo-replace').click();
  expect(await store(page, (s) => s.sim.scenario.actions)).toEqual(mine);
});

test('the election tour asks about timer arcs when the arcs tell the servers apart, and the longest one answers it', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await freshApp(page);
  await page.getByTestId('tours-open').click();
  await page.getByTestId('tour-start-raft-election').click();
  await page.getByTestId('tour-next').click();
  await expect(page.getByTestId('tour-panel')).toHaveAttribute('data-step', 'predict');
  // One drawn arc per server, all of different lengths (at 0 ms none was drawn).
  const arcs = await page.evaluate(() =>
    [...document.querySelectorAll('.cluster .cl-timer')].map((g) => (g.querySelector('.cl-timer-arc') as SVGPathElement | null)?.getTotalLength() ?? 0),
  );
  expect(arcs).toHaveLength(5);
  expect(new Set(arcs.map((a) => Math.round(a))).size).toBe(5);
  expect(Math.min(...arcs)).toBeGreaterThan(0);
  const ids = await store(page, (s) => s.frame.nodes.map((n) => n.id));
  const longest = ids[arcs.indexOf(Math.max(...arcs))]!;
  await page.getByTestId(`tour-option-${longest}`).click();
  await expect(page.getByTestId('tour-feedback')).toContainText(`Right: ${longest}`);
});

test('at 800 px the ☰ menu closes on a press outside it, on Escape from anywhere, and when a dialog opens', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await freshApp(page);
  const button = page.getByTestId('bar-menu');
  const actions = page.locator('#bar-actions');
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(actions).toBeVisible();
  await page.mouse.click(10, 590);
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(actions).toBeHidden();

  await button.click();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Escape');
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  await button.click();
  await page.keyboard.press('s');
  await expect(page.getByTestId('scenarios')).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(actions).toBeHidden();
});

test('a reload and a link in a fresh browser show the sender’s head: no event recorded past it', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await freshApp(page);
  await playUntil(page, 217, 1);
  const picture = (p: Page) => p.evaluate(() => {
    const s = window.__faultline!.store.getState();
    return { step: s.frame.step, time: s.frame.time, head: s.sim.eventCount };
  });
  const before = await picture(page);
  expect(before.head).toBe(before.step);
  // The hatched "later events" area of the timeline (the legend's swatch has no x).
  const later = (p: Page) => p.locator('rect.tl-future[x]');
  await expect(later(page)).toHaveCount(0);
  await page.reload(); // leaving the page saves it (pagehide)
  await page.getByTestId('play').waitFor();
  expect(await picture(page)).toEqual(before);
  await expect(later(page)).toHaveCount(0);

  await page.getByTestId('copy-link').click();
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#s=/);
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(page.url());
  await fresh.getByTestId('play').waitFor();
  // A link keeps the clock to 0.1 ms.
  const there = await picture(fresh);
  expect({ ...there, time: Math.round(there.time * 10) }).toEqual({ ...before, time: Math.round(before.time * 10) });
  await expect(later(fresh)).toHaveCount(0);
});

for (const [w, h] of [[1440, 900], [1024, 768]] as const) {
  test(`${w} × ${h}: no two chash server glyphs overlap, outer rings included, in any curated scenario`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await freshApp(page);
    const problems: string[] = [];
    for (const scenario of chashScenarios) {
      await loadAt(page, scenario, 0);
      const head = await page.evaluate(() => {
        const s = window.__faultline!.store.getState();
        s.seekStep(1e9);
        return s.sim.eventCount;
      });
      // The ring changes with joins and leaves: five places along the run.
      for (const k of [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * head))) {
        await loadAt(page, scenario, k);
        await page.evaluate(() => new Promise(requestAnimationFrame));
        // Each glyph's outermost circle (the focus ring, drawn on keyboard focus) in SVG units.
        const glyphs = await page.evaluate(() =>
          [...document.querySelectorAll('.cluster [data-node]')].map((g) => {
            const m = /translate\(([-\d.]+)[ ,]+([-\d.]+)\)/.exec(g.getAttribute('transform') ?? '')!;
            const r = Math.max(...[...g.querySelectorAll(':scope > circle')].map((c) => Number(c.getAttribute('r'))));
            return { id: g.getAttribute('data-node')!, x: Number(m[1]), y: Number(m[2]), r };
          }),
        );
        for (let i = 0; i < glyphs.length; i++)
          for (let j = i + 1; j < glyphs.length; j++) {
            const a = glyphs[i]!;
            const b = glyphs[j]!;
            if (Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r) problems.push(`${scenario.name}@${k}: ${a.id} × ${b.id}`);
          }
      }
    }
    expect(problems).toEqual([]);
  });
}

for (const [module, types] of [[zab, ['PING']], [multipaxos, ['Heartbeat', 'HeartbeatReply']]] as const) {
  test(`${module.id}: hiding heartbeats hides ${types.join(' and ')}, and nothing else`, async ({ page }) => {
    await freshApp(page);
    await loadAt(page, module.scenarios[0], 0);
    const count = () => page.evaluate((ts) => {
      const f = window.__faultline!.store.getState().frame.inFlight;
      return { all: f.length, beats: f.filter((x) => (ts as readonly string[]).includes(x.message.type)).length, types: [...new Set(f.map((x) => x.message.type))] };
    }, types);
    // Step until every heartbeat type is in flight at once (a beat and its reply).
    for (let i = 0; i < 600; i++) {
      const c = await count();
      if (types.every((t) => c.types.includes(t)) && c.beats < c.all) break;
      await page.evaluate(() => window.__faultline!.store.getState().stepForward());
    }
    const before = await count();
    expect(types.filter((t) => !before.types.includes(t))).toEqual([]);
    const dots = page.getByTestId('clusterview').locator('[data-message]');
    await expect(dots).toHaveCount(before.all);
    await page.getByTestId('clusterview').getByTestId('hide-heartbeats').check();
    await expect(dots).toHaveCount(before.all - before.beats);
    await page.getByTestId('clusterview').getByTestId('hide-heartbeats').uncheck();
  });
}
