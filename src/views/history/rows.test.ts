import { describe, expect, it } from 'vitest';
import type { HistoryOp } from '../../check/history';
import { LANE, LANE_BARS, laneLayout, laneRows, type HistoryModel } from './model';

const op = (id: string, invokeTime: number, endTime?: number): HistoryOp => ({ id, client: 'n1', f: 'put', key: 'x', status: endTime === undefined ? 'pending' : 'ok', invokeSeq: invokeTime, invokeTime, endSeq: endTime, endTime });

/** A bar's box as the panel draws it: its time span, its row (26 px tall). */
const box = (o: HistoryOp, row: number) => ({ x0: o.invokeTime, x1: o.endTime ?? Infinity, y0: row * 26 + 4, y1: row * 26 + 22 });
const disjoint = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) => a.x1 < b.x0 || b.x1 < a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0;

describe('history lane sub-rows', () => {
  it('two overlapping ops of one client get distinct rows and their bars do not overlap', () => {
    const put = op('p', 100, 400);
    const get = op('g', 200, 300);
    const { row, rows } = laneRows([put, get]);
    expect(rows).toBe(2);
    expect(row.get('p')).not.toBe(row.get('g'));
    expect(disjoint(box(put, row.get('p')!), box(get, row.get('g')!))).toBe(true);
  });

  it('sequential ops share one row; a row is reused once its op has ended; an unanswered op keeps its row', () => {
    const ops = [op('a', 0, 50), op('b', 60, 500), op('c', 70), op('d', 100, 120), op('e', 130, 140)];
    const { row, rows } = laneRows(ops);
    expect([...row.values()]).toEqual([0, 0, 1, 2, 2]);
    expect(rows).toBe(3);
    for (const x of ops) for (const y of ops) if (x !== y) expect(disjoint(box(x, row.get(x.id)!), box(y, row.get(y.id)!))).toBe(true);
    expect(laneRows([]).rows).toBe(1);
  });
});

describe('lane layout', () => {
  const model = (lanes: HistoryOp[][], violating: string[] = []): HistoryModel => ({
    lanes: lanes.map((ops, i) => ({ client: `n${i + 1}`, ops })),
    violating: new Set(violating),
    violation: null,
    why: null,
    onDemand: false,
  });

  it('stacks the lanes by their sub-rows and counts the ops drawn', () => {
    const a = [op('a1', 0, 50), op('a2', 10, 20)];
    const b = [op('b1', 0, 10)];
    const l = laneLayout(model([a, b]));
    expect(l.rows.map((r) => r.rows)).toEqual([2, 1]);
    expect(l.tops).toEqual([0, 2 * LANE, 3 * LANE]);
    expect(l.height).toBe(3 * LANE + 8);
    expect([l.count, l.shown]).toEqual([3, 3]);
  });

  it('a long lane draws its latest ops and every violating one', () => {
    const ops = Array.from({ length: LANE_BARS + 50 }, (_, i) => op(`o${i}`, i * 10, i * 10 + 5));
    const l = laneLayout(model([ops], ['o3']));
    expect(l.count).toBe(LANE_BARS + 50);
    expect(l.shown).toBe(LANE_BARS + 1);
    expect(l.drawn[0]![0]!.id).toBe('o3');
  });
});
