/**
 * The transaction table: per transaction, each node's state over simulated time as a strip,
 * its state at the cursor, and how long each participant was blocked (uncertain, holding its
 * locks). Clicking a strip moves the cursor to that time.
 */
import { memo, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { shortState, stateName } from './stateNames';
import type { TxKind } from '../../protocols/types';
import { useSession, useSessionStore, useT } from '../session';
import { latestTransactions, type TxRow, type TxView } from './model';
import './transactions.css';

type T = ReturnType<typeof useT>;

/** More than this many transactions: the table shows the latest. */
const MAX_SHOWN = 8;
const KINDS: readonly TxKind[] = ['active', 'uncertain', 'committed', 'aborted'];
/** A segment shows its state's name only where the whole name fits (its tooltip always does):
 * a segment running past the strip's end, or a share of it too narrow, cut "abort" mid-letter at 1024 px (issue 17). Pixels
 * per character of the 0.8rem label, generously, and the 3px padding plus the border. */
const CHAR_PX = 7.5;
const LABEL_PAD_PX = 6;

const ms = (t: T, n: number) => t('tx.ms', { ms: Math.round(n) });


function Strip({ row, domain, time, t, onSeek }: { row: TxRow; domain: number; time: number; t: T; onSeek(ms: number): void }) {
  const pct = (x: number) => `${(100 * Math.min(x, domain)) / domain}%`;
  const ref = useRef<HTMLDivElement>(null);
  const [px, setPx] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setPx(el.clientWidth);
    const ro = new ResizeObserver(() => setPx(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const fits = (from: number, to: number, label: string) => ((Math.min(to, domain) - Math.min(from, domain)) / domain) * px >= label.length * CHAR_PX + LABEL_PAD_PX;
  const seek = (e: MouseEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    onSeek(Math.round(((e.clientX - box.left) / box.width) * domain));
  };
  return (
    <div ref={ref} className="tx-strip" onClick={seek} title={t('tx.stripTip')}>
      {row.spans.map((s, i) => (
        <div
          key={i}
          className={`tx-seg tx-${s.kind}`}
          style={{ left: pct(s.from), width: pct(Math.min(s.to, domain) - Math.min(s.from, domain)) }}
          title={t('tx.span', { node: row.node, state: stateName(t, s.state), from: s.from, to: Math.round(s.to) })}
          data-state={s.state}
        >
          {fits(s.from, s.to, s.state) && s.state}
        </div>
      ))}
      {row.down.map((d, i) => (
        <div key={`d${i}`} className="tx-down" style={{ left: pct(d.from), width: pct(d.to - d.from) }} title={t('tx.downSpan', { node: row.node, from: d.from, to: Math.round(d.to) })} />
      ))}
      <div className="tx-cursor" style={{ left: pct(time) }} aria-hidden="true" />
    </div>
  );
}

const TxBlock = memo(function TxBlock({ view, domain, time, t, onSeek }: { view: TxView; domain: number; time: number; t: T; onSeek(ms: number): void }) {
  const blocked = view.blockedMax
    ? t('tx.blocked', { total: ms(t, view.blockedTotal), node: view.blockedMax.node, longest: ms(t, view.blockedMax.ms) })
    : t('tx.blockedNone');
  return (
    <div className="tx-block" data-tx={view.tx} data-outcome={view.outcome}>
      <div className="tx-head">
        <strong>{view.tx}</strong>
        <span className={`tx-outcome tx-outcome-${view.outcome}`} title={t('tx.outcomeTip')} data-untold={view.untold.join(' ')}>
          {t(`tx.outcome.${view.outcome}`, { nodes: view.untold.join(', ') })}
        </span>
        <span className="tx-sum" data-blocked-total={Math.round(view.blockedTotal)}>
          {blocked}
        </span>
        {view.blockedNow.length > 0 && <span className="tx-now-blocked">{t('tx.blockedNow', { nodes: view.blockedNow.join(', ') })}</span>}
      </div>
      <table className="tx-table">
        <thead>
          <tr>
            <th scope="col">{t('tx.col.node')}</th>
            <th scope="col">{t('tx.col.history')}</th>
            <th scope="col">{t('tx.col.now')}</th>
            <th scope="col" title={t('tx.blockedTip')}>
              {t('tx.col.blocked')}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => (
            <tr key={r.node} data-node={r.node} data-state={r.now ?? ''}>
              <th scope="row">{r.node}</th>
              <td className="tx-strip-cell">
                <Strip row={r} domain={domain} time={time} t={t} onSeek={onSeek} />
              </td>
              <td className={r.nowKind ? `tx-now tx-text-${r.nowKind}` : 'tx-now'} title={r.now ? stateName(t, r.now) : undefined}>
                {r.now ? shortState(t, r.now) : t('tx.notInvolved')}
                {r.downNow && <span className="tx-now-down"> · {t('tx.down')}</span>}
              </td>
              <td className="tx-blocked" data-blocked={Math.round(r.blockedMs)} title={r.lockHolder ? t('tx.blockedTip') : t('tx.coordinator')}>
                {r.lockHolder ? ms(t, r.blockedMs) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});

export function TransactionTable() {
  const t = useT();
  const store = useSessionStore();
  const hints = useSession((s) => s.module.view.transactions);
  const sim = useSession((s) => s.sim);
  const frame = useSession((s) => s.frame);
  const { step, time, nodes } = frame;
  // Only the transactions shown are built: a run can have thousands (issue 10).
  const { count, views: shown } = useMemo(() => (hints ? latestTransactions(sim.events, step, time, nodes, hints, MAX_SHOWN) : { count: 0, views: [] }), [hints, sim, step, time, nodes]);
  if (!hints) return null;
  const domain = Math.max(sim.scenario.until, time, 1);
  const onSeek = (ms: number) => store.getState().seekTime(ms);
  return (
    <section className="tx-panel" aria-label={t('tx.label')} data-testid="transactions">
      <div className="tx-bar">
        <h2 className="tx-title">{t('tx.title')}</h2>
        <ul className="tx-legend">
          {KINDS.map((k) => (
            <li key={k}>
              <span className={`tx-swatch tx-${k}`} aria-hidden="true" />
              {t(`tx.kind.${k}`)}
            </li>
          ))}
          <li>
            <span className="tx-swatch tx-down-swatch" aria-hidden="true" />
            {t('tx.down')}
          </li>
        </ul>
      </div>
      {count === 0 && <p className="tx-empty">{t('tx.empty')}</p>}
      {count > shown.length && <p className="tx-empty">{t('tx.more', { shown: shown.length, count })}</p>}
      {shown.map((v) => (
        <TxBlock key={v.tx} view={v} domain={domain} time={time} t={t} onSeek={onSeek} />
      ))}
    </section>
  );
}
