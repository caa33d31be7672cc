/**
 * The acceptor table's model: each acceptor's maxBal, maxVBal and maxVal over simulated time,
 * read from the trace's node states, and what is chosen — computed from the votes (2b messages
 * sent) in the trace, as the checker does, never from any node's state. Indexed once per run
 * (event arrays only grow), so a frame costs the new events plus a walk of the change points.
 */
import type { TraceEvent } from '../../sim/types';
import { majority, type Ballot } from '../../protocols/kit/ballots';
import { VoteLedger, type Chosen } from '../../protocols/kit/votes';
import { feed } from '../../protocols/paxos/ghost';
import { downSpans, type UpChange } from '../transactions/model';

export interface AccState {
  maxBal: Ballot;
  maxVBal: Ballot;
  maxVal: string | null;
}
interface Change extends AccState {
  seq: number;
  time: number;
}
interface Index {
  key: string;
  scanned: number;
  changes: Map<string, Change[]>;
  ups: Map<string, UpChange[]>;
  ledger: VoteLedger;
}

const indexes = new WeakMap<readonly TraceEvent[], Index>();
const same = (a: AccState, b: AccState) => a.maxBal === b.maxBal && a.maxVBal === b.maxVBal && a.maxVal === b.maxVal;

function indexOf(events: readonly TraceEvent[], acceptors: readonly string[]): Index {
  const key = acceptors.join(' ');
  let index = indexes.get(events);
  if (!index || index.key !== key) {
    index = { key, scanned: 0, changes: new Map(), ups: new Map(), ledger: new VoteLedger(acceptors, majority(acceptors.length)) };
    indexes.set(events, index);
  }
  const accs = new Set(acceptors);
  for (let i = index.scanned; i < events.length; i++) {
    const e = events[i]!;
    if (!e.node || !accs.has(e.node)) continue;
    if ((e.kind === 'crash' || e.kind === 'restart' || e.kind === 'start') && !e.reason) {
      const list = index.ups.get(e.node) ?? [];
      list.push({ seq: e.seq, time: e.time, up: e.kind !== 'crash' });
      index.ups.set(e.node, list);
    }
    const s = e.state as Partial<AccState> | undefined;
    if (!s || typeof s.maxBal !== 'number') continue;
    const now: AccState = { maxBal: s.maxBal, maxVBal: s.maxVBal ?? -1, maxVal: s.maxVal ?? null };
    const list = index.changes.get(e.node) ?? [];
    if (!list.length || !same(list.at(-1)!, now)) list.push({ seq: e.seq, time: e.time, ...now });
    index.changes.set(e.node, list);
  }
  feed(index.ledger, events, index.scanned, events.length - 1);
  index.scanned = events.length;
  return index;
}

export interface AccSpan extends AccState {
  from: number;
  to: number;
}
export interface AccRow {
  node: string;
  spans: AccSpan[];
  down: { from: number; to: number }[];
  downNow: boolean;
  now: AccState | null;
}

/** Every acceptor's history over events [0, step), at cursor `time`. */
export function acceptorRows(events: readonly TraceEvent[], step: number, time: number, acceptors: readonly string[]): AccRow[] {
  const index = indexOf(events, acceptors);
  return acceptors.map((node) => {
    const changes = (index.changes.get(node) ?? []).filter((c) => c.seq < step);
    const spans = changes.map((c, i): AccSpan => ({ from: c.time, to: changes[i + 1]?.time ?? time, maxBal: c.maxBal, maxVBal: c.maxVBal, maxVal: c.maxVal }));
    const ups = (index.ups.get(node) ?? []).filter((u) => u.seq < step);
    const last = changes.at(-1);
    return { node, spans, down: downSpans(index.ups.get(node), step, time), downNow: ups.length > 0 && !ups.at(-1)!.up, now: last ? { maxBal: last.maxBal, maxVBal: last.maxVBal, maxVal: last.maxVal } : null };
  });
}

/** The values chosen by events [0, step): Voting.tla's `chosen`, from the votes in the trace. */
export function chosenBy(events: readonly TraceEvent[], step: number, acceptors: readonly string[]): Chosen[] {
  return indexOf(events, acceptors)
    .ledger.chosen()
    .filter((c) => c.seq < step);
}
