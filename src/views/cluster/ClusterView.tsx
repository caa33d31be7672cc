/**
 * The cluster view: nodes on a circle, messages flying along their links by simulated time,
 * partitions as walls, lost messages as fading crosses, and a context menu of faults.
 * D3 does the maths (geometry.ts, TimerArc); React renders every SVG element.
 */
import { useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { NodeFrame } from '../../store/frame';
import { useSession, useSessionStore, useT } from '../session';
import { VIEW, clusterLayout, type Point, labelPlacement, lane, progress, viewSize } from './geometry';
import { nodeFacts, nodeLabel, nodeTitle, noteText, roleLetter, type NodeFacts, type Translate } from './labels';
import { roleTone } from './palette';
import { NodeGlyph } from './NodeGlyph';
import { TimerArc } from './TimerArc';
import { LostMarks, Messages, placeFlights } from './Flights';
import { canvasHits, FlightCanvas } from './FlightCanvas';
import { useSettledDots } from './useSettledDots';
import { CutMarks, GroupBands, PartitionWalls } from './Walls';
import { useClusterMenu } from './useClusterMenu';
import { ringLayout } from './ringLayout';
import { RingBackdrop } from './Backdrop';
import { NodeActions } from './NodeActions';
import { isHeartbeat, useHeartbeatsHidden } from '../heartbeats';
import { HeartbeatToggle } from '../HeartbeatToggle';
import { shortState } from '../transactions/stateNames';
import { Legend } from './Legend';
import { useLegendKeys } from './legendKeys';
import { LegendSink } from './legendSink';
import { paxosShort } from './paxosFacts';
import './cluster.css';
import './clusterLayout.css';

const ELECTION_TIMER = 'electionTimeout';
/** While playing with more messages in flight than this, they are drawn on a canvas. */
const CANVAS_FLIGHTS = 40;
/** Paused, more than this many go on the canvas too (issue 10): 10,000 SVG dots cost seconds
 * of style and layout in one task, and stacked on a few lanes they cannot be hovered apart.
 * The canvas still answers clicks and the context menu. Issue 17 (scrubbing): a seek into a
 * partition's backlog (300-400 in flight in the bench's 100,000-event run) created ~1,800 SVG
 * nodes in one commit, the slowest seeks there; 150 dots already crowd the lanes. */
const SVG_FLIGHTS_MAX = 150;
/** Paused, a frame with more than this many SVG dots (now or before it) is drawn on the canvas
 * in the seek's own commit, and the SVG dots follow after its frame (useSettledDots.ts): a far
 * seek that moved 100-150 dots was the slowest 5 % of the bench's seeks (issue 17, item 5). */
const URGENT_SVG_DOTS = CANVAS_FLIGHTS;
/** Lanes start this far outside a node's rim, beyond its timer arc. */
const LANE_TRIM = 9;

/** Below this change of width (CSS px) the view box stays and the SVG just scales: no
 * resize loop when a scrollbar comes and goes. */
const RESIZE_STEP = 24;

/** The view box, following the stage's width. */
function useViewBox(stage: RefObject<HTMLDivElement | null>) {
  const [size, setSize] = useState<{ width: number; height: number }>(VIEW);
  useLayoutEffect(() => {
    const el = stage.current;
    if (!el) return;
    const measure = () => {
      const w = el.clientWidth;
      if (w <= 0) return;
      // A stage given a height by the layout (flex) is filled; otherwise the height follows the width.
      const h = getComputedStyle(el).flexGrow !== '0' ? el.clientHeight : undefined;
      const next = viewSize(w, h);
      // Small growth is ignored (no re-layout for a few pixels); any shrink is followed, or the
      // view box would be drawn scaled down and its 11 px labels under 11 px (issue 17).
      setSize((s) => (next.width >= s.width && next.height >= s.height && next.width - s.width < RESIZE_STEP && next.height - s.height < RESIZE_STEP ? s : next));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [stage]);
  return size;
}

function electionProgress(node: NodeFrame, time: number): number {
  if (!node.up) return 0;
  const timer = node.timers.find((x) => x.name === ELECTION_TIMER);
  return timer ? progress(time, timer.set, timer.due) : 0;
}

/** Under the id: down, else the vote (Raft), the latest transaction's state (2PC, 3PC), or
 * the ballots (Paxos). */
function subLine(t: Translate, f: NodeFacts): string | null {
  if (!f.up) return t('cluster.short.down');
  if (f.tx) return t('cluster.short.tx', { tx: f.tx.id, state: shortState(t, f.tx.state) });
  if (f.paxos) return paxosShort(t, f.paxos);
  if (f.leader !== undefined) return f.leader === f.id ? (f.role === 'leading' ? t('mp.short.leads') : null) : f.leader ? t('mp.short.leader', { leader: f.leader }) : null;
  if (f.vote === undefined) return null;
  return f.vote === null ? t('cluster.short.noVote') : t('cluster.short.vote', { vote: f.vote });
}

export function ClusterView() {
  const store = useSessionStore();
  const frame = useSession((s) => s.frame);
  const selection = useSession((s) => s.selection);
  const playing = useSession((s) => s.playing);
  const sim = useSession((s) => s.sim);
  const glyphs = useSession((s) => s.module.view.roleGlyphs);
  const txHints = useSession((s) => s.module.view.transactions);
  const nodeNote = useSession((s) => s.module.view.nodeNote);
  const t = useT();
  const stage = useRef<HTMLDivElement>(null);

  // Stable across frames while what they describe does not change.
  const idsKey = frame.nodes.map((n) => n.id).join(' ');
  const ids = useMemo(() => (idsKey ? idsKey.split(' ') : []), [idsKey]);
  const size = useViewBox(stage);
  // A protocol on a hash ring places its nodes by their tokens, with the ring as the stage.
  const ringPlace = useSession((s) => s.module.view.ringPlace);
  // Off the ring: '-' for a server (a column left of the ring), 'c' for a client (right of it).
  const placesKey = ringPlace ? frame.nodes.map((n) => ringPlace(n.id, n.state) ?? ((n.state as { role?: unknown }).role === 'client' ? 'c' : '-')).join(' ') : '';
  const layout = useMemo(() => {
    if (!placesKey) return clusterLayout(ids.length, size.width, size.height);
    const keys = placesKey.split(' ');
    return ringLayout(keys.map((p) => (p === '-' || p === 'c' ? null : Number(p))), size.width, size.height, keys.map((p) => p === 'c'));
  },
    [placesKey, ids.length, size],
  );
  const { points, nodeRadius: r, center, ringRadius } = layout;
  const index = useMemo(() => new Map(ids.map((id, i) => [id, i])), [ids]);
  const labelFrom = (layout as { labelFrom?: readonly Point[] }).labelFrom ?? null;
  const places = useMemo(() => points.map((p, i) => labelPlacement(labelFrom?.[i] ?? center, p, r)), [points, center, r, labelFrom]);
  const lanes = useMemo(() => points.map((a) => points.map((b) => lane(a, b, r + LANE_TRIM))), [points, r]);
  const partitionKey = frame.partition ? JSON.stringify(frame.partition) : '';
  const partition = useMemo(() => (partitionKey ? (JSON.parse(partitionKey) as string[][]) : null), [partitionKey]);
  const cutsKey = JSON.stringify(frame.cuts);
  const cuts = useMemo(() => JSON.parse(cutsKey) as [string, string][], [cutsKey]);

  const module = useSession((s) => s.module);
  const keys = useLegendKeys(frame, sim, module);
  // In compare mode the panes' keys go to one shared legend (compare/CompareLegend.tsx).
  const sink = useContext(LegendSink);
  const { families, roles, timer, locks, sent } = keys;
  useEffect(() => sink?.({ families, roles, timer, locks, sent }), [sink, families, roles, timer, locks, sent]);

  const selectNode = useCallback((id: string) => store.getState().select({ kind: 'node', id }), [store]);
  const selectMessage = useCallback((id: number) => store.getState().select({ kind: 'message', id }), [store]);

  const menu = useClusterMenu({ store, stage, frame, t });

  // The nodes of the latest violation at or before the cursor wear a red dashed halo.
  const culprit = frame.violations.at(-1);
  const involved = new Set(culprit?.nodes ?? []);

  // Heartbeats hidden by the switch shared with the space-time diagram (views/heartbeats.ts).
  const hideHeartbeats = useHeartbeatsHidden();
  const inFlight = useMemo(() => (hideHeartbeats ? frame.inFlight.filter((f) => !isHeartbeat(module, f.message, sim)) : frame.inFlight), [hideHeartbeats, frame.inFlight, module, sim]);
  const selectedNode = selection?.kind === 'node' ? selection.id : null;
  const selectedMessage = selection?.kind === 'message' ? selection.id : null;
  const onCanvas = inFlight.length > (playing ? CANVAS_FLIGHTS : SVG_FLIGHTS_MAX);
  const dots = useSettledDots(inFlight, frame.time, playing, !onCanvas, URGENT_SVG_DOTS);
  const canvas = onCanvas || dots.behind;
  const hits = canvas
    ? canvasHits(() => stage.current?.querySelector('svg') ?? null, size, () => placeFlights(inFlight, frame.time, { index, points, lanes }), selectMessage, menu.onMessageMenu)
    : undefined;

  return (
    <section className="cluster" aria-label={t('cluster.label', { count: ids.length })} data-testid="clusterview">
      <div className="cl-stage" ref={stage} {...hits}>
        <svg
          className="cl-svg"
          viewBox={`0 0 ${size.width} ${size.height}`}
          preserveAspectRatio="xMidYMid meet"
          onClick={() => store.getState().select(null)}
          role="group"
        >
          {/* Bands assume evenly spaced nodes: not on a hash ring, where the walls say it. */}
          {!placesKey && <GroupBands ids={ids} center={center} ringRadius={ringRadius} r={r} partition={partition} />}
          {placesKey ? (
            <RingBackdrop center={center} radius={ringRadius} width={size.width} height={size.height} nodeRadius={r} />
          ) : (
            <g className="cl-links" aria-hidden="true">
              {points.map((a, i) =>
                points.slice(i + 1).map((b, k) => <line key={`${i}-${i + k + 1}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} />),
              )}
            </g>
          )}
          <PartitionWalls ids={ids} points={points} r={r} partition={partition} t={t} />
          <CutMarks ids={ids} points={points} cuts={cuts} t={t} />
          {frame.nodes.map((n, i) => (
            <TimerArc key={n.id} at={points[i]!} r={r} progress={electionProgress(n, frame.time)} />
          ))}
          {frame.nodes.map((n, i) => {
            const f = nodeFacts(n, txHints);
            const note = n.up ? (nodeNote?.(n.state) ?? null) : null;
            const violation = culprit && involved.has(n.id) ? culprit.invariant : null;
            const noted = note?.sub ? t('cluster.sep') + noteText(t, note.sub) : '';
            const suffix = noted + (violation ? t('cluster.sep') + t('cluster.node.violation', { invariant: violation }) : '');
            const label = nodeLabel(t, f) + suffix;
            return (
              <NodeGlyph
                key={n.id}
                id={n.id}
                at={points[i]!}
                r={r}
                place={places[i]!}
                tone={roleTone(f.role)}
                letter={roleLetter(f.role, glyphs)}
                up={f.up}
                paused={f.paused}
                rate={f.rate}
                selected={selectedNode === n.id}
                violation={violation}
                label={label}
                title={nodeTitle(t, f) + suffix}
                term={note?.badge ? noteText(t, note.badge) : f.term !== null ? t('cluster.short.term', { term: f.term }) : typeof f.ballot === 'number' && f.ballot >= 0 ? t('mp.short.ballot', { ballot: f.ballot }) : null}
                sub={note?.sub ? noteText(t, note.sub) : subLine(t, f)}
                locked={f.up && (!!f.tx?.locked || !!note?.locked)}
                onSelect={selectNode}
                onMenu={menu.onNodeMenu}
              />
            );
          })}
          {!onCanvas && (
            <Messages
              inFlight={dots.svg.inFlight}
              time={dots.svg.time}
              hidden={dots.behind}
              index={index}
              points={points}
              lanes={lanes}
              selected={selectedMessage}
              t={t}
              onSelect={selectMessage}
              onMenu={menu.onMessageMenu}
            />
          )}
          <LostMarks lost={frame.lost} time={frame.time} index={index} points={points} lanes={lanes} t={t} />
        </svg>
        {canvas && <FlightCanvas inFlight={inFlight} time={frame.time} index={index} points={points} lanes={lanes} view={size} selected={selectedMessage} />}
        {menu.element}
        {selectedNode && <NodeActions store={store} stage={stage} frame={frame} id={selectedNode} t={t} layoutKey={layout} />}
      </div>
      {!sink && <Legend t={t} families={keys.families} roles={keys.roles} hint={t('cluster.hint')} timer={keys.timer} locks={keys.locks} />}
      {keys.sent && <HeartbeatToggle className="cl-hb" />}
    </section>
  );
}
