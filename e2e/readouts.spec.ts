/**
 * What the side panels read out at a step of a curated run: the statistics panel's exact
 * counts, and the inspector's marks of what a step changed.
 */
import { test, expect, type Page } from '@playwright/test';
import { raft } from '../src/protocols/raft';
import { freshApp, loadAt } from './helpers';

const curated = (name: string) => raft.scenarios.find((s) => s.name === name)!;
const load = (page: Page, name: string, step?: number) => loadAt(page, curated(name), step);

test.beforeEach(async ({ page }) => {
  await freshApp(page);
});

test('the statistics panel shows exact counts for a curated scenario at its end', async ({ page }) => {
  await load(page, 'happy-path');
  // The expected counts, straight from the recorded events.
  const want = await page.evaluate(() => {
    const s = window.__faultline!.store.getState();
    const events = s.sim.events.slice(0, s.frame.step);
    const sent: Record<string, number> = {};
    const got: Record<string, number> = {};
    const byNode: Record<string, number> = {};
    let total = 0;
    let delivered = 0;
    for (const e of events) {
      for (const m of e.sent ?? []) {
        sent[m.type] = (sent[m.type] ?? 0) + 1;
        byNode[m.from] = (byNode[m.from] ?? 0) + 1;
        total++;
      }
      if (e.kind === 'deliver' && e.message) {
        got[e.message.type] = (got[e.message.type] ?? 0) + 1;
        delivered++;
      }
    }
    return { sent, got, byNode, total, delivered, step: s.frame.step };
  });
  expect(want.total).toBeGreaterThan(50);
  const panel = page.getByTestId('statistics');
  await expect(panel).toContainText(`to step ${want.step}`);
  await expect(panel.locator('[data-stat="sent"] dd')).toHaveText(want.total.toLocaleString('en'));
  await expect(panel.locator('[data-stat="delivered"] dd')).toHaveText(want.delivered.toLocaleString('en'));
  await expect(panel.locator('[data-stat="lost"] dd')).toHaveText('0');
  const types = panel.getByTestId('stats-types');
  for (const [type, n] of Object.entries(want.sent)) {
    await expect(types.locator(`tr[data-row="${type}"] td[data-col="sent"]`)).toHaveText(String(n));
    await expect(types.locator(`tr[data-row="${type}"] td[data-col="received"]`)).toHaveText(String(want.got[type] ?? 0));
  }
  const nodesTable = panel.getByTestId('stats-nodes');
  for (const [node, n] of Object.entries(want.byNode)) await expect(nodesTable.locator(`tr[data-row="${node}"] td[data-col="sent"]`)).toHaveText(String(n));

  // Sorted by "Sent", the busiest node comes first.
  await nodesTable.getByRole('button', { name: 'Sent' }).click();
  const busiest = Object.entries(want.byNode).sort((a, b) => b[1] - a[1])[0]![0];
  await expect(nodesTable.locator('tbody tr').first()).toHaveAttribute('data-row', busiest);
  await expect(nodesTable.getByRole('columnheader', { name: 'Sent' })).toHaveAttribute('aria-sort', 'descending');

  // Going back in time, the counts follow the cursor.
  // (The earliest cursor is right after the nodes' start events, which send nothing.)
  const early = await page.evaluate(() => {
    const st = window.__faultline!.store;
    st.getState().seekStep(0);
    return st.getState().frame.step;
  });
  expect(early).toBeLessThanOrEqual(5);
  await expect(panel).toContainText(`to step ${early}`);
  await expect(panel).toContainText('No messages yet.');
  await page.evaluate((k) => window.__faultline!.store.getState().seekStep(k), want.step - 1);
  await expect(panel.locator('[data-stat="sent"] dd')).not.toHaveText('0');

  // Collapsible.
  const toggle = panel.getByRole('button', { name: 'Statistics' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(panel.getByText('No messages yet.')).toBeHidden();
});

test('the inspector marks what an election step changed: currentTerm, with its old value', async ({ page }) => {
  await load(page, 'leader-crash');
  // The step where a follower's election timer fires and it stands for term 2 or later.
  const found = await page.evaluate(() => {
    const events = window.__faultline!.store.getState().sim.events;
    const e = events.find((x) => x.kind === 'timer' && x.state?.role === 'candidate' && (x.state.currentTerm as number) >= 2)!;
    return { step: e.seq + 1, node: e.node!, term: e.state!.currentTerm as number };
  });
  await page.evaluate(({ step, node }) => {
    const s = window.__faultline!.store.getState();
    s.seekStep(step);
    s.select({ kind: 'node', id: node });
  }, found);
  const node = page.getByTestId('inspector-node');
  const term = node.locator('[data-key="currentTerm"]');
  await expect(term).toHaveAttribute('data-changed', 'changed');
  await expect(term.locator('dd')).toContainText(`${found.term}`);
  await expect(term.locator('dd')).toContainText('▲ changed');
  await expect(term.locator('dd del')).toHaveText(`${found.term - 1}`);
  await expect(node.locator('[data-key="role"] del')).toHaveText('"follower"');
  await expect(node.locator('[data-key="commitIndex"]')).not.toHaveAttribute('data-changed', /./);
  await expect(page.getByTestId('state-diff')).toContainText('currentTerm');

  // One step later the event is someone else's: no marks on this node.
  await page.evaluate((step) => window.__faultline!.store.getState().seekStep(step + 1), found.step);
  const next = await page.evaluate(() => window.__faultline!.store.getState().frame.event!.node);
  if (next !== found.node) await expect(node.locator('[data-changed]')).toHaveCount(0);
});

test('the inspector marks a log entry added at a step', async ({ page }) => {
  await load(page, 'happy-path');
  const found = await page.evaluate(() => {
    const events = window.__faultline!.store.getState().sim.events;
    const e = events.find((x) => x.kind === 'deliver' && x.state?.role === 'follower' && (x.state.log as unknown[]).length === 1)!;
    return { step: e.seq + 1, node: e.node! };
  });
  await page.evaluate(({ step, node }) => {
    const s = window.__faultline!.store.getState();
    s.seekStep(step);
    s.select({ kind: 'node', id: node });
  }, found);
  const log = page.getByTestId('inspector-node').locator('[data-key="log"]');
  await expect(log).toHaveAttribute('data-changed', 'entries');
  const row = log.locator('tr[data-changed="added"]');
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('rowheader')).toHaveText('+1, added at this step');
});
