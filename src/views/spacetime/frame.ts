/**
 * One frame's inputs, gathered from the session and the view: the scene to lay out (run index,
 * window, cursor, selection, hover, hidden heartbeats), and a canvas backing store sized to the
 * device's pixel ratio. Pure set-up; the controller decides when to draw.
 */
import type { SessionState } from '../../store/session';
import { heartbeatsHidden, isHeartbeat } from '../heartbeats';
import { diagramHeight, type TimeWindow } from './layout';
import { indexFor } from './runIndex';
import type { Hit, SceneInput } from './scene';
import type { CanvasPainter } from './paint';

export function sceneInputFor(s: SessionState, win: TimeWindow, width: number, hover: Hit | null): SceneInput {
  const nodes = s.sim.scenario.nodes;
  const events = s.sim.events;
  const count = events.length;
  const index = indexFor(events, nodes, count);
  const sel = s.selection;
  return {
    events,
    count,
    index,
    violations: s.sim.violations,
    win,
    width,
    cursor: s.frame.time,
    step: s.frame.step,
    selectedLane: sel?.kind === 'node' ? (index.laneOf.get(sel.id) ?? -1) : -1,
    selectedMessage: sel?.kind === 'message' ? sel.id : -1,
    hover,
    hide: heartbeatsHidden() ? (id) => isHeartbeat(s.module, index.messages[id]!, s.sim) : null,
  };
}

/** Sizes the canvas for `lanes` lanes at `width` CSS px (crisp on high-DPI screens) and readies its transform. */
export function fitCanvas(canvas: HTMLCanvasElement, painter: CanvasPainter, width: number, lanes: number): void {
  const dpr = window.devicePixelRatio || 1;
  const height = diagramHeight(lanes);
  const pw = Math.round(width * dpr);
  const ph = Math.round(height * dpr);
  if (canvas.width !== pw || canvas.height !== ph) {
    canvas.width = pw;
    canvas.height = ph;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    painter.reset();
  }
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
}
