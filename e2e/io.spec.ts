/**
 * Import and export in a real browser: trace round trip through a real download and the file
 * input, a malformed file, drag and drop, and the cluster view and the space-time diagram as
 * SVG and PNG. The statistics panel's counts and the inspector's marks are in readouts.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type JSHandle, type Page } from '@playwright/test';
import { raft } from '../src/protocols/raft';
import { freshApp, loadAt } from './helpers';

const END = 1e9;
const curated = (name: string) => raft.scenarios.find((s) => s.name === name)!;

/** Loads a curated Raft scenario at `step` (by default its end). */
const load = (page: Page, name: string, step = END) => loadAt(page, curated(name), step);

/** What a round trip must keep: the scenario, the cursor and every node's state. */
const snapshot = (page: Page) =>
  page.evaluate(() => {
    const s = window.__faultline!.store.getState();
    return { scenario: s.sim.scenario, step: s.frame.step, nodes: s.frame.nodes.map((n) => ({ id: n.id, up: n.up, state: n.state })) };
  });

async function exportItem(page: Page, name: string) {
  await page.getByTestId('export-menu').click();
  const menu = page.getByRole('menu', { name: 'Export' });
  await expect(menu).toBeVisible();
  return menu.getByRole('menuitem', { name });
}

async function download(page: Page, name: string): Promise<{ file: string; path: string }> {
  const item = await exportItem(page, name);
  const [d] = await Promise.all([page.waitForEvent('download'), item.click()]);
  const path = await d.path();
  return { file: d.suggestedFilename(), path };
}

type Dragging = { __dragging?: ReturnType<typeof setInterval> };

/** A real drag fires dragover every few tens of ms, and the overlay hides after a quiet spell:
 * keep the drag alive while checks run (a loaded machine can take longer than the spell). */
async function keepDragging(page: Page, dt: JSHandle<DataTransfer>): Promise<void> {
  await page.evaluate((d) => {
    const over = () => document.querySelector('main')!.dispatchEvent(new DragEvent('dragover', { dataTransfer: d, bubbles: true, cancelable: true }));
    over();
    (window as unknown as Dragging).__dragging = setInterval(over, 50);
  }, dt);
}

const stopDragging = (page: Page) => page.evaluate(() => clearInterval((window as unknown as Dragging).__dragging));

test.beforeEach(async ({ page }) => {
  await freshApp(page);
});

test('a downloaded trace opens at the same step with the same node states', async ({ page }) => {
  await load(page, 'leader-crash', 200);
  const before = await snapshot(page);
  expect(before.step).toBe(200);

  const { file, path } = await download(page, 'Download trace (.json)');
  expect(file).toBe('faultline-raft-leader-crash-200.json');
  const trace = JSON.parse(readFileSync(path, 'utf8'));
  expect(trace.format).toBe('faultline-trace');
  expect(trace.events).toHaveLength(200);

  // Somewhere else entirely, then open the file.
  await load(page, 'happy-path');
  expect((await snapshot(page)).scenario).not.toEqual(before.scenario);
  await page.getByTestId('import-file').setInputFiles(path);
  await expect(page.getByTestId('notice')).toContainText('Trace loaded at step 200');
  expect(await snapshot(page)).toEqual(before);
  await expect(page.getByTestId('scenario-name')).toContainText('The leader crashes');
});

test('a trace that its scenario does not produce still opens, with a warning naming the step', async ({ page }) => {
  await load(page, 'happy-path');
  const { path } = await download(page, 'Download trace (.json)');
  const trace = JSON.parse(readFileSync(path, 'utf8'));
  const k = trace.events.findIndex((e: { seq: number; state?: { currentTerm: number } }) => e.seq > 40 && e.state);
  trace.events[k].state.currentTerm = 77;
  await page.getByTestId('import-file').setInputFiles({ name: 'forged.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(trace)) });
  const notice = page.getByRole('alert');
  await expect(notice).toContainText('does not match what its scenario produces');
  await expect(notice).toContainText(`first difference at step ${k + 1}`);
  expect(await page.evaluate(() => window.__faultline!.store.getState().frame.step)).toBe(trace.events.length);
});

test('a malformed file is refused with the problem named, and the session stays', async ({ page }) => {
  await load(page, 'split-vote', 120);
  const before = await snapshot(page);
  const input = page.getByTestId('import-file');

  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "format": "faultline-scenario",\n  "version": 1,,\n}') });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This file could not be opened: broken.json: file is not valid JSON');
  await expect(alert).toContainText('line 3, column 16');
  await expect(alert).toContainText('Your session is unchanged');
  expect(await snapshot(page)).toEqual(before);

  const bad = { ...curated('happy-path'), actions: [{ at: 0, do: 'crash', node: 'n9' }] };
  await input.setInputFiles({ name: 'wrong-node.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(alert).toContainText('wrong-node.json: actions[0].node: unknown node "n9"');
  expect(await snapshot(page)).toEqual(before);

  await input.setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "faultline-movie", "version": 1}') });
  await expect(alert).toContainText('format: expected "faultline-scenario" or "faultline-trace", got "faultline-movie"');
  expect(await snapshot(page)).toEqual(before);
});

test('dropping a scenario file on the window loads it, with an overlay while dragging', async ({ page }) => {
  await load(page, 'happy-path', 50);
  // The file tools load on demand (first-load size): the drop zone is there with the Export menu.
  await page.getByTestId('export-menu').waitFor({ state: 'attached' });
  const text = JSON.stringify(curated('stale-leader'));
  const dt = await page.evaluateHandle((t) => {
    const d = new DataTransfer();
    d.items.add(new File([t], 'stale.json', { type: 'application/json' }));
    return d;
  }, text);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: dt });
  await keepDragging(page, dt);
  const overlay = page.getByTestId('drop-overlay');
  await expect(overlay).toBeVisible();
  await expect(overlay).toContainText('Drop a scenario or trace file to open it');
  await stopDragging(page);
  await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
  await expect(overlay).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText('Scenario loaded.');
  const s = await page.evaluate(() => window.__faultline!.store.getState());
  expect(s.sim.scenario.name).toBe('stale-leader');
  expect(s.frame.step).toBeLessThan(50);

  // A drag that leaves the window takes its overlay with it.
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: dt });
  await keepDragging(page, dt);
  await expect(overlay).toBeVisible();
  await stopDragging(page);
  await page.dispatchEvent('main', 'dragleave', { dataTransfer: dt });
  await expect(overlay).toHaveCount(0);
});

test('the cluster view exports as a standalone SVG with the node labels, and as a 2× PNG', async ({ page }) => {
  await load(page, 'happy-path');
  const { file, path } = await download(page, 'Cluster view as SVG');
  expect(file).toMatch(/^faultline-raft-happy-path-\d+-cluster\.svg$/);
  const svg = readFileSync(path, 'utf8');
  expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"')).toBe(true);
  const parsed = await page.evaluate(async (text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    await img.decode();
    return {
      error: doc.getElementsByTagName('parsererror').length,
      name: root.localName,
      ns: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      texts: [...doc.getElementsByTagName('text')].map((t) => t.textContent),
      styled: doc.querySelectorAll('[style*="fill"]').length,
      rendered: img.naturalWidth,
    };
  }, svg);
  expect(parsed.error).toBe(0);
  expect(parsed.name).toBe('svg');
  expect(parsed.ns).toBe('http://www.w3.org/2000/svg');
  for (const id of ['n1', 'n2', 'n3', 'n4', 'n5']) expect(parsed.texts).toContain(id);
  expect(parsed.styled).toBeGreaterThan(5);
  expect(parsed.rendered).toBe(parsed.width);

  const png = await download(page, 'Cluster view as PNG');
  const bytes = readFileSync(png.path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.readUInt32BE(16)).toBe(2 * parsed.width);
});

test('the export menu works from the keyboard, and says why an item is unavailable', async ({ page }) => {
  await load(page, 'forget-vote');
  const button = page.getByTestId('export-menu');
  await button.focus();
  await page.keyboard.press('ArrowDown');
  const items = page.getByRole('menu', { name: 'Export' }).getByRole('menuitem');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await expect(items.nth(1)).toHaveText('Download scenario (.json)');
  const [d] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(d.suggestedFilename()).toBe('faultline-raft-forget-vote-scenario.json');
  expect(JSON.parse(readFileSync(await d.path(), 'utf8'))).toEqual(curated('forget-vote'));
  await expect(button).toBeFocused();

  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await expect(items.last()).toHaveText('Space-time diagram as PNG');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(button).toBeFocused();

  // Without a space-time diagram on the page, its items are unavailable and say why.
  // Kept off: a re-render or a remount of the diagram (a lazy chunk arriving) would put it back.
  await page.evaluate(() => {
    const strip = () => document.querySelectorAll('[data-testid="spacetime-canvas"]').forEach((e) => e.removeAttribute('data-testid'));
    strip();
    new MutationObserver(strip).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-testid'] });
  });
  await button.click();
  for (const name of ['Space-time diagram as SVG', 'Space-time diagram as PNG']) {
    const item = page.getByRole('menuitem', { name });
    await expect(item).toHaveAttribute('aria-disabled', 'true');
    await expect(item).toHaveAttribute('title', 'The space-time diagram is not on screen');
  }
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('menuitem', { name: 'Space-time diagram as SVG' }).dispatchEvent('click');
  await expect(page.getByRole('menu')).toBeVisible();
  expect(downloads).toBe(0);
});

test('the space-time diagram exports as a vector SVG with its lanes, and as a 2× PNG', async ({ page }) => {
  await load(page, 'leader-crash');
  await expect(page.getByTestId('spacetime-canvas')).toBeVisible();
  const { file, path } = await download(page, 'Space-time diagram as SVG');
  expect(file).toMatch(/^faultline-raft-leader-crash-\d+-spacetime\.svg$/);
  const svg = readFileSync(path, 'utf8');
  expect(svg.startsWith('<?xml')).toBe(true);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.getElementsByTagName('parsererror').length,
      width: Number(doc.documentElement.getAttribute('width')),
      texts: [...doc.getElementsByTagName('text')].map((t) => t.textContent),
      images: doc.getElementsByTagName('image').length,
    };
  }, svg);
  expect(parsed.error).toBe(0);
  expect(parsed.images).toBe(0);
  for (const id of ['n1', 'n2', 'n3', 'n4', 'n5']) expect(parsed.texts).toContain(id);
  const png = readFileSync((await download(page, 'Space-time diagram as PNG')).path);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(2 * parsed.width);
});
