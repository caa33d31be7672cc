/**
 * Every node's replicated log side by side: one row per node, one column per index. Works for
 * any protocol whose observable state has `log: { term, command }[]` and `commitIndex`.
 * A page of up to 60 indices scrolls sideways; only the columns in view (and a few beyond) are
 * drawn (`useLogWindow`), and a cell renders only when its entry changed (`LogRow`).
 */
import { useMemo, useState, useRef, type CSSProperties } from 'react';
import { useSession, useT } from '../session';
import { NodeTable, useNodeRows } from './NodeTable';
import { LogRow, Spacer } from './LogRow';
import { spacers } from './logWindow';
import { logColumns, readLog } from './model';
import { termColor } from './termColors';
import { useLogWindow } from './useLogWindow';
import './logs.css';

/** Indices in a page: long runs have logs of thousands of entries; older pages are a click
 * away. */
export const LOG_WINDOW = 60;

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

  // The page's columns in view, worked out without reading layout on a seek.
  const scroller = useRef<HTMLDivElement>(null);
  const n = Math.max(0, to - from + 1);
  const { window: win, geometry, onScroll } = useLogWindow(scroller, n);
  // Before the first measure every column is drawn.
  const lo = win ? from + win.lo : from;
  const hi = win ? from + win.hi : to;
  const pad = win && geometry ? spacers(geometry, n, win.lo, win.hi) : { left: 0, right: 0 };
  const lang = useSession((s) => s.lang);
  const num = useMemo(() => new Intl.NumberFormat(lang), [lang]);
  const inView = win && win.last >= win.first ? { first: from + win.first, last: from + win.last } : null;

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
          {/* The indices in view; shown when some are not. */}
          <span
            className="lg-range"
            data-paged={columns > LOG_WINDOW}
            data-show={win ? String(win.overflow) : undefined}
            data-first={inView?.first}
            data-last={inView?.last}
            data-testid="log-range"
            aria-live="off"
          >
            {inView && t('logs.range', { from: num.format(inView.first), to: num.format(inView.last), total: num.format(columns) })}
          </span>
          {columns > LOG_WINDOW && (
            <button type="button" disabled={end === null} onClick={() => page(LOG_WINDOW)} data-testid="log-newer">
              {t('logs.newer')} ▸
            </button>
          )}
        </span>
      </header>
      <div
        className="lg-window"
        data-overflow={win ? String(win.overflow) : undefined}
        data-more-left={win ? String(win.moreLeft) : undefined}
        data-more-right={win ? String(win.moreRight) : undefined}
      >
        <div className="lg-scroll" ref={scroller} onScroll={onScroll}>
          <NodeTable
            prefix="lg"
            label={t('logs.title')}
            caption={t('logs.caption')}
            corner={t('logs.node')}
            from={lo}
            to={hi}
            indexLabel={(index) => t('logs.indexHeader', { index })}
            padLeft={<Spacer width={pad.left} head />}
            padRight={<Spacer width={pad.right} head />}
          >
            {rows({ from: lo, to: hi }).map((r) => (
              <LogRow key={r.id} {...r} padLeft={pad.left} padRight={pad.right} t={t} />
            ))}
          </NodeTable>
        </div>
      </div>
    </section>
  );
}
