/**
 * The cluster view in a real browser: nodes found by role and accessible name, selection,
 * the context menu (mouse and keyboard), partitions, lost messages and the language.
 */
import { test, expect, type Page } from '@playwright/test';
import { advanceTo as advanceToTime, freshApp } from './helpers';

/** The cluster view (other views use data-node too). */
const view = (page: Page) => page.getByTestId('clusterview');
const node = (page: Page, id: string) => page.getByRole('img', { name: new RegExp(`^${id}[:：]`) });

/** Runs code against the session store in the page (`s` is the state when it starts). */
function store<T>(page: Page, fn: (s: ReturnType<NonNullable<Window['__faultline']>['store']['getState']>) => T): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.__faultline.store.getState())`) as Promise<T>;
}

/** Moves the cursor forward to simulated time `t` (as playback does, at its speed), then pauses. */
const advanceTo = (page: Page, t: number) => advanceToTime(page, t, { keepSpeed: true });

/** The translate() of an SVG group, in view box units. */
async function positionOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const t = await view(page).locator(selector).first().getAttribute('transform');
  const [x, y] = (t ?? '').replace(/[^\d.\s-]/g, ' ').trim().split(/\s+/).map(Number);
  return { x: x!, y: y! };
}

/** The middle of the link between two nodes. */
async function centreOf(page: Page, a: string, b: string) {
  const [p, q] = [await positionOf(page, a), await positionOf(page, b)];
  return { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
}

/** Plays fast until some node leads, then pauses. */
async function electLeader(page: Page) {
  await store(page, (s) => {
    s.setSpeed(100);
    s.play();
  });
  await expect(page.getByRole('img', { name: /^n\d: leader, term \d+/ })).toHaveCount(1, { timeout: 10_000 });
  await store(page, (s) => s.pause());
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(node(page, 'n1')).toBeVisible();
});

test('draws every node with its role and term, and a leader after an election', async ({ page }) => {
  const imgs = page.getByTestId('clusterview').getByRole('img', { name: /^n\d: / });
  await expect(imgs).toHaveCount(5);
  await expect(node(page, 'n3')).toHaveAccessibleName('n3: follower, term 0, no vote');
  await expect(page.getByRole('img', { name: /leader/ })).toHaveCount(0);

  await electLeader(page);
  const leader = await store(page, (s) => s.frame.nodes.find((n) => n.state.role === 'leader')!);
  const term = leader.state.currentTerm as number;
  await expect(node(page, leader.id)).toHaveAccessibleName(`${leader.id}: leader, term ${term}, voted for ${leader.id}`);
  // Its letter shows the role without relying on colour.
  await expect(node(page, leader.id).locator('.cl-node-letter')).toHaveText('L');
});

test('clicking a node selects it; clicking the background clears the selection', async ({ page }) => {
  await node(page, 'n3').click();
  expect(await store(page, (s) => s.selection)).toEqual({ kind: 'node', id: 'n3' });
  await expect(node(page, 'n3').locator('.cl-node-select')).toHaveCount(1);
  await expect(node(page, 'n2').locator('.cl-node-select')).toHaveCount(0);

  await page.locator('.cl-svg').click({ position: { x: 6, y: 6 } });
  expect(await store(page, (s) => s.selection)).toBeNull();
  await expect(node(page, 'n3').locator('.cl-node-select')).toHaveCount(0);
});

test('right-click → Crash takes the node down and records the action', async ({ page }) => {
  await electLeader(page);
  await node(page, 'n2').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Actions for n2' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Restart' })).toHaveCount(0);
  await menu.getByRole('menuitem', { name: 'Crash' }).click();
  await expect(menu).toHaveCount(0);

  await expect(node(page, 'n2')).toHaveAccessibleName(/^n2: down, was /);
  const actions = await store(page, (s) => s.sim.scenario.actions);
  expect(actions).toContainEqual(expect.objectContaining({ do: 'crash', node: 'n2' }));

  // A click outside closes the menu without acting.
  await node(page, 'n3').click({ button: 'right' });
  await expect(page.getByRole('menu', { name: 'Actions for n3' })).toBeVisible();
  await page.locator('.cl-svg').click({ position: { x: 6, y: 6 } });
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(node(page, 'n3')).not.toHaveAccessibleName(/down/);

  // A crashed node offers the restarts instead.
  await node(page, 'n2').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Restart with lost disk' }).click();
  await expect(node(page, 'n2')).not.toHaveAccessibleName(/down/);
  expect(await store(page, (s) => s.sim.scenario.actions.at(-1))).toEqual(expect.objectContaining({ do: 'restart', node: 'n2', loseDisk: true }));
});

test('the node menu works from the keyboard', async ({ page }) => {
  await node(page, 'n4').focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Actions for n4' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Crash' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Pause' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: /^Client read/ })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: /^Client request x=/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(node(page, 'n4')).toBeFocused();
  // Escape closed only the menu; the app did not also clear the selection.
  expect(await store(page, (s) => s.selection)).toEqual({ kind: 'node', id: 'n4' });

  await page.keyboard.press('ContextMenu');
  await expect(menu).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await expect(node(page, 'n4')).toHaveAccessibleName(/paused/);
  await expect(node(page, 'n4').locator('.cl-badge-pause')).toHaveCount(1);
  expect(await store(page, (s) => s.sim.scenario.actions.at(-1))).toEqual(expect.objectContaining({ do: 'pause', node: 'n4' }));
});

test('clock skew shows a badge with the rate', async ({ page }) => {
  await node(page, 'n1').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Clock ×2' }).click();
  await expect(node(page, 'n1')).toHaveAccessibleName(/clock ×2/);
  await expect(node(page, 'n1').locator('.cl-badge-skew')).toHaveText('×2');
  expect(await store(page, (s) => s.frame.nodes[0]!.rate)).toBe(2);
});

test('messages fly as requests and replies; right-click → Drop records the drop', async ({ page }) => {
  await electLeader(page);
  // Step until some message is in flight.
  await store(page, () => {
    const get = () => window.__faultline!.store.getState();
    for (let i = 0; i < 50 && get().frame.inFlight.length === 0; i++) get().stepForward();
  });
  const inFlight = await store(page, (s) => s.frame.inFlight.map((f) => f.message));
  expect(inFlight.length).toBeGreaterThan(0);
  const dots = view(page).locator('[data-message]');
  await expect(dots).toHaveCount(inFlight.length);
  for (const m of inFlight) {
    const kind = m.type.endsWith('Response') ? 'reply' : 'request';
    await expect(view(page).locator(`[data-message="${m.id}"]`)).toHaveAttribute('data-kind', kind);
  }
  // A dot no other dot covers, so that the click lands on it.
  const id = await page.evaluate(() => {
    for (const el of document.querySelectorAll('[data-testid="clusterview"] [data-message]')) {
      const b = el.getBoundingClientRect();
      const top = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2)?.closest('[data-message]');
      if (top === el) return Number(el.getAttribute('data-message'));
    }
    return -1;
  });
  const m = inFlight.find((x) => x.id === id)!;
  expect(m).toBeDefined();
  const dot = view(page).locator(`[data-message="${m.id}"]`);
  await expect(dot.locator('title')).toContainText(`${m.type} ${m.from} → ${m.to}`);

  await dot.click();
  expect(await store(page, (s) => s.selection)).toEqual({ kind: 'message', id: m.id });
  await dot.click({ button: 'right' });
  await page.getByRole('menu', { name: `Actions for message #${m.id}` }).getByRole('menuitem', { name: 'Drop' }).click();
  expect(await store(page, (s) => s.sim.scenario.actions.at(-1))).toEqual(expect.objectContaining({ do: 'drop', message: m.id }));
  await expect(view(page).locator(`[data-message="${m.id}"]`)).toHaveCount(0);
});

test('a partition draws a wall; a message across it stops at the wall and is lost there', async ({ page }) => {
  await electLeader(page);
  await expect(page.getByTestId('partition-wall')).toHaveCount(0);
  await store(page, (s) => s.act({ do: 'partition', groups: [['n1', 'n2'], ['n3', 'n4', 'n5']] }));
  const wall = page.getByTestId('partition-wall');
  await expect(wall).toBeVisible();
  // 2 × 3 links cross between the groups, each with one bar.
  await expect(wall.locator('.cl-wall')).toHaveCount(6);

  // Step until a message is sent across the wall, then follow it by simulated time.
  const m = await store(page, () => {
    const get = () => window.__faultline!.store.getState();
    const since = get().frame.time;
    for (let i = 0; i < 400; i++) {
      const f = get().frame.inFlight.find((x) => x.blocked === 'partition' && x.message.sentAt >= since);
      if (f) return f.message;
      get().stepForward();
    }
    return null;
  });
  expect(m).not.toBeNull();
  const span = m!.arriveAt - m!.sentAt;
  const mid = await centreOf(page, `[data-node="${m!.from}"]`, `[data-node="${m!.to}"]`);
  const away = async (p: number) => {
    await advanceTo(page, m!.sentAt + span * p);
    const dot = await positionOf(page, `[data-message="${m!.id}"]`);
    return Math.hypot(dot.x - mid.x, dot.y - mid.y);
  };
  expect(await away(0.25)).toBeGreaterThan(20);
  // From half way on it waits at the wall (on its lane, 5 units off the link's centre line).
  expect(await away(0.55)).toBeCloseTo(5, 0);
  expect(await away(0.95)).toBeCloseTo(5, 0);
  // At its arrival time it is lost there: a cross at the wall, no dot.
  await advanceTo(page, m!.arriveAt);
  await expect(view(page).locator(`[data-message="${m!.id}"]`)).toHaveCount(0);
  const cross = view(page).locator('[data-testid="lost"][data-reason="partition"]').first();
  await expect(cross).toBeVisible();
  const x = await positionOf(page, '[data-testid="lost"][data-reason="partition"]');
  expect(Math.hypot(x.x - mid.x, x.y - mid.y)).toBeLessThan(20);

  await store(page, (s) => s.act({ do: 'heal' }));
  await expect(page.getByTestId('partition-wall')).toHaveCount(0);
});

test('a one-way cut is drawn with its direction', async ({ page }) => {
  await store(page, (s) => s.act({ do: 'cut', from: 'n1', to: 'n3' }));
  await expect(page.getByRole('img', { name: 'One-way cut: n1 cannot reach n3' })).toBeVisible();
  await expect(page.getByTestId('cut')).toHaveCount(1);
});

test('labels follow the language', async ({ page }) => {
  await store(page, (s) => s.setLang('zh-CN'));
  await expect(node(page, 'n2')).toHaveAccessibleName('n2：跟随者，任期 0，未投票');
  await node(page, 'n2').click({ button: 'right' });
  await expect(page.getByRole('menu', { name: 'n2 的操作' }).getByRole('menuitem', { name: '崩溃' })).toBeVisible();
});

test('while playing with many messages they are drawn on a canvas, where they can still be clicked; paused, the SVG dots return', async ({ page }) => {
  // Nine nodes, long latencies and fast heartbeats: well over 40 messages in flight.
  const busy = {
    format: 'faultline-scenario', version: 1, protocol: 'raft', nodes: ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9'], seed: 3,
    params: { bugs: [], electionTimeout: [2000, 4000], heartbeatInterval: 20 }, network: { latency: [200, 400], drop: 0, duplicate: 0 },
    schedule: 'auto', actions: [{ at: 0, do: 'timeout', node: 'n1' }], until: 60000,
  };
  await freshApp(page);
  await page.evaluate((s) => window.__faultline!.store.getState().load(s as never), busy);
  await page.evaluate(() => {
    const s = window.__faultline!.store.getState();
    s.setSpeed(0.5);
    s.play();
  });
  await page.waitForFunction(() => window.__faultline!.store.getState().frame.inFlight.length > 60, undefined, { timeout: 20_000 });
  const canvas = view(page).getByTestId('flight-canvas');
  await expect(canvas).toBeVisible();
  await expect(view(page).locator('[data-message]')).toHaveCount(0);
  // Slow enough that a message barely moves between reading its place and clicking it.
  await store(page, (s) => s.setSpeed(0.001));
  const target = await page.evaluate(() => {
    const s = window.__faultline!.store.getState();
    const svg = document.querySelector('[data-testid="clusterview"] svg') as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    const k = box.width / svg.viewBox.baseVal.width;
    // The message canvas pixels say is where: sample the canvas under each candidate.
    const c = document.querySelector('[data-testid="flight-canvas"]') as HTMLCanvasElement;
    const ctx = c.getContext('2d')!;
    const dpr = c.width / box.width;
    for (const f of s.frame.inFlight) {
      const m = f.message;
      const i = s.frame.nodes.findIndex((n) => n.id === m.from);
      const j = s.frame.nodes.findIndex((n) => n.id === m.to);
      if (i < 0 || j < 0 || i === j) continue;
      const nodes = [...document.querySelectorAll('[data-testid="clusterview"] [data-node]')].map((el) => el.getBoundingClientRect());
      const a = nodes[i]!;
      const b = nodes[j]!;
      const p = Math.min(1, Math.max(0, (s.frame.time - m.sentAt) / (m.arriveAt - m.sentAt)));
      const x = a.left + a.width / 2 + (b.left + b.width / 2 - a.left - a.width / 2) * p;
      const y = a.top + a.height / 2 + (b.top + b.height / 2 - a.top - a.height / 2) * p;
      // Its lane runs 5 units beside the centre line: look around the point for its paint.
      const r = Math.round(8 * k * dpr);
      const px = ctx.getImageData(Math.round((x - box.left) * dpr) - r, Math.round((y - box.top) * dpr) - r, 2 * r + 1, 2 * r + 1).data;
      let alpha = 0;
      for (let q = 3; q < px.length; q += 4) alpha = Math.max(alpha, px[q]!);
      if (alpha > 200 && p > 0.3 && p < 0.7) return { id: m.id, x, y, k };
    }
    return null;
  });
  expect(target).not.toBeNull();
  await page.mouse.click(target!.x, target!.y);
  const sel = await store(page, (s) => s.selection);
  expect(sel?.kind).toBe('message');
  // The nearest message to the click: the one aimed at, or one drawn on top of it.
  await store(page, (s) => s.pause());
  await expect(canvas).toHaveCount(0);
  const count = await store(page, (s) => s.frame.inFlight.length);
  await expect(view(page).locator('[data-message]')).toHaveCount(count);
  await expect(view(page).locator('[data-message].is-selected')).toHaveCount(1);
});
