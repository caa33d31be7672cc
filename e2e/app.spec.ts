/** Issue 3's browser tests: watch a Raft cluster and break it, through the UI. */
import { test, expect } from '@playwright/test';
import { freshApp, leader, nodes, playUntil, time } from './helpers';

test('a leader is elected', async ({ page }) => {
  await freshApp(page);
  await playUntil(page, 600);
  const l = await leader(page);
  expect(l).toBeDefined();
  await expect(page.getByRole('img', { name: new RegExp(`^${l!.id}\\b.*leader`) })).toBeVisible();
});

test('crashing the leader from the UI leads to a new leader in a higher term', async ({ page }) => {
  await freshApp(page);
  await playUntil(page, 600);
  const old = (await leader(page))!;
  await page.keyboard.press(old.id.slice(1)); // select it with its number key
  await page.getByTestId('fault-crash').click();
  expect((await nodes(page)).find((n) => n.id === old.id)!.up).toBe(false);
  await playUntil(page, (await time(page)) + 1500);
  const next = await leader(page);
  expect(next).toBeDefined();
  expect(next!.id).not.toBe(old.id);
  expect(next!.term).toBeGreaterThan(old.term);
});

test('a stale leader in a minority partition cannot commit, and its entry is replaced after heal', async ({ page }) => {
  await freshApp(page);
  await playUntil(page, 600);
  const old = (await leader(page))!;
  const all = (await nodes(page)).map((n) => n.id);
  const buddy = all.find((n) => n !== old.id)!;
  // Partition {old, buddy} | the rest, in the editor.
  await page.getByTestId('open-partition').click();
  for (const n of all) await page.getByRole('radio', { name: `${n}: Side ${[old.id, buddy].includes(n) ? 'A' : 'B'}` }).check();
  await page.getByTestId('apply-partition').click();
  await page.keyboard.press(old.id.slice(1));
  await page.getByRole('textbox', { name: 'Command' }).fill('stale=1');
  await page.getByTestId('fault-request').click();
  await playUntil(page, (await time(page)) + 1500);
  // The majority has elected a leader of its own; it takes a write of its own.
  const fresh = (await nodes(page)).find((n) => n.id !== old.id && n.up && n.role === 'leader')!;
  await page.keyboard.press(fresh.id.slice(1));
  await page.getByRole('textbox', { name: 'Command' }).fill('fresh=1');
  await page.getByTestId('fault-request').click();
  await playUntil(page, (await time(page)) + 300);
  const during = await nodes(page);
  const stale = during.find((n) => n.id === old.id)!;
  expect(stale.log.map((e) => e.command)).toContain('stale=1');
  expect(stale.log.slice(0, stale.commitIndex).map((e) => e.command)).not.toContain('stale=1');
  expect(during.some((n) => n.id !== old.id && n.up && n.role === 'leader' && n.term > old.term)).toBe(true);
  await page.getByTestId('heal').click();
  await playUntil(page, (await time(page)) + 1500);
  for (const n of await nodes(page)) {
    expect(n.log.map((e) => e.command)).not.toContain('stale=1');
    // Client commands only: each leader also commits a no-op at the start of its term (section 8).
    expect(n.log.slice(0, n.commitIndex).map((e) => e.command).filter((c) => c !== 'no-op')).toEqual(['fresh=1']);
  }
  expect((await nodes(page)).find((n) => n.id === old.id)!.role).toBe('follower');
});

test('a copied link opened in a fresh page reaches the same state at the same step', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await freshApp(page);
  await playUntil(page, 500);
  await page.keyboard.press('2');
  await page.getByTestId('fault-crash').click();
  await playUntil(page, 1200);
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('notice')).toContainText(/Link copied|could not copy/i);
  const url = page.url();
  expect(url).toContain('#s=');
  const here = await page.evaluate(() => ({ step: window.__faultline!.store.getState().frame.step, nodes: JSON.stringify(window.__faultline!.store.getState().frame.nodes) }));

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(url);
  await fresh.getByTestId('play').waitFor();
  const there = await fresh.evaluate(() => ({ step: window.__faultline!.store.getState().frame.step, nodes: JSON.stringify(window.__faultline!.store.getState().frame.nodes) }));
  expect(there.step).toBe(here.step);
  expect(there.nodes).toBe(here.nodes);
  // And every step on the way is the same.
  const traceHere = await page.evaluate(() => JSON.stringify(window.__faultline!.trace().events.slice(0, window.__faultline!.store.getState().frame.step)));
  const traceThere = await fresh.evaluate(() => JSON.stringify(window.__faultline!.trace().events.slice(0, window.__faultline!.store.getState().frame.step)));
  expect(traceThere).toBe(traceHere);
});

test('a bad link shows a clear message and keeps the user’s session', async ({ page }) => {
  await freshApp(page);
  await playUntil(page, 400);
  await page.keyboard.press('3');
  await page.getByTestId('fault-crash').click();
  await page.waitForTimeout(600); // autosave
  const before = await page.evaluate(() => window.__faultline!.store.getState().sim.scenario.actions);
  for (const [hash, message] of [
    ['#s=AAAA', /truncated or corrupt/],
    ['#s=not*base64', /not base64url/],
    ['#s=', /./],
  ] as const) {
    // Opened in a new tab, and pasted into the open one.
    await page.goto('about:blank');
    await page.goto(`/${hash}`);
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(page.getByRole('alert')).toContainText('Your previous session is still here');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page.evaluate((h) => (location.hash = h), hash.slice(1) + '0');
    await expect(page.getByRole('alert')).toContainText('could not be opened');
    await expect(page.getByRole('alert')).toContainText('Your previous session is still here');
    const after = await page.evaluate(() => window.__faultline!.store.getState().sim.scenario.actions);
    expect(after).toEqual(before);
    await expect(page.getByTestId('play')).toBeEnabled();
  }
});

test('manual schedule: delivering a chosen message changes the state as expected', async ({ page }) => {
  await freshApp(page);
  await page.getByRole('radio', { name: 'Manual' }).check();
  await expect(page.getByTestId('manual-panel')).toBeVisible();
  await page.getByRole('button', { name: 'Fire electionTimeout on n2' }).click();
  expect((await nodes(page)).find((n) => n.id === 'n2')!.role).toBe('candidate');
  const before = (await nodes(page)).find((n) => n.id === 'n4')!;
  expect(before.votedFor).toBeNull();
  await page.getByRole('button', { name: 'Deliver RequestVote n2 → n4' }).click();
  const after = (await nodes(page)).find((n) => n.id === 'n4')!;
  expect(after.votedFor).toBe('n2');
  expect(after.term).toBe(1);
  // Nothing else moved: n5 has not heard of term 1.
  expect((await nodes(page)).find((n) => n.id === 'n5')!.term).toBe(0);
});

test('keyboard shortcut help opens with ? and closes with Escape', async ({ page }) => {
  await freshApp(page);
  await page.keyboard.press('?');
  await expect(page.getByTestId('help')).toBeVisible();
  await expect(page.getByTestId('help')).toContainText('Crash or restart the selected node');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help')).toBeHidden();
});
