/**
 * The logs panels in a real browser: the log table, the invariant panel and the inspector,
 * driven through curated Raft scenarios and read through accessible names.
 */
import { test, expect, type Page } from '@playwright/test';
import { raft } from '../src/protocols/raft';
import { loadAt } from './helpers';

const END = 1e9;

/** Loads a curated scenario and puts the cursor at `step` (END: run to the end). */
const load = (page: Page, name: string, step = END) => loadAt(page, raft.scenarios.find((s) => s.name === name)!, step);

const cursor = (page: Page) => page.evaluate(() => window.__faultline!.store.getState().frame.step);
const selection = (page: Page) => page.evaluate(() => window.__faultline!.store.getState().selection);
const seek = (page: Page, step: number) => page.evaluate((k) => window.__faultline!.store.getState().seekStep(k), step);
const violation = (page: Page, id: string) =>
  page.evaluate((inv) => window.__faultline!.store.getState().sim.violations.find((v) => v.invariant === inv)!, id);

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await expect(page.getByTestId('logview')).toBeVisible();
});

test('happy path: every node holds the leader’s no-op (section 8) and the three writes, committed', async ({ page }) => {
  await load(page, 'happy-path');
  const logs = page.getByRole('table', { name: 'Logs' });
  for (const id of ['n1', 'n2', 'n3', 'n4', 'n5']) {
    const row = page.getByTestId(`log-row-${id}`);
    await expect(row.getByRole('cell', { name: 'index 1, term 1, no-op, committed' })).toBeVisible();
    await expect(row.getByRole('cell', { name: 'index 2, term 1, x=1, committed' })).toBeVisible();
    await expect(row.getByRole('cell', { name: 'index 3, term 1, y=2, committed' })).toBeVisible();
    await expect(row.getByRole('cell', { name: 'index 4, term 1, z=3, committed' })).toBeVisible();
  }
  await expect(logs.getByRole('cell', { name: /, committed$/ })).toHaveCount(20);
  await expect(logs.getByRole('cell', { name: /uncommitted/ })).toHaveCount(0);
  await expect(logs.getByRole('columnheader', { name: 'index 4' })).toBeVisible();
  await expect(logs.getByRole('columnheader', { name: 'index 5' })).toHaveCount(0);
  await expect(page.getByTestId('log-row-n1')).toContainText('leader');

  // Before the writes commit, the same entries read uncommitted on the leader.
  const firstAppend = await page.evaluate(
    () => window.__faultline!.store.getState().sim.events.findIndex((e) => e.kind === 'command' && e.node === 'n1' && (e.state?.log as unknown[]).length === 2) + 1,
  );
  expect(firstAppend).toBeGreaterThan(0);
  await seek(page, firstAppend);
  await expect(page.getByTestId('log-row-n1').getByRole('cell', { name: 'index 2, term 1, x=1, uncommitted' })).toBeVisible();
});

test('stale leader: its entries are uncommitted during the partition and replaced after the heal', async ({ page }) => {
  await load(page, 'stale-leader');
  // The last step before the heal at 600 ms.
  const beforeHeal = await page.evaluate(() => window.__faultline!.store.getState().sim.events.findIndex((e) => e.time >= 600));
  expect(beforeHeal).toBeGreaterThan(0);
  await seek(page, beforeHeal);
  const n1 = page.getByTestId('log-row-n1');
  await expect(n1.getByRole('cell', { name: 'index 2, term 1, a=stale, uncommitted' })).toBeVisible();
  await expect(n1.getByRole('cell', { name: 'index 3, term 1, b=stale, uncommitted' })).toBeVisible();
  await expect(n1.getByRole('cell', { name: /stale, committed$/ })).toHaveCount(0);
  await expect(page.getByTestId('log-row-n3').getByRole('cell', { name: 'index 3, term 2, c=fresh, committed' })).toBeVisible();

  await seek(page, END);
  await expect(n1.getByRole('cell', { name: 'index 3, term 2, c=fresh, committed' })).toBeVisible();
  await expect(n1.getByRole('cell', { name: /stale/ })).toHaveCount(0);
  await expect(n1).not.toContainText('leader');
});

test('figure 8 with the bug: state machine safety is violated, and the violation seeks to its step', async ({ page }) => {
  await load(page, 'figure-8-bug');
  const { seq, nodes } = await violation(page, 'state-machine-safety');
  const step = seq + 1;
  const item = page.getByTestId('invariants').locator('[data-invariant="state-machine-safety"]');
  await expect(item).toHaveAttribute('data-status', 'violated');
  await expect(item).toContainText('State Machine Safety');
  await expect(item).toContainText(`violated at step ${step}`);
  await expect(page.getByTestId('invariants').locator('[data-invariant="election-safety"]')).toHaveAttribute('data-status', 'holds');
  await expect(page.getByTestId('bug-switches')).toContainText('commit-previous-term');

  // Move away, then follow the violation back to its step.
  await seek(page, END);
  expect(await cursor(page)).toBeGreaterThan(step);
  await item.getByRole('button', { name: new RegExp(`^State Machine Safety: violated at step ${step}`) }).click();
  expect(await cursor(page)).toBe(step);
  expect(nodes?.length).toBeGreaterThan(0);
  expect(await selection(page)).toEqual({ kind: 'node', id: nodes![0] });

  // One step earlier it still holds.
  await seek(page, seq);
  await expect(item).toHaveAttribute('data-status', 'holds');
  await expect(item).toContainText('breaks later');
});

test('selecting a node shows its currentTerm and votedFor in the inspector', async ({ page }) => {
  await load(page, 'figure-8-bug');
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText('Click a node or a message to inspect it');
  await expect(inspector.getByTestId('last-event')).toContainText(/Last event: #\d+/);

  await page.getByTestId('log-row-n2').getByRole('button', { name: 'Select node n2' }).click();
  expect(await selection(page)).toEqual({ kind: 'node', id: 'n2' });
  await expect(page.getByRole('button', { name: 'Select node n2' })).toHaveAttribute('aria-pressed', 'true');
  const node = inspector.getByTestId('inspector-node');
  await expect(node).toContainText('Node n2');
  const state = await page.evaluate(() => window.__faultline!.store.getState().frame.nodes.find((n) => n.id === 'n2')!.state);
  expect(state).toMatchObject({ currentTerm: 4, votedFor: 'n5' });
  await expect(node.locator('[data-key="currentTerm"] dd')).toHaveText('4');
  await expect(node.locator('[data-key="votedFor"] dd')).toHaveText('"n5"');

  // Another node, another state.
  await page.getByTestId('log-row-n1').click();
  await expect(node).toContainText('Node n1');
  await expect(node).toContainText('down');
  await expect(node.locator('[data-key="currentTerm"] dd')).toHaveText('3');
  await expect(node.locator('[data-key="votedFor"] dd')).toHaveText('"n1"');
});

test('selecting a message shows its type, route and payload', async ({ page }) => {
  await load(page, 'happy-path', 20);
  const message = await page.evaluate(() => window.__faultline!.store.getState().frame.inFlight[0]!.message);
  await page.evaluate((id) => window.__faultline!.store.getState().select({ kind: 'message', id }), message.id);
  const panel = page.getByTestId('inspector-message');
  await expect(panel).toContainText(`Message #${message.id}`);
  await expect(panel).toContainText(message.type);
  await expect(panel).toContainText(`${message.from} → ${message.to}`);
  await expect(panel.locator('[data-key="term"] dd')).toHaveText('1');
});
