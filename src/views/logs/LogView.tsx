/**
 * Every node's replicated log side by side: one row per node, one column per index. Works for
 * any protocol whose observable state has `log: { term, command }[]` and `commitIndex`.
 * Rows are memoized by state identity: the frame changes up to 60 times a second, a node's
 * state only when that node changes.
 */
import { memo, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useSession, useT } from '../session';
import { NodeTable, useNodeRows, type NodeRowProps } from './NodeTable';
import { logColumns, readLog } from './model';
import { termColor } from './termColors';
import { useLogWindow } from './useLogWindow';
import './logs.css';

/** Indices drawn at once: long runs have logs of thousands of entries, and every cell is a
 * DOM node re-rendered when its row changes. */
export const LOG_WINDOW = 60;

const LogRow = memo(function LogRow({ id, state, up, paused, selected, from, to, onSelect }: NodeRowProps) {
  const t = useT();
  const log = readLog(state);
  const role = typeof state.role === 'string' ? state.role : null;
  const term = typeof state.currentTerm === 'number' ? state.currentTerm : null;
  const cells = [];
  for (let i = from; i <= to; i++) {
    const entry = log?.at(i);
    if (!entry) {
      cells.push(<td key={i} className="lg-cell lg-void" />);
      continue;
    }
    const committed = i <= log!.commitIndex;
    const status = t(committed ? 'logs.committed' : 'logs.uncommitted');
    const termText = entry.term === null ? '?' : String(entry.term);
    const label = t('logs.cell', { index: i, term: termText, command: entry.command || t('logs.noCommand'), status });
    const c = entry.term === null ? null : termColor(entry.term);
    const style = c ? ({ '--lg-c': c.bg, '--lg-fg': c.fg, '--lg-tint': c.tint, '--lg-tint-fg': c.tintFg } as CSSProperties) : undefined;
    const edge = i === log!.commitIndex;
    const edgeStart = i === 1 && log!.commitIndex === 0;
    cells.push(
      <td
        key={i}
        className={`lg-cell ${committed ? 'lg-committed' : 'lg-uncommitted'}${edge ? ' lg-edge' : ''}${edgeStart ? ' lg-edge-start' : ''}`}
        style={style}
        aria-label={label}
        title={label}
        data-index={i}
        data-term={termText}
        data-status={committed ? 'committed' : 'uncommitted'}
      >
        <span className="lg-term">{termText}</span>
        <span className="lg-cmd">{entry.command}</span>
        {edge && (
          <span className="lg-tick" aria-hidden="true">
            ✓
          </span>
        )}
      </td>,
    );
  }
  // A crashed node keeps its last state; it leads nothing while down.
  const leader = up && role === 'leader';
  return (
    <tr
      className={`lg-row${selected ? ' lg-selected' : ''}${up ? '' : ' lg-down'}${leader ? ' lg-leader' : ''}`}
      data-node={id}
      data-testid={`log-row-${id}`}
      onClick={() => onSelect(id)}
    >
      <th scope="row" className="lg-head">
        <button type="button" className="lg-node" aria-pressed={selected} aria-label={t('logs.selectNode', { node: id })} onClick={(e) => (e.stopPropagation(), onSelect(id))}>
          {id}
        </button>
        {leader && (
          <span className="lg-badge lg-badge-leader" title={t('logs.leader')}>
            ★ {t('logs.leader')}
          </span>
        )}
        {up && role === 'candidate' && <span className="lg-badge">{t('logs.candidate')}</span>}
        {!up && <span className="lg-badge lg-badge-down">{t('logs.down')}</span>}
        {up && paused && <span className="lg-badge lg-badge-paused">{t('logs.paused')}</span>}
        <span className="lg-meta">
          {term !== null && <span title={t('logs.termTip', { term })}>{t('logs.term', { term })}</span>}
          {log && (
            <span className="lg-commit" title={t('logs.commitTip', { index: log.commitIndex })}>
              {t('logs.commit', { index: log.commitIndex })}
            </span>
          )}
        </span>
      </th>
      {to < from ? <td className="lg-cell lg-void lg-note">{log ? t('logs.empty') : t('logs.noLog')}</td> : cells}
    </tr>
  );
});

function Legend() {
  const t = useT();
  const c = termColor(1);
  const style = { '--lg-c': c.bg, '--lg-fg': c.fg, '--lg-tint': c.tint, '--lg-tint-fg': c.tintFg } as CSSProperties;
  return (
    <div className="lg-legend" aria-hidden="true">
      <span className="lg-sample lg-committed" style={style}>
        1
      </span>
      {t('logs.legendCommitted')}
      <span className="lg-sample lg-uncommitted" style={style}>
        1
      </span>
      {t('logs.legendUncommitted')}
      <span className="lg-sample-bar" />
      {t('logs.legendCommit')}
    </div>
  );
}

export function LogView() {
  const t = useT();
  const { states: nodes, rows } = useNodeRows();
  const hasLog = useMemo(() => nodes.some((s) => readLog(s) !== null), [nodes]);
  const columns = useMemo(() => logColumns(nodes), [nodes]);
  // null: follow the newest entries; else the last index of the window the user paged to.
  const [end, setEnd] = useState<number | null>(null);
  const to = Math.min(columns, end ?? columns);
  const from = Math.max(1, to - LOG_WINDOW + 1);
  const page = (by: number) => {
    const next = to + by;
    setEnd(next >= columns ? null : Math.max(Math.min(LOG_WINDOW, columns), next));
  };

  // Keep the newest entries in view, unless the user scrolled back to read older ones.
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  // Our own scroll to the newest entries: its scroll event need not measure (a forced layout).
  const auto = useRef(false);
  useEffect(() => {
    // In the next frame, not in the commit: reading scrollWidth here forced a layout of the
    // whole page inside every seek (about 100 ms at 100,000 events).
    const frame = requestAnimationFrame(() => {
      const el = scroller.current;
      if (el && pinned.current && el.scrollLeft !== el.scrollWidth) {
        auto.current = true;
        el.scrollLeft = el.scrollWidth;
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [columns, from]);
  // Which indices are in view, and fades on the sides with more (written to the DOM).
  const lang = useSession((s) => s.lang);
  const frame = useRef<HTMLDivElement>(null);
  const range = useRef<HTMLSpanElement>(null);
  const num = useMemo(() => new Intl.NumberFormat(lang), [lang]);
  const onWindow = useLogWindow({ scroller, frame, label: range }, from, columns, lang, (a, b) => t('logs.range', { from: num.format(a), to: num.format(b), total: num.format(columns) }));
  const onScroll = () => {
    onWindow();
    const el = scroller.current;
    if (auto.current) {
      auto.current = false;
      return;
    }
    if (el) pinned.current = el.scrollLeft + el.clientWidth >= el.scrollWidth - 16;
  };

  if (!hasLog) {
    return (
      <section className="lg-panel lg-logview" aria-label={t('logs.title')} data-testid="logview">
        <p className="lg-none">{t('logs.none')}</p>
      </section>
    );
  }
  return (
    <section className="lg-panel lg-logview" aria-label={t('logs.title')} data-testid="logview">
      <header className="lg-bar">
        <h2 className="lg-title">{t('logs.title')}</h2>
        <Legend />
        <span className="lg-pager">
          {columns > LOG_WINDOW && (
            <button type="button" disabled={from <= 1} onClick={() => page(-LOG_WINDOW)} data-testid="log-earlier">
              ◂ {t('logs.earlier', { count: Math.min(LOG_WINDOW, from - 1) })}
            </button>
          )}
          {/* Filled by useLogWindow with the indices in view; shown when some are not. */}
          <span className="lg-range" ref={range} data-paged={columns > LOG_WINDOW} data-testid="log-range" aria-live="off" />
          {columns > LOG_WINDOW && (
            <button type="button" disabled={end === null} onClick={() => page(LOG_WINDOW)} data-testid="log-newer">
              {t('logs.newer')} ▸
            </button>
          )}
        </span>
      </header>
      <div className="lg-window" ref={frame}>
        <div className="lg-scroll" ref={scroller} onScroll={onScroll}>
          <NodeTable prefix="lg" label={t('logs.title')} caption={t('logs.caption')} corner={t('logs.node')} from={from} to={to} indexLabel={(index) => t('logs.indexHeader', { index })}>
            {rows({ from, to }).map((r) => (
              <LogRow key={r.id} {...r} />
            ))}
          </NodeTable>
        </div>
      </div>
    </section>
  );
}
