/**
 * The client history, Jepsen-style: one lane per client, each operation a bar from its
 * invocation to its answer, coloured and marked by outcome (✓ ok, ✗ failed, ? unknown; colour
 * is never the only signal), the operations of a linearizability violation outlined and
 * flagged with "!". A bar is a button: it moves the cursor to the op's answer (or invocation)
 * and selects its client, so the space-time diagram and the cluster follow.
 */
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { HistoryOp, OpStatus } from '../../check/history';
import { useSession, useSessionStore, useT } from '../session';
import { opReason } from '../reasonText';
import { historyModel, LANE, laneLayout, LANE_BARS, opText, type HistoryModel, type LaneLayout } from './model';
import { fitLabel, roomAfter } from './labelFit';
import './history.css';

const GUTTER = 56;
const MARK: Record<OpStatus, string> = { ok: '✓', fail: '✗', info: '?', pending: '…' };

export function HistoryPanel() {
  const t = useT();
  const store = useSessionStore();
  const module = useSession((s) => s.module);
  const sim = useSession((s) => s.sim);
  const head = useSession((s) => s.frame.head);
  const revision = useSession((s) => s.revision);
  // The time axis ends at the last recorded event (or the clock, when free play idles past it):
  // a seek moves the cursor inside it, so the panel does not re-render on a seek; only the
  // cursor and the veil do (`CursorMarks`).
  const end = useSession((s) => Math.max(1, s.frame.head > 0 ? s.sim.events[s.frame.head - 1]!.time : 1, s.frame.time));
  const model = useMemo(() => historyModel(module, sim.events, sim.violations, head), [module, sim, head, revision]);
  // The bars drawn and their sub-rows, once per history (they never depend on the cursor).
  const lanes = useMemo(() => laneLayout(model), [model]);
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(320, el.clientWidth)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const seek = useCallback(
    (op: HistoryOp) => {
      const seq = op.endSeq ?? op.invokeSeq;
      store.getState().seekStep(seq + 1);
      store.getState().select({ kind: 'node', id: op.client });
    },
    [store],
  );
  if (!module.clientHistory) return null;
  const { count, shown, height } = lanes;
  return (
    <section className="hi-panel" aria-label={t('history.title')} data-testid="history-panel">
      <div className="hi-bar">
        <h2 className="hi-title">{t('history.title')}</h2>
        <ul className="hi-legend">
          {(['ok', 'fail', 'info', 'pending'] as const).map((s) => (
            <li key={s}>
              <span className={`hi-swatch hi-${s}`} aria-hidden="true">{MARK[s]}</span>
              {t(`history.status.${s}`)}
            </li>
          ))}
          <li>
            <span className="hi-swatch hi-bad-swatch" aria-hidden="true">!</span>
            {t('history.violating')}
          </li>
        </ul>
        <span className="hi-verdict" data-testid="history-verdict" data-verdict={model.why ? 'violated' : 'holds'}>
          {model.why ? t(model.onDemand ? 'history.notLinearizableInfo' : 'history.notLinearizable') : t(model.onDemand ? 'history.linearizableInfo' : 'history.linearizable')}
        </span>
      </div>
      {model.why && <p className="hi-why" data-testid="history-why">{model.why}</p>}
      {shown < count && (
        <p className="hi-empty" data-testid="history-latest" data-drawn={shown}>
          {t('scale.historyLatest', { shown, count, limit: LANE_BARS })}
        </p>
      )}
      <div ref={ref} className="hi-scroll">
        {count === 0 ? (
          <p className="hi-empty">{t('history.empty')}</p>
        ) : (
          <svg width={width} height={height} role="group" aria-label={t('history.lanes', { ops: count, clients: model.lanes.length })}>
            <Lanes model={model} lanes={lanes} width={width} end={end} t={t} seek={seek} />
            <CursorMarks width={width} end={end} height={height} />
          </svg>
        )}
      </div>
    </section>
  );
}

/** Where a time falls on the axis `[0, end]` drawn across `width`. */
function axis(width: number, end: number): (ms: number) => number {
  return (ms) => GUTTER + ((width - GUTTER - 12) * Math.min(ms, end)) / end;
}

/** The lanes and their bars: memoized, so a seek (which changes neither the history nor the
 * axis) renders none of them. */
const Lanes = memo(function Lanes({ model, lanes, width, end, t, seek }: { model: HistoryModel; lanes: LaneLayout; width: number; end: number; t: ReturnType<typeof useT>; seek: (op: HistoryOp) => void }) {
  const x = axis(width, end);
  const barEnd = (op: HistoryOp) => Math.max(x(op.invokeTime) + 6, x(op.endTime ?? end));
  return model.lanes.map((lane, i) => {
    const rows = lanes.rows[i]!;
    // Free width after each bar up to the next of its row, so a label never runs into it.
    const rooms = roomAfter(lanes.drawn[i]!, rows.row, (op) => x(op.invokeTime), barEnd, width - 4);
    return (
      <g key={lane.client} transform={`translate(0, ${lanes.tops[i]! + 4})`} data-client={lane.client} data-rows={rows.rows}>
        <text className="hi-client" x={4} y={LANE / 2 + 4}>
          {lane.client}
        </text>
        {Array.from({ length: rows.rows }, (_, r) => (
          <line key={r} className="hi-lane" x1={GUTTER} x2={width - 12} y1={r * LANE + LANE / 2} y2={r * LANE + LANE / 2} />
        ))}
        {lanes.drawn[i]!.map((op) => {
          const x0 = x(op.invokeTime);
          const row = rows.row.get(op.id)!;
          return <OpBar key={op.id} op={op} x0={x0} x1={barEnd(op)} room={rooms.get(op.id)!} y={row * LANE} row={row} bad={model.violating.has(op.id)} t={t} seek={seek} />;
        })}
      </g>
    );
  });
});

/** The cursor and, over what lies after it, one veil: all a seek changes in this panel. */
function CursorMarks({ width, end, height }: { width: number; end: number; height: number }) {
  const time = useSession((s) => s.frame.time);
  const at = axis(width, end)(time);
  return (
    <>
      <rect className="hi-future-veil" data-testid="history-future" x={at} y={0} width={Math.max(0, width - at)} height={height} aria-hidden="true" />
      <line className="hi-cursor" x1={at} x2={at} y1={0} y2={height} aria-hidden="true" />
    </>
  );
}

interface OpBarProps {
  op: HistoryOp;
  x0: number;
  x1: number;
  /** Free width after the bar, up to the next bar of its row: a label never runs into it. */
  room: number;
  /** The top of the op's sub-row within its lane, and the row's index. */
  y: number;
  row: number;
  bad: boolean;
  t: ReturnType<typeof useT>;
  seek: (op: HistoryOp) => void;
}

/** One operation's bar. Memoized and independent of the cursor: a seek re-renders none of the
 * thousands of a long run (issue 17, item 5). */
const OpBar = memo(function OpBar({ op, x0, x1, room, y, row, bad, t, seek }: OpBarProps) {
  const plain = t('history.op', { op: opText(op), client: op.client, status: t(`history.status.${op.status}`), from: op.invokeTime, to: op.endTime ?? '…' });
  // A failed op says why (a follower's redirect names the leader).
  const label = op.reason ? t('walk.op.failed', { label: plain, reason: opReason(t, op.reason) }) : plain;
  const mark = `${bad ? '! ' : ''}${MARK[op.status]}`;
  const fit = fitLabel(`${mark} ${opText(op)}`, mark, x1 - x0, room);
  return (
    <g
      className={`hi-op hi-${op.status}${bad ? ' hi-bad' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={bad ? `${label} ${t('history.violating')}` : label}
      data-op={op.id}
      data-status={op.status}
      data-row={row}
      data-violating={bad ? 'true' : undefined}
      onClick={() => seek(op)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          seek(op);
        }
      }}
    >
      <title>{label}</title>
      <rect x={x0} y={y + 4} width={x1 - x0} height={LANE - 8} rx={3} />
      {/* A bar too short for its label gets it to its right, or cut short before the next bar. */}
      {fit.at !== 'none' && (
        <text x={fit.at === 'inside' ? x0 + (fit.text === mark ? 1 : 3) : x1 + 3} y={y + LANE / 2 + 4} className="hi-op-text">
          {fit.text}
        </text>
      )}
    </g>
  );
});
