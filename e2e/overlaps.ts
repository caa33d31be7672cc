/**
 * What overlaps what in the cluster view, measured in the browser (issue 17): node glyphs as
 * circles, their id and sub-line labels, the ring's note (line by line) and any other boxes
 * named by `extra` selectors, each against every other. Also every label outside its drawing.
 * With `rings`, a violating node's dashed ring (its outer edge) also counts as a circle that no
 * label, its own included, may touch. Returns a description per problem; empty when nothing
 * overlaps.
 */
import type { Locator } from '@playwright/test';

export async function overlaps(view: Locator, extra: string[] = [], { rings = false } = {}): Promise<string[]> {
  return view.evaluate((root, [sels, withRings]) => {
    type Box = { what: string; x0: number; y0: number; x1: number; y1: number };
    type Circle = { what: string; x: number; y: number; r: number };
    const rect = (what: string, el: Element): Box => {
      const b = el.getBoundingClientRect();
      return { what, x0: b.left, y0: b.top, x1: b.right, y1: b.bottom };
    };
    const circles: Circle[] = [];
    const boxes: Box[] = [];
    const owner = new Map<string, string>();
    for (const g of root.querySelectorAll('g.cl-node[data-node]')) {
      const id = g.getAttribute('data-node')!;
      const b = g.querySelector('.cl-node-body')!.getBoundingClientRect();
      circles.push({ what: id, x: b.left + b.width / 2, y: b.top + b.height / 2, r: b.width / 2 });
      for (const t of g.querySelectorAll('.cl-node-id, .cl-node-sub')) {
        if (!t.textContent) continue;
        const box = rect(`${id} ${t.classList.contains('cl-node-id') ? 'label' : 'sub-line'}`, t);
        boxes.push(box);
        owner.set(box.what, id);
      }
    }
    const ringCircles: Circle[] = [];
    if (withRings)
      for (const ring of root.querySelectorAll('g.cl-node[data-node] .cl-node-violation')) {
        const b = ring.getBoundingClientRect();
        ringCircles.push({ what: `${ring.closest('[data-node]')!.getAttribute('data-node')} violation ring`, x: b.left + b.width / 2, y: b.top + b.height / 2, r: b.width / 2 + 2 });
      }
    for (const line of root.querySelectorAll('[data-testid="ring-note"] tspan')) boxes.push(rect(`note "${line.textContent}"`, line));
    for (const sel of sels as string[]) for (const el of document.querySelectorAll(sel)) boxes.push(rect(sel, el));
    const out: string[] = [];
    const E = 0.5;
    const hit = (a: Box, b: Box) => a.x0 < b.x1 - E && b.x0 < a.x1 - E && a.y0 < b.y1 - E && b.y0 < a.y1 - E;
    const inCircle = (c: Circle, b: Box) => Math.hypot(c.x - Math.min(Math.max(c.x, b.x0), b.x1), c.y - Math.min(Math.max(c.y, b.y0), b.y1)) < c.r - E;
    circles.forEach((a, i) => {
      for (const b of circles.slice(i + 1)) if (Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r - E) out.push(`${a.what} × ${b.what}`);
      for (const b of boxes) if (inCircle(a, b)) out.push(`${a.what} × ${b.what}`);
    });
    for (const c of ringCircles) for (const b of boxes) if (owner.has(b.what) && inCircle(c, b)) out.push(`${c.what} × ${b.what}`);
    boxes.forEach((a, i) => {
      for (const b of boxes.slice(i + 1)) if ((owner.get(a.what) === undefined || owner.get(a.what) !== owner.get(b.what)) && hit(a, b)) out.push(`${a.what} × ${b.what}`);
    });
    // Labels inside their drawing.
    const svg = root.querySelector('svg.cl-svg');
    if (svg) {
      const s = rect('drawing', svg);
      for (const b of boxes) if (owner.has(b.what) && (b.x0 < s.x0 - E || b.y0 < s.y0 - E || b.x1 > s.x1 + E || b.y1 > s.y1 + E)) out.push(`${b.what} outside the drawing`);
    }
    return out;
  }, [extra, rings] as const);
}
