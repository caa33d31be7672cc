/**
 * A freshly loaded scenario can be navigated at once (issue 17 item 4): End, next fault, next
 * violation and V work before anything has played, for every curated scenario of every
 * protocol and for a tour's scenario, and land where plain play gets. The timeline counts the
 * script's faults and its violations not reached yet from the first frame.
 */
import { test, expect, type Page } from '@playwright/test';
import { freshApp } from './helpers';
import { protocols } from '../src/protocols/registry';
import { Simulation } from '../src/sim/simulation';
import { FAULT_KINDS, faultCount } from '../src/views/timeline/markers';
import type { Scenario } from '../src/scenario/types';

type State = ReturnType<NonNullable<Window['__faultline']>['store']['getState']>;
const store = <T,>(page: Page, fn: (s: State) => T): Promise<T> => page.evaluate(`(${fn.toString()})(window.__faultline.store.getState())`) as Promise<T>;
const at = (page: Page) => store(page, (s) => ({ step: s.frame.step, head: s.frame.head, time: s.frame.time, name: s.sim.scenario.name }));

/** What plain play of a scenario records: where a fresh load stands, and every fault and violation. */
function plain(scenario: Scenario) {
  const sim = new Simulation(protocols.get(scenario.protocol)!, scenario);
  sim.advanceTo(0);
  const start = sim.eventCount;
  sim.run();
  const faults = sim.events.filter((e) => e.action !== undefined && FAULT_KINDS.has(e.kind));
  const next = (seqs: number[]) => seqs.find((q) => q >= start);
  return {
    start,
    end: sim.eventCount,
    until: scenario.until,
    fault: next(faults.map((f) => f.seq)),
    violation: next(sim.violations.map((v) => v.seq)),
    faultTotal: faultCount(faults),
    violationsAhead: sim.violations.filter((v) => v.seq >= start).length,
  };
}

/** Opens each protocol's first scenario through the dialog (its protocol loads), then the
 * others of that protocol through the store, each fresh, and checks `check` on each. */
async function eachScenario(page: Page, check: (scenario: Scenario, expected: ReturnType<typeof plain>) => Promise<void>) {
  let checked = 0;
  for (const module of protocols.values()) {
    for (const [i, scenario] of module.scenarios.entries()) {
      if (i === 0) {
        await page.keyboard.press('s');
        await page.getByRole('button', { name: `Open scenario ${module.id}:${scenario.name}`, exact: true }).click();
        await expect(page.getByTestId('scenarios')).toBeHidden();
        await page.waitForFunction((id) => window.__faultline!.store.getState().module.id === id, module.id);
      } else {
        await page.evaluate((k) => {
          const s = window.__faultline!.store.getState();
          s.load(s.module.scenarios[k]!);
        }, i);
      }
      const fresh = await at(page);
      const expected = plain(scenario);
      expect(fresh, scenario.name).toMatchObject({ step: expected.start, head: expected.start, name: scenario.name });
      await check(scenario, expected);
      checked++;
    }
  }
  expect(checked).toBe([...protocols.values()].reduce((n, m) => n + m.scenarios.length, 0));
}

// Every curated scenario of every protocol, one after another in one page.
test.setTimeout(300_000);

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await freshApp(page);
});

test('End, before anything has played: the run’s last event, and its clock at the limit', async ({ page }) => {
  await eachScenario(page, async (scenario, expected) => {
    await page.getByTestId('timeline-end').click();
    expect(await at(page), scenario.name).toMatchObject({ step: expected.end, head: expected.end, time: expected.until });
  });
});

test('next fault, before anything has played: the script’s first fault not yet applied', async ({ page }) => {
  await eachScenario(page, async (scenario, expected) => {
    await page.getByTestId('timeline-nextFault').click();
    const want = expected.fault === undefined ? expected.start : expected.fault + 1;
    expect((await at(page)).step, scenario.name).toBe(want);
    // Recorded only up to it, not to the end.
    expect((await at(page)).head, scenario.name).toBe(want);
  });
});

test('next violation, before anything has played: the step plain play stops at; the counts name the script’s faults and violations ahead', async ({ page }) => {
  await eachScenario(page, async (scenario, expected) => {
    const counts = page.getByTestId('timeline-counts');
    await expect(counts, scenario.name).toContainText(expected.faultTotal === 1 ? '1 fault ·' : `${expected.faultTotal} faults ·`);
    if (expected.violationsAhead > 0) await expect(page.getByTestId('timeline-not-reached'), scenario.name).toHaveText(` (${expected.violationsAhead} not reached yet)`);
    else await expect(page.getByTestId('timeline-not-reached')).toHaveCount(0);
    await expect(page.getByTestId('timeline-violation-ahead').first()).toHaveCount(expected.violationsAhead > 0 ? 1 : 0);
    // A compare scenario's jump stops at the compared run's violations too (navigate.test.ts).
    if (scenario.compare) return;
    await page.getByTestId('timeline-nextViolation').click();
    const want = expected.violation === undefined ? expected.start : expected.violation + 1;
    expect((await at(page)).step, scenario.name).toBe(want);
    if (expected.violation !== undefined) await expect(page.getByTestId('timeline-violation').first()).toHaveAttribute('data-step', String(want));
  });
});

test('V, before anything has played, in a tour’s scenario and in every curated one', async ({ page }) => {
  // The Figure 8 tour opens raft:figure-8-bug by its id.
  await page.getByTestId('tours-open').click();
  await page.getByTestId('tour-start-raft-figure-8').click();
  await expect(page.getByTestId('tour-panel')).toHaveAttribute('data-step', /.+/);
  const fig8 = plain(protocols.get('raft')!.scenarios.find((s) => s.name === 'figure-8-bug')!);
  expect(fig8.violation).toBeDefined();
  expect((await at(page)).step).toBeLessThan(fig8.violation! + 1);
  await page.locator('body').press('v');
  expect((await at(page)).step).toBe(fig8.violation! + 1);
  await page.getByTestId('tour-leave').click();
  await eachScenario(page, async (scenario, expected) => {
    if (scenario.compare) return;
    await page.locator('body').press('v');
    expect((await at(page)).step, scenario.name).toBe(expected.violation === undefined ? expected.start : expected.violation + 1);
  });
});
