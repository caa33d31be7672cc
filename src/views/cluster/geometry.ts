/**
 * Pure layout maths of the cluster view: where nodes sit, where a message is along its link,
 * where partition walls and one-way cuts are drawn. No React, no DOM: unit-tested with exact
 * values. Coordinates are rounded to 1/100 of a view unit so that results are exact.
 */

export interface Point {
  x: number;
  y: number;
}
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The view box every layout is computed in; the SVG scales it to its container. */
export const VIEW = { width: 720, height: 540 } as const;
/** The view box for a container `width` CSS pixels wide: one unit per pixel, so text keeps
 * its size; the height follows the width within bounds. */
export function viewSize(width: number, height?: number): { width: number; height: number } {
  const w = Math.max(320, Math.round(width));
  // A stage of fixed height (the app's) is filled as it is, so nothing is letterboxed.
  if (height !== undefined && height > 0) return { width: w, height: Math.max(240, Math.round(height)) };
  return { width: w, height: Math.min(620, Math.max(360, Math.round(w * 0.72))) };
}

/** Room kept between the ring and the view's edge, for labels outside the nodes. */
export const RING_MARGIN = 82;
/** The same room above and below the ring, where labels are one line above or below a node. */
export const RING_MARGIN_Y = 76;
/** Room above a top node's rim for its label: labelPlacement's gap (15) and two lines (26),
 * NodeGlyph's move past a violation ring (8) and the ring's stroke. */
export const LABEL_ROOM_Y = 52;
/** Perpendicular distance between the two directed lanes of a link and its centre line. */
export const LANE = 5;
/** Largest and smallest node radius. */
export const NODE_R_MAX = 34;
export const NODE_R_MIN = 16;

const round = (v: number) => Math.round(v * 100) / 100 + 0; // + 0 turns -0 into 0
const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/** `count` points on a circle, the first at 12 o'clock, then clockwise. */
export function circlePoints(count: number, center: Point, radius: number): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < count; i++) {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / count;
    out.push({ x: round(center.x + radius * Math.cos(a)), y: round(center.y + radius * Math.sin(a)) });
  }
  return out;
}

/** Node radius for `count` nodes on a ring: neighbours keep a gap of about their own size. */
export function nodeRadius(count: number, ringRadius: number): number {
  if (count <= 1) return NODE_R_MAX;
  const chord = 2 * ringRadius * Math.sin(Math.PI / count);
  return Math.max(NODE_R_MIN, Math.min(NODE_R_MAX, Math.floor(chord * 0.28)));
}

export interface ClusterLayout {
  center: Point;
  ringRadius: number;
  nodeRadius: number;
  points: Point[];
}

/** Nodes of a cluster of `count` on a circle inside a `width` × `height` box. */
export function clusterLayout(count: number, width: number = VIEW.width, height: number = VIEW.height): ClusterLayout {
  const center = { x: width / 2, y: height / 2 };
  // Labels sit beside the nodes at left and right, above and below them at top and bottom:
  // a short stage (the app's fixed-height one) needs less room vertically.
  let ringRadius = Math.max(0, Math.min(width / 2 - RING_MARGIN, height / 2 - RING_MARGIN_Y));
  // Large nodes need more: the top node's two-line label above its rim, moved out past a
  // violation ring (NodeGlyph), must fit without sliding back onto the ring (issue 17).
  const r = nodeRadius(count, ringRadius);
  if (count > 1 && height / 2 - ringRadius < r + LABEL_ROOM_Y) ringRadius = Math.max(0, height / 2 - r - LABEL_ROOM_Y);
  return { center, ringRadius, nodeRadius: nodeRadius(count, ringRadius), points: circlePoints(count, center, ringRadius) };
}

/** Progress in [0, 1] between `start` and `end` at `time` (1 when the span is empty). */
export function progress(time: number, start: number, end: number): number {
  if (!(end > start)) return time >= end ? 1 : 0;
  return clamp01((time - start) / (end - start));
}

/** The point at fraction `p` (clamped to [0, 1]) from `a` to `b`. */
export function pointAlong(a: Point, b: Point, p: number): Point {
  const t = clamp01(p);
  return { x: round(a.x + (b.x - a.x) * t), y: round(a.y + (b.y - a.y) * t) };
}

/** Unit vector from a to b, and its right-hand normal (in SVG's y-down frame). */
function frame(a: Point, b: Point): { ux: number; uy: number; nx: number; ny: number; len: number } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy);
  if (len === 0) return { ux: 0, uy: 0, nx: 0, ny: 0, len: 0 };
  const ux = dx / len;
  const uy = dy / len;
  return { ux, uy, nx: -uy, ny: ux, len };
}

/**
 * The directed lane a message from `a` to `b` flies on: the link shifted `offset` to the
 * right of its direction (so a → b and b → a never overlap), trimmed by `trim` at both ends
 * so that messages leave and reach the node's rim, not its centre.
 */
export function lane(a: Point, b: Point, trim: number, offset: number = LANE): [Point, Point] {
  const f = frame(a, b);
  if (f.len === 0) return [a, b];
  const t = Math.min(trim, f.len / 2);
  const ox = f.nx * offset;
  const oy = f.ny * offset;
  return [
    { x: round(a.x + f.ux * t + ox), y: round(a.y + f.uy * t + oy) },
    { x: round(b.x - f.ux * t + ox), y: round(b.y - f.uy * t + oy) },
  ];
}

/** Where a message blocked by the network stops: the middle of its link (the wall). */
export const WALL_AT = 0.5;

/**
 * Where a message is drawn: progress along its lane by simulated time; a blocked message
 * flies until the wall and stays there until it is lost.
 */
export function flightProgress(time: number, sentAt: number, arriveAt: number, blocked: boolean): number {
  const p = progress(time, sentAt, arriveAt);
  return blocked ? Math.min(p, WALL_AT) : p;
}

/** A segment of length `2 * half` through `m`, across the direction from a to b. */
function across(a: Point, b: Point, m: Point, half: number): Segment {
  const f = frame(a, b);
  return { x1: round(m.x - f.nx * half), y1: round(m.y - f.ny * half), x2: round(m.x + f.nx * half), y2: round(m.y + f.ny * half) };
}

export interface Wall extends Segment {
  /** The two nodes, by index, whose link crosses a partition. */
  a: number;
  b: number;
}

/** The group index of every node (nodes missing from `groups` get their own groups). */
export function groupIndex(ids: readonly string[], groups: readonly (readonly string[])[]): number[] {
  const of = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((id) => of.set(id, i)));
  let next = groups.length;
  return ids.map((id) => of.get(id) ?? next++);
}

/**
 * The walls of a partition: for every link between nodes in different groups, a bar across
 * its middle spanning both lanes (`half` to each side of the centre line).
 */
export function partitionWalls(ids: readonly string[], points: readonly Point[], groups: readonly (readonly string[])[] | null, half: number = LANE * 2.2): Wall[] {
  if (!groups) return [];
  const g = groupIndex(ids, groups);
  const out: Wall[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      if (g[i] === g[j]) continue;
      const a = points[i]!;
      const b = points[j]!;
      out.push({ a: i, b: j, ...across(a, b, pointAlong(a, b, WALL_AT), half) });
    }
  }
  return out;
}

export interface GroupArc {
  group: number;
  /** Angles in D3's convention: radians clockwise from 12 o'clock; `end` > `start`. */
  start: number;
  end: number;
}

/**
 * When every partition group is one unbroken run of neighbours on the ring, the arcs of the
 * ring each group spans (a band is drawn behind each), with a gap of `pad` (a fraction of one
 * node's step) on both sides. Null when some group is scattered: bands would overlap.
 */
export function groupArcs(ids: readonly string[], groups: readonly (readonly string[])[] | null, pad: number = 0.16): GroupArc[] | null {
  const n = ids.length;
  if (!groups || n === 0) return null;
  const g = groupIndex(ids, groups);
  // Start the walk where a group begins, so no run wraps past the end of the list.
  const first = g.findIndex((v, i) => v !== g[(i - 1 + n) % n]);
  if (first < 0) return null;
  const step = (2 * Math.PI) / n;
  const out: GroupArc[] = [];
  const seen = new Set<number>();
  let runStart = first;
  for (let k = 1; k <= n; k++) {
    const i = (first + k) % n;
    if (k < n && g[i] === g[runStart]) continue;
    const group = g[runStart]!;
    if (seen.has(group)) return null;
    seen.add(group);
    const last = first + k - 1;
    const from = runStart < first ? runStart + n : runStart;
    out.push({ group, start: round((from - 0.5 + pad) * step), end: round((last + 0.5 - pad) * step) });
    runStart = i;
  }
  return out;
}

export interface CutMark {
  /** The bar across the blocked lane, at the wall. */
  bar: Segment;
  /** A small arrowhead on the lane just before the bar, pointing at the receiver. */
  arrow: [Point, Point, Point];
}

/** The mark of a one-way cut from `a` to `b`: a bar across a → b's lane at the wall, and an
 * arrowhead before it showing the blocked direction. */
export function cutMark(a: Point, b: Point, offset: number = LANE, half: number = LANE * 1.4): CutMark {
  const f = frame(a, b);
  const m = pointAlong(a, b, WALL_AT);
  const c = { x: m.x + f.nx * offset, y: m.y + f.ny * offset };
  const tip = { x: c.x - f.ux * 3, y: c.y - f.uy * 3 };
  const back = { x: tip.x - f.ux * 7, y: tip.y - f.uy * 7 };
  const w = 4;
  return {
    bar: across(a, b, { x: round(c.x), y: round(c.y) }, half),
    arrow: [
      { x: round(tip.x), y: round(tip.y) },
      { x: round(back.x + f.nx * w), y: round(back.y + f.ny * w) },
      { x: round(back.x - f.nx * w), y: round(back.y - f.ny * w) },
    ],
  };
}

/** The point `distance` from `p`, away from `center` (labels sit outside the ring). */
export function outward(center: Point, p: Point, distance: number): Point {
  const f = frame(center, p);
  if (f.len === 0) return { x: p.x, y: round(p.y + distance) };
  return { x: round(p.x + f.ux * distance), y: round(p.y + f.uy * distance) };
}

export interface LabelPlacement extends Point {
  anchor: 'start' | 'middle' | 'end';
}

/**
 * Where a node's two-line label goes, relative to the node's centre: outside the ring, above
 * or below for nodes near the top or bottom (centred), beside for nodes on the sides (aligned
 * away from the node). `gap` is the distance from the node's rim.
 */
export function labelPlacement(center: Point, p: Point, r: number, gap: number = 15): LabelPlacement {
  const f = frame(center, p);
  if (f.len === 0 || Math.abs(f.ux) < 0.5) {
    const down = f.len === 0 || f.uy >= 0;
    // Two lines about 26 units tall: their middle sits half that beyond the rim.
    return { x: 0, y: round((down ? 1 : -1) * (r + gap + 13)), anchor: 'middle' };
  }
  // Beside the node, the block moves further up or down on diagonals, clear of the rim.
  const d = r + gap;
  return { x: round(f.ux * d), y: round(f.uy * (d + 10)), anchor: f.ux > 0 ? 'start' : 'end' };
}

export type MessageKind = 'request' | 'reply';

const REPLY = /(Response|Reply|Ack|Nack)$/;
/** Paxos names its phases' answers by number: 1b answers 1a, 2b answers 2a. */
const PHASE_REPLY = /^\d+b$/;

/** Replies are types named `…Response`, `…Reply`, `…Ack` or `…Nack`, or Paxos's `1b`, `2b`;
 * everything else is a request. */
export function messageKind(type: string): MessageKind {
  return REPLY.test(type) || PHASE_REPLY.test(type) ? 'reply' : 'request';
}

/** The request type a message belongs to (`RequestVoteResponse` → `RequestVote`), so a
 * request and its reply share a colour and differ by shape. */
export function messageFamily(type: string): string {
  const base = type.replace(REPLY, '');
  return base.length > 0 ? base : type;
}

/** A message carrying nothing new (an empty `entries` list: a heartbeat) is drawn smaller. */
export function isEmptyPayload(payload: Record<string, unknown>): boolean {
  const entries = payload.entries;
  return Array.isArray(entries) && entries.length === 0;
}

/** Opacity of a lost message's mark, fading from 1 at `at` to 0 at `at + linger`. */
export function fade(time: number, at: number, linger: number): number {
  if (linger <= 0) return time <= at ? 1 : 0;
  return round(1 - clamp01((time - at) / linger));
}
