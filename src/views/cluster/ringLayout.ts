/**
 * The cluster view's layout for a protocol whose nodes live on a hash ring (view hint
 * `ringPlace`): each node on the circle at its place, nudged apart just enough that glyphs do
 * not overlap, and nodes off the ring (clients) in a row at the centre. Pure: unit-tested.
 */
import { nodeRadius, RING_MARGIN, RING_MARGIN_Y, type ClusterLayout, type Point } from './geometry';

const TAU = Math.PI * 2;
const round = (v: number) => Math.round(v * 100) / 100 + 0;

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
  for (let pass = 0; pass < 60 && n > 1; pass++) {
    let moved = false;
    for (let k = 0; k < n; k++) {
      const next = (k + 1) % n;
      const gapNow = (a[next]! - a[k]! + (next === 0 ? TAU : 0));
      if (gapNow < g - 1e-9) {
        const push = (g - gapNow) / 2;
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

/** Nodes on a ring by `places` (null: off the ring, at the centre) in a `width` × `height` box. */
export function ringLayout(places: readonly (number | null)[], width: number, height: number): ClusterLayout & { angles: (number | null)[]; labelFrom: Point[] } {
  const center = { x: width / 2, y: height / 2 };
  const ringRadius = Math.max(0, Math.min(width / 2 - RING_MARGIN, height / 2 - RING_MARGIN_Y));
  const on = places.flatMap((p, i) => (p === null ? [] : [i]));
  const off = places.flatMap((p, i) => (p === null ? [i] : []));
  // Glyphs a little smaller than on the plain circle: the ring's tokens and keys need the room.
  const r = Math.max(14, Math.round(nodeRadius(Math.max(on.length, 6), ringRadius) * 0.8));
  const spread = spreadAngles(on.map((i) => places[i]!), (2.5 * r) / Math.max(1, ringRadius));
  const points: Point[] = new Array(places.length);
  const angles: (number | null)[] = places.map(() => null);
  on.forEach((i, k) => {
    const a = spread[k]!;
    angles[i] = a;
    points[i] = { x: round(center.x + ringRadius * Math.sin(a)), y: round(center.y - ringRadius * Math.cos(a)) };
  });
  // Labels point away from the centre on the ring, and down below the nodes in the middle.
  const labelFrom: Point[] = places.map(() => center);
  off.forEach((i, k) => {
    points[i] = { x: round(center.x + (k - (off.length - 1) / 2) * 2.8 * r), y: round(center.y) };
    labelFrom[i] = { x: points[i].x, y: points[i].y - 1 };
  });
  return { center, ringRadius, nodeRadius: r, points, angles, labelFrom };
}
