/** Counting the DOM work of one seek, for the tests of issue 17's item 5 (never timed). */
import type { Page } from '@playwright/test';

export interface Work {
  /** Elements added (with their descendants) and removed, by the selector they match. */
  added: number;
  removed: number;
  attributes: number;
}

/** Seeks to `step` and counts what changed inside `root` matching `selector`, in the commit and
 * the catch-up of the calmed panels after it (anything pending settles first). */
export async function seekCounting(page: Page, step: number, root: string, selector: string): Promise<Work> {
  return page.evaluate(
    async ([k, rootSel, sel]) => {
      const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      // The calmed panels follow a seek after its frame (views/settle.ts): wait until none is
      // pending, so the count holds their catch-up too.
      const settle = async () => {
        await frames();
        for (let i = 0; i < 100 && !window.__faultline!.settled(); i++) await frames();
        await frames();
      };
      await settle();
      const el = document.querySelector(rootSel)!;
      const work = { added: 0, removed: 0, attributes: 0 };
      const count = (n: Node) => (n instanceof Element ? (n.matches(sel) ? 1 : 0) + n.querySelectorAll(sel).length : 0);
      const obs = new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === 'attributes') work.attributes++;
          for (const n of r.addedNodes) work.added += count(n);
          for (const n of r.removedNodes) work.removed += count(n);
        }
      });
      obs.observe(el, { subtree: true, childList: true, attributes: true, characterData: true });
      window.__faultline!.store.getState().seekStep(k);
      await settle();
      for (const r of obs.takeRecords()) {
        if (r.type === 'attributes') work.attributes++;
        for (const n of r.addedNodes) work.added += count(n);
        for (const n of r.removedNodes) work.removed += count(n);
      }
      obs.disconnect();
      return work;
    },
    [step, root, selector] as const,
  );
}
