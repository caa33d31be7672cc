/**
 * The timeline in a real browser: scrubbing by pointer and keyboard, stepping back, jumps
 * between faults and violations, the fork warning and its undo, and a violation that stops
 * playback at its step.
 */
import { test, expect, type Page } from '@playwright/test';
import { freshApp } from './helpers';

type State = ReturnType<NonNullable<Window['__faultline']>['store']['getState']>;

/** Runs code against the session store in the page (`s` is the state when it starts). */
function store<T>(page: Page, fn: (s: State) => T): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.__faultline.store.getState())`) as Promise<T>;
}

const cursor = (page: Page) => store(page, (s) => ({ step: s.frame.step, head: s.frame.head, time: s.frame.time, playing: s.playing, finished: s.frame.finished }));
const track = (page: Page) => page.getByRole('slider', { name: 'Position in the run' });
const node = (page: Page, id: string) => page.getByTestId('clusterview').getByRole('img', { name: new RegExp(`^${id}[:：]`) });

/** Opens a curated scenario through the Scenarios dialog. */
async function open(page: Page, name: string) {
  await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
  await page.getByRole('button', { name: `Open scenario raft:${name}` }).click();
  await expect(page.getByTestId('scenarios')).toBeHidden();
}

/** Plays at full speed until the run stops on its own (its end, or a violation). */
async function playToStop(page: Page) {
  await store(page, (s) => s.setSpeed(100));
  await page.getByTestId('play').click();
  await page.waitForFunction(() => !window.__faultline!.store.getState().playing, undefined, { timeout: 20_000 });
}

/** Every node's observable state at the cursor, to compare two ways of getting there. */
const world = (page: Page) => store(page, (s) => JSON.stringify(s.frame.nodes.map((n) => [n.id, n.up, n.paused, n.state, n.timers])));

/** The same step reached by a fresh seek from elsewhere. */
async function freshSeek(page: Page, step: number): Promise<string> {
  await page.evaluate((k) => {
    const s = window.__faultline!.store.getState();
    s.seekStep(s.frame.head);
    s.seekStep(k);
  }, step);
  return world(page);
}

test.beforeEach(async ({ page }) => {
  await freshApp(page);
});

test('clicking and dragging on the track scrub to that time; the slider follows by keyboard', async ({ page }) => {
  await open(page, 'leader-crash');
  await playToStop(page);
  const end = await cursor(page);
  expect(end.finished).toBe(true);
  const last = await store(page, (s) => s.sim.events.at(-1)!.time);
  // The track spans 0 … the furthest the run got (its until, here), and keeps that span.
  const span = Number(await track(page).getAttribute('data-end'));
  expect(span).toBe(Math.max(last, end.time));
  await expect(track(page)).toHaveAttribute('aria-valuemax', String(end.head));
  await expect(track(page)).toHaveAttribute('aria-valuenow', String(end.head));

  // The drawing keeps 12 px each side of the time axis. (At 1280 × 720 the track ends below the
  // window, under the title's own row in the top bar: scrolled into view first.)
  await track(page).scrollIntoViewIfNeeded();
  const box = (await track(page).boundingBox())!;
  const timeAt = (px: number) => Math.min(last, ((px - 12) / (box.width - 24)) * span);
  const stepsUpTo = (t: number) => page.evaluate((t) => window.__faultline!.store.getState().sim.events.filter((e) => e.time <= t).length, t);
  const near = (t: number, px: number) => expect(Math.abs(t - timeAt(px))).toBeLessThan((2 * span) / box.width);

  const px = Math.round(box.width * 0.25);
  await page.mouse.click(box.x + px, box.y + box.height - 30);
  const a = await cursor(page);
  near(a.time, px);
  expect(a.step).toBe(await stepsUpTo(a.time));
  expect(a.step).toBeLessThan(end.head);
  await expect(track(page)).toHaveAttribute('aria-valuenow', String(a.step));
  await expect(track(page)).toHaveAttribute('aria-valuetext', `step ${a.step} of ${end.head}, ${Math.floor(a.time)} ms`);
  await expect(track(page)).toBeFocused();

  // Drag from 60 % back to 10 %: the cursor follows the pointer.
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height - 30);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.35, box.y + box.height - 30, { steps: 4 });
  const mid = await cursor(page);
  near(mid.time, box.width * 0.35);
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height - 30, { steps: 4 });
  await page.mouse.up();
  const b = await cursor(page);
  near(b.time, box.width * 0.1);
  await expect(track(page)).toHaveAttribute('data-end', String(span));
  expect(b.step).toBe(await stepsUpTo(b.time));

  // As a slider: arrows step one event, Page Up jumps a tenth of the run, Home and End.
  await page.keyboard.press('ArrowRight');
  expect((await cursor(page)).step).toBe(b.step + 1);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  expect((await cursor(page)).step).toBe(b.step - 1);
  const before = await cursor(page);
  await page.keyboard.press('PageUp');
  const paged = await cursor(page);
  expect(paged.time).toBeCloseTo(before.time + span / 10, 6);
  expect(paged.step).toBe(await stepsUpTo(paged.time));
  await page.keyboard.press('Home');
  // The start of a run is right after every node's start event: before it, no node has a state.
  expect((await cursor(page)).step).toBe(5);
  await expect(track(page)).toHaveAttribute('aria-valuenow', '5');
  await page.keyboard.press('End');
  expect((await cursor(page)).step).toBe(end.head);
});

test('stepping back (← and the Back button) undoes one event; the world matches a fresh seek', async ({ page }) => {
  await open(page, 'leader-crash');
  await playToStop(page);
  await page.getByRole('button', { name: 'Go to the start of the run' }).click();
  expect((await cursor(page)).step).toBe(5);

  // Jump to the faults: the forced timeout, then the crash of n1.
  const faults = await store(page, (s) => s.sim.events.filter((e) => e.action !== undefined && e.kind !== 'command').map((e) => ({ seq: e.seq, kind: e.kind })));
  expect(faults.map((f) => f.kind)).toEqual(['timeout', 'crash', 'restart']);
  await page.getByRole('button', { name: 'Next fault' }).click();
  expect((await cursor(page)).step).toBe(faults[0]!.seq + 1);
  await page.getByRole('button', { name: 'Next fault' }).click();
  const crash = faults[1]!.seq + 1;
  expect((await cursor(page)).step).toBe(crash);
  await expect(node(page, 'n1')).toHaveAccessibleName(/^n1: down/);

  // ← (focus on the page, not the track): one event back, before the crash.
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('ArrowLeft');
  expect((await cursor(page)).step).toBe(crash - 1);
  await expect(node(page, 'n1')).not.toHaveAccessibleName(/down/);
  const afterKey = await world(page);
  expect(afterKey).not.toBe(await freshSeek(page, crash));
  expect(await freshSeek(page, crash - 1)).toBe(afterKey);

  // The Back button: one more.
  await page.getByRole('button', { name: '← Back', exact: true }).click();
  expect((await cursor(page)).step).toBe(crash - 2);
  const afterButton = await world(page);
  expect(await freshSeek(page, crash - 2)).toBe(afterButton);

  // Shift+← / Shift+→ jump between faults too.
  await page.keyboard.press('Shift+ArrowRight');
  expect((await cursor(page)).step).toBe(crash);
  await page.keyboard.press('Shift+ArrowRight');
  expect((await cursor(page)).step).toBe(faults[2]!.seq + 1);
  await page.keyboard.press('Shift+ArrowLeft');
  expect((await cursor(page)).step).toBe(crash);
  // Each fault has its marker on the track; clicking one goes to its step.
  const markers = page.getByTestId('timeline-fault');
  await expect(markers).toHaveCount(3);
  await expect(markers.nth(2)).toHaveAttribute('data-step', String(faults[2]!.seq + 1));
  await markers.nth(0).click();
  expect((await cursor(page)).step).toBe(faults[0]!.seq + 1);
  await markers.nth(1).click();
  expect((await cursor(page)).step).toBe(crash);
});

test('acting in the past warns, forks and drops the future; Undo fork restores the old run', async ({ page }) => {
  await open(page, 'leader-crash');
  await playToStop(page);
  const old = await store(page, (s) => ({
    head: s.frame.head,
    actions: s.sim.scenario.actions,
    events: s.sim.events.map((e) => `${e.seq}@${e.time}:${e.kind}:${e.node ?? ''}`).join(' '),
  }));
  expect(old.actions.map((a) => a.do)).toEqual(['timeout', 'request', 'crash', 'restart']);
  const warning = page.getByTestId('fork-warning');
  await expect(warning).toHaveCount(0);

  await page.getByRole('button', { name: 'Go to the start of the run' }).click();
  await page.getByRole('button', { name: 'Next fault' }).click();
  await page.getByRole('button', { name: 'Next fault' }).click();
  const k = (await cursor(page)).step;
  expect(k).toBeLessThan(old.head);
  await expect(warning).toHaveText(`You are at step ${k} of ${old.head}: acting now forks the run and drops the ${old.head - k} later events (you can undo once).`);
  // The dropped part is hatched on the track.
  await expect(page.locator('.tl-future')).toHaveCount(2); // the track and its legend swatch

  // Crash n2 here, from the toolbar.
  await page.keyboard.press('2');
  await page.getByTestId('fault-crash').click();
  const forked = await store(page, (s) => ({ step: s.frame.step, head: s.frame.head, actions: s.sim.scenario.actions, lastTime: s.sim.events.at(-1)!.time }));
  expect(forked.head).toBeLessThan(old.head);
  expect(forked.step).toBe(forked.head);
  expect(forked.actions.map((a) => `${a.do}${'node' in a ? ` ${a.node}` : ''}`)).toEqual(['timeout n1', 'request n1', 'crash n1', 'crash n2']);
  await expect(node(page, 'n2')).toHaveAccessibleName(/^n2: down/);
  await expect(warning).toHaveCount(0);
  await expect(track(page)).toHaveAttribute('aria-valuemax', String(forked.head));

  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('the run forked here');
  await notice.getByRole('button', { name: 'Undo fork' }).click();
  const back = await store(page, (s) => ({ step: s.frame.step, actions: s.sim.scenario.actions, canUndo: s.beforeFork !== null }));
  expect(back.step).toBe(k);
  expect(back.actions).toEqual(old.actions);
  expect(back.canUndo).toBe(false);
  await expect(node(page, 'n2')).not.toHaveAccessibleName(/down/);
  await expect(node(page, 'n1')).toHaveAccessibleName(/^n1: down/);
  await expect(notice).toHaveCount(0);
  // The old future comes back, event for event.
  expect(await store(page, (s) => {
    s.seekStep(1e9);
    return s.sim.events.map((e) => `${e.seq}@${e.time}:${e.kind}:${e.node ?? ''}`).join(' ');
  })).toBe(old.events);
});

test('a violation under a bug switch stops playback at its step, is pinned, and "next violation" lands on it', async ({ page }) => {
  await open(page, 'figure-8-bug');
  await playToStop(page);
  const first = await store(page, (s) => ({ ...s.frame.violations[0]!, recorded: s.sim.violations.length, event: s.sim.events[s.frame.violations[0]!.seq]!.time }));
  const at = await cursor(page);
  expect(first.invariant).toBe('leader-completeness');
  // Stopped right after the event that broke the invariant, well before the end of the run.
  expect(at.step).toBe(first.seq + 1);
  expect(at.finished).toBe(false);
  expect(at.time).toBe(first.event);
  await expect(track(page)).toHaveAttribute('aria-valuetext', new RegExp(`violation of leader-completeness$`));

  // Pinned on the timeline (the whole run was recorded in that tick: both violations),
  // labelled at the cursor.
  expect(first.recorded).toBe(2);
  const pins = page.getByTestId('timeline-violation');
  await expect(pins).toHaveCount(2);
  await expect(pins.first()).toHaveAttribute('data-step', String(first.seq + 1));
  await expect(pins.first()).toHaveAttribute('data-invariant', 'leader-completeness');
  await expect(page.getByTestId('timeline-violation-label')).toHaveText('Leader Completeness');
  // The nodes involved wear the violation in their names.
  for (const id of first.nodes!) await expect(node(page, id)).toHaveAccessibleName(/, involved in a violation of leader-completeness$/);
  const others = ['n1', 'n2', 'n3', 'n4', 'n5'].filter((n) => !first.nodes!.includes(n));
  expect(others.length).toBe(3);
  for (const id of others) await expect(node(page, id)).not.toHaveAccessibleName(/violation/);

  // From the start, "next violation" lands on it; V does the same.
  await page.getByRole('button', { name: 'Go to the start of the run' }).click();
  await expect(page.getByRole('button', { name: 'Previous violation' })).toBeDisabled();
  await expect(node(page, first.nodes![0]!)).not.toHaveAccessibleName(/violation/);
  await page.getByRole('button', { name: 'Next violation' }).click();
  expect((await cursor(page)).step).toBe(first.seq + 1);
  await page.keyboard.press('Home');
  expect((await cursor(page)).step).toBe(5);
  await page.keyboard.press('v');
  expect((await cursor(page)).step).toBe(first.seq + 1);

  // Playing on stops at the next one, state-machine-safety.
  await playToStop(page);
  const second = await store(page, (s) => s.frame.violations.at(-1)!);
  expect(second.invariant).toBe('state-machine-safety');
  expect(second.seq).toBeGreaterThan(first.seq);
  const stop = await cursor(page);
  expect(stop.step).toBe(second.seq + 1);
  expect(stop.finished).toBe(false);
  await expect(page.getByTestId('timeline-violation-label')).toHaveText('State Machine Safety');
  for (const id of second.nodes!) await expect(node(page, id)).toHaveAccessibleName(/involved in a violation of state-machine-safety$/);
  await expect(page.getByRole('button', { name: 'Next violation' })).toBeDisabled();
  await page.keyboard.press('Shift+V');
  expect((await cursor(page)).step).toBe(first.seq + 1);
  await page.getByRole('button', { name: 'Next violation' }).click();
  expect((await cursor(page)).step).toBe(second.seq + 1);

  // Playing on from the last violation runs to the end of the run.
  await playToStop(page);
  expect((await cursor(page)).finished).toBe(true);
});

test('the shortcuts are listed in the help', async ({ page }) => {
  await page.keyboard.press('?');
  const help = page.getByTestId('help');
  await expect(help.getByRole('row', { name: /Previous \/ next fault/ })).toContainText('Shift+←');
  await expect(help.getByRole('row', { name: /Previous \/ next violation/ })).toContainText('Shift+V');
  await expect(help.getByRole('row', { name: /start \/ end of the run/ })).toContainText('Home');
});
