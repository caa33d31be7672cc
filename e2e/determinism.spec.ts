/**
 * The browser runs the same kernel as Node: a curated scenario run in the page gives a trace
 * byte-identical to the one Node computes.
 */
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { raft } from '../src/protocols/raft';
import { runScenario } from '../src/sim/simulation';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

test('a scenario run in the browser gives the byte-identical trace Node gives', async ({ page }) => {
  await page.goto('/');
  const name = 'figure-8-bug';
  await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
  await page.getByRole('button', { name: `Open scenario raft:${name}` }).click();
  await expect(page.getByTestId('scenario-name')).toContainText('Figure 8 with the commit-previous-term bug');
  const inBrowser = await page.evaluate(() => {
    const s = window.__faultline!.store.getState();
    s.seekStep(1e9);
    return JSON.stringify(s.sim.trace());
  });
  const inNode = JSON.stringify(runScenario(raft, raft.scenarios.find((s) => s.name === name)!).trace());
  expect(inBrowser.length).toBeGreaterThan(10_000);
  expect(sha(inBrowser)).toBe(sha(inNode));
});

test('the language switch changes the interface text and is remembered', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Scenarios', exact: true })).toBeVisible();
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('button', { name: '场景', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.reload();
  await expect(page.getByRole('button', { name: '场景', exact: true })).toBeVisible();
});
