/** Walk-through fixes (issue 17, sixth walk): compare-mode violation buttons, … */
import { expect, test } from '@playwright/test';
import { freshApp } from './helpers';

test('compare mode: the violation buttons are neutral until either pane has a violation', async ({ page }) => {
  await freshApp(page);
  await page.keyboard.press('w');
  await page.getByTestId('compare-protocol').selectOption('zab');
  await page.getByTestId('compare-start').click();
  await page.getByTestId('compare-right').waitFor();
  const prev = page.getByTestId('timeline-prevViolation');
  const next = page.getByTestId('timeline-nextViolation');
  await expect(prev).not.toHaveClass(/tl-go-violation/);
  await expect(next).not.toHaveClass(/tl-go-violation/);
  // Nothing behind: disabled, and the tooltip says why; ahead: it searches both runs.
  await expect(prev).toBeDisabled();
  await expect(prev).toHaveAttribute('title', /No violation in either pane/);
  await expect(next).toHaveAttribute('title', /search both runs/);
  // A compared run with a violation: red, in whichever pane it is.
  await page.keyboard.press('s');
  await page.getByRole('button', { name: 'Open scenario twopc:compare-partition' }).click();
  await page.getByTestId('compare-right').waitFor();
  await page.evaluate(() => window.__faultline!.store.getState().seekStep(1e9));
  await expect.poll(() => page.evaluate(() => window.__faultline!.compare()!.getState().sim.violations.length)).toBeGreaterThan(0);
  await expect(next).toHaveClass(/tl-go-violation/);
  expect(await page.evaluate(() => window.__faultline!.store.getState().sim.violations.length)).toBe(0);
});

test('1024 × 768: a tour keeps its panes and its text in view together; Next never scrolls the page', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await freshApp(page, '?tour=2pc-vs-3pc');
  await page.getByTestId('tour-say').waitFor();
  for (let i = 0; i < 6; i++) {
    // Answering a question adds its feedback: the panel's body scrolls, not the page.
    if (await page.getByTestId('tour-ask').isVisible()) {
      await page.locator('[data-testid^="tour-option-"]').first().click();
      await expect(page.getByTestId('tour-feedback')).toBeVisible();
      const fb = await page.getByTestId('tour-feedback').boundingBox();
      const body = await page.getByTestId('tour-body').boundingBox();
      expect(fb!.y + fb!.height).toBeLessThanOrEqual(body!.y + body!.height + 1);
    }
    const next = await page.getByTestId('tour-next').boundingBox();
    expect(next!.y + next!.height).toBeLessThanOrEqual(768);
    await page.getByTestId('tour-next').click();
    expect(await page.evaluate(() => scrollY)).toBe(0);
    for (const side of ['left', 'right']) {
      const pane = await page.getByTestId(`compare-${side}`).boundingBox();
      expect(pane!.y).toBeGreaterThanOrEqual(0);
      expect(pane!.y + pane!.height / 2).toBeLessThan(768);
    }
    const say = await page.getByTestId('tour-say').boundingBox();
    expect(say!.y).toBeGreaterThanOrEqual(0);
    expect(say!.y).toBeLessThan(768);
  }
});

test('Chinese: the end of a run gives its limit in Chinese units; Help names Space as the playback hint does', async ({ page }) => {
  await freshApp(page);
  await page.evaluate(() => {
    const s = window.__faultline!.store.getState();
    s.setLang('zh-CN');
    s.load({ ...s.sim.scenario, protocol: 'twopc', params: { bugs: [] }, until: 1200 });
  });
  await page.keyboard.press('End');
  await expect(page.getByTestId('end-reason')).toContainText('1.2 秒');
  await expect(page.getByTestId('end-reason')).not.toContainText(' s');
  await page.keyboard.press('?');
  await expect(page.getByTestId('help').locator('kbd').first()).toHaveText('空格');
});

test('compare mode with one protocol in both panes names the right pane in the count', async ({ page }) => {
  await freshApp(page);
  await page.keyboard.press('s');
  await page.getByRole('button', { name: 'Open scenario lock:storage-ignores-tokens-bug' }).click();
  await page.getByTestId('compare-right').waitFor();
  await expect(page.getByTestId('timeline-compare-count')).toContainText('in the right pane');
  await expect(page.getByTestId('timeline-compare-count')).not.toContainText('Lock service');
});

test('a trace saved between two events opens at the same step and the same clock', async ({ page }) => {
  await freshApp(page);
  const at = await page.evaluate(() => {
    const s = window.__faultline!.store.getState();
    s.seekStep(25);
    const ev = window.__faultline!.store.getState().sim.events;
    // Paused between step 21's event and the next: the clock reads past the event's time.
    const t = ev[20]!.time + Math.max(1, Math.floor((ev[21]!.time - ev[20]!.time) / 2));
    s.seekStep(21, t);
    const f = window.__faultline!.store.getState().frame;
    return { step: f.step, time: f.time, event: ev[20]!.time };
  });
  expect(at.step).toBe(21);
  expect(at.time).toBeGreaterThan(at.event);
  await page.getByTestId('export-menu').click();
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: 'Download trace (.json)' }).click()]);
  const path = await d.path();
  await page.evaluate(() => window.__faultline!.store.getState().seekStep(0));
  await page.getByTestId('import-file').setInputFiles(path);
  await expect(page.getByTestId('notice')).toContainText('Trace loaded at step 21');
  expect(await page.evaluate(() => ({ step: window.__faultline!.store.getState().frame.step, time: window.__faultline!.store.getState().frame.time }))).toEqual({ step: 21, time: at.time });
});

/** Every visible element with its own text under 11 px: "font-size tag.class: text". */
const tinyText = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const own = [...el.childNodes].filter((c) => c.nodeType === 3).map((c) => c.textContent!.trim()).join(' ').trim();
      if (own && parseFloat(cs.fontSize) < 11) out.push(`${cs.fontSize} ${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}: ${own.slice(0, 30)}`);
    }
    return out;
  });

for (const id of ['raft:leader-crash', 'lock:storage-ignores-tokens-bug']) {
  test(`no visible text under 11 px in a busy view (${id} at its end, inspector, panels open)`, async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await freshApp(page);
    await page.keyboard.press('s');
    await page.getByRole('button', { name: `Open scenario ${id}` }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('1');
    await page.getByTestId('inspector').first().waitFor();
    // Every disclosure open: statistics, history, the inspector's trees, the invariants' details.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const tiny = await tinyText(page);
    expect(tiny).toEqual([]);
    // The walk covered more than a few elements.
    expect(await page.locator('body *').count()).toBeGreaterThan(300);
  });
}

test('Help fits a 1024 × 768 screen: every shortcut visible, nothing to scroll', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await freshApp(page);
  await page.keyboard.press('?');
  const help = page.getByTestId('help');
  await expect(help).toBeVisible();
  const body = help.locator('.dialog-body');
  const fits = await body.evaluate((el) => el.scrollHeight <= el.clientHeight + 1);
  expect(fits).toBe(true);
  const box = (await body.boundingBox())!;
  const rows = help.locator('.shortcuts tr');
  expect(await rows.count()).toBeGreaterThan(25);
  for (const row of await rows.all()) {
    const r = (await row.boundingBox())!;
    expect(r.y).toBeGreaterThanOrEqual(box.y - 1);
    expect(r.y + r.height).toBeLessThanOrEqual(Math.min(box.y + box.height, 768) + 1);
  }
  await expect(help).toContainText('Copy link');
  await expect(help).toContainText('Open the curated scenarios');
});

test('1024 × 768: the statistics show message type names whole (wrapped, not cut)', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await freshApp(page);
  await page.keyboard.press('s');
  await page.getByRole('button', { name: 'Open scenario raft:leader-crash' }).click();
  await page.keyboard.press('End');
  const row = page.getByTestId('stats-types').locator('tr[data-row="AppendEntriesResponse"] th');
  await expect(row).toHaveText('AppendEntriesResponse');
  const clipped = await row.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
  expect(clipped).toBe(false);
});
