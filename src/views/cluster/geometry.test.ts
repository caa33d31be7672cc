import { describe, expect, it } from 'vitest';
import {
  RING_MARGIN,
  RING_MARGIN_Y,
  LABEL_ROOM_Y,
  NODE_R_MAX,
  VIEW,
  circlePoints,
  clusterLayout,
  cutMark,
  fade,
  flightProgress,
  groupArcs,
  groupIndex,
  isEmptyPayload,
  labelPlacement,
  lane,
  messageFamily,
  messageKind,
  nodeRadius,
  partitionWalls,
  pointAlong,
  progress,
  viewSize,
} from './geometry';

describe('node positions', () => {
  it('puts the first node at 12 o’clock and goes clockwise', () => {
    expect(circlePoints(4, { x: 100, y: 100 }, 50)).toEqual([
      { x: 100, y: 50 },
      { x: 150, y: 100 },
      { x: 100, y: 150 },
      { x: 50, y: 100 },
    ]);
  });

  it('spaces three nodes 120° apart, rounded to 1/100', () => {
    expect(circlePoints(3, { x: 0, y: 0 }, 100)).toEqual([
      { x: 0, y: -100 },
      { x: 86.6, y: 50 },
      { x: -86.6, y: 50 },
    ]);
  });

  it('lays a cluster out in the view box, centred, with room for labels', () => {
    const l = clusterLayout(5);
    expect(l.center).toEqual({ x: VIEW.width / 2, y: VIEW.height / 2 });
    // Large nodes: the room above the top one is its radius and its label's (moved past a
    // violation ring), more than the fixed margin.
    expect(l.nodeRadius).toBe(NODE_R_MAX);
    expect(l.ringRadius).toBe(VIEW.height / 2 - NODE_R_MAX - LABEL_ROOM_Y);
    expect(l.points).toHaveLength(5);
    expect(l.points[0]).toEqual({ x: 360, y: NODE_R_MAX + LABEL_ROOM_Y });
    expect(clusterLayout(3, 400, 300).points[0]).toEqual({ x: 200, y: NODE_R_MAX + LABEL_ROOM_Y });
    // Small nodes keep the fixed margin.
    const small = clusterLayout(9, 400, 300);
    expect(small.nodeRadius + LABEL_ROOM_Y).toBeLessThanOrEqual(RING_MARGIN_Y);
    expect(small.points[0]).toEqual({ x: 200, y: RING_MARGIN_Y });
    // A narrow view keeps the wider room at the sides, where labels run outward.
    expect(clusterLayout(3, 300, 600).ringRadius).toBe(150 - RING_MARGIN);
  });

  it('sizes the view box to the container: one unit per pixel, height within bounds', () => {
    expect(viewSize(800)).toEqual({ width: 800, height: 576 });
    expect(viewSize(1400.4)).toEqual({ width: 1400, height: 620 });
    expect(viewSize(200)).toEqual({ width: 320, height: 360 });
    expect(viewSize(900, 430.6)).toEqual({ width: 900, height: 431 });
    expect(viewSize(900, 100)).toEqual({ width: 900, height: 240 });
  });

  it('shrinks nodes as the ring gets crowded, within bounds', () => {
    expect(nodeRadius(3, 196)).toBe(34);
    expect(nodeRadius(9, 196)).toBe(34); // chord 134.07 × 0.28 = 37.5, capped
    expect(nodeRadius(9, 100)).toBe(19); // chord 68.4 × 0.28 = 19.15
    expect(nodeRadius(9, 20)).toBe(16);
    expect(nodeRadius(1, 196)).toBe(34);
  });
});

describe('flight', () => {
  it('progress is the clamped fraction of the span', () => {
    expect(progress(15, 10, 30)).toBe(0.25);
    expect(progress(5, 10, 30)).toBe(0);
    expect(progress(99, 10, 30)).toBe(1);
    expect(progress(10, 10, 10)).toBe(1);
    expect(progress(9, 10, 10)).toBe(0);
  });

  it('a point along a link, clamped to its ends', () => {
    const a = { x: 0, y: 0 };
    const b = { x: 100, y: 40 };
    expect(pointAlong(a, b, 0.25)).toEqual({ x: 25, y: 10 });
    expect(pointAlong(a, b, -1)).toEqual(a);
    expect(pointAlong(a, b, 2)).toEqual(b);
  });

  it('a blocked message stops at the wall, the middle of its link', () => {
    expect(flightProgress(20, 10, 30, false)).toBe(0.5);
    expect(flightProgress(28, 10, 30, false)).toBe(0.9);
    expect(flightProgress(28, 10, 30, true)).toBe(0.5);
    expect(flightProgress(12, 10, 30, true)).toBe(0.1);
  });

  it('lanes are trimmed to the rims and offset to the right of their direction', () => {
    const a = { x: 0, y: 0 };
    const b = { x: 100, y: 0 };
    // Going +x in SVG (y down), the right-hand side is +y.
    expect(lane(a, b, 10, 5)).toEqual([
      { x: 10, y: 5 },
      { x: 90, y: 5 },
    ]);
    expect(lane(b, a, 10, 5)).toEqual([
      { x: 90, y: -5 },
      { x: 10, y: -5 },
    ]);
    expect(lane(a, a, 10, 5)).toEqual([a, a]);
  });
});

describe('partitions and cuts', () => {
  const ids = ['n1', 'n2', 'n3', 'n4'];
  const points = [
    { x: 0, y: 0 },
    { x: 100, y: 0 },
    { x: 100, y: 100 },
    { x: 0, y: 100 },
  ];

  it('groups nodes, giving unlisted nodes their own group', () => {
    expect(groupIndex(ids, [['n1', 'n2'], ['n3']])).toEqual([0, 0, 1, 2]);
  });

  it('puts a wall across the middle of every link between groups, and none without a partition', () => {
    expect(partitionWalls(ids, points, null)).toEqual([]);
    const walls = partitionWalls(
      ids,
      points,
      [
        ['n1', 'n2'],
        ['n3', 'n4'],
      ],
      10,
    );
    expect(walls.map((w) => [ids[w.a], ids[w.b]])).toEqual([
      ['n1', 'n3'],
      ['n1', 'n4'],
      ['n2', 'n3'],
      ['n2', 'n4'],
    ]);
    // n1 (0,0) → n4 (0,100): middle (0,50), a horizontal bar 20 long.
    expect(walls[1]).toEqual({ a: 0, b: 3, x1: 10, y1: 50, x2: -10, y2: 50 });
    // n2 (100,0) → n3 (100,100): middle (100,50).
    expect(walls[2]).toEqual({ a: 1, b: 2, x1: 110, y1: 50, x2: 90, y2: 50 });
  });

  it('gives each group a band on the ring when every group is a run of neighbours', () => {
    const five = ['n1', 'n2', 'n3', 'n4', 'n5'];
    const step = (2 * Math.PI) / 5;
    const r2 = (v: number) => Math.round(v * 100) / 100;
    expect(
      groupArcs(five, [
        ['n1', 'n2'],
        ['n3', 'n4', 'n5'],
      ]),
    ).toEqual([
      { group: 0, start: r2(-0.34 * step), end: r2(1.34 * step) },
      { group: 1, start: r2(1.66 * step), end: r2(4.34 * step) },
    ]);
    // A run may wrap past the end of the list: {n5, n1} | {n2, n3, n4}.
    expect(
      groupArcs(five, [
        ['n1', 'n5'],
        ['n2', 'n3', 'n4'],
      ]),
    ).toEqual([
      { group: 1, start: r2(0.66 * step), end: r2(3.34 * step) },
      { group: 0, start: r2(3.66 * step), end: r2(5.34 * step) },
    ]);
    // Scattered groups, a single group, or no partition: no bands.
    expect(groupArcs(five, [['n1', 'n3'], ['n2', 'n4', 'n5']])).toBeNull();
    expect(groupArcs(five, [five])).toBeNull();
    expect(groupArcs(five, null)).toBeNull();
  });

  it('marks a one-way cut on the lane of its direction, the arrowhead pointing at the receiver', () => {
    const mark = cutMark({ x: 0, y: 0 }, { x: 100, y: 0 }, 5, 7);
    expect(mark.bar).toEqual({ x1: 50, y1: -2, x2: 50, y2: 12 });
    expect(mark.arrow).toEqual([
      { x: 47, y: 5 },
      { x: 40, y: 9 },
      { x: 40, y: 1 },
    ]);
  });
});

describe('message kinds', () => {
  it('tells replies from requests by the type name, for any protocol', () => {
    expect(messageKind('RequestVote')).toBe('request');
    expect(messageKind('RequestVoteResponse')).toBe('reply');
    expect(messageKind('AppendEntries')).toBe('request');
    expect(messageKind('AppendEntriesResponse')).toBe('reply');
    expect(messageKind('Prepare')).toBe('request');
    expect(messageKind('PrepareReply')).toBe('reply');
    expect(messageKind('CommitAck')).toBe('reply');
    expect(messageKind('ResponseTime')).toBe('request');
    expect(messageKind('1a')).toBe('request');
    expect(messageKind('1b')).toBe('reply');
    expect(messageKind('2b')).toBe('reply');
    // A Paxos answer keeps its own family, so its own colour.
    expect(messageFamily('2b')).toBe('2b');
  });

  it('a reply shares its request’s family (and colour)', () => {
    expect(messageFamily('RequestVoteResponse')).toBe('RequestVote');
    expect(messageFamily('AppendEntries')).toBe('AppendEntries');
    expect(messageFamily('Response')).toBe('Response');
  });

  it('an empty entries list is a heartbeat', () => {
    expect(isEmptyPayload({ type: 'AppendEntries', entries: [] })).toBe(true);
    expect(isEmptyPayload({ type: 'AppendEntries', entries: [{ term: 1, command: 'x' }] })).toBe(false);
    expect(isEmptyPayload({ type: 'RequestVote' })).toBe(false);
  });
});

describe('labels and fading', () => {
  it('places labels above the top node, below the bottom one, beside the side ones', () => {
    const c = { x: 0, y: 0 };
    expect(labelPlacement(c, { x: 0, y: -100 }, 30, 12)).toEqual({ x: 0, y: -55, anchor: 'middle' });
    expect(labelPlacement(c, { x: 0, y: 100 }, 30, 12)).toEqual({ x: 0, y: 55, anchor: 'middle' });
    expect(labelPlacement(c, { x: 100, y: 0 }, 30, 12)).toEqual({ x: 42, y: 0, anchor: 'start' });
    expect(labelPlacement(c, { x: -60, y: 80 }, 30, 12)).toEqual({ x: -25.2, y: 41.6, anchor: 'end' });
  });

  it('a lost message fades out over the linger time', () => {
    expect(fade(100, 100, 40)).toBe(1);
    expect(fade(110, 100, 40)).toBe(0.75);
    expect(fade(140, 100, 40)).toBe(0);
    expect(fade(200, 100, 40)).toBe(0);
    expect(fade(100, 100, 0)).toBe(1);
  });
});
