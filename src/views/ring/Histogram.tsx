/**
 * The load histogram: keys per server as labelled bars with the mean marked, or, above
 * MAX_BARS servers, how many servers fall in each load range (the distribution). Scales
 * by D3, bars by React.
 */
import { memo, useMemo } from 'react';
import { bin as d3bin, scaleBand, scaleLinear } from 'd3';
import { useT } from '../session';
import { count, fmt } from './format';

/** Above this many servers, bars per server would be slivers: draw the distribution. */
export const MAX_BARS = 40;
const W = 320;
const H = 150;
const M = { top: 10, right: 8, bottom: 26, left: 36 };

export interface HistogramProps {
  scheme: string;
  servers: readonly string[];
  loads: ArrayLike<number>;
  color(server: string): string;
  /** A server to mark (the one that joined or is joining). */
  mark: string | null;
  lang: string;
}

export const Histogram = memo(function Histogram({ scheme, servers, loads, color, mark, lang }: HistogramProps) {
  const t = useT();
  const n = servers.length;
  const values = useMemo(() => Array.from(loads), [loads]);
  const mean = n ? values.reduce((a, b) => a + b, 0) / n : 0;
  const max = Math.max(1, ...values);
  const perServer = n <= MAX_BARS;
  const title = t(perServer ? 'ring.hist.title' : 'ring.hist.distTitle', { scheme });

  const bars = useMemo(() => {
    if (!perServer) return null;
    const x = scaleBand<string>().domain(servers).range([M.left, W - M.right]).padding(0.18);
    const y = scaleLinear().domain([0, max]).nice(4).range([H - M.bottom, M.top]);
    return { x, y, ticks: y.ticks(4).filter(Number.isInteger) };
  }, [perServer, servers, max]);

  const dist = useMemo(() => {
    if (perServer) return null;
    const lo = Math.min(...values);
    const x = scaleLinear().domain([lo, max + 1]).nice(20).range([M.left, W - M.right]);
    const bins = d3bin().domain(x.domain() as [number, number]).thresholds(x.ticks(24))(values);
    const y = scaleLinear().domain([0, Math.max(1, ...bins.map((b) => b.length))]).nice(4).range([H - M.bottom, M.top]);
    return { x, y, bins, ticks: y.ticks(4).filter(Number.isInteger), xticks: x.ticks(5) };
  }, [perServer, values, max]);

  if (n === 0) return <p className="ring-none">{t('ring.hist.none')}</p>;
  return (
    <figure className="ring-hist" data-testid="ring-histogram">
      <figcaption>
        {title}
        <span className="ring-mean-key">
          <i aria-hidden="true" />
          {t('ring.hist.mean', { mean: fmt(lang, 1).format(mean) })}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-label={t('ring.hist.label', { scheme })}>
        {bars && (
          <>
            <Grid ticks={bars.ticks} y={bars.y} lang={lang} />
            {servers.map((s, i) => {
              const v = values[i] ?? 0;
              // 11 px labels need about 22 units each: with many servers, every k-th is named.
              const named = i % Math.ceil(22 / bars.x.step()) === 0;
              const x = bars.x(s)!;
              const label = t('ring.hist.bar', { server: s, count: count(lang, v), ratio: fmt(lang, 2).format(mean ? v / mean : 0) });
              return (
                <g key={s} role="img" aria-label={label} data-server={s} data-load={v}>
                  <title>{label}</title>
                  <rect x={x} width={bars.x.bandwidth()} y={bars.y(v)} height={bars.y(0) - bars.y(v)} fill={color(s)} className={s === mark ? 'ring-bar ring-bar-mark' : 'ring-bar'} />
                  {named && (
                    <text className="ring-bar-label" x={x + bars.x.bandwidth() / 2} y={H - M.bottom + 12} textAnchor="middle" aria-hidden="true">
                      {s}
                    </text>
                  )}
                  {v > 0 && bars.x.bandwidth() > 26 && (
                    <text className="ring-bar-value" x={x + bars.x.bandwidth() / 2} y={bars.y(v) - 2} textAnchor="middle" aria-hidden="true">
                      {count(lang, v)}
                    </text>
                  )}
                </g>
              );
            })}
            <line className="ring-mean" x1={M.left} x2={W - M.right} y1={bars.y(mean)} y2={bars.y(mean)} aria-hidden="true" />
          </>
        )}
        {dist && (
          <>
            <Grid ticks={dist.ticks} y={dist.y} lang={lang} />
            {dist.bins.map((b, i) => {
              if (b.length === 0) return null;
              const label = t('ring.hist.distBar', { count: count(lang, b.length), lo: count(lang, b.x0!), hi: count(lang, b.x1! - 1) });
              return (
                <g key={i} role="img" aria-label={label}>
                  <title>{label}</title>
                  <rect className="ring-bar ring-bar-dist" x={dist.x(b.x0!) + 0.5} width={Math.max(1, dist.x(b.x1!) - dist.x(b.x0!) - 1)} y={dist.y(b.length)} height={dist.y(0) - dist.y(b.length)} />
                </g>
              );
            })}
            {dist.xticks.filter((v) => dist.x(v) < W - M.right - 14).map((v) => (
              <text key={v} className="ring-axis-x" x={dist.x(v)} y={H - M.bottom + 11} textAnchor="middle" aria-hidden="true">
                {count(lang, v)}
              </text>
            ))}
            <text className="ring-axis-x" x={W - M.right} y={H - 3} textAnchor="end" aria-hidden="true">
              {t('ring.hist.axisKeys')}
            </text>
            <line className="ring-mean" x1={dist.x(mean)} x2={dist.x(mean)} y1={M.top} y2={H - M.bottom} aria-hidden="true" />
          </>
        )}
      </svg>
    </figure>
  );
});

/** Horizontal grid lines with their counts on the left. */
function Grid({ ticks, y, lang }: { ticks: number[]; y(v: number): number; lang: string }) {
  return (
    <g className="ring-axis" aria-hidden="true">
      {ticks.map((v) => (
        <g key={v}>
          <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} />
          <text x={M.left - 4} y={y(v) + 3} textAnchor="end">
            {count(lang, v)}
          </text>
        </g>
      ))}
    </g>
  );
}
