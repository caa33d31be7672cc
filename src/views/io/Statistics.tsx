/**
 * Message statistics of the run up to the cursor: totals, then compact tables per message type
 * and per node, sortable by any column. Counts come from cached checkpoints (stats.ts), so a
 * frame costs one block of events, even at 100,000.
 */
import { Fragment, memo, useEffect, useMemo, useState } from 'react';
import type { StringKey } from '../../i18n';
import { useSession, useT } from '../session';
import { extendCheckpoints, sortedRows, statsAt, type Counts, type MessageStats, type Sort, type SortKey } from './stats';
import './io.css';

type T = ReturnType<typeof useT>;

/** Number formats per language and precision: `toLocaleString` would build one per call. */
const formats = new Map<string, Intl.NumberFormat>();
function fmt(lang: string, digits: number): Intl.NumberFormat {
  const key = `${lang}/${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, { maximumFractionDigits: digits });
    formats.set(key, f);
  }
  return f;
}
const count = (lang: string, n: number) => fmt(lang, 0).format(n);

/** A type name that may wrap between its words ("AppendEntries|Response"), whole rather than
 * cut to "AppendEntriesRes…" (walk-through). */
function breakable(name: string) {
  const parts = name.split(/(?<=[a-z0-9])(?=[A-Z])/);
  return parts.map((p, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {p}
    </Fragment>
  ));
}

export function formatBytes(t: T, lang: string, n: number): string {
  if (n < 1024) return t('stats.b', { n: fmt(lang, 0).format(n) });
  if (n < 1024 * 1024) return t('stats.kib', { n: fmt(lang, 1).format(n / 1024) });
  return t('stats.mib', { n: fmt(lang, 1).format(n / (1024 * 1024)) });
}

const REASONS = ['partition', 'cut', 'down', 'dropped', 'crash'];

function Totals({ s, lang }: { s: MessageStats; lang: string }) {
  const t = useT();
  const n = (x: number) => count(lang, x);
  const reasons = [...s.lostBy]
    .sort(([a], [b]) => REASONS.indexOf(a) - REASONS.indexOf(b))
    .map(([r, k]) => `${REASONS.includes(r) ? t(`stats.reason.${r}` as StringKey) : r} ${n(k)}`)
    .join(', ');
  const items: { key: string; label: StringKey; tip: string; value: string; bad?: boolean }[] = [
    { key: 'sent', label: 'stats.sent', tip: t('stats.sentTip'), value: n(s.sent) },
    { key: 'delivered', label: 'stats.delivered', tip: t('stats.deliveredTip'), value: n(s.delivered) },
    { key: 'lost', label: 'stats.lost', tip: t('stats.lostTip', { detail: reasons || '0' }), value: n(s.lost), bad: s.lost > 0 },
    { key: 'dropped', label: 'stats.dropped', tip: t('stats.droppedTip'), value: n(s.dropped), bad: s.dropped > 0 },
    { key: 'duplicated', label: 'stats.duplicated', tip: t('stats.duplicatedTip'), value: n(s.duplicated) },
    { key: 'bytes', label: 'stats.bytes', tip: t('stats.bytesTip'), value: formatBytes(t, lang, s.bytes) },
  ];
  return (
    <>
      <dl className="stat-totals">
        {items.map((i) => (
          <div key={i.key} className={`stat-total${i.bad ? ' stat-bad' : ''}`} title={i.tip} data-stat={i.key}>
            <dt>{t(i.label)}</dt>
            <dd>{i.value}</dd>
          </div>
        ))}
      </dl>
      {reasons && (
        <p className="stat-reasons" data-testid="stats-lost-reasons">
          {t('stats.lost')}: {reasons}
        </p>
      )}
    </>
  );
}

interface Column {
  key: SortKey;
  label: StringKey;
  tip?: StringKey;
}

const TYPE_COLUMNS: Column[] = [
  { key: 'name', label: 'stats.col.type' },
  { key: 'sent', label: 'stats.col.sent', tip: 'stats.colTip.sent' },
  { key: 'received', label: 'stats.col.received', tip: 'stats.colTip.received' },
  { key: 'lost', label: 'stats.col.lost', tip: 'stats.colTip.lost' },
  { key: 'bytesSent', label: 'stats.col.bytes', tip: 'stats.colTip.bytesSent' },
];
const NODE_COLUMNS: Column[] = [
  { key: 'name', label: 'stats.col.node' },
  { key: 'sent', label: 'stats.col.sent', tip: 'stats.colTip.sent' },
  { key: 'received', label: 'stats.col.received', tip: 'stats.colTip.received' },
  { key: 'bytesSent', label: 'stats.col.bytesSent', tip: 'stats.colTip.bytesSent' },
  { key: 'bytesReceived', label: 'stats.col.bytesReceived', tip: 'stats.colTip.bytesReceived' },
];

function Table({ id, caption, columns, rows, order, lang }: { id: string; caption: StringKey; columns: Column[]; rows: Map<string, Counts>; order: readonly string[]; lang: string }) {
  const t = useT();
  const [sort, setSort] = useState<Sort | null>(null);
  const sorted = sortedRows(rows, sort, order);
  const cycle = (key: SortKey) =>
    setSort((s) => {
      // Counts start high-first, names first-first; a third click restores the natural order.
      const first = key !== 'name';
      if (!s || s.key !== key) return { key, desc: first };
      return s.desc === first ? { key, desc: !first } : null;
    });
  const cell = (c: Counts, key: SortKey) => {
    if (key === 'name') return '';
    const v = c[key];
    return key === 'bytesSent' || key === 'bytesReceived' ? formatBytes(t, lang, v) : count(lang, v);
  };
  return (
    <table className="stat-table" data-testid={`stats-${id}`}>
      <caption>{t(caption)}</caption>
      <thead>
        <tr>
          {columns.map((col) => {
            const active = sort?.key === col.key;
            return (
              <th key={col.key} scope="col" aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'} className={col.key === 'name' ? 'stat-name' : 'stat-num'}>
                <button type="button" className="stat-sort" onClick={() => cycle(col.key)} title={`${col.tip ? `${t(col.tip)}. ` : ''}${t('stats.sortBy', { column: t(col.label) })}`}>
                  {t(col.label)}
                  <span aria-hidden="true" className="stat-arrow">
                    {active ? (sort.desc ? '▼' : '▲') : ''}
                  </span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {sorted.map(([name, c]) => (
          <tr key={name} data-row={name}>
            <th scope="row" className="stat-name" title={name}>
              {breakable(name)}
            </th>
            {columns.slice(1).map((col) => (
              <td key={col.key} className="stat-num" data-col={col.key}>
                {cell(c, col.key)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const Body = memo(function Body({ stats, nodes, lang }: { stats: MessageStats; nodes: readonly string[]; lang: string }) {
  const t = useT();
  if (stats.sent === 0 && stats.lost === 0) return <p className="stat-none">{t('stats.none')}</p>;
  return (
    <>
      <Totals s={stats} lang={lang} />
      <div className="stat-tables">
        <Table id="types" caption="stats.byType" columns={TYPE_COLUMNS} rows={stats.byType} order={[]} lang={lang} />
        <Table id="nodes" caption="stats.byNode" columns={NODE_COLUMNS} rows={stats.byNode} order={nodes} lang={lang} />
      </div>
    </>
  );
});

/** Caches the run's checkpoints in idle time, a block at a time (stats.ts): a far seek then
 * counts at most one block in its frame, however far it goes (issue 17). Returns the cancel. */
function prebuild(events: Parameters<typeof extendCheckpoints>[0]): () => void {
  const idle = (f: (d?: IdleDeadline) => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(f) : setTimeout(f, 50));
  const cancel = (id: number) => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(id) : clearTimeout(id));
  let id = 0;
  const slice = (d?: IdleDeadline) => {
    let more = extendCheckpoints(events, 1);
    while (more && (d ? d.timeRemaining() > 2 : false)) more = extendCheckpoints(events, 1);
    if (more) id = idle(slice) as number;
  };
  id = idle(slice) as number;
  return () => cancel(id);
}

export function Statistics() {
  const t = useT();
  const lang = useSession((s) => s.lang);
  const events = useSession((s) => s.sim.events);
  const nodes = useSession((s) => s.sim.scenario.nodes);
  const step = useSession((s) => s.frame.step);
  const [open, setOpen] = useState(true);
  const recorded = useSession((s) => s.sim.events.length);
  const stats = useMemo(() => (open ? statsAt(events, step) : null), [open, events, step]);
  useEffect(() => (open ? prebuild(events) : undefined), [open, events, recorded]);
  return (
    <section className="stat-panel" aria-labelledby="stat-title" data-testid="statistics">
      <header className="stat-bar">
        <h2 className="stat-title" id="stat-title">
          <button type="button" className="stat-toggle" aria-expanded={open} aria-controls="stat-body" onClick={() => setOpen(!open)} title={t(open ? 'stats.hide' : 'stats.show')}>
            <span aria-hidden="true" className="stat-chevron">
              {open ? '▾' : '▸'}
            </span>
            {t('stats.title')}
          </button>
        </h2>
        <span className="stat-step">{t('stats.upTo', { step: count(lang, step) })}</span>
      </header>
      <div id="stat-body" hidden={!open}>
        {stats && <Body stats={stats} nodes={nodes} lang={lang} />}
      </div>
    </section>
  );
}
