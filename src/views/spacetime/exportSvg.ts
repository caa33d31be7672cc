/**
 * The space-time diagram as standalone SVG markup, for export: the same drawing as the canvas
 * (one renderer, two painters), with the node names in a left gutter.
 */
import { translate, type Lang } from '../../i18n';
import type { NodeId, TraceEvent, Violation } from '../../sim/types';
import type { Selection } from '../../store/ui';
import { diagramHeight, fitWindow, laneY, type TimeWindow } from './layout';
import { indexFor } from './runIndex';
import { buildScene, emptyScene, type SceneInput } from './scene';
import { renderScene, type RenderLabels } from './render';
import { escapeXml, SANS, SvgPainter } from './paint';

/** What the export needs; a session state (`store.getState()`) has all of it. */
export interface SpaceTimeExportInput {
  sim: { events: readonly TraceEvent[]; violations: readonly Violation[]; scenario: { nodes: readonly NodeId[] } };
  frame: { time: number; step: number };
  selection?: Selection;
  lang?: Lang;
  /** The time window to draw: by default the one the diagram on screen shows, else the whole run. */
  window?: TimeWindow;
  /** Width of the drawing, without the gutter (default: the diagram's, else 960). */
  width?: number;
}

export const GUTTER = 44;

/** The window and width the mounted diagram shows, published on every draw. */
let shown: { window: TimeWindow; width: number } | null = null;
export function publishView(window: TimeWindow, width: number): void {
  shown = { window, width };
}
export function visibleWindow(): { window: TimeWindow; width: number } | null {
  return shown;
}

export function renderLabels(lang: Lang): RenderLabels {
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  return { down: t('spacetime.down'), paused: t('spacetime.paused'), duplicate: t('spacetime.dup'), partition: t('spacetime.partition'), ms: t('spacetime.ms') };
}

export function spaceTimeSvg(state: SpaceTimeExportInput): string {
  const { sim, frame } = state;
  const nodes = sim.scenario.nodes;
  const events = sim.events;
  const count = events.length;
  const index = indexFor(events, nodes, count);
  const lastTime = count > 0 ? events[count - 1]!.time : 0;
  const win = state.window ?? shown?.window ?? fitWindow(Math.max(lastTime, frame.time));
  const width = Math.max(120, Math.round(state.width ?? shown?.width ?? 960));
  const sel = state.selection ?? null;
  const input: SceneInput = {
    events,
    count,
    index,
    violations: sim.violations,
    win,
    width,
    cursor: frame.time,
    step: frame.step,
    selectedLane: sel?.kind === 'node' ? (index.laneOf.get(sel.id) ?? -1) : -1,
    selectedMessage: sel?.kind === 'message' ? sel.id : -1,
    hover: null,
  };
  const scene = buildScene(emptyScene(input), input);
  const painter = new SvgPainter();
  const lang = state.lang ?? 'en';
  renderScene(painter, scene, renderLabels(lang));
  const height = diagramHeight(nodes.length);
  const total = width + GUTTER;
  const labels = nodes
    .map((id, i) => `<text x="${GUTTER - 8}" y="${laneY(i)}" dominant-baseline="central" text-anchor="end" font-size="12" font-weight="600" fill="#111827">${escapeXml(id)}</text>`)
    .join('');
  const title = escapeXml(translate(lang, 'spacetime.label', { count: nodes.length }));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="${height}" viewBox="0 0 ${total} ${height}" font-family="${escapeXml(SANS)}">` +
    `<title>${title}</title>` +
    `<rect width="${total}" height="${height}" fill="#ffffff"/>${labels}` +
    `<svg x="${GUTTER}" y="0" width="${width}" height="${height}" overflow="hidden">${painter.markup()}</svg>` +
    `</svg>`
  );
}
