/** Issue 17: what a newcomer hits in the first ten minutes, each fixed and held here. */
import { test, expect, type Page } from '@playwright/test';
import { freshApp, playUntil } from './helpers';

const store = <T,>(page: Page, f: (s: ReturnType<NonNullable<Window['__faultline']>['store']['getState']>) => T) =>
  page.evaluate(`(${f.toString()})(window.__faultline.store.getState())`) as Promise<T>;

async function openScenario(page: Page, id: string): Promise<void> {
  await page.keyboard.press('s');
  await page.getByRole('button', { name: `Open scenario ${id}` }).click();
  await expect(page.getByTestId('scenarios')).toBeHidden();
}

test('Space plays even with a fault button focused, and never fires that button again', async ({ page }) => {
  await freshApp(page);
  await page.keyboard.press('1');
  await page.getByTestId('fault-timeout').click();
  await expect(page.getByTestId('fault-timeout')).toBeFocused();
  expect(await store(page, (s) => s.sim.scenario.actions.length)).toBe(1);
  await page.keyboard.press(' ');
  expect(await store(page, (s) => s.playing)).toBe(true);
  await page.keyboard.press(' ');
  expect(await store(page, (s) => ({ playing: s.playing, actions: s.sim.scenario.actions.length }))).toEqual({ playing: false, actions: 1 });
  // A focused node and a focused radio button do not take Space either.
  await page.getByRole('img', { name: /^n2\b/ }).focus();
  await page.keyboard.press(' ');
  expect(await store(page, (s) => s.playing)).toBe(true);
  await page.getByRole('radio', { name: 'Auto' }).focus();
  await page.keyboard.press(' ');
  expect(await store(page, (s) => ({ playing: s.playing, mode: s.frame.mode }))).toEqual({ playing: false, mode: 'auto' });
  // Enter still presses the focused button.
  await page.getByTestId('fault-timeout').focus();
  await page.keyboard.press('Enter');
  expect(await store(page, (s) => s.sim.scenario.actions.length)).toBe(2);
});

test('a scenario just opened can be navigated at once: V lands on Figure 8’s violation, End on the end', async ({ page }) => {
  await freshApp(page);
  await openScenario(page, 'raft:figure-8-bug');
  expect(await store(page, (s) => s.frame.head)).toBeLessThan(10);
  await expect(page.getByTestId('timeline-nextViolation')).toBeEnabled();
  await page.keyboard.press('v');
  const at = await store(page, (s) => ({ step: s.frame.step, violations: s.frame.violations.map((v) => v.invariant), seq: s.sim.violations[0]?.seq }));
  expect(at.violations.length).toBe(1);
  expect(at.step).toBe(at.seq! + 1);
  await page.keyboard.press('End');
  await expect(page.getByTestId('end-reason')).toContainText('limit reached');
  const end = await store(page, (s) => ({ step: s.frame.step, head: s.frame.head, done: s.sim.done }));
  expect(end).toEqual({ step: end.head, head: end.head, done: true });
  await page.keyboard.press('Home');
  await page.getByTestId('timeline-nextFault').click();
  const fault = await store(page, (s) => s.frame.event);
  expect(fault?.action).toBeDefined();
});

test('idle 2PC free play keeps its clock; the end of a run says why, and Play after it says it replays', async ({ page }) => {
  await freshApp(page);
  await store(page, (s) => s.load({ ...s.sim.scenario, protocol: 'twopc', params: { bugs: [] }, until: 3000 }));
  await playUntil(page, 800, 5);
  const paused = await store(page, (s) => s.frame.time);
  expect(paused).toBeGreaterThanOrEqual(800);
  await expect(page.getByTestId('end-reason')).toHaveCount(0);
  await page.keyboard.press(' ');
  await page.waitForTimeout(200);
  expect(await store(page, (s) => s.frame.time)).toBeGreaterThan(paused);
  await page.keyboard.press(' ');
  await page.keyboard.press('End');
  await expect(page.getByTestId('end-reason')).toContainText('its 3 s limit reached');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('notice')).toContainText('playing it again from the start');
});

test('a reload shows the same consistent picture, with no fork warning', async ({ page }) => {
  await freshApp(page);
  await playUntil(page, 140, 1);
  const before = await store(page, (s) => ({ step: s.frame.step, time: s.frame.time, nodes: JSON.stringify(s.frame.nodes), flying: s.frame.inFlight.length }));
  await page.waitForTimeout(600); // autosave
  await page.reload();
  await page.getByTestId('play').waitFor();
  const after = await store(page, (s) => ({ step: s.frame.step, time: s.frame.time, nodes: JSON.stringify(s.frame.nodes), flying: s.frame.inFlight.length }));
  expect(after).toEqual(before);
  await expect(page.getByTestId('fork-warning')).toHaveCount(0);
});

test('opening a scenario, or starting a new run, can be undone; a new run can change protocol and leaves bug switches behind', async ({ page }) => {
  await freshApp(page);
  await page.keyboard.press('1');
  await page.getByTestId('fault-timeout').click();
  const mine = await store(page, (s) => s.sim.scenario.actions);
  await openScenario(page, 'raft:figure-8-bug');
  await page.getByTestId('undo-replace').click();
  expect(await store(page, (s) => s.sim.scenario.actions)).toEqual(mine);

  await openScenario(page, 'raft:figure-8-bug');
  await page.keyboard.press(',');
  await expect(page.getByTestId('settings-bugs-on')).toHaveCount(0);
  await page.getByTestId('settings-protocol').selectOption('twopc');
  await page.getByTestId('settings-apply').click();
  expect(await store(page, (s) => ({ protocol: s.sim.scenario.protocol, bugs: s.sim.scenario.params.bugs }))).toEqual({ protocol: 'twopc', bugs: [] });
  await expect(page.getByTestId('notice')).toContainText('replaced your previous one');
  await page.getByTestId('undo-replace').click();
  expect(await store(page, (s) => s.sim.scenario.name)).toBe('figure-8-bug');
});

test('a shared link opens at the sender’s speed, without a fork warning', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await freshApp(page);
  await page.keyboard.press(']');
  await page.keyboard.press(']');
  await playUntil(page, 300, 0.4);
  await page.getByTestId('copy-link').click();
  const url = page.url();
  expect(url).toContain('&x=0.4');
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(url);
  await fresh.getByTestId('play').waitFor();
  expect(await fresh.evaluate(() => window.__faultline!.store.getState().speed)).toBe(0.4);
  await expect(fresh.getByTestId('fork-warning')).toHaveCount(0);
  await expect(fresh.getByTestId('notice')).toHaveCount(0);
});

test('a bad link in a fresh browser says a fresh cluster is shown, not that a session is kept', async ({ page }) => {
  // A fresh context: nothing saved (leaving a page saves its session).
  await page.goto('/#s=AAAA');
  await expect(page.getByRole('alert')).toContainText('Here is a fresh cluster instead');
  await expect(page.getByRole('alert')).not.toContainText('previous session');
  await expect(page.getByRole('alert')).not.toContainText('inflate');
  // Reported, the bad link leaves the address bar (its text stays on screen), so a reload does
  // not report it again; an untouched page saves nothing, so no "previous session" either.
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
  await expect(page.getByRole('alert')).toContainText('could not be opened');
  await page.reload();
  await page.getByTestId('play').waitFor();
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await page.goto('about:blank');
  await page.goto('/#s=AAAAbogus');
  await expect(page.getByRole('alert')).toContainText('Here is a fresh cluster instead');
  await expect(page.getByRole('alert')).not.toContainText('previous session');
});

test('a fresh app hints at Space; Step in the manual schedule delivers the first pending event; counts agree in number', async ({ page }) => {
  await freshApp(page);
  await expect(page.getByTestId('space-hint')).toContainText('Space to play');
  // No violation yet: V is neutral (not drawn red) and says it searches ahead.
  await expect(page.getByTestId('timeline-nextViolation')).not.toHaveClass(/tl-go-violation/);
  await expect(page.getByTestId('timeline-nextViolation')).toHaveAttribute('title', /No violation so far/);
  await page.keyboard.press('1');
  await page.keyboard.press('t');
  await expect(page.getByTestId('timeline')).toContainText('1 fault ·');
  await page.getByRole('radio', { name: 'Manual' }).check();
  const before = await store(page, (s) => ({ head: s.frame.head, first: s.frame.enabled[0] }));
  expect(before.first).toBeDefined();
  await page.getByTestId('step').click();
  const after = await store(page, (s) => ({ head: s.frame.head, last: s.sim.scenario.actions.at(-1) }));
  expect(after.head).toBe(before.head + 1);
  expect(after.last?.do).toBe(before.first!.kind === 'deliver' ? 'deliver' : 'fire');
  await page.keyboard.press('?');
  await expect(page.getByTestId('help')).toContainText('Open the curated scenarios');
});

test('compare mode: the side panels follow the pane last clicked', async ({ page }) => {
  await freshApp(page);
  await openScenario(page, 'twopc:compare-partition');
  await page.keyboard.press('v'); // the compared run's violation, recorded on the way
  await expect(page.getByTestId('compare-right-status')).toContainText('Consistent outcome broken at');
  const invariants = page.getByTestId('invariants');
  await expect(invariants.locator('[data-status="violated"]')).toHaveCount(0);
  await page.getByTestId('compare-right').locator('.cmp-head').click();
  await expect(page.getByTestId('side-follows')).toContainText('Three-phase commit');
  await expect(invariants.locator('[data-invariant="tc-consistent"]')).toHaveAttribute('data-status', 'violated');
  await page.getByTestId('compare-left').locator('.cmp-head').click();
  await expect(page.getByTestId('side-follows')).toHaveCount(0);
  await expect(invariants.locator('[data-status="violated"]')).toHaveCount(0);
});

test('the legend explains role letters and names every message type sent, each in its own colour', async ({ page }) => {
  await freshApp(page);
  await expect(page.getByTestId('legend-roles')).toContainText('F');
  await expect(page.getByTestId('legend-roles')).toContainText('follower');
  await expect(page.getByTestId('scenario-note')).toHaveCount(0);
  await openScenario(page, 'twopc:happy-commit');
  // The scenario's "what to watch for" stays in view, and folds away.
  const note = page.getByTestId('scenario-note');
  await expect(note).toContainText('every RM commits');
  await note.locator('summary').click();
  await expect(note.locator('p')).toBeHidden();
  await page.keyboard.press('End');
  const roles = page.getByTestId('legend-roles');
  await expect(roles).toContainText('coordinator');
  await expect(roles).toContainText('participant');
  const swatches = page.locator('.cl-legend-types li');
  await expect(swatches).not.toHaveCount(0);
  const items = await swatches.evaluateAll((lis) => lis.map((li) => ({ name: li.textContent, colour: getComputedStyle(li.querySelector('.cl-swatch')!).backgroundColor })));
  expect(items.map((i) => i.name)).toEqual(expect.arrayContaining(['Prepare', 'Prepared', 'Commit']));
  expect(new Set(items.map((i) => i.colour)).size).toBe(items.length);
});
