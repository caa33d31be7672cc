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
