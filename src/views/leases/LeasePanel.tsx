/**
 * The lock service's panel ('leases' in view.panels): a lease chart with two lanes per client,
 * what the client believes (with its token, jeopardy, expiry and pauses) and what the master
 * says, with the stretches where two clients believe at once banded in red across the rows;
 * and the storage's write log. Clicking a lane moves the cursor.
 */
import { memo, useMemo, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { scaleLinear } from 'd3-scale';
import type { StringKey } from '../../i18n';
import { useSession, useSessionStore, useT } from '../session';
import { clientsOf, leaseChart, type LeaseRow, type Span, type SpanKind } from './model';
import { WriteLog } from './WriteLog';
import './leases.css';

type T = ReturnType<typeof useT>;
const KINDS: readonly SpanKind[] = ['holds', 'jeopardy', 'expired', 'paused', 'down'];
const KIND_KEYS: Record<SpanKind, StringKey> = {
  holds: 'lock.kind.holds',
  jeopardy: 'lock.kind.jeopardy',
  expired: 'lock.kind.expired',
  paused: 'lock.kind.paused',
  down: 'lock.kind.down',
};
/** A span narrower than this share of the lane shows no text (its tooltip still does). */
const MIN_LABEL_SHARE = 0.035;

function spanTitle(t: T, client: string, s: Span, kind: string): string {
  const vars = { client, kind, from: s.from, to: Math.round(s.to) };
  return s.token === undefined || s.token === 0 ? t('lock.span', vars) : t('lock.span.token', { ...vars, token: s.token });
}

function Lane({ spans, client, master, domain, t, onSeek }: { spans: Span[]; client: string; master: boolean; domain: number; t: T; onSeek(ms: number): void }) {
  const pct = (x: number) => `${(100 * Math.min(x, domain)) / domain}%`;
  const seek = (e: MouseEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    onSeek(Math.round(((e.clientX - box.left) / box.width) * domain));
  };
  return (
    <div className={`lk-lane ${master ? 'lk-lane-master' : 'lk-lane-belief'}`} onClick={seek} title={t('lock.stripTip')} data-lane={master ? 'master' : 'belief'}>
      {spans.map((s, i) => {
        const kind = master ? t('lock.kind.master') : t(KIND_KEYS[s.kind]);
        return (
          <div key={i} className={`lk-seg lk-${master ? 'master' : s.kind}`} style={{ left: pct(s.from), width: pct(s.to - s.from) }} title={spanTitle(t, client, s, kind)} data-kind={master ? 'master' : s.kind} data-token={s.token ?? ''}>
            {(s.to - s.from) / domain >= MIN_LABEL_SHARE && s.token ? `#${s.token}` : ''}
          </div>
        );
      })}
    </div>
  );
}

const Row = memo(function Row({ row, line, domain, redis, t, onSeek }: { row: LeaseRow; line: number; domain: number; redis: boolean; t: T; onSeek(ms: number): void }) {
  const now = row.now.up ? (row.now.token !== null ? t('lock.note.holds', { lock: '', token: row.now.token }) : t(`lock.note.session.${row.now.session}` as StringKey)) : t('lock.kind.down');
  return (
    <>
      <div className="lk-name" data-client={row.client} style={{ gridRow: line }}>
        <strong>{row.client}</strong>
        <span className="lk-lane-name">{t('lock.lane.belief')}</span>
        <span className="lk-lane-name">{t(redis ? 'lock.lane.masterRedis' : 'lock.lane.master')}</span>
        <span className="lk-now" data-testid={`lease-now-${row.client}`}>
          {redis ? '' : now}
        </span>
      </div>
      <div className="lk-lanes" data-testid={`lease-row-${row.client}`} style={{ gridRow: line }}>
        <Lane spans={row.belief} client={row.client} master={false} domain={domain} t={t} onSeek={onSeek} />
        <Lane spans={row.master} client={row.client} master domain={domain} t={t} onSeek={onSeek} />
      </div>
    </>
  );
});

export function LeasePanel() {
  const t = useT();
  const store = useSessionStore();
  const sim = useSession((s) => s.sim);
  const { step, time } = useSession(useShallow((s) => ({ step: s.frame.step, time: s.frame.time })));
  const violations = useSession((s) => s.frame.violations);
  const clients = useSession(useShallow((s) => clientsOf(s.frame.nodes)));
  const redis = useSession((s) => s.sim.scenario.params.mode === 'redis');
  const chart = useMemo(() => leaseChart(sim.events, step, time, clients, violations), [sim, step, time, clients, violations]);
  const domain = Math.max(sim.scenario.until, time, 1);
  const ticks = useMemo(() => scaleLinear().domain([0, domain]).ticks(6), [domain]);
  const onSeek = (ms: number) => store.getState().seekTime(ms);
  const pct = (x: number) => `${(100 * Math.min(x, domain)) / domain}%`;
  return (
    <section className="lk-panel" aria-label={t('lock.label')} data-testid="leases">
      <div className="lk-bar">
        <h2 className="lk-title">{chart.lock ? t('lock.title', { lock: chart.lock }) : t('lock.titleNone')}</h2>
        <ul className="lk-legend">
          {KINDS.map((k) => (
            <li key={k}>
              <span className={`lk-swatch lk-${k}`} aria-hidden="true" />
              {t(KIND_KEYS[k])}
            </li>
          ))}
          <li>
            <span className="lk-swatch lk-master" aria-hidden="true" />
            {t('lock.kind.master')}
          </li>
          <li>
            <span className="lk-swatch lk-overlap-swatch" aria-hidden="true" />
            {t('lock.kind.overlap')}
          </li>
        </ul>
      </div>
      {chart.lock === null ? (
        <p className="lk-empty">{t('lock.empty')}</p>
      ) : (
        <div className="lk-chart" role="group" aria-label={t('lock.chart')} data-testid="lease-chart" style={{ gridTemplateRows: `repeat(${chart.rows.length}, auto) auto` }}>
          {chart.rows.map((r, i) => (
            <Row key={r.client} row={r} line={i + 1} domain={domain} redis={redis} t={t} onSeek={onSeek} />
          ))}
          <div className="lk-axis" aria-hidden="true" style={{ gridRow: chart.rows.length + 1 }}>
            {ticks.map((x) => (
              // The last ticks end at their mark rather than centre on it: the panel clips.
              <span key={x} style={{ left: pct(x) }} className={x / domain > 0.94 ? 'lk-tick-end' : undefined}>
                {x}
              </span>
            ))}
          </div>
          <div className="lk-overlay" style={{ gridRow: `1 / ${chart.rows.length + 1}` }}>
            {chart.overlaps.map((o, i) => (
              <div
                key={i}
                className="lk-overlap"
                style={{ left: pct(o.from), width: pct(o.to - o.from) }}
                title={t('lock.overlap', { clients: o.clients.join(', '), lock: chart.lock ?? '', from: o.from, to: Math.round(o.to) })}
                data-testid="lease-overlap"
              >
                <span>{t('lock.overlapShort')}</span>
              </div>
            ))}
            <div className="lk-cursor" style={{ left: pct(time) }} />
          </div>
        </div>
      )}
      <WriteLog writes={chart.writes} t={t} onSeek={(seq) => store.getState().seekStep(seq + 1)} />
    </section>
  );
}
