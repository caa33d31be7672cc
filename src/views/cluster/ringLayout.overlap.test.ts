/**
 * Issue 17: the hash ring's nodes never overlap. For the stage sizes the app gives the cluster
 * view at 1440 × 900, 1024 × 768 and 800 × 600 (with and without the scenario note open), 3 to
 * 9 servers on the ring and up to two spares and two clients beside it, no two node glyphs,
 * labels or the ring's centre note intersect, and all stay inside the stage. Pure geometry:
 * label widths are estimated generously from their characters (bold 14 px ids, 11 px sub-lines).
 */
import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../../i18n/strings/ring';
import { notePlace, NOTE_LINE, textWidth } from '../ring/noteLines';
import { labelPlacement, RING_MARGIN, type Point } from './geometry';
import { GLYPH_REACH, ringLayout } from './ringLayout';

interface Box {
  what: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Stage sizes measured in the app (the cluster view's SVG view box). */
const STAGES = [
  [1067, 345],
  [1067, 430],
  [516, 356],
  [516, 430],
  [777, 282],
  [777, 360],
] as const;

/** Deterministic pseudo-random places (a linear congruential sequence), and a crowded set. */
function places(n: number, seed: number): number[] {
  let s = seed;
  return Array.from({ length: n }, () => ((s = (s * 1103515245 + 12345) % 2 ** 31), s / 2 ** 31));
}

/** The label block NodeGlyph draws: the id (bold 14 px) 6 above the place, the sub-line (11 px,
 * upper case, spaced) 9 below. */
function labelBox(what: string, p: Point, from: Point, r: number, sub: string | null): Box {
  const place = labelPlacement(from, p, r);
  const w = Math.max(textWidth(what, 14) * 1.15, sub ? textWidth(sub, 11) * 1.3 : 0);
  const x = p.x + place.x;
  const [x0, x1] = place.anchor === 'start' ? [x, x + w] : place.anchor === 'end' ? [x - w, x] : [x - w / 2, x + w / 2];
  return { what: `${what} label`, x0, x1, y0: p.y + place.y - 6 - 9, y1: p.y + place.y + (sub ? 9 + 7 : -6 + 9) };
}

const hit = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
/** A glyph (a circle) against a box: the box's nearest point is inside the circle. */
const circleHits = (p: Point, r: number, b: Box) => Math.hypot(p.x - Math.min(Math.max(p.x, b.x0), b.x1), p.y - Math.min(Math.max(p.y, b.y0), b.y1)) < r;

function check(w: number, h: number, ring: number[], spares: number, clients: number, sub: string | null, note: string) {
  const ps = [...ring, ...Array<null>(spares + clients).fill(null)];
  const isClient = ps.map((_, i) => i >= ring.length + spares);
  const l = ringLayout(ps, w, h, isClient);
  const names = ps.map((_, i) => `n${i + 1}`);
  // A glyph with a few units of clear space round it.
  const R = l.nodeRadius + 3;
  const roomy = 2 * l.ringRadius * Math.sin(Math.PI / Math.max(3, ring.length)) >= 2 * (l.nodeRadius + GLYPH_REACH);
  const problems: string[] = [];
  const boxes: Box[] = l.points.map((p, i) => labelBox(names[i]!, p, l.labelFrom[i]!, l.nodeRadius, sub));
  // The note line by line, as RingStage draws it.
  const at = notePlace(note, l.center, l.ringRadius, RING_MARGIN);
  at.lines.forEach((line, i) => {
    const lw = textWidth(line.trimEnd(), 12);
    const y = at.y + i * NOTE_LINE;
    const x0 = at.anchor === 'middle' ? at.x - lw / 2 : at.x;
    boxes.push({ what: `note line ${i}`, x0, x1: x0 + lw, y0: y - NOTE_LINE / 2, y1: y + NOTE_LINE / 2 });
  });
  // Inside the ring, the note keeps clear of its keys (and so of its arcs).
  if (at.anchor === 'middle') {
    const disc = l.ringRadius * 0.66;
    for (const b of boxes.filter((x) => x.what.startsWith('note')))
      for (const [x, y] of [[b.x0, b.y0], [b.x1, b.y0], [b.x0, b.y1], [b.x1, b.y1]] as const) if (Math.hypot(x - l.center.x, y - l.center.y) > disc + 0.5) problems.push(`${b.what} reaches the keys`);
  }
  l.points.forEach((p, i) => {
    if (p.x - R < 0 || p.y - R < 0 || p.x + R > w || p.y + R > h) problems.push(`${names[i]} outside`);
    // Two glyphs' outer rings (focus, selection) do not touch either, wherever evenly spaced
    // glyphs would have that room (not 8 servers on the 800 px stage's smallest ring).
    for (let j = i + 1; j < l.points.length; j++) if (Math.hypot(p.x - l.points[j]!.x, p.y - l.points[j]!.y) < 2 * (roomy ? l.nodeRadius + GLYPH_REACH : R)) problems.push(`${names[i]} × ${names[j]}`);
    for (const b of boxes) if (circleHits(p, R, b)) problems.push(`${names[i]} × ${b.what}`);
  });
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    if (a.x0 < 0 || a.y0 < 0 || a.x1 > w || a.y1 > h) problems.push(`${a.what} outside`);
    for (let j = i + 1; j < boxes.length; j++) if (hit(a, boxes[j]!)) problems.push(`${a.what} × ${boxes[j]!.what}`);
  }
  return problems;
}

describe('the hash ring layout has no overlaps', () => {
  const noRing = (s: string) => s.replace('{scheme}', 'Rendezvous hashing');
  const notes = [en['ring.view.empty'], zhCN['ring.view.empty'], en['ring.view.noMembers'], noRing(en['ring.view.noRing']), noRing(zhCN['ring.view.noRing'])];
  for (const [w, h] of STAGES) {
    it(`${w} × ${h}: 3–9 servers, 0–2 spares, 0–2 clients, sub-lines or none, English and Chinese`, () => {
      const failures: string[] = [];
      for (let n = 3; n <= 9; n++)
        for (const ring of [places(n, n * 7 + 1), places(n, n * 13 + 5), places(n, 3).map((p) => 0.3 + p * 0.05)])
          for (let spares = 0; spares <= 2; spares++)
            for (let clients = 0; clients <= 2; clients++)
              for (const sub of [null, 'DOWN', '宕机'])
                for (const note of notes) {
                  const p = check(w, h, ring, spares, clients, sub, note);
                  if (p.length) failures.push(`${n}+${spares}+${clients} ${sub ?? ''} ${note.slice(0, 8)}: ${p.join(', ')}`);
                }
      expect(failures.slice(0, 10)).toEqual([]);
    });
  }
});
