/**
 * What does not move with the cursor: the event-density strip, the time axis and the fault
 * markers (one glyph per fault family, merged when closer than FAULT_GAP px). Memoised, so
 * scrubbing redraws only the cursor and the pins.
 */
import { memo, useMemo } from 'react';
import { sqrtScale, type LinearScale } from './scale';
import type { StringKey } from '../../i18n';
import type { EventKind, TraceEvent } from '../../sim/types';
import { clusterMarkers, densityBins, dominantFamily, type FaultFamily, type FaultMarker } from './markers';
import { FAULT_GAP, PAD, ROW, TIP_LINES, timeText, type Translate } from './track';

const KIND_KEYS: Partial<Record<EventKind, StringKey>> = {
  crash: 'timeline.kind.crash',
  restart: 'timeline.kind.restart',
  pause: 'timeline.kind.pause',
  resume: 'timeline.kind.resume',
  skew: 'timeline.kind.skew',
  timeout: 'timeline.kind.timeout',
  partition: 'timeline.kind.partition',
  cut: 'timeline.kind.cut',
  heal: 'timeline.kind.heal',
  drop: 'timeline.kind.drop',
  duplicate: 'timeline.kind.duplicate',
  delay: 'timeline.kind.delay',
  schedule: 'timeline.kind.schedule',
};

/** One glyph per fault family, centred on (0, 0): shape, not only colour, tells them apart. */
export const FAMILY_SHAPES: Record<FaultFamily, string> = {
  node: 'M0,-5.5L5.5,0L0,5.5L-5.5,0Z',
  network: 'M-4.5,-4.5H4.5V4.5H-4.5Z',
  message: 'M0,-5A5,5 0 1 1 0,5A5,5 0 1 1 0,-5Z',
  schedule: 'M0,-5.5L5.5,4.5H-5.5Z',
};

function faultTip(t: Translate, items: readonly FaultMarker[]): string {
  const lines = items.slice(0, TIP_LINES).map((m) => {
    const kind = t(KIND_KEYS[m.kind] ?? 'timeline.fault');
    const vars = { kind, time: m.time, step: m.seq + 1 };
    const line = m.node === undefined ? t('timeline.faultAt', vars) : t('timeline.faultNodeAt', { ...vars, node: m.node });
    return m.ahead ? `${line} ${t('probe.faultAhead')}` : line;
  });
  if (items.length > TIP_LINES) lines.push(t('timeline.faultMore', { count: items.length - TIP_LINES }));
  return lines.join('\n');
}

interface StaticLayerProps {
  x: LinearScale;
  columns: number;
  events: readonly TraceEvent[];
  head: number;
  end: number;
  faults: readonly FaultMarker[];
  t: Translate;
}

/** The density strip, the axis and the fault markers: what does not move with the cursor. */
export const StaticLayer = memo(function StaticLayer({ x, columns, events, head, end, faults, t }: StaticLayerProps) {
  const density = useMemo(() => {
    const bins = densityBins(head === events.length ? events : events.slice(0, head), 0, end, columns);
    let max = 0;
    for (const n of bins) if (n > max) max = n;
    const h = sqrtScale(Math.max(1, max), ROW.trackBottom - ROW.trackTop - 3);
    let d = '';
    bins.forEach((n, c) => {
      if (n > 0) d += `M${PAD + c + 0.5},${ROW.trackBottom}v${-Math.max(1.5, h(n)).toFixed(1)}`;
    });
    return d;
  }, [events, head, end, columns]);
  const clusters = useMemo(() => clusterMarkers(faults, x, FAULT_GAP), [faults, x]);
  const ticks = x.ticks(Math.max(2, Math.floor(columns / 120))).filter((v) => Number.isInteger(v));
  return (
    <>
      <path className="tl-density" d={density} aria-hidden="true" />
      <g className="tl-axis" aria-hidden="true">
        {ticks.map((v, i) => {
          const px = x(v);
          const anchor = i === 0 && px - PAD < 30 ? 'start' : i === ticks.length - 1 && PAD + columns - px < 30 ? 'end' : 'middle';
          return (
            <g key={v} transform={`translate(${px} 0)`}>
              <line y1={ROW.trackBottom} y2={ROW.trackBottom + 4} />
              <text y={ROW.tickLabel} textAnchor={anchor}>
                {timeText(t, v, end)}
              </text>
            </g>
          );
        })}
      </g>
      <g className="tl-faults">
        {clusters.map((c) => {
          const family = dominantFamily(c.items);
          const first = c.items[0]!;
          return (
            <g
              key={first.seq}
              className={`tl-fault tl-fault-${family}${c.items.length > 1 ? ' is-many' : ''}${first.ahead ? ' is-ahead' : ''}`}
              transform={`translate(${c.x} ${ROW.fault})`}
              data-step={first.seq + 1}
              data-count={c.items.length}
              data-testid="timeline-fault"
            >
              <title>{faultTip(t, c.items)}</title>
              <rect className="tl-hit" x={-6} y={-8} width={12} height={16} />
              <path d={FAMILY_SHAPES[family]} />
            </g>
          );
        })}
      </g>
    </>
  );
});
