/**
 * The acceptor table: per acceptor, its maxBal / maxVBal : maxVal over simulated time as a
 * strip — each segment tinted by the proposer that owns maxBal, with a lower band for the
 * ballot voted in — its state at the cursor, and a mark where a value became chosen. Clicking
 * a strip moves the cursor to that time.
 */
import { memo, useMemo, type MouseEvent } from 'react';
import { useSession, useSessionStore, useT } from '../session';
import { acceptorRows, chosenBy, type AccRow, type AccState } from './model';
import { ballotColor, proposerColor } from './colors';
import { usePaxosCast } from './usePaxosCast';
import type { Chosen } from '../../protocols/kit/votes';
import './acceptors.css';

type T = ReturnType<typeof useT>;

/** A segment narrower than this share of the strip shows no text (its tooltip still does). */
const MIN_LABEL_SHARE = 0.06;

const val = (t: T, v: string | null) => v ?? t('acc.none');
const short = (s: AccState) => `${s.maxBal < 0 ? '–' : s.maxBal} / ${s.maxVBal < 0 ? '–' : `${s.maxVBal}:${s.maxVal}`}`;

const Strip = memo(function Strip({ row, domain, time, proposers, chosen, t, onSeek }: { row: AccRow; domain: number; time: number; proposers: number; chosen: readonly Chosen[]; t: T; onSeek(ms: number): void }) {
  const pct = (x: number) => `${(100 * Math.min(x, domain)) / domain}%`;
  const seek = (e: MouseEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    onSeek(Math.round(((e.clientX - box.left) / box.width) * domain));
  };
  return (
    <div className="acc-strip" onClick={seek} title={t('acc.stripTip')}>
      {row.spans.map((s, i) => (
        <div
          key={i}
          className="acc-seg"
          style={{ left: pct(s.from), width: pct(s.to - s.from), background: `${ballotColor(s.maxBal, proposers)}2e`, borderBottomColor: ballotColor(s.maxVBal, proposers) }}
          title={t('acc.span', { node: row.node, from: s.from, to: Math.round(s.to), bal: s.maxBal, vbal: s.maxVBal, val: val(t, s.maxVal) })}
          data-maxbal={s.maxBal}
        >
          {(s.to - s.from) / domain >= MIN_LABEL_SHARE && short(s)}
        </div>
      ))}
      {row.down.map((d, i) => (
        <div key={`d${i}`} className="acc-down" style={{ left: pct(d.from), width: pct(d.to - d.from) }} title={t('acc.downSpan', { node: row.node, from: d.from, to: Math.round(d.to) })} />
      ))}
      {chosen.map((c) => (
        <div key={c.value} className="acc-chosen-mark" style={{ left: pct(c.time) }} title={t('acc.chosenAt', { value: c.value, time: c.time })} />
      ))}
      <div className="acc-cursor" style={{ left: pct(time) }} aria-hidden="true" />
    </div>
  );
});

export function AcceptorTable() {
  const t = useT();
  const store = useSessionStore();
  const cast = usePaxosCast();
  const sim = useSession((s) => s.sim);
  const events = sim.events;
  const { step, time } = useSession((s) => s.frame);
  const rows = useMemo(() => (cast ? acceptorRows(events, step, time, cast.acceptors) : []), [cast, events, step, time]);
  const chosen = useMemo(() => (cast ? chosenBy(events, step, cast.acceptors) : []), [cast, events, step]);
  if (!cast) return null;
  // The run so far, not the scenario's end: free play runs for minutes.
  const domain = Math.max(sim.current.time, time, 1);
  const onSeek = (ms: number) => store.getState().seekTime(ms);
  const k = cast.proposers.length;
  return (
    <section className="acc-panel" aria-label={t('acc.label')} data-testid="acceptors">
      <div className="acc-bar">
        <h2 className="acc-title">{t('acc.title')}</h2>
        <ul className="acc-legend">
          {cast.proposers.map((p, i) => (
            <li key={p}>
              <span className="acc-swatch" style={{ background: proposerColor(i) }} aria-hidden="true" />
              {t('acc.ballotsOf', { node: p })}
            </li>
          ))}
          <li>
            <span className="acc-swatch acc-vote-swatch" aria-hidden="true" />
            {t('acc.vote')}
          </li>
          <li>
            <span className="acc-swatch acc-down-swatch" aria-hidden="true" />
            {t('acc.down')}
          </li>
        </ul>
      </div>
      <table className="acc-table">
        <thead>
          <tr>
            <th scope="col">{t('acc.col.node')}</th>
            <th scope="col">{t('acc.col.history')}</th>
            <th scope="col">{t('acc.col.now')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.node} data-node={r.node} data-maxbal={r.now?.maxBal ?? ''} data-maxvbal={r.now?.maxVBal ?? ''} data-maxval={r.now?.maxVal ?? ''}>
              <th scope="row">{r.node}</th>
              <td className="acc-strip-cell">
                <Strip row={r} domain={domain} time={time} proposers={k} chosen={chosen} t={t} onSeek={onSeek} />
              </td>
              <td className="acc-now">
                {r.now && (
                  <span title={t('acc.now', { bal: r.now.maxBal, vbal: r.now.maxVBal, val: val(t, r.now.maxVal) })}>
                    <b style={{ color: ballotColor(r.now.maxBal, k) }}>{r.now.maxBal}</b> / <b style={{ color: ballotColor(r.now.maxVBal, k) }}>{r.now.maxVBal}</b> : {val(t, r.now.maxVal)}
                  </span>
                )}
                {r.downNow && <span className="acc-now-down"> · {t('acc.down')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
