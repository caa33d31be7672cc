/**
 * One node's row of the log table, and its cells. A seek gives every node a new state, so every
 * row re-renders; a cell is memoized on what it shows (index, term, command, committed, the
 * commit bar), so only the cells whose entry changed at this cursor render and touch the DOM.
 * Only the columns in view (and a few beyond) are drawn: spacers stand in for the rest, so the
 * table keeps its width and the drawn cells their place (issue 17, item 5).
 */
import { memo, type CSSProperties } from 'react';
import type { useT } from '../session';
import type { NodeRowProps } from './NodeTable';
import { readLog } from './model';
import { termColor } from './termColors';

type T = ReturnType<typeof useT>;

interface CellProps {
  index: number;
  term: number | null;
  command: string;
  committed: boolean;
  /** The commit bar: right of the last committed entry, or left of the first when none is. */
  edge: boolean;
  edgeStart: boolean;
  t: T;
}

const LogCell = memo(function LogCell({ index, term, command, committed, edge, edgeStart, t }: CellProps) {
  const status = t(committed ? 'logs.committed' : 'logs.uncommitted');
  const termText = term === null ? '?' : String(term);
  const label = t('logs.cell', { index, term: termText, command: command || t('logs.noCommand'), status });
  const c = term === null ? null : termColor(term);
  const style = c ? ({ '--lg-c': c.bg, '--lg-fg': c.fg, '--lg-tint': c.tint, '--lg-tint-fg': c.tintFg } as CSSProperties) : undefined;
  // One element per cell: the term is its text, the command and the commit tick are drawn
  // from its attributes by CSS (logs.css), so a seek that draws a new column creates 5 elements,
  // not 15. attr() renders the command as text.
  return (
    <td
      className={`lg-cell ${committed ? 'lg-committed' : 'lg-uncommitted'}${edge ? ' lg-edge' : ''}${edgeStart ? ' lg-edge-start' : ''}`}
      style={style}
      aria-label={label}
      title={label}
      data-index={index}
      data-term={termText}
      data-command={command}
      data-status={committed ? 'committed' : 'uncommitted'}
    >
      {termText}
    </td>
  );
});

/** Stands in for `width` pixels of columns not drawn; hidden from assistive technology, which
 * reads the drawn cells and the range above the table. */
export function Spacer({ width, head = false }: { width: number; head?: boolean }) {
  if (width <= 0) return null;
  const style = { width, minWidth: width, maxWidth: width };
  return head ? <th className="lg-spacer" style={style} aria-hidden="true" /> : <td className="lg-spacer" style={style} aria-hidden="true" />;
}

export interface LogRowProps extends NodeRowProps {
  t: T;
  /** Widths of the spacers left and right of the drawn columns `from..to`. */
  padLeft: number;
  padRight: number;
}

export const LogRow = memo(function LogRow({ id, state, up, paused, selected, from, to, padLeft, padRight, onSelect, t }: LogRowProps) {
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
    const commit = log!.commitIndex;
    cells.push(<LogCell key={i} index={i} term={entry.term} command={entry.command} committed={i <= commit} edge={i === commit} edgeStart={i === 1 && commit === 0} t={t} />);
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
      {to < from ? (
        <td className="lg-cell lg-void lg-note">{log ? t('logs.empty') : t('logs.noLog')}</td>
      ) : (
        <>
          <Spacer width={padLeft} />
          {cells}
          <Spacer width={padRight} />
        </>
      )}
    </tr>
  );
});
