/**
 * Words for the diagram: the accessible summary of the run, the tooltip of whatever the
 * pointer is on, and a short JSON-ish rendering of payloads. Pure: the translator is passed in.
 */
import type { StringKey } from '../../i18n';
import type { Message, TraceEvent, Violation } from '../../sim/types';
import { messageKind } from '../cluster/geometry';
import { reasonName } from '../cluster/labels';
import { FATE, type LaneSpan, type RunIndex } from './runIndex';
import { formatMs, groupsText } from './render';
import type { Hit } from './scene';
import type { TimeWindow } from './layout';

export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;

/** A compact, one-line rendering of a value: `{term: 3, entries: [{…}, {…}, …+4]}`, at most `max` characters. */
export function compactJson(value: unknown, max = 160): string {
  const out = render(value, 3);
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}

function render(v: unknown, depth: number): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 39)}…` : v);
  if (typeof v !== 'object') return String(v);
  if (depth <= 0) return Array.isArray(v) ? `[…${v.length}]` : '{…}';
  if (Array.isArray(v)) {
    const shown = v.slice(0, 3).map((x) => render(x, depth - 1));
    if (v.length > 3) shown.push(`…+${v.length - 3}`);
    return `[${shown.join(', ')}]`;
  }
  const parts = Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${render(x, depth - 1)}`);
  return `{${parts.join(', ')}}`;
}

const ms = (t: number) => formatMs(Math.round(t * 10) / 10);

export function rangeText(t: Translate, start: number, end: number): string {
  return end === Infinity ? t('spacetime.rangeOpen', { from: ms(start) }) : t('spacetime.range', { from: ms(start), to: ms(end) });
}

/** Up to three ranges per node, else how many. */
function spanList(t: Translate, index: RunIndex, kind: LaneSpan['kind']): string {
  const items: string[] = [];
  index.lanes.forEach((node, lane) => {
    const spans = index.spans.filter((s) => s.kind === kind && s.lane === lane);
    if (spans.length === 0) return;
    if (spans.length > 3) items.push(t('spacetime.spansMany', { node, count: spans.length }));
    else items.push(t('spacetime.spans', { node, ranges: spans.map((s) => rangeText(t, s.start, s.end)).join(t('spacetime.sep')) }));
  });
  return items.join(t('spacetime.listSep'));
}

export interface SummaryInput {
  index: RunIndex;
  events: readonly TraceEvent[];
  count: number;
  violations: readonly Violation[];
  win: TimeWindow;
  cursor: number;
  aggregated: boolean;
  invariantName(id: string): string;
}

/** The parts of the summary that change only when the run grows. */
export function runSummary(t: Translate, s: SummaryInput): string {
  const parts: string[] = [];
  const crashed = spanList(t, s.index, 'down');
  if (crashed) parts.push(t('spacetime.summary.crashed', { list: crashed }));
  const paused = spanList(t, s.index, 'paused');
  if (paused) parts.push(t('spacetime.summary.paused', { list: paused }));
  const ps = s.index.partitions;
  if (ps.length > 3) parts.push(t('spacetime.summary.partitionsMany', { count: ps.length }));
  else if (ps.length) parts.push(t('spacetime.summary.partitions', { list: ps.map((p) => `${groupsText(p.groups, s.index.lanes)} ${rangeText(t, p.start, p.end)}`).join(t('spacetime.listSep')) }));
  if (s.violations.length) {
    const list = s.violations.map((v) =>
      t('spacetime.violation', { invariant: s.invariantName(v.invariant), time: ms(s.events[v.seq]?.time ?? 0), nodes: (v.nodes ?? []).join(t('spacetime.sep')) }),
    );
    parts.push(t('spacetime.summary.violations', { list: list.join(t('spacetime.listSep')) }));
  }
  return parts.join(' ');
}

/** The first sentence: counts, the window and the cursor. */
export function viewSummary(t: Translate, s: SummaryInput): string {
  const head = t('spacetime.summary', {
    events: s.count,
    delivered: s.index.delivered,
    lost: s.index.lost,
    from: ms(Math.max(0, s.win.start)),
    to: ms(s.win.end),
    time: ms(s.cursor),
  });
  return s.aggregated ? `${head} ${t('spacetime.summary.dense')}` : head;
}

export interface TipContext {
  t: Translate;
  index: RunIndex;
  events: readonly TraceEvent[];
  violations: readonly Violation[];
  invariantName(id: string): string;
  violationText?(message: string): string;
}

function messageLines(c: TipContext, id: number): string[] {
  const { t, index, events } = c;
  const m = index.messages[id] as Message;
  const kind = t(messageKind(m.type) === 'reply' ? 'cluster.message.reply' : 'cluster.message.request');
  const lines = [`${t('spacetime.tip.message', { id, type: m.type, from: m.from, to: m.to })} (${kind})`, t('spacetime.tip.sent', { time: ms(m.sentAt), step: index.sendSeq[id]! + 1 })];
  const endSeq = index.endSeq[id]!;
  const end = index.endAt[id]!;
  switch (endSeq < 0 ? FATE.flight : index.fate[id]) {
    case FATE.flight:
      lines.push(t('spacetime.tip.flight', { time: ms(m.arriveAt) }));
      break;
    case FATE.delivered:
      lines.push(t('spacetime.tip.delivered', { time: ms(end), latency: ms(end - m.sentAt) }));
      break;
    case FATE.lost:
      lines.push(t('spacetime.tip.lost', { time: ms(end), reason: reasonName(t, events[endSeq]?.reason ?? '') }));
      break;
    case FATE.dropped:
      lines.push(t('spacetime.tip.dropped', { time: ms(end) }));
      break;
    case FATE.crashed:
      // The crash that ended it: the receiver's, or the sender's when its outbox died with it (loseOutbox).
      lines.push(t('spacetime.tip.crashed', { time: ms(end), node: events[endSeq]?.node ?? m.to }));
      break;
  }
  if (m.duplicateOf !== undefined) lines.push(t('spacetime.tip.duplicate', { id: m.duplicateOf }));
  const { type: _type, ...rest } = m.payload;
  lines.push(compactJson(rest));
  return lines;
}

function eventLines(c: TipContext, e: TraceEvent): string[] {
  const { t } = c;
  const kind = t(`inspector.kind.${e.kind}` as StringKey);
  const lines = [e.node ? t('spacetime.tip.eventNode', { seq: e.seq, kind, node: e.node, time: ms(e.time) }) : t('spacetime.tip.event', { seq: e.seq, kind, time: ms(e.time) })];
  const d = e.detail ?? {};
  if (e.kind === 'partition' && Array.isArray(d.groups)) lines.push(groupsText(d.groups as string[][], c.index.lanes));
  if (e.kind === 'cut') lines.push(t('cluster.cut', { from: String(d.from), to: String(d.to) }));
  if (e.kind === 'skew' && typeof d.rate === 'number') lines.push(t('cluster.node.skew', { rate: d.rate }));
  if (e.message && (e.kind === 'drop' || e.kind === 'duplicate' || e.kind === 'delay')) {
    lines.push(t('spacetime.tip.message', { id: e.message.id, type: e.message.type, from: e.message.from, to: e.message.to }));
  }
  if (e.kind === 'crash' && Array.isArray(d.lostMessages) && d.lostMessages.length) lines.push(t('spacetime.legend.lost') + `: ${d.lostMessages.map((id) => `#${String(id)}`).join(' ')}`);
  if (e.reason !== undefined && e.kind !== 'lost') lines.push(t('spacetime.tip.noop', { reason: e.reason }));
  return lines;
}

export interface TipText {
  lines: string[];
  /** What a click does. */
  hint: string | null;
}

/** The tooltip for what is under the pointer. */
export function describeHit(c: TipContext, hit: Hit): TipText {
  const { t, index, events } = c;
  switch (hit.kind) {
    case 'message':
      return { lines: messageLines(c, hit.id), hint: t('spacetime.tip.goSend') };
    case 'event':
      return { lines: eventLines(c, events[hit.seq]!), hint: t('spacetime.tip.goEvent') };
    case 'violation': {
      const v = c.violations[hit.index]!;
      const time = events[v.seq]?.time ?? 0;
      return { lines: [t('spacetime.tip.violation', { invariant: c.invariantName(v.invariant), time: ms(time) }), c.violationText ? c.violationText(v.message) : v.message], hint: t('spacetime.tip.goEvent') };
    }
    case 'span': {
      const s = hit.span;
      const node = index.lanes[s.lane]!;
      return { lines: [t(s.kind === 'down' ? 'spacetime.tip.down' : 'spacetime.tip.paused', { node, range: rangeText(t, s.start, s.end) })], hint: t('spacetime.tip.goEvent') };
    }
    case 'cut': {
      const k = hit.cut;
      return { lines: [t('spacetime.tip.cut', { from: index.lanes[k.from]!, to: index.lanes[k.to]!, range: rangeText(t, k.start, k.end) })], hint: t('spacetime.tip.goEvent') };
    }
    case 'partition': {
      const p = hit.partition;
      const node = index.lanes[hit.lane]!;
      return {
        lines: [t('spacetime.tip.partition', { groups: groupsText(p.groups, index.lanes), range: rangeText(t, p.start, p.end), node, group: p.groupOf[hit.lane]! + 1 })],
        hint: t('spacetime.tip.goLane', { node }),
      };
    }
    case 'lane': {
      const node = index.lanes[hit.lane]!;
      return { lines: [t('spacetime.tip.lane', { node, time: ms(hit.time) })], hint: t('spacetime.tip.goLane', { node }) };
    }
    case 'axis':
      return { lines: [], hint: t('spacetime.tip.goTime', { time: ms(Math.max(0, hit.time)) }) };
  }
}
