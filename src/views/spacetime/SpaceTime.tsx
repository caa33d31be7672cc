/**
 * The space-time (Lamport) diagram: one lane per node, simulated time to the right, every
 * message an arrow from its sending to its arrival (or its loss), faults and violations as
 * markers, crashed and paused spans and partitions shaded, and the cursor as a vertical line.
 * It is drawn live, linked to the one cursor of the session, and stays interactive at 100,000
 * events: a canvas draws only the visible window (controller.ts); React renders the controls.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSession, useSessionStore, useT } from '../session';
import { violationText } from '../../i18n/violations';
import { invariantText } from '../../i18n/content';
import { AXIS_H, LANE_H, diagramHeight } from './layout';
import { indexFor } from './runIndex';
import { SpaceTimeController, type Tip } from './controller';
import { renderLabels } from './exportSvg';
import { Legend } from './Legend';
import { TypeKey } from './TypeKey';
import { subscribeHeartbeats } from '../heartbeats';
import './spacetime.css';
import { invariantsOf } from '../../check/invariants';

/** "150-210 350-": a lane's spans of one kind, for tests and tools (open spans end in "-"). */
function spanAttr(spans: [number, number][]): string {
  return spans.map(([a, b]) => `${a}-${b === Infinity ? '' : b}`).join(' ');
}

function Icon({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

const ICON = {
  zoomIn: 'M3 8h10M8 3v10',
  zoomOut: 'M3 8h10',
  fit: 'M2 8h12M5 5L2 8l3 3M11 5l3 3-3 3',
  earlier: 'M10 3L5 8l5 5',
  later: 'M6 3l5 5-5 5',
};

export function SpaceTime() {
  const store = useSessionStore();
  const t = useT();
  const lang = useSession((s) => s.lang);
  const sim = useSession((s) => s.sim);
  const head = useSession((s) => s.frame.head);
  const protocol = useSession((s) => s.module);
  const selected = useSession((s) => (s.selection?.kind === 'node' ? s.selection.id : null));
  const states = useSession(useShallow((s) => s.frame.nodes.map((n) => (!n.up ? 'down' : n.paused ? 'paused' : 'up'))));
  const nodes = sim.scenario.nodes;

  const canvas = useRef<HTMLCanvasElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const track = useRef<HTMLDivElement>(null);
  const thumb = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLSpanElement>(null);
  const controller = useRef<SpaceTimeController | null>(null);
  const [follow, setFollow] = useState(true);
  const [tip, setTip] = useState<Tip | null>(null);
  const canvasId = useId();

  const texts = useMemo(() => {
    const names = new Map(invariantsOf(protocol).map((inv) => [inv.id, invariantText(lang, protocol.id, inv).name]));
    return { t, labels: renderLabels(lang), invariantName: (id: string) => names.get(id) ?? id, violationText: (m: string) => violationText(lang, protocol.id, m) };
  }, [t, lang, protocol]);
  const textsRef = useRef(texts);
  textsRef.current = texts;

  useEffect(() => {
    const el = { canvas: canvas.current!, stage: stage.current!, track: track.current!, thumb: thumb.current!, status: status.current! };
    const c = new SpaceTimeController(store, el, textsRef.current, { onFollow: setFollow, onTip: setTip });
    controller.current = c;
    c.attach();
    return () => {
      c.detach();
      controller.current = null;
    };
  }, [store]);

  useEffect(() => controller.current?.setTexts(texts), [texts]);
  // Hiding heartbeats redraws at once, playing or not.
  useEffect(() => subscribeHeartbeats(() => controller.current?.draw()), []);

  // Lane facts from the whole recorded run (the index only reads new events; `head` re-renders).
  const index = indexFor(sim.events, nodes, Math.max(head, sim.events.length));
  const lanes = nodes.map((id, i) => ({
    id,
    down: spanAttr(index.spansOf('down', i)),
    paused: spanAttr(index.spansOf('paused', i)),
    crashes: index.spans.filter((s) => s.kind === 'down' && s.lane === i).length,
  }));
  const height = diagramHeight(nodes.length);
  const c = () => controller.current;

  return (
    <section className="panel spacetime" aria-label={t('spacetime.label', { count: nodes.length })} data-testid="spacetime">
      <header className="st-bar">
        <h2>{t('spacetime.title')}</h2>
        <div className="st-tools" role="toolbar" aria-label={t('spacetime.title')}>
          <button type="button" className="st-icon" aria-label={t('spacetime.zoomOut')} title={t('spacetime.zoomOut.tip')} onClick={() => c()?.zoomOut()} data-testid="spacetime-zoom-out">
            <Icon d={ICON.zoomOut} />
          </button>
          <button type="button" className="st-icon" aria-label={t('spacetime.zoomIn')} title={t('spacetime.zoomIn.tip')} onClick={() => c()?.zoomIn()} data-testid="spacetime-zoom-in">
            <Icon d={ICON.zoomIn} />
          </button>
          <button type="button" className="st-icon" aria-label={t('spacetime.fit')} title={t('spacetime.fit.tip')} onClick={() => c()?.fit()} data-testid="spacetime-fit">
            <Icon d={ICON.fit} />
          </button>
          <button type="button" className="st-icon" aria-label={t('spacetime.earlier')} title={t('spacetime.earlier.tip')} onClick={() => c()?.panBy(-0.5)}>
            <Icon d={ICON.earlier} />
          </button>
          <button type="button" className="st-icon" aria-label={t('spacetime.later')} title={t('spacetime.later.tip')} onClick={() => c()?.panBy(0.5)}>
            <Icon d={ICON.later} />
          </button>
          <button
            type="button"
            className="st-follow"
            aria-pressed={follow}
            title={t('spacetime.follow.tip')}
            onClick={() => c()?.setFollow(!follow)}
            data-testid="spacetime-follow"
          >
            <span className="st-check" aria-hidden="true" />
            {t('spacetime.follow')}
          </button>
        </div>
        <span className="st-status" ref={status} aria-live="off" />
      </header>
      <div className="st-body">
        <div className="st-gutter" style={{ height }}>
          {lanes.map((l, i) => (
            <button
              key={l.id}
              type="button"
              className={`st-lane st-lane-${states[i] ?? 'up'}${selected === l.id ? ' is-selected' : ''}`}
              style={{ top: AXIS_H + i * LANE_H, height: LANE_H }}
              aria-pressed={selected === l.id}
              aria-label={t('spacetime.lane', { node: l.id })}
              title={l.crashes ? t('spacetime.lane.down', { node: l.id, count: l.crashes }) : t('spacetime.lane', { node: l.id })}
              data-node={l.id}
              data-down={l.down}
              data-paused={l.paused}
              onClick={() => store.getState().select(selected === l.id ? null : { kind: 'node', id: l.id })}
            >
              {l.id}
            </button>
          ))}
        </div>
        <div className="st-stage" ref={stage} style={{ height }}>
          <canvas ref={canvas} id={canvasId} className="st-canvas" role="img" aria-describedby={`${canvasId}-hint`} data-testid="spacetime-canvas" />
          {tip && (
            <div
              className="st-tip"
              role="tooltip"
              data-testid="spacetime-tip"
              style={{
                ...(tip.x > (stage.current?.clientWidth ?? 0) - 320 ? { right: (stage.current?.clientWidth ?? 0) - tip.x + 12 } : { left: tip.x + 14 }),
                ...(tip.y > height / 2 ? { bottom: height - tip.y + 10 } : { top: tip.y + 14 }),
              }}
            >
              {tip.lines.map((line, i) => (
                <div key={i} className={i === 0 ? 'st-tip-head' : undefined}>
                  {line}
                </div>
              ))}
              {tip.hint && <div className="st-tip-hint">{tip.hint}</div>}
            </div>
          )}
        </div>
      </div>
      <div className="st-scroll">
        <div
          ref={track}
          className="st-track"
          role="scrollbar"
          tabIndex={0}
          aria-label={t('spacetime.scroll')}
          aria-orientation="horizontal"
          aria-controls={canvasId}
          aria-valuemin={0}
          title={t('spacetime.scroll.tip')}
          data-testid="spacetime-scroll"
        >
          <div ref={thumb} className="st-thumb" />
        </div>
      </div>
      <TypeKey />
      <Legend t={t} hintId={`${canvasId}-hint`} />
    </section>
  );
}
