/**
 * The cluster view's layout for a protocol whose nodes live on a hash ring (view hint
 * `ringPlace`): each node on the circle at its place, nudged apart just enough that glyphs do
 * not overlap, and nodes off the ring (spares, clients) in columns beside it, so the ring's
 * centre stays free for its note and its keys. Pure: unit-tested for overlaps (issue 17).
 */
import { nodeRadius, RING_MARGIN, RING_MARGIN_Y, type ClusterLayout, type Point } from './geometry';

const TAU = Math.PI * 2;
const round = (v: number) => Math.round(v * 100) / 100 + 0;

/** How far a glyph's outermost ring reaches past its body: a culprit's violation ring
 * (NodeGlyph's r + 16, 2.5 wide), and inside it the focus ring (r + 12) and selection (r + 11). */
export const GLYPH_REACH = 18;
/** Clear space kept between two neighbouring glyphs' bodies on the ring: their outer rings do
 * not touch (walk-through: on put-get's small ring n2 and n3 overlapped with 12). */
const RING_PAD = 2 * GLYPH_REACH;
/** How far a node's two-line label reaches below its rim (labelPlacement's gap and lines). */
const COLUMN_LABEL = 46;
/** Room kept between a column's labels and the stage's edge. */
const EDGE = 16;

/**
 * Angles (radians clockwise from 12 o'clock) for `places` (fractions of a turn), moved apart
 * until neighbours are at least `gap` apart (a smaller gap when the circle cannot hold them).
 * A node keeps its place when it has room; the order round the circle never changes.
 */
export function spreadAngles(places: readonly number[], gap: number): number[] {
  const n = places.length;
  if (n === 0) return [];
  const g = Math.min(gap, TAU / n);
  const order = places.map((p, i) => [((p % 1) + 1) % 1, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const a = order.map(([p]) => p * TAU);
  // Push overlapping neighbours apart, each by half the shortfall; a fixed number of passes
  // keeps it deterministic and cheap (n is at most a few dozen).
  for (let pass = 0; pass < 200 && n > 1; pass++) {
    let moved = false;
    for (let k = 0; k < n; k++) {
      const next = (k + 1) % n;
      const gapNow = (a[next]! - a[k]! + (next === 0 ? TAU : 0));
      if (gapNow < g - 1e-9) {
        const push = (g - gapNow) / 2 + 1e-6;
        a[k]! -= push;
        a[next]! += push;
        moved = true;
      }
    }
    if (!moved) break;
  }
  const out = new Array<number>(n);
  order.forEach(([, i], k) => (out[i] = ((a[k]! % TAU) + TAU) % TAU));
  return out;
}

/** Glyph radius for `count` nodes on a ring of radius `ringRadius`: a little smaller than on
 * the plain circle (the ring's tokens and keys need the room), and small enough that evenly
 * spaced neighbours keep `RING_PAD` between them. */
function glyphRadius(count: number, ringRadius: number): number {
  const fit = Math.floor((2 * ringRadius * Math.sin(Math.PI / Math.max(count, 3)) - RING_PAD) / 2);
  return Math.max(12, Math.min(Math.round(nodeRadius(Math.max(count, 6), ringRadius) * 0.8), fit));
}

export interface RingLayout extends ClusterLayout {
  angles: (number | null)[];
  /** The point each node's label points away from (the centre on the ring, above the node in
   * a column, so its label goes below it). */
  labelFrom: Point[];
}

/**
 * Nodes on a ring by `places` (null: off the ring) in a `width` × `height` box. Off-ring nodes
 * stand in a column left of the ring (servers: spares and leavers) or right of it (`clients`),
 * each with its label below; the ring shrinks when the stage is too narrow to hold them.
 */
export function ringLayout(places: readonly (number | null)[], width: number, height: number, clients?: readonly boolean[]): RingLayout {
  const center = { x: width / 2, y: height / 2 };
  const on = places.flatMap((p, i) => (p === null ? [] : [i]));
  const off = places.flatMap((p, i) => (p === null ? [i] : []));
  const left = off.filter((i) => !clients?.[i]);
  const right = off.filter((i) => clients?.[i]);
  let ringRadius = Math.max(0, Math.min(width / 2 - RING_MARGIN, height / 2 - RING_MARGIN_Y));
  let r = glyphRadius(on.length, ringRadius);
  if (off.length > 0) {
    // A column beside the ring: its glyphs and a pad to the stage's edge.
    ringRadius = Math.max(0, Math.min(ringRadius, width / 2 - RING_MARGIN - 2 * r - EDGE));
    r = glyphRadius(on.length, ringRadius);
  }
  // Neighbours at least a glyph and a pad apart, centre to centre (a chord of the circle).
  const chord = Math.min(1, (2 * r + RING_PAD) / Math.max(1, 2 * ringRadius));
  const spread = spreadAngles(on.map((i) => places[i]!), 2 * Math.asin(chord) + 1e-3);
  const points: Point[] = new Array(places.length);
  const angles: (number | null)[] = places.map(() => null);
  on.forEach((i, k) => {
    const a = spread[k]!;
    angles[i] = a;
    points[i] = { x: round(center.x + ringRadius * Math.sin(a)), y: round(center.y - ringRadius * Math.cos(a)) };
  });
  // Labels point away from the centre on the ring, and down below the nodes in a column.
  const labelFrom: Point[] = places.map(() => center);
  const reach = ringRadius + RING_MARGIN + r + 4;
  const column = (ids: number[], side: -1 | 1) => {
    const x = round(side < 0 ? Math.max(r + EDGE, center.x - reach) : Math.min(width - r - EDGE, center.x + reach));
    // Stacked down the column, centred on the ring; squeezed when the stage is too short.
    const step = Math.min(2 * r + COLUMN_LABEL + 4, ids.length > 1 ? (height - 2 * r - COLUMN_LABEL - 8) / (ids.length - 1) : Infinity);
    // The block (first glyph's top to last label's bottom) centred on the stage's middle.
    const top = center.y - (step * (ids.length - 1)) / 2 - COLUMN_LABEL / 2;
    ids.forEach((i, k) => {
      points[i] = { x, y: round(top + k * step) };
      labelFrom[i] = { x, y: points[i].y - 1 };
    });
  };
  column(left, -1);
  column(right, 1);
  return { center, ringRadius, nodeRadius: r, points, angles, labelFrom };
}
