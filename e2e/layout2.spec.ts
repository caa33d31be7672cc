/**
 * Issue 17's leftovers, checked by geometry in the browser (never by time): the hash ring's
 * nodes, labels and centre note never overlap at 1440 × 900, 1024 × 768 and 800 × 600; the
 * compare pane's "broken" badge never covers a node or its label.
 */
import { expect, test, type Page } from '@playwright/test';
import { LAYOUT_SIZES, freshApp, openScenario } from './helpers';
import { overlaps } from './overlaps';

const SIZES = LAYOUT_SIZES;
const open = openScenario;

for (const [w, h] of SIZES) {
  test(`${w} × ${h}: the hash ring's nodes, labels and note do not overlap, before and after a join`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await freshApp(page);
    const view = page.getByTestId('clusterview');
    await open(page, 'chash:put-get');
    // Before anything has played: no keys, so the note shows, and the spare and client stand aside.
    await expect(view.getByTestId('ring-note')).toBeVisible();
    await expect(view.locator('[data-node]')).toHaveCount(7);
    expect(await overlaps(view)).toEqual([]);
    // The join: n6 moves onto the ring; keys are stored (no note).
    await open(page, 'chash:join');
    await page.keyboard.press('End');
    await expect(view.getByTestId('ring-note')).toHaveCount(0);
    expect(await overlaps(view)).toEqual([]);
    // Nine servers in the ring, two spares and two clients, in Chinese, with the note.
    await page.evaluate(() => {
      const s = window.__faultline!.store.getState();
      const nodes = Array.from({ length: 13 }, (_, i) => `n${i + 1}`);
      s.load({ ...s.sim.scenario, nodes, params: { ...s.sim.scenario.params, spares: 2, clients: 2 }, actions: [] } as never);
      s.setLang('zh-CN');
    });
    await expect(view.locator('[data-node]')).toHaveCount(13);
    await expect(view.getByTestId('ring-note')).toBeVisible();
    expect(await overlaps(view)).toEqual([]);
  });
}

for (const [w, h] of SIZES) {
  test(`${w} × ${h}: compare mode's "broken" badge covers no node and no label, in either pane, in every compare scenario`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await freshApp(page);
    const problems: string[] = [];
    for (const id of ['twopc:compare-partition', 'twopc:compare-tm-crash', 'zab:compare-raft-leader-crash']) {
      await open(page, id);
      await page.keyboard.press('End');
      if (id === 'twopc:compare-partition') await expect(page.getByTestId('compare-right-status')).toContainText('510');
      for (const side of ['left', 'right']) {
        const pane = page.getByTestId(`compare-${side}`);
        // The badge (or "holds") against the pane's nodes and labels, and every label inside the drawing.
        problems.push(...(await overlaps(pane, [`[data-testid="compare-${side}-status"]`])).map((p) => `${id} ${side}: ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });
}

/** The run's title in the top bar is drawn whole (no ellipsis, nothing cut), and the bar's
 * actions and language menu stay inside the window. */
async function titleProblems(page: Page, maxLines: number): Promise<string[]> {
  return page.evaluate((most) => {
    const name = document.querySelector<HTMLElement>('[data-testid="scenario-name"]')!;
    const box = name.getBoundingClientRect();
    const out: string[] = [];
    if (name.scrollWidth > name.clientWidth + 1 || name.scrollHeight > name.clientHeight + 1) out.push(`"${name.textContent}" overflows its box`);
    for (const part of name.querySelectorAll('.sn-protocol, .sn-title')) {
      // A part cut short by its own box (an ellipsis) scrolls wider than it shows.
      if (part.scrollWidth > part.clientWidth + 1) out.push(`"${part.textContent}" is truncated`);
      for (const r of part.getClientRects()) if (r.left < box.left - 1 || r.right > box.right + 1 || r.right > innerWidth) out.push(`"${part.textContent}" is cut`);
    }
    for (const el of document.querySelectorAll<HTMLElement>('.topbar button, .topbar select')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.left < 0 || r.right > innerWidth)) out.push(`${el.textContent} is off the window`);
    }
    const bar = document.querySelector('.topbar')!.getBoundingClientRect();
    if (bar.height > 100) out.push(`the bar is ${bar.height} px tall`);
    // Lines the title takes: the distinct tops of its parts' line boxes.
    const lines = new Set([...name.querySelectorAll('.sn-protocol, .sn-title')].flatMap((part) => [...part.getClientRects()].map((r) => Math.round(r.bottom))));
    if (lines.size > most) out.push(`the title takes ${lines.size} lines`);
    return out;
  }, maxLines);
}

/** The registry as the dev server serves it: the same module instance the app runs. */
const REGISTRY = '/src/protocols/registry.ts';

/** At 1440 px every title fits one line; at 1024 px at most two (issue 17). */
const TITLE_LINES: Record<number, number> = { 1440: 1, 1024: 2, 800: 3 };

for (const [w, h] of SIZES) {
  test(`${w} × ${h}: every curated scenario's title reads whole in the top bar, in ${TITLE_LINES[w]} line(s) at most, in English and Chinese`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: w, height: h });
    await freshApp(page);
    // Every curated scenario of every registered protocol (the scenario list's own source),
    // opened as the list opens it, in each language.
    const ids: string[] = await page.evaluate(async (url) => {
      const { protocols } = (await import(/* @vite-ignore */ url)) as typeof import('../src/protocols/registry');
      return [...protocols.values()].flatMap((p) => p.scenarios.map((s) => `${p.id}:${s.name}`));
    }, REGISTRY);
    expect(ids.length).toBeGreaterThan(80);
    const problems: string[] = [];
    for (const id of ids) {
      for (const lang of ['en', 'zh-CN'] as const) {
        const title = await page.evaluate(
          async ([id, lang, url]) => {
            const { protocols } = (await import(/* @vite-ignore */ url)) as typeof import('../src/protocols/registry');
            const [p, name] = id.split(':');
            const s = window.__faultline!.store.getState();
            if (s.sim.scenario.name !== name || s.sim.scenario.protocol !== p) s.replace(protocols.get(p!)!.scenarios.find((x) => x.name === name)!);
            window.__faultline!.store.getState().setLang(lang);
            return window.__faultline!.store.getState().sim.scenario.name;
          },
          [id, lang, REGISTRY] as const,
        );
        expect(title).toBe(id.split(':')[1]);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        problems.push(...(await titleProblems(page, TITLE_LINES[w]!)).map((p) => `${id} ${lang}: ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });
}

const FIRST = ['raft:happy-path', 'twopc:happy-commit', 'threepc:happy-commit', 'chash:put-get', 'paxos:happy-path', 'zab:happy-path', 'lock:happy', 'multipaxos:steady-state'];

for (const [w, h] of SIZES) {
  test(`${w} × ${h}: in every protocol's first scenario, with its note shown and a node selected, no node or label overlaps another or leaves the drawing, in English and Chinese`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: w, height: h });
    await freshApp(page);
    const view = page.getByTestId('clusterview');
    const problems: string[] = [];
    for (const id of FIRST) {
      await page.evaluate(() => window.__faultline!.store.getState().setLang('en'));
      await open(page, id);
      await expect(page.getByTestId('scenario-note')).toBeVisible();
      await view.locator('g.cl-node[data-node]').first().click();
      for (const lang of ['en', 'zh-CN'] as const) {
        await page.evaluate((l) => window.__faultline!.store.getState().setLang(l), lang);
        // At the run's end and its start (labels change as roles and votes do).
        for (const key of ['End', 'Home']) {
          await page.keyboard.press(key);
          problems.push(...(await overlaps(view)).map((p) => `${id} ${lang} ${key}: ${p}`));
        }
      }
      await page.keyboard.press('Escape');
    }
    expect(problems).toEqual([]);
  });
}
