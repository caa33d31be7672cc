/**
 * The Zab history view: one row per server with its phase, acceptedEpoch beside currentEpoch,
 * whom it follows or votes for, and its history as zxid chips coloured by epoch, committed,
 * logged and buffered drawn distinctly. Rows are memoized by state identity.
 */
import { memo, useLayoutEffect, useMemo, useRef, type CSSProperties } from 'react';
import { isStringKey } from '../../i18n';
import { useT } from '../session';
import { NodeTable, useNodeRows, type NodeRowProps } from '../logs/NodeTable';
import { termColor } from '../logs/termColors';
import { onDisk, readZab, type Chip } from './model';
import './zab.css';

/** Indices drawn at once; older ones are summarised. */
export const ZAB_WINDOW = 40;

function chipStyle(epoch: number): CSSProperties {
  const c = termColor(Math.max(1, epoch));
  return { '--zb-c': c.bg, '--zb-fg': c.fg, '--zb-tint': c.tint, '--zb-tint-fg': c.tintFg } as CSSProperties;
}

function ChipCell({ chip, volatile }: { chip: Chip; volatile: boolean }) {
  const t = useT();
  const status = t(chip.status === 'committed' ? 'zab.committed' : chip.status === 'logged' ? 'zab.logged' : 'zab.buffered');
  const label = t('zab.chip', { index: chip.index, epoch: chip.epoch, counter: chip.counter, value: chip.value, status: volatile && chip.status === 'committed' ? `${status}, ${t('zab.buffered')}` : status });
  return (
    <td className={`zb-chip zb-${chip.status}${volatile ? ' zb-volatile' : ''}`} style={chipStyle(chip.epoch)} aria-label={label} title={label} data-index={chip.index} data-status={chip.status} data-zxid={`${chip.epoch}.${chip.counter}`}>
      <span className="zb-zxid">
        {chip.epoch}.{chip.counter}
      </span>
      <span className="zb-value">{chip.value}</span>
    </td>
  );
}

const Row = memo(function Row({ id, state, up, paused, selected, from, to, onSelect }: NodeRowProps) {
  const t = useT();
  const r = readZab(state);
  if (!r) return null;
  const phaseKey = `zab.phase.${r.zabState}`;
  const stateKey = `zab.state.${r.state}`;
  const phase = isStringKey(phaseKey) ? t(phaseKey) : r.zabState;
  const role = isStringKey(stateKey) ? t(stateKey) : r.state;
  const ahead = r.acceptedEpoch > r.currentEpoch;
  const cells = [];
  for (let i = from; i <= to; i++) {
    const chip = r.chips[i - 1];
    cells.push(chip ? <ChipCell key={i} chip={chip} volatile={chip.status === 'committed' && !onDisk(state, i)} /> : <td key={i} className="zb-void" />);
  }
  const leading = up && r.state === 'LEADING';
  return (
    <tr className={`zb-row${selected ? ' zb-selected' : ''}${up ? '' : ' zb-down'}${leading ? ' zb-leading' : ''}`} data-testid={`zab-row-${id}`} data-node={id} data-phase={r.zabState} data-state={r.state} onClick={() => onSelect(id)}>
      <th scope="row" className="zb-head">
        <div className="zb-line">
          <button type="button" className="zb-node" aria-pressed={selected} aria-label={t('zab.selectNode', { node: id })} onClick={(e) => (e.stopPropagation(), onSelect(id))}>
            {id}
          </button>
          <span className={`zb-badge zb-role-${r.state}`}>{leading ? `★ ${role}` : role}</span>
          <span className={`zb-badge zb-phase zb-phase-${r.zabState}`} title={t('zab.phaseTip', { phase: r.zabState })} data-testid={`zab-phase-${id}`}>
            {phase}
          </span>
          {!up && <span className="zb-badge zb-badge-down">{t('zab.down')}</span>}
          {up && paused && <span className="zb-badge zb-badge-paused">{t('zab.paused')}</span>}
        </div>
        <div className="zb-line zb-meta">
          <span className={`zb-epochs${ahead ? ' zb-ahead' : ''}`} title={ahead ? t('zab.ahead') : t('zab.epochsTip', { accepted: r.acceptedEpoch, current: r.currentEpoch })} data-testid={`zab-epochs-${id}`}>
            {t('zab.epochs', { accepted: r.acceptedEpoch, current: r.currentEpoch })}
          </span>
          <span title={t('zab.commitTip', { index: r.lastCommitted })}>{t('zab.commit', { index: r.lastCommitted })}</span>
          {r.state === 'FOLLOWING' && r.leader && <span title={t('zab.followingTip', { leader: r.leader })}>{t('zab.following', { leader: r.leader })}</span>}
          {r.syncMode && r.zabState === 'SYNCHRONIZATION' && <span>{t('zab.sync', { mode: r.syncMode })}</span>}
        </div>
        {r.state === 'LOOKING' && r.vote && up && (
          <div className="zb-line zb-meta" data-testid={`zab-vote-${id}`}>
            <span title={t('zab.voteTip', { leader: r.vote.leader, epoch: r.vote.zxid[0], counter: r.vote.zxid[1], voteEpoch: r.vote.epoch })}>{t('zab.vote', { leader: r.vote.leader, round: r.round })}</span>
            {r.votes && (
              <span className="zb-votes" title={t('zab.votesTip', { node: id })}>
                {Object.entries(r.votes)
                  .filter(([k]) => k !== id)
                  .map(([k, v]) => `${k}→${v}`)
                  .join(' ')}
              </span>
            )}
          </div>
        )}
      </th>
      {cells}
    </tr>
  );
});

function Legend() {
  const t = useT();
  const style = chipStyle(1);
  return (
    <div className="zb-legend" aria-hidden="true">
      <span className="zb-sample zb-committed" style={style}>
        1.1
      </span>
      {t('zab.legendCommitted')}
      <span className="zb-sample zb-logged" style={style}>
        1.2
      </span>
      {t('zab.legendLogged')}
      <span className="zb-sample zb-buffered" style={style}>
        1.3
      </span>
      {t('zab.legendBuffered')}
    </div>
  );
}

export function ZabHistory() {
  const t = useT();
  const { states, rows } = useNodeRows();
  const columns = useMemo(() => Math.max(0, ...states.map((s) => (Array.isArray(s.history) ? s.history.length : 0))), [states]);
  const to = columns;
  const from = Math.max(1, to - ZAB_WINDOW + 1);
  const scroller = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el) el.scrollLeft = el.scrollWidth;
  }, [columns]);
  return (
    <section className="zb-panel" aria-label={t('zab.title')} data-testid="zab-history">
      <header className="zb-bar">
        <h2 className="zb-title">{t('zab.title')}</h2>
        <Legend />
        {from > 1 && <span className="zb-earlier">{t('zab.earlier', { count: from - 1 })}</span>}
      </header>
      <div className="zb-scroll" ref={scroller}>
        <NodeTable prefix="zb" label={t('zab.title')} caption={t('zab.caption')} corner={t('zab.node')} from={from} to={to}>
          {rows({ from, to }).map((r) => (
            <Row key={r.id} {...r} />
          ))}
        </NodeTable>
        {columns === 0 && <p className="zb-none">{t('zab.none')}</p>}
      </div>
    </section>
  );
}
