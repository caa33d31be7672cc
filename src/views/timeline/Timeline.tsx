/**
 * The timeline: a scrubber over the whole recorded run (0 … the last event's time, growing
 * while playing), with an event-density strip, fault markers, pinned violations and the
 * cursor, plus buttons that jump between faults and violations. D3 does the ticks and binary
 * searches (markers.ts), scale.ts the scales; React renders the SVG. The track is an ARIA slider.
 */
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { linearScale, sqrtScale, type LinearScale } from './scale';
import type { StringKey } from '../../i18n';
import type { EventKind, TraceEvent, Violation } from '../../sim/types';
import { useStore } from 'zustand';
import type { SessionStore } from '../../store/session';
import { useSession, useSessionStore, useT } from '../session';
import { useCompareStore } from '../compare/context';
import { invariantText, protocolName } from '../../i18n/contentText';
import { clusterMarkers, densityBins, trackEnd, dominantFamily, faultsOf, type FaultFamily, type FaultMarker } from './markers';
import { canGo, goTo, type Go } from './navigate';
import { TourTimelineSpan } from '../tours/TimelineSpan';
import './timeline.css';

type Translate = ReturnType<typeof useT>;

/** Space each side of the track (px), so the cursor handle and pins fit at both ends. */
const PAD = 12;
/** Rows of the drawing, in px from the top. */
const ROW = { fault: 9, pin: 27, trackTop: 38, trackBottom: 66, tickLabel: 80, height: 86 } as const;
/** The shortest span the track shows (simulated ms), so a young run is not stretched. */
const MIN_SPAN = 100;
/** The default view before the first measurement. */
const INITIAL_WIDTH = 800;
/** Glyphs closer than this (px) share one: fault diamonds and violation pins. */
const FAULT_GAP = 12;
const PIN_GAP = 15;
/** Tooltip lines listed for a column before "… and N more". */
const TIP_LINES = 6;

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
const FAMILIES: FaultFamily[] = ['node', 'network', 'message', 'schedule'];

interface Pin extends Violation {
  time: number;
}

function timeText(t: Translate, ms: number, end: number): string {
  return end >= 10_000 ? t('timeline.s', { time: Number((ms / 1000).toPrecision(6)) }) : t('timeline.ms', { time: Math.round(ms) });
}

function faultTip(t: Translate, items: readonly FaultMarker[]): string {
  const lines = items.slice(0, TIP_LINES).map((m) => {
    const kind = t(KIND_KEYS[m.kind] ?? 'timeline.fault');
    const vars = { kind, time: m.time, step: m.seq + 1 };
    return m.node === undefined ? t('timeline.faultAt', vars) : t('timeline.faultNodeAt', { ...vars, node: m.node });
  });
  if (items.length > TIP_LINES) lines.push(t('timeline.faultMore', { count: items.length - TIP_LINES }));
  return lines.join('\n');
}

/** The track's width in CSS px, following its container. */
function useWidth(ref: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(INITIAL_WIDTH);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.clientWidth);
      if (w > 0) setWidth(w);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

interface LayerProps {
  x: LinearScale;
  columns: number;
  events: readonly TraceEvent[];
  head: number;
  end: number;
  faults: readonly FaultMarker[];
  pins: readonly Pin[];
  step: number;
  t: Translate;
}

/** The density strip, the axis and the fault markers: what does not move with the cursor. */
const StaticLayer = memo(function StaticLayer({ x, columns, events, head, end, faults, t }: Omit<LayerProps, 'pins' | 'step'>) {
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
              className={`tl-fault tl-fault-${family}${c.items.length > 1 ? ' is-many' : ''}`}
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

/** A pin through the track, with its tooltip and a wide hit area. */
function PinGlyph({ title }: { title: string }) {
  return (
    <>
      <title>{title}</title>
      <line className="tl-pin-line" y1={ROW.pin} y2={ROW.trackBottom} />
      <rect className="tl-hit" x={-7} y={ROW.pin - 8} width={14} height={ROW.trackBottom - ROW.pin + 8} />
      <circle className="tl-pin-head" cy={ROW.pin} r={6.5} />
      <text className="tl-pin-mark" y={ROW.pin}>
        !
      </text>
    </>
  );
}

/** Violations, pinned through the track: red, with the invariant's id on hover and at the
 * cursor. Pins closer than PIN_GAP px share a glyph. */
/** An invariant's name in the reader's language (pins show names, not ids). */
function useInvariantName(): (id: string) => string {
  const lang = useSession((s) => s.lang);
  const module = useSession((s) => s.module);
  return useCallback(
    (id: string) => {
      const inv = module.invariants.find((i) => i.id === id);
      return inv ? invariantText(lang, module.id, inv).name : id;
    },
    [lang, module],
  );
}

const Pins = memo(function Pins({ x, pins, step, t }: Pick<LayerProps, 'x' | 'pins' | 'step' | 't'>) {
  const cols = useMemo(() => clusterMarkers(pins, x, PIN_GAP), [pins, x]);
  const nameOf = useInvariantName();
  const [hovered, setHovered] = useState<number | null>(null);
  // One label at a time, over every pin: the hovered pin's, else the one at the cursor.
  const labelled = cols.find((c) => c.items[0]!.seq === hovered) ?? cols.find((c) => c.items.some((v) => v.seq + 1 === step));
  const label = labelled && {
    px: labelled.x,
    names: [...new Set(labelled.items.map((v) => nameOf(v.invariant)))].join(', '),
  };
  const leftward = !!label && label.px > x.range()[1]! - 170;
  return (
    <g className="tl-pins" onPointerLeave={() => setHovered(null)}>
      {cols.map((col) => {
        const first = col.items[0]!;
        const current = col.items.some((v) => v.seq + 1 === step);
        return (
          <g
            key={first.seq}
            className={`tl-pin${current ? ' is-current' : ''}`}
            transform={`translate(${col.x} 0)`}
            data-step={first.seq + 1}
            data-testid="timeline-violation"
            data-invariant={[...new Set(col.items.map((v) => v.invariant))].join(' ')}
            onPointerEnter={() => setHovered(first.seq)}
            onPointerLeave={() => setHovered((h) => (h === first.seq ? null : h))}
          >
            <PinGlyph title={col.items.map((v) => t('timeline.violationAt', { invariant: nameOf(v.invariant), step: v.seq + 1, time: v.time })).join('\n')} />
          </g>
        );
      })}
      {label && (
        <text className="tl-pin-label" x={label.px + (leftward ? -10 : 10)} y={ROW.pin} textAnchor={leftward ? 'end' : 'start'} data-testid="timeline-violation-label">
          {label.names}
        </text>
      )}
    </g>
  );
});

/** Compare mode: the second run's violations on the shared timeline, as hollow pins that move
 * the shared cursor to their time. */
function ComparePins({ store, x, t }: { store: SessionStore; x: LayerProps['x']; t: Translate }) {
  const count = useStore(store, (s) => s.sim.violations.length);
  const sim = useStore(store, (s) => s.sim);
  const name = useStore(store, (s) => protocolName(s.lang, s.module));
  const pins = sim.violations.slice(0, count).map((v) => ({ ...v, time: sim.events[v.seq]?.time ?? 0 }));
  return (
    <g className="tl-pins tl-pins-compare">
      {clusterMarkers(pins, x, PIN_GAP).map((col) => (
        <g
          key={col.items[0]!.seq}
          className="tl-pin"
          transform={`translate(${col.x} 0)`}
          data-time={col.items[0]!.time}
          data-testid="timeline-compare-violation"
          data-invariant={[...new Set(col.items.map((v) => v.invariant))].join(' ')}
        >
          <PinGlyph title={col.items.map((v) => `${name}: ${t('timeline.compareViolationAt', { invariant: v.invariant, time: v.time })}`).join('\n')} />
        </g>
      ))}
    </g>
  );
}

/** Compare mode: how many violations the compared run has recorded so far. */
function CompareCount({ store, t }: { store: SessionStore; t: Translate }) {
  const count = useStore(store, (s) => s.sim.violations.length);
  const name = useStore(store, (s) => protocolName(s.lang, s.module));
  return <span data-testid="timeline-compare-count">{t('timeline.compareCount', { count, name })}</span>;
}

function Legend({ t }: { t: Translate }) {
  return (
    <ul className="tl-legend" aria-label={t('timeline.legend')}>
      <li>
        <svg width="14" height="12" aria-hidden="true">
          <path className="tl-density" d="M3.5,12v-6M6.5,12v-10M9.5,12v-4" />
        </svg>
        {t('timeline.legend.density')}
      </li>
      {FAMILIES.map((f) => (
        <li key={f}>
          <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true" className={`tl-fault-${f}`}>
            <path d={FAMILY_SHAPES[f]} />
          </svg>
          {t(`timeline.legend.${f}`)}
        </li>
      ))}
      <li>
        <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true" className="tl-pin">
          <circle className="tl-pin-head" r={6} />
          <text className="tl-pin-mark">!</text>
        </svg>
        {t('timeline.legend.violation')}
      </li>
      <li>
        <svg width="16" height="12" aria-hidden="true">
          <rect className="tl-future" width="16" height="12" />
        </svg>
        {t('timeline.legend.future')}
      </li>
    </ul>
  );
}

const BUTTONS: { go: Go; text: (t: Translate) => string; label: StringKey; tip: StringKey; keys: string }[] = [
  { go: 'start', text: (t) => `⇤ ${t('timeline.start')}`, label: 'timeline.startLabel', tip: 'timeline.startTip', keys: 'Home' },
  { go: 'prevFault', text: (t) => `◂ ${t('timeline.fault')}`, label: 'timeline.prevFault', tip: 'timeline.prevFaultTip', keys: 'Shift+ArrowLeft' },
  { go: 'nextFault', text: (t) => `${t('timeline.fault')} ▸`, label: 'timeline.nextFault', tip: 'timeline.nextFaultTip', keys: 'Shift+ArrowRight' },
  { go: 'prevViolation', text: (t) => `◂ ${t('timeline.violation')}`, label: 'timeline.prevViolation', tip: 'timeline.prevViolationTip', keys: 'Shift+V' },
  { go: 'nextViolation', text: (t) => `${t('timeline.violation')} ▸`, label: 'timeline.nextViolation', tip: 'timeline.nextViolationTip', keys: 'V' },
  { go: 'end', text: (t) => `${t('timeline.end')} ⇥`, label: 'timeline.endLabel', tip: 'timeline.endTip', keys: 'End' },
];

export function Timeline() {
  const t = useT();
  const store = useSessionStore();
  const second = useCompareStore();
  const sim = useSession((s) => s.sim);
  const head = useSession((s) => s.frame.head);
  const step = useSession((s) => s.frame.step);
  const time = useSession((s) => s.frame.time);
  // The whole run is recorded (the cursor may be anywhere in it): its track is exact.
  const finished = useSession((s) => s.sim.done && s.frame.mode === 'auto');
  // Re-render when a violation is recorded (the list itself is appended in place).
  const violationCount = useSession((s) => s.sim.violations.length);
  const events = sim.events;

  const wrap = useRef<HTMLDivElement>(null);
  const width = useWidth(wrap);
  const columns = Math.max(1, width - 2 * PAD);
  const lastTime = head > 0 ? events[head - 1]!.time : 0;
  // The track ends at the furthest the run has been at its head (playing runs on between
  // events), so it does not shrink when the cursor leaves the head.
  const live = useRef({ sim, time: 0 });
  if (live.current.sim !== sim) live.current = { sim, time: 0 };
  if (step >= head && time > live.current.time) live.current.time = time;
  // A run still going grows its track in steps, so the density strip and the markers are
  // redrawn only when the scale steps, not on every update while playing.
  const reached = Math.max(MIN_SPAN, lastTime, time, live.current.time);
  const end = finished ? reached : trackEnd(reached, MIN_SPAN);
  const x = useMemo(() => linearScale(end, PAD, PAD + columns), [end, columns]);

  const faults = faultsOf(events);
  const pins = useMemo<Pin[]>(
    () => sim.violations.slice(0, violationCount).map((v) => ({ ...v, time: events[v.seq]?.time ?? 0 })),
    [sim, events, violationCount],
  );
  const atViolation = pins.find((v) => v.seq + 1 === step);

  const dragging = useRef(false);
  const seekAt = (clientX: number, el: Element) => {
    const left = el.getBoundingClientRect().left;
    store.getState().seekTime(x.invert(clientX - left));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.focus();
    e.preventDefault();
    const other = (e.target as Element).closest?.('[data-time]');
    if (other) {
      const s = store.getState();
      s.pause();
      // The compared run may have recorded further than this one: record up to it too.
      s.followTime(Number(other.getAttribute('data-time')));
      return;
    }
    const marker = (e.target as Element).closest?.('[data-step]');
    if (marker) {
      const s = store.getState();
      s.pause();
      s.seekStep(Number(marker.getAttribute('data-step')));
      return;
    }
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    seekAt(e.clientX, e.currentTarget);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) seekAt(e.clientX, e.currentTarget);
  };
  const stopDrag = () => {
    dragging.current = false;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return; // Shift+arrows: fault jumps, globally
    const s = store.getState();
    const span = end / 10;
    switch (e.key) {
      case 'ArrowLeft':
      case 'ArrowDown':
        s.stepBack();
        break;
      case 'ArrowRight':
      case 'ArrowUp':
        s.stepForward();
        break;
      case 'PageUp':
        s.seekTime(s.frame.time + span);
        break;
      case 'PageDown':
        s.seekTime(s.frame.time - span);
        break;
      case 'Home':
        goTo(s, 'start');
        break;
      case 'End':
        goTo(s, 'end');
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  const state = store.getState();
  const cx = x(time);
  const valuetext = atViolation
    ? t('timeline.valuetextViolation', { step, head, time: Math.floor(time), invariant: atViolation.invariant })
    : t('timeline.valuetext', { step, head, time: Math.floor(time) });

  return (
    <section className="timeline" aria-label={t('timeline.label')} data-testid="timeline">
      <div className="tl-bar">
        <div className="tl-nav" role="toolbar" aria-label={t('timeline.nav')}>
          {BUTTONS.map((b) => (
            <button
              key={b.go}
              type="button"
              className={b.go.endsWith('Violation') ? 'tl-go-violation' : undefined}
              onClick={() => goTo(store.getState(), b.go, second?.getState())}
              disabled={!canGo(state, b.go, second?.getState())}
              aria-label={t(b.label)}
              title={t(b.tip)}
              aria-keyshortcuts={b.keys}
              data-testid={`timeline-${b.go}`}
            >
              {b.text(t)}
            </button>
          ))}
        </div>
        <span className="tl-counts">
          {t(faults.length === 1 ? 'newcomer.oneFault' : 'newcomer.faults', { n: faults.length })} · {t(pins.length === 1 ? 'newcomer.oneViolation' : 'newcomer.violations', { n: pins.length })}
          {second && <CompareCount store={second} t={t} />}
        </span>
      </div>
      <div
        ref={wrap}
        className="tl-track"
        role="slider"
        tabIndex={0}
        aria-label={t('timeline.slider')}
        aria-valuemin={0}
        aria-valuemax={head}
        aria-valuenow={step}
        aria-valuetext={valuetext}
        aria-keyshortcuts="ArrowLeft ArrowRight PageUp PageDown Home End"
        data-testid="timeline-track"
        data-end={end}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={stopDrag}
        onPointerCancel={stopDrag}
        onKeyDown={onKeyDown}
      >
        <svg className="tl-svg" width={width} height={ROW.height} viewBox={`0 0 ${width} ${ROW.height}`}>
          <defs>
            <pattern id="tl-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" className="tl-hatch-bg" />
              <line y2="6" className="tl-hatch-line" />
            </pattern>
          </defs>
          <rect className="tl-bed" x={PAD} y={ROW.trackTop} width={columns} height={ROW.trackBottom - ROW.trackTop} />
          <StaticLayer x={x} columns={columns} events={events} head={head} end={end} faults={faults} t={t} />
          <TourTimelineSpan x={x} y={ROW.trackTop} height={ROW.trackBottom - ROW.trackTop} />
          {step < head && <rect className="tl-future" x={cx} y={ROW.trackTop} width={Math.max(0, PAD + columns - cx)} height={ROW.trackBottom - ROW.trackTop} />}
          <g className="tl-cursor" transform={`translate(${cx} 0)`} data-testid="timeline-cursor" aria-hidden="true">
            <line y1={ROW.fault - 8} y2={ROW.trackTop} />
            <rect className="tl-cursor-thumb" x={-4} y={ROW.trackTop - 3} width={8} height={ROW.trackBottom - ROW.trackTop + 6} rx={3} />
          </g>
          {second && <ComparePins store={second} x={x} t={t} />}
          <Pins x={x} pins={pins} step={step} t={t} />
        </svg>
      </div>
      <Legend t={t} />
    </section>
  );
}
