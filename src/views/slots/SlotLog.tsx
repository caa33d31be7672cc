/**
 * Multi-Paxos's slot log ('slots' in view.panels): one row per replica, one column per slot,
 * and a first row with what is chosen (from the checker's vote history). A cell is a gap, a
 * vote (dashed, with its ballot), a vote awaiting a new leader, committed but not applied
 * (solid, hatched), or applied (solid, ✓); no-ops are marked ∅. Colour follows the ballot and
 * is never the only signal. Long logs show a window of slots with a pager that says where it
 * starts.
 */
import { memo, useCallback, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Observable } from '../../sim/types';
import type { SlotLedgers } from '../../protocols/multipaxos/ghost';
import { useSession, useT } from '../session';
import { termColor } from '../logs/termColors';
import { cellAt, ChosenTracker, readSlots, slotColumns, type Cell } from './model';
import './slots.css';

type T = ReturnType<typeof useT>;

/** Slots drawn at once. */
export const SLOT_WINDOW = 40;

function colour(ballot: number | null): CSSProperties | undefined {
  if (ballot === null || ballot < 0) return undefined;
  const c = termColor(ballot);
  return { '--sl-c': c.bg, '--sl-fg': c.fg, '--sl-tint': c.tint, '--sl-tint-fg': c.tintFg } as CSSProperties;
}

function cellLabel(t: T, c: Cell): string {
  const command = c.noop ? t('slots.noop') : c.command;
  const ballot = c.ballot ?? '?';
  if (c.kind === 'gap') return t('slots.cell.gap', { slot: c.slot });
  if (c.kind === 'applied') return t('slots.cell.applied', { slot: c.slot, command });
  if (c.kind === 'committed') return t('slots.cell.committed', { slot: c.slot, command });
  if (c.kind === 'preparing') return t('slots.cell.preparing', { slot: c.slot, command, ballot });
  return t(c.chosen ? 'slots.cell.votedChosen' : 'slots.cell.voted', { slot: c.slot, command, ballot });
}

function CellView({ c }: { c: Cell }) {
  const t = useT();
  const label = cellLabel(t, c);
  if (c.kind === 'gap') return <td className="sl-cell sl-gap" aria-label={label} title={label} data-slot={c.slot} data-kind="gap" />;
  const solid = c.kind === 'applied' || c.kind === 'committed';
  return (
    <td className={`sl-cell sl-${c.kind}${solid ? ' sl-solid' : ' sl-open'}${c.noop ? ' sl-noop' : ''}`} style={colour(c.ballot)} aria-label={label} title={label} data-slot={c.slot} data-kind={c.kind} data-chosen={c.chosen} data-noop={c.noop}>
      <span className="sl-bal">{c.ballot === null ? '' : t('slots.ballot', { ballot: c.ballot })}</span>
      <span className="sl-cmd">{c.noop ? `∅ ${t('slots.noop')}` : c.command}</span>
      {c.kind === 'applied' && <span className="sl-mark" aria-hidden="true">✓</span>}
      {c.chosen && !solid && <span className="sl-mark" aria-hidden="true">◆</span>}
    </td>
  );
}

interface RowProps {
  id: string;
  state: Observable;
  up: boolean;
  selected: boolean;
  from: number;
  to: number;
  ledger: SlotLedgers;
  version: number;
  onSelect(id: string): void;
}

const Row = memo(function Row({ id, state, up, selected, from, to, ledger, onSelect }: RowProps) {
  const t = useT();
  const s = readSlots(state);
  const role = typeof state.role === 'string' ? state.role : '';
  const cells = [];
  if (s) for (let k = from; k <= to; k++) cells.push(<CellView key={k} c={cellAt(s, k, ledger.chosen(k)?.op)} />);
  return (
    <tr className={`sl-row${selected ? ' sl-selected' : ''}${up ? '' : ' sl-down'}`} data-testid={`slot-row-${id}`} onClick={() => onSelect(id)}>
      <th scope="row" className="sl-head">
        <button type="button" className="sl-node" aria-pressed={selected} onClick={(e) => (e.stopPropagation(), onSelect(id))}>
          {id}
        </button>
        {up && role === 'leading' && <span className="sl-badge sl-badge-leader">★ {t('slots.leader')}</span>}
        {up && role === 'preparing' && <span className="sl-badge">{t('slots.preparing')}</span>}
        {!up && <span className="sl-badge sl-badge-down">{t('slots.down')}</span>}
        {s && (
          <span className="sl-meta">
            <span title={t('slots.ballotTip', { ballot: s.balMaxKnown })}>{s.balMaxKnown >= 0 ? t('slots.ballot', { ballot: s.balMaxKnown }) : '–'}</span>
            <span title={t('slots.commitUpToTip', { slot: s.commitUpTo })}>{t('slots.commitUpTo', { slot: s.commitUpTo })}</span>
          </span>
        )}
      </th>
      {cells}
    </tr>
  );
});

function ChosenRow({ from, to, ledger }: { from: number; to: number; ledger: SlotLedgers }) {
  const t = useT();
  const cells = [];
  for (let k = from; k <= to; k++) {
    const c = ledger.chosen(k);
    const command = c ? (c.op === 'noop' ? t('slots.noop') : (ledger.commands.get(c.op) ?? c.op)) : '';
    const label = c ? t('slots.chosenCell', { slot: k, command, ballot: c.ballot }) : t('slots.notChosen', { slot: k });
    cells.push(
      <td key={k} className={`sl-chosen${c ? '' : ' sl-chosen-none'}`} title={label} aria-label={label} data-slot={k}>
        {c ? `◆ ${c.op === 'noop' ? '∅' : command}` : ''}
      </td>,
    );
  }
  return (
    <tr className="sl-chosen-row" data-testid="slot-chosen-row">
      <th scope="row" className="sl-head sl-chosen-head" title={t('slots.chosenTip')}>
        ◆ {t('slots.chosenRow')}
      </th>
      {cells}
    </tr>
  );
}

function Legend() {
  const t = useT();
  const style = colour(1);
  return (
    <div className="sl-legend" aria-hidden="true">
      <span className="sl-sample sl-open" style={style}>b1</span>
      {t('slots.legendVoted')}
      <span className="sl-sample sl-plain">◆</span>
      {t('slots.legendChosen')}
      <span className="sl-sample sl-solid sl-committed" style={style} />
      {t('slots.legendCommitted')}
      <span className="sl-sample sl-solid" style={style}>✓</span>
      {t('slots.legendApplied')}
      <span className="sl-sample sl-plain">∅</span>
      {t('slots.legendNoop')}
      <span className="sl-sample sl-gap" />
      {t('slots.legendGap')}
    </div>
  );
}

export function SlotLog() {
  const t = useT();
  const states = useSession(useShallow((s) => s.frame.nodes.map((n) => n.state)));
  const ids = useSession(useShallow((s) => s.frame.nodes.map((n) => n.id)));
  const ups = useSession(useShallow((s) => s.frame.nodes.map((n) => n.up)));
  const events = useSession((s) => s.sim.events);
  const step = useSession((s) => s.frame.step);
  const selected = useSession((s) => (s.selection?.kind === 'node' ? s.selection.id : null));
  const select = useSession((s) => s.select);
  const onSelect = useCallback((id: string) => select({ kind: 'node', id }), [select]);
  const tracker = useRef(new ChosenTracker());
  const ledger = useMemo(() => tracker.current.at(events, ids, step), [events, ids, step]);
  const columns = useMemo(() => slotColumns(states), [states]);
  // null: follow the newest slots; else the last slot of the window the user paged to.
  const [end, setEnd] = useState<number | null>(null);
  const to = Math.min(columns, end ?? columns);
  const from = Math.max(1, to - SLOT_WINDOW + 1);
  const page = (by: number) => {
    const next = to + by;
    setEnd(next >= columns ? null : Math.max(Math.min(SLOT_WINDOW, columns), next));
  };
  if (columns === 0) {
    return (
      <section className="sl-panel" aria-label={t('slots.title')} data-testid="slotlog">
        <h2 className="sl-title">{t('slots.title')}</h2>
        <p className="sl-none">{t('slots.none')}</p>
      </section>
    );
  }
  const headers = [];
  for (let k = from; k <= to; k++)
    headers.push(
      <th key={k} scope="col" className="sl-col" aria-label={t('slots.slotHeader', { slot: k })}>
        {k}
      </th>,
    );
  return (
    <section className="sl-panel" aria-label={t('slots.title')} data-testid="slotlog">
      <header className="sl-bar">
        <h2 className="sl-title">{t('slots.title')}</h2>
        <Legend />
        <span className="sl-pager">
          {columns > SLOT_WINDOW && (
            <button type="button" disabled={from <= 1} onClick={() => page(-SLOT_WINDOW)} data-testid="slots-earlier">
              ◂ {t('slots.earlier')}
            </button>
          )}
          <span className="sl-range" data-testid="slots-range">
            {t('slots.range', { from, to, total: columns })}
          </span>
          {columns > SLOT_WINDOW && (
            <button type="button" disabled={end === null} onClick={() => page(SLOT_WINDOW)} data-testid="slots-newer">
              {t('slots.newer')} ▸
            </button>
          )}
        </span>
      </header>
      <div className="sl-scroll">
        <table className="sl-table">
          <caption className="sl-sr">{t('slots.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="sl-head sl-corner">
                {t('slots.node')}
              </th>
              {headers}
            </tr>
          </thead>
          <tbody>
            <ChosenRow from={from} to={to} ledger={ledger} />
            {ids.map((id, k) => (
              <Row key={id} id={id} state={states[k]!} up={ups[k]!} selected={selected === id} from={from} to={to} ledger={ledger} version={step} onSelect={onSelect} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
