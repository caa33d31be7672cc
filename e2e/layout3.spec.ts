/**
 * Issue 17's visual leftovers (session 7), checked by geometry in the browser, never by time:
 * compare mode's shared key is in view and uncovered, and no label touches a violation ring;
 * the lock service's key names only the mode's message types and is reachable beside the drawing.
 */
import { expect, test, type Page } from '@playwright/test';
import { LAYOUT_SIZES, freshApp, openScenario } from './helpers';
import { overlaps } from './overlaps';

const SIZES = LAYOUT_SIZES;
const open = openScenario;

/** Legend entries that are cut by their box or covered by something else where they show. */
async function hiddenEntries(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    for (const li of document.querySelectorAll<HTMLElement>(`${sel} li`)) {
      const b = li.getBoundingClientRect();
      const x = b.left + b.width / 2;
      const y = b.top + b.height / 2;
      if (b.bottom > innerHeight || b.right > innerWidth) {
        out.push(`"${li.textContent}" is off the window`);
        continue;
      }
      const top = document.elementFromPoint(x, y);
      if (!top || !li.contains(top)) out.push(`"${li.textContent}" is covered by ${top?.className || top?.tagName}`);
    }
    return out;
  }, selector);
}

const COMPARE = ['twopc:compare-partition', 'twopc:compare-tm-crash', 'zab:compare-raft-leader-crash'];

for (const [w, h] of SIZES) {
  test(`${w} × ${h}: compare mode shows one key for both panes, in view and uncovered, and no label touches a violation ring, in English and Chinese`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: w, height: h });
    await freshApp(page);
    const problems: string[] = [];
    for (const id of COMPARE) {
      await open(page, id);
      await page.keyboard.press('End');
      for (const lang of ['en', 'zh-CN'] as const) {
        await page.evaluate((l) => window.__faultline!.store.getState().setLang(l), lang);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        // One key, none in the panes.
        await expect(page.getByTestId('compare-legend')).toHaveCount(1);
        await expect(page.getByTestId('compare').locator('.cl-legend')).toHaveCount(0);
        // Both runs' message types are keyed (each pane's sent types appear in it).
        const missing = await page.evaluate(() => {
          const keyed = new Set([...document.querySelectorAll('[data-testid="compare-legend"] .cl-legend-types li')].map((li) => li.textContent));
          const stores = [window.__faultline!.store, window.__faultline!.compare()];
          const sent = stores.flatMap((s) => (s ? s.getState().sim.events.flatMap((e) => (e.sent ?? []).map((m) => m.type)) : []));
          return [...new Set(sent)].filter((t) => !keyed.has(t));
        });
        problems.push(...missing.map((t) => `${id} ${lang}: ${t} not in the key`));
        problems.push(...(await hiddenEntries(page, '[data-testid="compare-legend"]')).map((p) => `${id} ${lang}: ${p}`));
        for (const side of ['left', 'right']) {
          const pane = page.getByTestId(`compare-${side}`);
          problems.push(...(await overlaps(pane, [`[data-testid="compare-${side}-status"]`], { rings: true })).map((p) => `${id} ${lang} ${side}: ${p}`));
        }
      }
      await page.evaluate(() => window.__faultline!.store.getState().setLang('en'));
    }
    expect(problems).toEqual([]);
  });
}

test('the lock service keys only the mode\'s message types; beside the drawing at 1024 × 768 the key scrolls behind a visible "more below"', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await freshApp(page);
  const types = page.getByTestId('clusterview').locator('.cl-legend-types li');
  await open(page, 'lock:redis-gc-pause');
  await expect(types).toHaveText(['Write', 'WriteOk', 'WriteRejected', 'SetNX', 'SetReply', 'Del', 'DelReply']);
  await open(page, 'lock:happy');
  await expect(types.filter({ hasText: /^Campaign$/ })).toHaveCount(1);
  await expect(types.filter({ hasText: /^(SetNX|SetReply|Del|DelReply)$/ })).toHaveCount(0);
  // Chubby's key is taller than the stage: it scrolls, and says so.
  const legend = page.getByTestId('clusterview').locator('.cl-legend');
  expect(await legend.evaluate((el) => el.scrollHeight > el.clientHeight + 4 && getComputedStyle(el).overflowY)).toBe('auto');
  const more = page.getByTestId('legend-more');
  await expect(more).toBeVisible();
  // Scrolled to its end, the last type shows uncovered and the hint goes.
  await legend.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(more).toHaveCount(0);
  const last = types.last();
  await expect(last).toBeInViewport();
  const covered = await last.evaluate((li) => {
    const b = li.getBoundingClientRect();
    const top = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
    return !top || !li.contains(top);
  });
  expect(covered).toBe(false);
});

for (const [w, h] of SIZES) {
  test(`${w} × ${h}: the hash ring's "0" is drawn whole, at 11 px or more, under no node, label or note`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await freshApp(page);
    const view = page.getByTestId('clusterview');
    const zero = '[data-testid="ring-zero"] text';
    const problems: string[] = [];
    const check = async (what: string) => {
      await expect(view.locator(zero)).toHaveCount(1);
      problems.push(...(await overlaps(view, [zero])).map((p) => `${what}: ${p}`));
      // Drawn at 11 px or more on the screen, inside the drawing.
      const { px, inside, near } = await view.locator(zero).evaluate((el) => {
        const b = el.getBoundingClientRect();
        const s = el.closest('svg')!.getBoundingClientRect();
        // Clear of each node's halo too (its timer arc and shadow, 8 px beyond the body).
        const near = [...document.querySelectorAll('[data-testid="clusterview"] g.cl-node[data-node]')].flatMap((g) => {
          const c = g.querySelector('.cl-node-body')!.getBoundingClientRect();
          const x = c.left + c.width / 2;
          const y = c.top + c.height / 2;
          const d = Math.hypot(x - Math.min(Math.max(x, b.left), b.right), y - Math.min(Math.max(y, b.top), b.bottom));
          return d < c.width / 2 + 8 ? [g.getAttribute('data-node')] : [];
        });
        return { px: b.height, inside: b.left >= s.left && b.right <= s.right && b.top >= s.top && b.bottom <= s.bottom, near };
      });
      if (px < 11) problems.push(`${what}: the "0" is ${px} px tall`);
      if (!inside) problems.push(`${what}: the "0" leaves the drawing`);
      for (const n of near) problems.push(`${what}: the "0" touches ${n}'s halo`);
    };
    // put-get: n4 sits near 12 o'clock.
    await open(page, 'chash:put-get');
    await check('put-get, fresh');
    await page.keyboard.press('End');
    await check('put-get, end');
    await open(page, 'chash:join');
    await page.keyboard.press('End');
    await check('join, end');
    // Three to nine servers on the ring: some first token falls near 12 o'clock.
    for (const servers of [3, 5, 7, 9]) {
      await page.evaluate((n) => {
        const s = window.__faultline!.store.getState();
        const nodes = Array.from({ length: n + 1 }, (_, i) => `n${i + 1}`);
        s.load({ ...s.sim.scenario, nodes, params: { ...s.sim.scenario.params, spares: 0, clients: 1 }, actions: [] } as never);
      }, servers);
      await expect(view.locator('[data-node]')).toHaveCount(servers + 1);
      await check(`${servers} servers`);
    }
    expect(problems).toEqual([]);
  });
}

/** Per node with a term line: how far the term's glyphs sit below the role letter's capital. */
async function letterGaps(page: Page): Promise<{ id: string | null; gap: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="clusterview"] g.cl-node[data-node]')].flatMap((g) => {
      const letter = g.querySelector('.cl-node-letter');
      const term = g.querySelector('.cl-node-term');
      if (!letter || !term) return [];
      // Glyph heights from the fonts as drawn (the SVG's scale applied): a capital is about
      // 0.72 of its font, a Chinese glyph about 0.9; each centred on its text box.
      const scale = (letter as SVGGraphicsElement).getScreenCTM()!.a;
      const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize) * scale;
      const a = letter.getBoundingClientRect();
      const b = term.getBoundingClientRect();
      const letterBottom = a.top + a.height / 2 + (px(letter) * 0.72) / 2;
      const termTop = b.top + b.height / 2 - (px(term) * 0.9) / 2;
      return [{ id: g.getAttribute('data-node'), gap: termTop - letterBottom }];
    }),
  );
}

const FIRST = ['raft:happy-path', 'twopc:happy-commit', 'threepc:happy-commit', 'chash:put-get', 'paxos:happy-path', 'zab:happy-path', 'lock:happy', 'multipaxos:steady-state'];

for (const [w, h] of SIZES) {
  test(`${w} × ${h}: inside every node the role letter and the term line do not overlap, in English and Chinese`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: w, height: h });
    await freshApp(page);
    const problems: string[] = [];
    let terms = 0;
    // Compare mode's narrow panes draw the smallest nodes.
    for (const id of [...FIRST, 'zab:compare-raft-leader-crash']) {
      await page.evaluate(() => window.__faultline!.store.getState().setLang('en'));
      await open(page, id);
      await page.keyboard.press('End');
      for (const lang of ['en', 'zh-CN'] as const) {
        await page.evaluate((l) => window.__faultline!.store.getState().setLang(l), lang);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        const found = await letterGaps(page);
        terms += found.length;
        for (const f of found) if (f.gap < 2) problems.push(`${id} ${lang} ${f.id}: letter and term ${f.gap.toFixed(1)} px apart`);
      }
    }
    // Nine lock nodes: the smallest nodes that carry a term (the epoch).
    await page.evaluate(() => window.__faultline!.store.getState().setLang('en'));
    await open(page, 'lock:happy');
    await page.evaluate(() => {
      const s = window.__faultline!.store.getState();
      // The database, five cell nodes, two clients, the storage (lock/config.ts's order); no script.
      const nodes = ['db', 'm1', 'm2', 'm3', 'm4', 'm5', 'c1', 'c2', 'store'];
      s.load({ ...s.sim.scenario, nodes, params: { ...s.sim.scenario.params, cells: 5 }, actions: [] } as never);
      s.setLang('zh-CN');
    });
    await page.keyboard.press('End');
    await expect(page.locator('[data-testid="clusterview"] g.cl-node[data-node]')).toHaveCount(9);
    const found = await letterGaps(page);
    terms += found.length;
    for (const f of found) if (f.gap < 2) problems.push(`lock, nine nodes, zh-CN ${f.id}: letter and term ${f.gap.toFixed(1)} px apart`);
    expect(terms).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
}

const BROKEN = ['raft:ack-on-append-bug', 'paxos:forget-promise-bug', 'multipaxos:accept-below-promise-bug', 'threepc:partition', 'lock:ignore-jeopardy-bug'];

for (const [w, h] of SIZES) {
  test(`${w} × ${h}: at a violation no label touches a violation ring, in English and Chinese`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: w, height: h });
    await freshApp(page);
    const view = page.getByTestId('clusterview');
    const problems: string[] = [];
    let rings = 0;
    for (const id of BROKEN) {
      await page.evaluate(() => window.__faultline!.store.getState().setLang('en'));
      await open(page, id);
      await page.keyboard.press('End');
      rings += await view.locator('.cl-node-violation').count();
      for (const lang of ['en', 'zh-CN'] as const) {
        await page.evaluate((l) => window.__faultline!.store.getState().setLang(l), lang);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        problems.push(...(await overlaps(view, [], { rings: true })).map((p) => `${id} ${lang}: ${p}`));
      }
    }
    expect(rings).toBeGreaterThan(4);
    expect(problems).toEqual([]);
  });
}
