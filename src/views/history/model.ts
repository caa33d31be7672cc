/**
 * What the history view draws: the client history of the recorded run, one lane per client,
 * and the operations of the first linearizability violation (its smallest sub-history), read
 * off the trace with the checker. Pure, so it is tested without a browser.
 */
import type { ProtocolModule } from '../../protocols/types';
import type { TraceEvent, Violation } from '../../sim/types';
import type { HistoryOp } from '../../check/history';
import { checkKey, LINEARIZABLE } from '../../check/linearizability';
import { historyUpTo, keyVerdict } from './source';

export interface HistoryModel {
  lanes: { client: string; ops: HistoryOp[] }[];
  /** Ids of the ops in the violation's core. */
  violating: ReadonlySet<string>;
  violation: Violation | null;
  /** The checker's explanation, for the panel (English, as invariant messages are). */
  why: string | null;
  /** When the verdict was computed on demand (a protocol that promises no linearizability). */
  onDemand: boolean;
}

export function historyModel(module: ProtocolModule, events: readonly TraceEvent[], violations: readonly Violation[], head: number): HistoryModel {
  const history = historyUpTo(module, events, head);
  const byClient = new Map<string, HistoryOp[]>();
  for (const op of history.ops) {
    const lane = byClient.get(op.client);
    if (lane) lane.push(op);
    else byClient.set(op.client, [op]);
  }
  const lanes = [...byClient].sort((a, b) => a[0].localeCompare(b[0], 'en', { numeric: true })).map(([client, ops]) => ({ client, ops }));
  const violation = violations.find((v) => v.invariant === LINEARIZABLE && v.seq < head) ?? null;
  const onDemand = module.clientConsistency === 'none';
  // The core as of the violation: the history up to that event, the key the message names.
  let violating = new Set<string>();
  let why: string | null = null;
  if (violation) {
    const key = /^key (.*?): /.exec(violation.message)?.[1];
    const upTo = historyUpTo(module, events, violation.seq + 1);
    const v = key === undefined ? undefined : checkKey(upTo, key);
    if (v && !v.ok) {
      violating = new Set(v.core!.map((o) => o.id));
      why = violation.message;
    }
  } else if (onDemand) {
    for (const key of history.keyNames().sort()) {
      const v = keyVerdict(module, events, history, key);
      if (!v.ok) {
        violating = new Set(v.core!.map((o) => o.id));
        why = `key ${key}: ${v.why}`;
        break;
      }
    }
  }
  return { lanes, violating, violation, why, onDemand };
}

/** More operations than this in a lane and only its latest are drawn, with those of the
 * violation (issue 10: 10,000 gets drew 10,000 SVG bars, seconds of layout per frame). */
export const LANE_BARS = 200;

/** The ops of a lane that are drawn: the latest `limit` and every violating one, in order. */
export function drawnOps(ops: readonly HistoryOp[], violating: ReadonlySet<string>, limit = LANE_BARS): readonly HistoryOp[] {
  if (ops.length <= limit) return ops;
  const from = ops.length - limit;
  return ops.filter((op, i) => i >= from || violating.has(op.id));
}

/** The op's label: `put x=1`, `get x → 1`. */
export function opText(op: HistoryOp): string {
  if (op.f === 'get' || op.f === 'read') return `${op.f} ${op.key}${op.status === 'ok' ? ` → ${op.output === null || op.output === undefined ? 'nil' : String(op.output)}` : ''}`;
  return `${op.f} ${op.key}${op.value === undefined ? '' : `=${String(op.value)}`}`;
}

/**
 * Sub-rows within a lane, as Jepsen's timeline does: a client's ops that overlap in time (a
 * read sent while a put is still unanswered) each get their own row, so no bar hides another.
 * Greedy in invocation order, each op on the first row whose last op ended before it began; an
 * unanswered op runs to the end. Depends on the ops alone, never on the cursor, so a seek moves
 * no bar.
 */
export function laneRows(ops: readonly HistoryOp[]): { row: Map<string, number>; rows: number } {
  const ends: number[] = [];
  const row = new Map<string, number>();
  for (const op of ops) {
    let r = ends.findIndex((e) => e < op.invokeTime);
    if (r < 0) r = ends.length;
    ends[r] = op.endTime ?? Infinity;
    row.set(op.id, r);
  }
  return { row, rows: Math.max(1, ends.length) };
}

/** A lane's sub-row height in the SVG, in pixels. */
export const LANE = 26;

/** What the panel draws of a history: each lane's drawn ops and their sub-rows, the lanes' tops
 * and the whole height, and how many ops there are and are drawn. Depends on the history alone,
 * so the panel computes it once per history, not once per seek (issue 17, item 5: `laneRows`
 * over every lane was the history panel's largest cost in a seek). */
export interface LaneLayout {
  drawn: (readonly HistoryOp[])[];
  rows: { row: Map<string, number>; rows: number }[];
  tops: number[];
  height: number;
  count: number;
  shown: number;
}

export function laneLayout(model: HistoryModel): LaneLayout {
  const drawn = model.lanes.map((lane) => drawnOps(lane.ops, model.violating));
  // Each lane as tall as its overlapping ops need (one row each), stacked from the top.
  const rows = drawn.map((ops) => laneRows(ops));
  const tops = [0];
  for (const r of rows) tops.push(tops.at(-1)! + r.rows * LANE);
  return {
    drawn,
    rows,
    tops,
    height: tops.at(-1)! + 8,
    count: model.lanes.reduce((n, l) => n + l.ops.length, 0),
    shown: drawn.reduce((n, ops) => n + ops.length, 0),
  };
}
