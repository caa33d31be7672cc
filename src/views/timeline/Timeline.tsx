/**
 * The timeline: a scrubber over the whole recorded run (0 … the last event's time, growing
 * while playing), with an event-density strip, fault markers, pinned violations and the
 * cursor, plus buttons that jump between faults and violations. D3 does the ticks and binary
 * searches (markers.ts), scale.ts the scales; React renders the SVG. The track is an ARIA slider.
 */
import { useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import { linearScale } from './scale';
import type { StringKey } from '../../i18n';
import { useSession, useSessionStore, useT } from '../session';
import { useCompareStore } from '../compare/context';
import { faultCount, trackEnd, faultsOf } from './markers';
import { canGo, goTo, type Go } from './navigate';
import { afterOpening } from '../../store/protocolLoad';
import { TourTimelineSpan } from '../tours/TimelineSpan';
import { INITIAL_WIDTH, MIN_SPAN, PAD, ROW, type Pin, type Translate } from './track';
import { StaticLayer } from './StaticLayer';
import { CompareCount, ComparePins, Pins } from './Pins';
import { Legend } from './Legend';
import { useScrub } from './useScrub';
import { AheadPins, useAhead } from './ahead';
import './timeline.css';

// The drawing's layers live beside this file (StaticLayer, Pins, Legend); FAMILY_SHAPES keeps
// its old import path.
export { FAMILY_SHAPES } from './StaticLayer';

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

const BUTTONS: { go: Go; text: (t: Translate) => string; label: StringKey; tip: StringKey; keys: string }[] = [
  { go: 'start', text: (t) => `⇤ ${t('timeline.start')}`, label: 'timeline.startLabel', tip: 'timeline.startTip', keys: 'Home' },
  { go: 'prevFault', text: (t) => `◂ ${t('timeline.fault')}`, label: 'timeline.prevFault', tip: 'timeline.prevFaultTip', keys: 'Shift+ArrowLeft' },
  { go: 'nextFault', text: (t) => `${t('timeline.fault')} ▸`, label: 'timeline.nextFault', tip: 'timeline.nextFaultTip', keys: 'Shift+ArrowRight' },
  { go: 'prevViolation', text: (t) => `◂ ${t('timeline.violation')}`, label: 'timeline.prevViolation', tip: 'timeline.prevViolationTip', keys: 'Shift+V' },
  { go: 'nextViolation', text: (t) => `${t('timeline.violation')} ▸`, label: 'timeline.nextViolation', tip: 'timeline.nextViolationTip', keys: 'V' },
  { go: 'end', text: (t) => `${t('timeline.end')} ⇥`, label: 'timeline.endLabel', tip: 'timeline.endTip', keys: 'End' },
];

const NO_STORE = () => () => {};
/** Compare mode: how many violations the compared run has recorded (0 without one). */
function useOtherViolations(second: ReturnType<typeof useCompareStore>): number {
  return useSyncExternalStore(second ? second.subscribe : NO_STORE, () => second?.getState().sim.violations.length ?? 0);
}

/** A violation button's tooltip when there is none to go to: why it is disabled, or that it
 * searches ahead. Null: the button's usual tip. */
function violationTip(t: Translate, go: Go, violations: number, comparing: boolean, enabled: boolean): string | null {
  if (!go.endsWith('Violation') || violations > 0) return null;
  if (!enabled) return comparing ? t('walk.violation.noneTip') : null;
  if (go !== 'nextViolation') return null;
  return t(comparing ? 'walk.violation.compareSearchTip' : 'walk.violation.searchTip');
}

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
  const theirs = useOtherViolations(second);

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
  // A scripted run spans its whole script at once (issue 17 item 4), its future found ahead.
  const ahead = useAhead(sim, head);
  const reached = Math.max(MIN_SPAN, lastTime, time, live.current.time, ahead.ahead?.time ?? 0);
  const end = finished || ahead.ahead?.complete ? reached : trackEnd(reached, MIN_SPAN);
  const x = useMemo(() => linearScale(end, PAD, PAD + columns), [end, columns]);

  const recordedFaults = faultsOf(events);
  const faults = useMemo(() => (ahead.faults.length ? [...recordedFaults, ...ahead.faults] : recordedFaults), [recordedFaults, ahead.faults]);
  const faultTotal = faultCount(faults);
  const pins = useMemo<Pin[]>(
    () => sim.violations.slice(0, violationCount).map((v) => ({ ...v, time: events[v.seq]?.time ?? 0 })),
    [sim, events, violationCount],
  );
  const atViolation = pins.find((v) => v.seq + 1 === step);
  const scrub = useScrub(store, x, end);

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
              // Red only with a violation (in either pane) to go to; with none yet, V searches ahead, and says so.
              className={b.go.endsWith('Violation') && pins.length + theirs > 0 ? 'tl-go-violation' : undefined}
              // A run still opening: the jump acts on it once it is open, not on the run it replaces.
              onClick={() => afterOpening(() => goTo(store.getState(), b.go, second?.getState()))}
              disabled={!canGo(state, b.go, second?.getState())}
              aria-label={t(b.label)}
              title={violationTip(t, b.go, pins.length + theirs, second !== null, canGo(state, b.go, second?.getState())) ?? t(b.tip)}
              aria-keyshortcuts={b.keys}
              data-testid={`timeline-${b.go}`}
            >
              {b.text(t)}
            </button>
          ))}
        </div>
        <span className="tl-counts" data-testid="timeline-counts" title={ahead.ahead ? t('probe.countsTip') : undefined}>
          {t(faultTotal === 1 ? 'newcomer.oneFault' : 'newcomer.faults', { n: faultTotal })} · {t(pins.length === 1 ? 'newcomer.oneViolation' : 'newcomer.violations', { n: pins.length })}
          {ahead.pins.length > 0 && <span data-testid="timeline-not-reached"> {t('probe.notReached', { n: ahead.pins.length })}</span>}
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
        onPointerDown={scrub.onPointerDown}
        onPointerMove={scrub.onPointerMove}
        onPointerUp={scrub.onPointerUp}
        onPointerCancel={scrub.onPointerCancel}
        onKeyDown={scrub.onKeyDown}
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
          <AheadPins x={x} pins={ahead.pins} t={t} />
          <Pins x={x} pins={pins} step={step} t={t} />
        </svg>
      </div>
      <Legend t={t} />
    </section>
  );
}
