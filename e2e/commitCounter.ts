/**
 * Counts React commits and the components that rendered in them, for tests that assert how much
 * a seek renders (issue 17, item 5): install with `page.addInitScript(installCommitCounter)`.
 */
import { expect, type Page } from '@playwright/test';
import { raft } from '../src/protocols/raft';
import { randomScenario } from '../src/check/explore';
import { freshApp } from './helpers';

declare global {
  interface Window {
    /** Components that rendered in the commits since the last reset, by name. */
    __renders?: Map<string, number>;
    __commits?: number;
    /** Commits in which at least one component rendered. */
    __renderingCommits?: number;
  }
}

/**
 * A stand-in for React DevTools' hook, installed before React loads: React reports every commit
 * to it. A function component rendered in a commit when its fiber's props or its hooks' values
 * changed; a memoized one that bailed out keeps both.
 */
export function installCommitCounter(): void {
  const seen = new WeakMap<object, { props: unknown; state: unknown[] }>();
  // What a component's hooks hold, minus what is new on every render whatever happened: effect
  // records, and callbacks (a store selector written inline makes zustand's snapshot callback
  // new each time). React sometimes re-runs a component after a commit to re-check an external
  // store and finds nothing changed; with these left out, that re-run does not count as a render.
  const hookValues = (first: unknown): unknown[] => {
    const out: unknown[] = [];
    for (let h = first as { memoizedState: unknown; next: unknown } | null; h && typeof h === 'object' && 'next' in h; h = h.next as typeof h) {
      const v = h.memoizedState;
      if (typeof v === 'function' || (v && typeof v === 'object' && 'create' in v) || (Array.isArray(v) && typeof v[0] === 'function')) continue;
      out.push(v);
    }
    return out;
  };
  const FUNCTION_TAGS = new Set([0, 11, 15]);
  type Fiber = { tag: number; type: { name?: string; displayName?: string } | null; memoizedProps: unknown; memoizedState: unknown; alternate: Fiber | null; child: Fiber | null; sibling: Fiber | null };
  window.__renders = new Map();
  window.__commits = 0;
  window.__renderingCommits = 0;
  (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => undefined,
    onScheduleFiberRoot: () => undefined,
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => undefined,
    onCommitFiberRoot(_id: number, root: { current: Fiber }) {
      window.__commits!++;
      let rendered = false;
      const stack: Fiber[] = [root.current];
      while (stack.length) {
        const f = stack.pop()!;
        if (FUNCTION_TAGS.has(f.tag) && f.type) {
          // One record per component instance, whichever of the fiber pair is current.
          const key = (f.alternate && seen.has(f.alternate) ? f.alternate : f) as object;
          const before = seen.get(key);
          const state = hookValues(f.memoizedState);
          if (before && (before.props !== f.memoizedProps || state.length !== before.state.length || state.some((v, i) => v !== before.state[i]))) {
            const name = f.type.displayName ?? f.type.name ?? '?';
            window.__renders!.set(name, (window.__renders!.get(name) ?? 0) + 1);
            rendered = true;
          }
          seen.set(key, { props: f.memoizedProps, state });
        }
        if (f.sibling) stack.push(f.sibling);
        if (f.child) stack.push(f.child);
      }
      if (rendered) window.__renderingCommits!++;
    },
  };
}

export interface Rendered {
  /** Commits in which at least one component rendered. */
  renderingCommits: number;
  /** Components that rendered, by name, with how many times. */
  renders: Record<string, number>;
}

/**
 * Seeks to `step` and counts the renders of its urgent commit (before any other task runs), then
 * those of the calmed panels catching up (views/settle.ts), until none is pending and two more
 * frames have passed. Anything pending from before settles first.
 */
export async function seekCounted(page: Page, step: number): Promise<{ urgent: Rendered; later: Rendered }> {
  return page.evaluate(async (k) => {
    // Let anything pending (a resize, a calmed panel, a lazy panel's chunk arriving on a busy
    // machine) settle first: until a quiet spell of frames and a timer turn with no commit.
    // Two frames alone were not enough on a loaded 2-core CI machine: a late commit from the
    // previous seek landed inside the counted window. This is a settle, not a timed assertion.
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (let i = 0; i < 100; i++) {
      window.__commits = 0;
      await frames();
      await new Promise((r) => setTimeout(r, 300));
      await frames();
      if (window.__commits === 0 && window.__faultline!.settled()) break;
    }
    const take = () => {
      const out = { renderingCommits: window.__renderingCommits!, renders: Object.fromEntries(window.__renders!) };
      window.__renders!.clear();
      window.__commits = 0;
      window.__renderingCommits = 0;
      return out;
    };
    take();
    window.__faultline!.store.getState().seekStep(k);
    // React commits the store's update in a microtask: a message's task runs after it.
    await new Promise<void>((r) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => r();
      ch.port2.postMessage(0);
    });
    const urgent = take();
    for (let i = 0; i < 100 && !window.__faultline!.settled(); i++) await frames();
    await frames();
    return { urgent, later: take() };
  }, step);
}

/** A fresh app counting commits, with a Raft run of many client operations recorded to its end (> 1,000 events); returns its head. */
export async function openScrubRun(page: Page): Promise<number> {
  await page.addInitScript(installCommitCounter);
  await freshApp(page);
  const run = randomScenario(raft, 7, { nodes: 5, until: 120_000, faultEvery: 400 });
  const head = await page.evaluate((sc) => {
    const s = window.__faultline!.store.getState();
    s.load(sc);
    s.seekStep(1e9);
    return window.__faultline!.store.getState().frame.head;
  }, run);
  expect(head).toBeGreaterThan(1000);
  return head;
}
