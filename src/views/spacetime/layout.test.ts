import { describe, expect, it } from 'vitest';
import type { Message, TraceEvent } from '../../sim/types';
import {
  AGGREGATE_AT,
  AXIS_H,
  LANE_H,
  axisTicks,
  clampWindow,
  columnOf,
  diagramHeight,
  followWindow,
  hatchLines,
  laneAt,
  laneY,
  lowerBound,
  panWindow,
  segmentDistance,
  shouldAggregate,
  timeAt,
  transformFor,
  upperBound,
  visibleRange,
  windowFor,
  xOf,
  yAlong,
  zoomWindow,
} from './layout';
import { FATE, RunIndex, indexFor } from './runIndex';
import { buildScene, emptyScene, hitTest, type SceneInput } from './scene';

describe('time ↔ x', () => {
  const win = { start: 100, end: 600 };
  it('maps the window onto the width, both ways', () => {
    expect(xOf(100, win, 1000)).toBe(0);
    expect(xOf(350, win, 1000)).toBe(500);
    expect(xOf(600, win, 1000)).toBe(1000);
    expect(xOf(50, win, 1000)).toBe(-100);
    expect(timeAt(500, win, 1000)).toBe(350);
    expect(timeAt(0, win, 1000)).toBe(100);
  });
  it('gives the pixel column of a time, or -1 outside', () => {
    expect(columnOf(100, win, 1000)).toBe(0);
    expect(columnOf(100.49, win, 1000)).toBe(0);
    expect(columnOf(100.5, win, 1000)).toBe(1);
    expect(columnOf(599.9, win, 1000)).toBe(999);
    expect(columnOf(600, win, 1000)).toBe(-1);
    expect(columnOf(99, win, 1000)).toBe(-1);
  });
  it('ticks the axis about every 110 px, never below 0', () => {
    expect(axisTicks({ start: 0, end: 700 }, 1000)).toEqual([0, 100, 200, 300, 400, 500, 600, 700]);
    expect(axisTicks({ start: -20, end: 180 }, 440)).toEqual([0, 50, 100, 150]);
  });
});

describe('lanes', () => {
  it('stack below the axis, one LANE_H each', () => {
    expect(AXIS_H).toBe(30);
    expect(LANE_H).toBe(28);
    expect(laneY(0)).toBe(44);
    expect(laneY(2)).toBe(100);
    expect(diagramHeight(5)).toBe(176);
  });
  it('are found by y', () => {
    expect(laneAt(29.9, 5)).toBe(-1);
    expect(laneAt(30, 5)).toBe(0);
    expect(laneAt(57.9, 5)).toBe(0);
    expect(laneAt(58, 5)).toBe(1);
    expect(laneAt(169.9, 5)).toBe(4);
    expect(laneAt(170, 5)).toBe(-1);
  });
});

describe('visible range (binary search over events in time order)', () => {
  const events = [0, 0, 10, 10, 10, 20, 30].map((time) => ({ time }));
  it('finds the first event at or after, and after, a time', () => {
    expect(lowerBound(events, 7, 10)).toBe(2);
    expect(upperBound(events, 7, 10)).toBe(5);
    expect(lowerBound(events, 7, -5)).toBe(0);
    expect(upperBound(events, 7, 30)).toBe(7);
    expect(lowerBound(events, 7, 31)).toBe(7);
  });
  it('gives the half-open range of a window, within the first `count` events', () => {
    expect(visibleRange(events, 7, { start: 10, end: 20 })).toEqual([2, 6]);
    expect(visibleRange(events, 7, { start: 11, end: 19 })).toEqual([5, 5]);
    expect(visibleRange(events, 7, { start: 40, end: 90 })).toEqual([7, 7]);
    expect(visibleRange(events, 4, { start: 5, end: 100 })).toEqual([2, 4]);
  });
});

describe('the window', () => {
  it('stays within the run, with a little room on both sides', () => {
    const w = { start: 100, end: 600 };
    expect(clampWindow(w, 1000)).toBe(w);
    expect(clampWindow({ start: -100, end: 400 }, 1000)).toEqual({ start: -10, end: 490 });
    expect(clampWindow({ start: 900, end: 1400 }, 1000)).toEqual({ start: 550, end: 1050 });
    expect(clampWindow({ start: 10, end: 11 }, 1000)).toEqual({ start: 10, end: 15 });
    expect(clampWindow({ start: 0, end: 5000 }, 1000)).toEqual({ start: -8, end: 1112 });
  });
  it('zooms about an anchor and pans', () => {
    expect(zoomWindow({ start: 0, end: 1000 }, 2, 500, 1000)).toEqual({ start: 250, end: 750 });
    expect(zoomWindow({ start: 0, end: 1000 }, 2, 0, 1000)).toEqual({ start: 0, end: 500 });
    expect(zoomWindow({ start: 200, end: 400 }, 0.5, 300, 1000)).toEqual({ start: 100, end: 500 });
    expect(panWindow({ start: 0, end: 500 }, 100, 1000)).toEqual({ start: 100, end: 600 });
    expect(panWindow({ start: 0, end: 500 }, -100, 1000)).toEqual({ start: -10, end: 490 });
  });
  it('follows the cursor: still inside, scrolled to the edge, or paged', () => {
    const w = { start: 0, end: 1000 };
    expect(followWindow(w, 500, false)).toBe(w);
    expect(followWindow(w, 900, false)).toBe(w);
    expect(followWindow(w, 950, false)).toEqual({ start: 50, end: 1050 });
    expect(followWindow(w, 950, true)).toEqual({ start: 850, end: 1850 });
    expect(followWindow({ start: 1000, end: 2000 }, 400, false)).toEqual({ start: 300, end: 1300 });
    expect(followWindow({ start: 1000, end: 2000 }, 40, false)).toEqual({ start: -20, end: 980 });
  });
  it('converts to and from d3-zoom transforms', () => {
    expect(transformFor({ start: 200, end: 700 }, 1000)).toEqual({ k: 2, x: -400 });
    expect(windowFor(2, -400, 1000)).toEqual({ start: 200, end: 700 });
    expect(windowFor(1, 0, 800)).toEqual({ start: 0, end: 1000 });
  });
  it('aggregates above AGGREGATE_AT arrows', () => {
    expect(AGGREGATE_AT).toBe(3000);
    expect(shouldAggregate(3000)).toBe(false);
    expect(shouldAggregate(3001)).toBe(true);
  });
});

describe('geometry helpers', () => {
  it('interpolates y along an arrow by time, clamped', () => {
    expect(yAlong(5, 0, 0, 10, 100)).toBe(50);
    expect(yAlong(-5, 0, 0, 10, 100)).toBe(0);
    expect(yAlong(20, 0, 0, 10, 100)).toBe(100);
    expect(yAlong(3, 3, 7, 3, 9)).toBe(9);
  });
  it('measures the distance to a segment', () => {
    expect(segmentDistance(5, 5, 0, 0, 10, 0)).toBe(5);
    expect(segmentDistance(13, 4, 0, 0, 10, 0)).toBe(5);
    expect(segmentDistance(2, 2, 2, 2, 2, 2)).toBe(0);
  });
  it('hatches a rectangle with 45° lines on a fixed grid', () => {
    expect(hatchLines(0, 0, 12, 6, 6)).toEqual([0, 6, 6, 0, 6, 6, 12, 0]);
    expect(hatchLines(1, 10, 4, 4, 6)).toEqual([2, 14, 5, 11]);
    expect(hatchLines(0, 0, 0, 6, 6)).toEqual([]);
  });
});

// ── run index: spans, markers and messages from events ────────────────────────

let nextId = 1;
function msg(from: string, to: string, sentAt: number, arriveAt: number): Message {
  return { id: nextId++, from, to, type: 'Ping', payload: { type: 'Ping' }, sentAt, arriveAt };
}
function ev(seq: number, time: number, kind: TraceEvent['kind'], rest: Partial<TraceEvent> = {}): TraceEvent {
  return { seq, time, kind, ...rest };
}

function sampleRun(): { events: TraceEvent[]; m1: Message; m2: Message } {
  nextId = 1;
  const m1 = msg('n1', 'n2', 0, 10);
  const m2 = msg('n2', 'n1', 15, 25);
  const events = [
    ev(0, 0, 'start', { node: 'n1', sent: [m1] }),
    ev(1, 5, 'crash', { node: 'n2', detail: { lostMessages: [m1.id] } }),
    ev(2, 6, 'crash', { node: 'n2', reason: 'already down' }),
    ev(3, 8, 'pause', { node: 'n3' }),
    ev(4, 9, 'partition', { detail: { groups: [['n1'], ['n2']] } }),
    ev(5, 12, 'resume', { node: 'n3' }),
    ev(6, 15, 'restart', { node: 'n2', sent: [m2] }),
    ev(7, 20, 'partition', { detail: { groups: [['n1', 'n2', 'n3']] } }),
    ev(8, 22, 'heal'),
    ev(9, 25, 'deliver', { node: 'n1', message: m2 }),
    ev(10, 30, 'cut', { detail: { from: 'n1', to: 'n3' } }),
    ev(11, 31, 'pause', { node: 'n1' }),
    ev(12, 32, 'crash', { node: 'n1', detail: { lostMessages: [] } }),
  ];
  return { events, m1, m2 };
}

describe('run index', () => {
  it('extracts down, paused, partition and cut spans', () => {
    const { events } = sampleRun();
    const index = new RunIndex(['n1', 'n2', 'n3']);
    index.update(events);
    expect(index.spans.map((s) => [s.kind, s.lane, s.start, s.end, s.startSeq, s.endSeq])).toEqual([
      ['down', 1, 5, 15, 1, 6],
      ['paused', 2, 8, 12, 3, 5],
      ['paused', 0, 31, 32, 11, 12],
      ['down', 0, 32, Infinity, 12, -1],
    ]);
    expect(index.spansOf('down', 0)).toEqual([[32, Infinity]]);
    expect(index.partitions.map((p) => [p.start, p.end, p.groupOf])).toEqual([
      [9, 20, [0, 1, 2]],
      [20, 22, [0, 0, 0]],
    ]);
    expect(index.cuts.map((c) => [c.from, c.to, c.start, c.end])).toEqual([[0, 2, 30, Infinity]]);
    expect(index.markers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12]);
  });

  it('records every message’s send and end, and how it ended', () => {
    const { events, m1, m2 } = sampleRun();
    const index = new RunIndex(['n1', 'n2', 'n3']);
    index.update(events);
    expect([index.sendSeq[m1.id], index.endSeq[m1.id], index.endAt[m1.id], index.fate[m1.id]]).toEqual([0, 1, 5, FATE.crashed]);
    expect([index.sendSeq[m2.id], index.endSeq[m2.id], index.endAt[m2.id], index.fate[m2.id]]).toEqual([6, 9, 25, FATE.delivered]);
    expect([index.from[m2.id], index.to[m2.id]]).toEqual([1, 0]);
    expect([index.sends, index.delivered, index.lost]).toEqual([2, 1, 1]);
  });

  it('finds the messages whose flight overlaps a window', () => {
    const { events } = sampleRun();
    const index = new RunIndex(['n1', 'n2', 'n3']);
    index.update(events);
    const out = new Int32Array(10);
    const ids = (t0: number, t1: number) => Array.from(out.subarray(0, index.messagesIn(t0, t1, out)));
    expect(ids(0, 4)).toEqual([1]);
    expect(ids(5, 5)).toEqual([1]);
    expect(ids(6, 14)).toEqual([]);
    expect(ids(16, 100)).toEqual([2]);
    expect(ids(0, 100)).toEqual([1, 2]);
    expect(ids(26, 100)).toEqual([]);
    // Over the limit: limit + 1.
    expect(index.messagesIn(0, 100, out, 1)).toBe(2);
  });

  it('keeps a message open while it is in flight at the head', () => {
    nextId = 1;
    const m = msg('n1', 'n2', 0, 10);
    const index = new RunIndex(['n1', 'n2']);
    index.update([ev(0, 0, 'start', { node: 'n1', sent: [m] })]);
    expect([index.endSeq[1], index.endAt[1], index.fate[1]]).toEqual([-1, Infinity, FATE.flight]);
    const out = new Int32Array(4);
    expect(index.messagesIn(500, 600, out)).toBe(1);
  });

  it('reads only new events, and starts over for a different run', () => {
    const { events } = sampleRun();
    const a = indexFor(events, ['n1', 'n2', 'n3'], 5);
    expect(a.processed).toBe(5);
    expect(a.spans.map((s) => s.end)).toEqual([Infinity, Infinity]);
    const b = indexFor(events, ['n1', 'n2', 'n3']);
    expect(b).toBe(a);
    expect(b.processed).toBe(13);
    expect(b.spans.map((s) => s.end)).toEqual([15, 12, 32, Infinity]);
    expect(indexFor([...events], ['n1', 'n2', 'n3'])).not.toBe(a);
  });
});

describe('scene', () => {
  function input(events: TraceEvent[], nodes: string[], win = { start: 0, end: 100 }, width = 1000): SceneInput {
    const index = indexFor(events, nodes);
    return { events, count: events.length, index, violations: [], win, width, cursor: win.end, step: events.length, selectedLane: -1, selectedMessage: -1, hover: null };
  }

  it('draws arrows up to AGGREGATE_AT, density beyond', () => {
    const make = (n: number) => {
      nextId = 1;
      const events: TraceEvent[] = [];
      for (let i = 0; i < n; i++) {
        const m = msg('n1', 'n2', i, i + 1);
        events.push(ev(2 * i, i, 'timer', { node: 'n1', sent: [m] }), ev(2 * i + 1, i + 1, 'deliver', { node: 'n2', message: m }));
      }
      events.forEach((e, i) => (e.seq = i));
      events.sort((a, b) => a.time - b.time || a.seq - b.seq).forEach((e, i) => (e.seq = i));
      return events;
    };
    const few = input(make(AGGREGATE_AT), ['n1', 'n2'], { start: 0, end: AGGREGATE_AT + 1 });
    const s1 = buildScene(emptyScene(few), few);
    expect([s1.aggregated, s1.arrowCount]).toEqual([false, AGGREGATE_AT]);
    const many = input(make(AGGREGATE_AT + 1), ['n1', 'n2'], { start: 0, end: AGGREGATE_AT + 2 }, 100);
    const s2 = buildScene(emptyScene(many), many);
    expect([s2.aggregated, s2.arrowCount, s2.densityMessages]).toEqual([true, 0, AGGREGATE_AT + 1]);
    // 3001 sends on lane 0 and 3001 deliveries on lane 1, over 100 columns.
    const sum = (lane: number) => Array.from(s2.density.subarray(lane * 100, lane * 100 + 100)).reduce((a, b) => a + b, 0);
    expect([sum(0), sum(1)]).toEqual([AGGREGATE_AT + 1, AGGREGATE_AT + 1]);
  });

  it('hit-tests an arrow, a marker, a span and an empty lane', () => {
    const { events, m2 } = sampleRun();
    const inp = input(events, ['n1', 'n2', 'n3'], { start: 0, end: 100 }, 1000);
    const scene = buildScene(emptyScene(inp), inp);
    // m2 flies from n2 (y 72) at 15 ms (x 150) to n1 (y 44) at 25 ms (x 250).
    expect(hitTest(scene, 200, 58)).toEqual({ kind: 'message', id: m2.id });
    // The crash of n1 at 32 ms.
    expect(hitTest(scene, 321, laneY(0))).toEqual({ kind: 'event', seq: 12 });
    expect(hitTest(scene, 600, laneY(0) + 3)).toEqual({ kind: 'span', span: inp.index.spans[3] });
    expect(hitTest(scene, 600, laneY(1))).toEqual({ kind: 'lane', lane: 1, time: 60 });
    expect(hitTest(scene, 200, 10)).toEqual({ kind: 'axis', time: 20 });
  });

  it('marks a violation on the nodes it names, or on every lane when it names none', () => {
    const { events } = sampleRun();
    const base = input(events, ['n1', 'n2', 'n3'], { start: 0, end: 100 }, 1000);
    const named = { ...base, violations: [{ seq: 9, invariant: 'x', message: 'm', nodes: ['n3'] }] };
    const s1 = buildScene(emptyScene(named), named);
    expect(s1.violations).toEqual([0]);
    expect(hitTest(s1, 250, laneY(2))).toEqual({ kind: 'violation', index: 0, lane: 2 });
    expect(hitTest(s1, 250, laneY(1))).not.toMatchObject({ kind: 'violation' });
    const anonymous = { ...base, violations: [{ seq: 9, invariant: 'x', message: 'm' }] };
    const s2 = buildScene(emptyScene(anonymous), anonymous);
    expect(hitTest(s2, 250, laneY(1))).toEqual({ kind: 'violation', index: 0, lane: 1 });
    // Outside the window: not in the scene.
    const later = { ...named, win: { start: 30, end: 100 } };
    expect(buildScene(emptyScene(later), later).violations).toEqual([]);
  });
});
