/**
 * Panels that load on demand (issue 17) hold their place while their code arrives: a
 * placeholder of the panel's usual height that says "Loading…" in the page's language, so the
 * panels under it do not jump when it is replaced. The log view's module is held back here
 * until the rest of the page has settled.
 */
import { expect, test, type Page } from '@playwright/test';

async function holdBack(page: Page, pattern: string): Promise<() => void> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route(pattern, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`a held-back panel keeps its place and says it is loading (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.addInitScript((l) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.clear();
        if (l !== 'en') localStorage.setItem('faultline.lang', l);
        sessionStorage.setItem('seeded', '1');
      }
    }, lang);
    const release = await holdBack(page, '**/src/views/logs/LogView.tsx*');
    await page.goto('/');
    const skeleton = page.locator('.panel-loading[data-panel="log"]');
    await expect(skeleton).toBeVisible();
    await expect(skeleton).toHaveText(lang === 'en' ? 'Loading…' : '正在加载…');
    await expect(skeleton).toHaveAttribute('aria-busy', 'true');
    // Everything else has arrived: the panels after the log view are in place.
    const diagram = page.getByTestId('spacetime');
    await expect(diagram).toBeVisible();
    const before = (await diagram.boundingBox())!.y;
    const reserved = (await skeleton.boundingBox())!.height;
    release();
    await expect(page.getByTestId('logview')).toBeVisible();
    await expect(skeleton).toHaveCount(0);
    const final = (await page.getByTestId('logview').boundingBox())!.height;
    // The place held is the panel's own height, give or take a row; the diagram barely moves.
    expect(Math.abs(final - reserved)).toBeLessThanOrEqual(30);
    expect(Math.abs((await diagram.boundingBox())!.y - before)).toBeLessThanOrEqual(30);
  });
}
