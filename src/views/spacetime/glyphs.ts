/**
 * Fault marker shapes. Faults have shapes, not only colours, so they can be told apart without
 * colour vision; the legend draws the same shapes.
 */
import { C } from './colors';
import type { Painter } from './paint';

/** A lost message's red ✕ (at a message's end, and as the "lost" marker). */
export function lostMark(p: Painter, x: number, y: number, alpha: number): void {
  const r = 4;
  p.segments([x - r, y - r, x + r, y + r, x + r, y - r, x - r, y + r], 8, { stroke: C.dangerSoft, width: 2.2, alpha, cap: 'round' });
}

/** The shape of a fault marker, centred on (x, y). Also used by the legend. */
export function drawGlyph(p: Painter, kind: string, x: number, y: number, alpha = 1): void {
  p.circle(x, y, 6.8, { fill: C.bg, alpha });
  switch (kind) {
    case 'crash':
      p.poly([x - 5.5, y - 4.5, x + 5.5, y - 4.5, x, y + 5.5], { fill: C.danger, alpha });
      break;
    case 'restart':
      p.poly([x - 5.5, y + 4.5, x + 5.5, y + 4.5, x, y - 5.5], { fill: C.ok, alpha });
      break;
    case 'pause':
      p.rect(x - 4.5, y - 5, 3.2, 10, { fill: C.warn, alpha });
      p.rect(x + 1.3, y - 5, 3.2, 10, { fill: C.warn, alpha });
      break;
    case 'resume':
      p.poly([x - 4, y - 5.5, x + 5.5, y, x - 4, y + 5.5], { fill: C.warn, alpha });
      break;
    case 'timeout':
      p.circle(x, y, 5, { stroke: C.slate, width: 1.6, fill: C.bg, alpha });
      p.segments([x, y, x, y - 3.4, x, y, x + 2.6, y], 8, { stroke: C.slate, width: 1.4, alpha, cap: 'round' });
      break;
    case 'skew':
      p.poly([x, y - 5.5, x + 5.5, y, x, y + 5.5, x - 5.5, y], { stroke: C.slate, width: 1.6, fill: C.bg, alpha }, true);
      p.circle(x, y, 1.4, { fill: C.slate, alpha });
      break;
    case 'command':
      p.rect(x - 4, y - 4, 8, 8, { fill: C.violet, alpha });
      break;
    case 'drop':
      p.circle(x, y, 5.5, { stroke: C.dangerSoft, width: 1.4, fill: C.bg, alpha });
      p.segments([x - 2.8, y - 2.8, x + 2.8, y + 2.8, x + 2.8, y - 2.8, x - 2.8, y + 2.8], 8, { stroke: C.dangerSoft, width: 1.6, alpha, cap: 'round' });
      break;
    case 'duplicate':
      p.circle(x - 2, y, 3.6, { stroke: C.slate, width: 1.4, alpha });
      p.circle(x + 2, y, 3.6, { stroke: C.slate, width: 1.4, fill: C.bg, alpha });
      break;
    case 'delay':
      p.poly([x - 4, y - 5, x + 4, y - 5, x - 4, y + 5, x + 4, y + 5], { stroke: C.slate, width: 1.5, fill: C.bg, alpha }, true);
      break;
    case 'partition':
      p.rect(x - 1.6, y - 6, 3.2, 12, { fill: C.danger, alpha });
      p.segments([x - 5, y - 3, x - 2.5, y - 3, x + 2.5, y + 3, x + 5, y + 3], 8, { stroke: C.danger, width: 1.4, alpha });
      break;
    case 'heal':
      p.circle(x, y, 4.8, { stroke: C.ok, width: 1.8, fill: C.bg, alpha });
      p.circle(x, y, 1.8, { fill: C.ok, alpha });
      break;
    case 'cut':
      p.line(x + 2.5, y - 5, x + 2.5, y + 5, { stroke: C.danger, width: 2.4, alpha, cap: 'round' });
      p.poly([x - 0.5, y, x - 6, y - 3.5, x - 6, y + 3.5], { fill: C.danger, alpha });
      break;
    case 'violation':
      p.poly([x, y - 7.5, x + 7.5, y, x, y + 7.5, x - 7.5, y], { fill: C.danger, stroke: C.bg, width: 1.5, alpha }, true);
      p.line(x, y - 3.8, x, y + 0.8, { stroke: C.bg, width: 1.8, alpha, cap: 'round' });
      p.circle(x, y + 3.3, 1, { fill: C.bg, alpha });
      break;
    case 'lost':
      lostMark(p, x, y, alpha);
      break;
  }
}
