/**
 * The transaction table's model: each node's state per transaction over simulated time, read
 * from the trace through the protocol's TransactionHints, and how long each lock holder was
 * blocked (uncertain, holding its locks) up to the cursor.
 *
 * Change points are indexed once per run (events arrays only grow), so a frame costs the new
 * events plus a walk of the change points, not a pass over the trace. An event costs what its
 * node's transaction map changed (the kernel's structural diff), not the number of
 * transactions, and a frame builds only the transactions the table shows (issue 10: 2,000
 * transactions froze the page for seconds per frame).
 */
import type { TraceEvent } from '../../sim/types';
import type { TransactionHints, TxKind } from '../../protocols/types';
import { txStateChanges } from '../../protocols/kit/commitment';

interface Change {
  seq: number;
  time: number;
  state: string;
}
export interface UpChange {
  seq: number;
  time: number;
  up: boolean;
}
interface Index {
  hints: TransactionHints;
  scanned: number;
  /** tx → node → the node's state changes in that transaction, in trace order. */
  changes: Map<string, Map<string, Change[]>>;
  /** The last state seen per node and transaction, to record changes only. */
  last: Map<string, Map<string, string>>;
  /** Each node's transaction map at its last event, to diff the next one against. */
  maps: Map<string, Readonly<Record<string, string>>>;
  /** The transactions in order of first appearance (the order of `changes`), and the seq of
   * each one's first change: nondecreasing, so those seen before a step are a prefix. */
  order: string[];
  firstSeq: number[];
  ups: Map<string, UpChange[]>;
}

const indexes = new WeakMap<readonly TraceEvent[], Index>();

function indexOf(events: readonly TraceEvent[], hints: TransactionHints, roles: ReadonlyMap<string, string>): Index {
  let index = indexes.get(events);
  if (!index || index.hints !== hints) {
    index = { hints, scanned: 0, changes: new Map(), last: new Map(), maps: new Map(), order: [], firstSeq: [], ups: new Map() };
    indexes.set(events, index);
  }
  for (let i = index.scanned; i < events.length; i++) {
    const e = events[i]!;
    if (!e.node) continue;
    if (e.kind === 'crash' || e.kind === 'restart' || e.kind === 'start') {
      const list = index.ups.get(e.node) ?? [];
      list.push({ seq: e.seq, time: e.time, up: e.kind !== 'crash' });
      index.ups.set(e.node, list);
    }
    if (!e.state) continue;
    const seen = index.last.get(e.node) ?? new Map<string, string>();
    index.last.set(e.node, seen);
    const states = hints.states(e.state);
    const before = index.maps.get(e.node);
    if (before === states) continue;
    index.maps.set(e.node, states);
    // Only what differs from the node's previous map: an unchanged transaction keeps the
    // state `seen` already holds for it.
    const txs = before ? txStateChanges(before, states) : Object.keys(states).map((tx) => ({ tx, now: states[tx] }));
    for (const { tx, now } of txs) {
      // A transaction a node knew and no longer lists (a restart that lost its log) is back in
      // the protocol's starting state.
      const state = now ?? hints.absent[roles.get(e.node) ?? ''] ?? '';
      if (seen.get(tx) === state) continue;
      seen.set(tx, state);
      let byNode = index.changes.get(tx);
      if (!byNode) {
        byNode = new Map<string, Change[]>();
        index.changes.set(tx, byNode);
        index.order.push(tx);
        index.firstSeq.push(e.seq);
      }
      const list = byNode.get(e.node) ?? [];
      list.push({ seq: e.seq, time: e.time, state });
      byNode.set(e.node, list);
    }
  }
  index.scanned = events.length;
  return index;
}

export interface Span {
  from: number;
  to: number;
  state: string;
  kind: TxKind;
}
export interface TxRow {
  node: string;
  role: string;
  /** Holds locks while uncertain (a participant): counted in blocked-for. */
  lockHolder: boolean;
  spans: Span[];
  /** Spans when the node was down, clipped to [0, cursor]. */
  down: { from: number; to: number }[];
  /** Down at the cursor. */
  downNow: boolean;
  /** State at the cursor, or null when the node has not heard of the transaction. */
  now: string | null;
  nowKind: TxKind | null;
  /** Simulated ms spent uncertain up to the cursor (0 for the coordinator). */
  blockedMs: number;
}
/** What the nodes know at the cursor: `open` until some node (the coordinator, or a participant
 * through the termination protocol) has committed or aborted; `committing` / `aborting` once one
 * has, while lock holders that do not know it yet remain (`untold`); `committed` / `aborted`
 * once every lock holder that took part knows; `split` when both decisions exist. */
export type Outcome = 'committed' | 'aborted' | 'split' | 'open' | 'committing' | 'aborting';
export interface TxView {
  tx: string;
  start: number;
  rows: TxRow[];
  outcome: Outcome;
  /** For `committing` / `aborting`: the lock holders that do not know the decision yet. */
  untold: string[];
  /** Summed over lock holders. */
  blockedTotal: number;
  /** The longest-blocked lock holder, or null when none was blocked. */
  blockedMax: { node: string; ms: number } | null;
  /** Lock holders still uncertain at the cursor. */
  blockedNow: string[];
}

export interface TableNode {
  id: string;
  role: string;
}

const kindOf = (hints: TransactionHints, state: string): TxKind => hints.kinds[state] ?? 'active';

export function downSpans(ups: readonly UpChange[] | undefined, step: number, time: number): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  let since: number | null = null;
  for (const u of ups ?? []) {
    if (u.seq >= step) break;
    if (!u.up && since === null) since = u.time;
    else if (u.up && since !== null) {
      out.push({ from: since, to: u.time });
      since = null;
    }
  }
  if (since !== null) out.push({ from: since, to: time });
  return out;
}

/** The outcome at the cursor and the lock holders that do not know it yet. A holder that never
 * heard of an aborted transaction holds no locks for it, so it need not be told. */
export function outcomeOf(rows: readonly TxRow[]): { outcome: Outcome; untold: string[] } {
  const kinds = new Set(rows.map((r) => r.nowKind));
  if (kinds.has('committed') && kinds.has('aborted')) return { outcome: 'split', untold: [] };
  const holders = rows.filter((r) => r.lockHolder);
  if (kinds.has('committed')) {
    const untold = holders.filter((r) => r.nowKind !== 'committed').map((r) => r.node);
    return { outcome: untold.length ? 'committing' : 'committed', untold };
  }
  if (kinds.has('aborted')) {
    const untold = holders.filter((r) => r.nowKind !== 'aborted' && r.nowKind !== null).map((r) => r.node);
    return { outcome: untold.length ? 'aborting' : 'aborted', untold };
  }
  return { outcome: 'open', untold: [] };
}

/** How many transactions were first seen in events [0, step): a prefix of `order`. */
function seenBefore(firstSeq: readonly number[], step: number): number {
  let lo = 0;
  let hi = firstSeq.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (firstSeq[mid]! < step) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function viewOf(tx: string, byNode: ReadonlyMap<string, Change[]>, index: Index, step: number, time: number, nodes: readonly TableNode[], hints: TransactionHints): TxView | null {
  let start = Infinity;
  const rows = nodes.map((n): TxRow => {
    const changes = (byNode.get(n.id) ?? []).filter((c) => c.seq < step);
    const spans = changes.map((c, i): Span => ({ from: c.time, to: changes[i + 1]?.time ?? time, state: c.state, kind: kindOf(hints, c.state) }));
    if (spans[0]) start = Math.min(start, spans[0].from);
    const lockHolder = hints.lockHolders.includes(n.role);
    const blockedMs = lockHolder ? spans.reduce((sum, s) => sum + (s.kind === 'uncertain' ? s.to - s.from : 0), 0) : 0;
    const last = spans.at(-1);
    const ups = (index.ups.get(n.id) ?? []).filter((u) => u.seq < step);
    const downNow = ups.length > 0 && !ups.at(-1)!.up;
    return { node: n.id, role: n.role, lockHolder, spans, down: downSpans(index.ups.get(n.id), step, time), downNow, now: last?.state ?? null, nowKind: last?.kind ?? null, blockedMs };
  });
  if (start === Infinity) return null;
  // Down spans from before the transaction began are another story.
  for (const r of rows) r.down = r.down.filter((d) => d.to > start).map((d) => ({ from: Math.max(d.from, start), to: d.to }));
  const holders = rows.filter((r) => r.lockHolder);
  const longest = holders.reduce<TxRow | null>((best, r) => (r.blockedMs > (best?.blockedMs ?? 0) ? r : best), null);
  return {
    tx,
    start,
    rows,
    ...outcomeOf(rows),
    blockedTotal: holders.reduce((sum, r) => sum + r.blockedMs, 0),
    blockedMax: longest ? { node: longest.node, ms: longest.blockedMs } : null,
    blockedNow: holders.filter((r) => r.nowKind === 'uncertain').map((r) => r.node),
  };
}

/**
 * The `limit` latest transactions seen in events [0, step), in order of first appearance, at
 * cursor `time`, and how many were seen in all. Builds only those shown: a frame of a run with
 * thousands of transactions costs `limit` of them. `count` takes `nodes` to be every node the
 * trace names (the frame's nodes are).
 */
export function latestTransactions(
  events: readonly TraceEvent[],
  step: number,
  time: number,
  nodes: readonly TableNode[],
  hints: TransactionHints,
  limit: number,
): { count: number; views: TxView[] } {
  const index = indexOf(events, hints, new Map(nodes.map((n) => [n.id, n.role])));
  let count = seenBefore(index.firstSeq, step);
  const views: TxView[] = [];
  for (let i = count - 1; i >= 0 && views.length < limit; i--) {
    const tx = index.order[i]!;
    const view = viewOf(tx, index.changes.get(tx)!, index, step, time, nodes, hints);
    if (view) views.push(view);
    else count--;
  }
  return { count, views: views.reverse() };
}

/** Every transaction seen in events [0, step), in order of first appearance, at cursor `time`. */
export function transactionTable(
  events: readonly TraceEvent[],
  step: number,
  time: number,
  nodes: readonly TableNode[],
  hints: TransactionHints,
): TxView[] {
  return latestTransactions(events, step, time, nodes, hints, Infinity).views;
}
