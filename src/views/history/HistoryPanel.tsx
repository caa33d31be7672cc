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
import { drawnOps, historyModel, laneRows, LANE_BARS, opText } from './model';
import './history.css';

const LANE = 26;
const GUTTER = 56;
const MARK: Record<OpStatus, string> = { ok: '✓', fail: '✗', info: '?', pending: '…' };

export function HistoryPanel() {
  const t = useT();
  const store = useSessionStore();
  const module = useSession((s) => s.module);
  const sim = useSession((s) => s.sim);
  const head = useSession((s) => s.frame.head);
  const time = useSession((s) => s.frame.time);
  const revision = useSession((s) => s.revision);
  const model = useMemo(() => historyModel(module, sim.events, sim.violations, head), [module, sim, head, revision]);
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(320, el.clientWidth)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const end = Math.max(1, head > 0 ? sim.events[head - 1]!.time : 1, time);
  const x = useCallback((ms: number) => GUTTER + ((width - GUTTER - 12) * Math.min(ms, end)) / end, [width, end]);
  const seek = useCallback(
    (op: HistoryOp) => {
      const seq = op.endSeq ?? op.invokeSeq;
      store.getState().seekStep(seq + 1);
      store.getState().select({ kind: 'node', id: op.client });
    },
    [store],
  );
  if (!module.clientHistory) return null;
  const count = model.lanes.reduce((n, l) => n + l.ops.length, 0);
  const drawn = model.lanes.map((lane) => drawnOps(lane.ops, model.violating));
  const shown = drawn.reduce((n, ops) => n + ops.length, 0);
  // Each lane as tall as its overlapping ops need (one row each), stacked from the top.
  const rows = drawn.map((ops) => laneRows(ops));
  const tops = rows.reduce<number[]>((acc, r, i) => [...acc, acc[i]! + r.rows * LANE], [0]);
  const height = tops[tops.length - 1]! + 8;
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
            {model.lanes.map((lane, i) => (
              <g key={lane.client} transform={`translate(0, ${tops[i]! + 4})`} data-client={lane.client} data-rows={rows[i]!.rows}>
                <text className="hi-client" x={4} y={LANE / 2 + 4}>
                  {lane.client}
                </text>
                {Array.from({ length: rows[i]!.rows }, (_, r) => (
                  <line key={r} className="hi-lane" x1={GUTTER} x2={width - 12} y1={r * LANE + LANE / 2} y2={r * LANE + LANE / 2} />
                ))}
                {drawn[i]!.map((op) => {
                  const x0 = x(op.invokeTime);
                  const row = rows[i]!.row.get(op.id)!;
                  return <OpBar key={op.id} op={op} x0={x0} x1={Math.max(x0 + 6, x(op.endTime ?? end))} y={row * LANE} row={row} bad={model.violating.has(op.id)} t={t} seek={seek} />;
                })}
              </g>
            ))}
            {/* What lies after the cursor is dimmed by one veil, so a seek touches no bar. */}
            <rect className="hi-future-veil" data-testid="history-future" x={x(time)} y={0} width={Math.max(0, width - x(time))} height={height} aria-hidden="true" />
            <line className="hi-cursor" x1={x(time)} x2={x(time)} y1={0} y2={height} aria-hidden="true" />
          </svg>
        )}
      </div>
    </section>
  );
}

interface OpBarProps {
  op: HistoryOp;
  x0: number;
  x1: number;
  /** The top of the op's sub-row within its lane, and the row's index. */
  y: number;
  row: number;
  bad: boolean;
  t: ReturnType<typeof useT>;
  seek: (op: HistoryOp) => void;
}

/** One operation's bar. Memoized and independent of the cursor: a seek re-renders none of the
 * thousands of a long run (issue 17, item 5). */
const OpBar = memo(function OpBar({ op, x0, x1, y, row, bad, t, seek }: OpBarProps) {
  const plain = t('history.op', { op: opText(op), client: op.client, status: t(`history.status.${op.status}`), from: op.invokeTime, to: op.endTime ?? '…' });
  // A failed op says why (a follower's redirect names the leader).
  const label = op.reason ? t('walk.op.failed', { label: plain, reason: opReason(t, op.reason) }) : plain;
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
      {/* A bar too short for its label gets it to its right. */}
      <text x={x1 - x0 > 70 ? x0 + 3 : x1 + 3} y={y + LANE / 2 + 4} className="hi-op-text">
        {`${bad ? '! ' : ''}${MARK[op.status]} ${opText(op)}`}
      </text>
    </g>
  );
});
