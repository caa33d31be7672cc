/**
 * Messages in flight drawn on a canvas over the SVG, used while playback runs with many
 * messages: hundreds of moving SVG groups cost React, style and raster work every frame, a
 * canvas a few hundred arcs. Paused, the SVG dots come back with their tooltips and focus,
 * unless there are thousands (ClusterView's SVG_FLIGHTS_MAX).
 * Shapes and colours are MessageDot's; clicks and the context menu hit-test here.
 */
import { useLayoutEffect, useRef, type MouseEvent } from 'react';
import type { FlightView } from '../../store/frame';
import { messageKind, type Point } from './geometry';
import { messageColor } from './palette';
import { dotSize, MESSAGE_HIT_RADIUS } from './MessageDot';
import { placeFlights, type Lanes, type Placed } from './Flights';

interface FlightCanvasProps extends Lanes {
  inFlight: readonly FlightView[];
  time: number;
  /** The SVG's view box: canvas pixels map onto it as the SVG's own pixels do. */
  view: { width: number; height: number };
  selected: number | null;
}

function paint(ctx: CanvasRenderingContext2D, placed: readonly Placed[], selected: number | null, ink: string, surface: string) {
  for (const { flight, at } of placed) {
    const m = flight.message;
    const color = messageColor(m.type);
    const size = dotSize(m);
    ctx.globalAlpha = flight.blocked ? 0.75 : 1;
    if (m.duplicateOf !== undefined) {
      ctx.setLineDash([2, 1.8]);
      ctx.lineWidth = 1.2;
      ctx.strokeStyle = color;
      ctx.beginPath();
      ctx.arc(at.x, at.y, size + 3.2, 0, 2 * Math.PI);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.beginPath();
    if (messageKind(m.type) === 'request') {
      ctx.arc(at.x, at.y, size, 0, 2 * Math.PI);
      ctx.fillStyle = color;
      ctx.fill();
      ctx.lineWidth = 1;
      ctx.strokeStyle = surface;
      ctx.stroke();
    } else {
      ctx.arc(at.x, at.y, size - 0.9, 0, 2 * Math.PI);
      ctx.fillStyle = surface;
      ctx.fill();
      ctx.lineWidth = 2.2;
      ctx.strokeStyle = color;
      ctx.stroke();
    }
    if (m.id === selected) {
      ctx.globalAlpha = 1;
      ctx.lineWidth = 2;
      ctx.strokeStyle = ink;
      ctx.beginPath();
      ctx.arc(at.x, at.y, size + 5.5, 0, 2 * Math.PI);
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
}

/** The message under a point in view coordinates: the nearest within the hit radius. */
export function hitFlight(placed: readonly Placed[], p: Point): number | null {
  let best: number | null = null;
  let bestD = MESSAGE_HIT_RADIUS * MESSAGE_HIT_RADIUS;
  for (const { flight, at } of placed) {
    const d = (at.x - p.x) ** 2 + (at.y - p.y) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = flight.message.id;
    }
  }
  return best;
}

export function FlightCanvas({ inFlight, time, index, points, lanes, view, selected }: FlightCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  // The theme's ink and surface, read once: a style read every frame would cost a recalc.
  const colors = useRef<{ ink: string; surface: string } | null>(null);
  const placed = placeFlights(inFlight, time, { index, points, lanes });
  // The SVG's CSS size, observed: reading clientWidth every frame would force a layout, and so
  // would reading it when the canvas appears (a seek past SVG_FLIGHTS_MAX mounts it in its
  // commit, issue 17): the observer's first call, after the frame's layout, draws it then.
  const box = useRef<{ w: number; h: number } | null>(null);
  const draw = () => {
    const canvas = ref.current;
    if (!canvas || !box.current) return;
    const { w, h } = box.current;
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
      canvas.style.width = `${w}px`;
      canvas.style.height = `${h}px`;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    if (!colors.current) {
      const style = getComputedStyle(canvas);
      colors.current = { ink: style.getPropertyValue('--cl-ink').trim() || '#111827', surface: style.getPropertyValue('--cl-surface').trim() || '#ffffff' };
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const k = (w / view.width) * dpr;
    ctx.setTransform(k, 0, 0, k, 0, 0);
    paint(ctx, placed, selected, colors.current.ink, colors.current.surface);
  };
  const latest = useRef(draw);
  latest.current = draw;
  useLayoutEffect(() => {
    const svg = ref.current?.previousElementSibling as SVGSVGElement | null;
    if (!svg) return;
    const ro = new ResizeObserver(() => {
      box.current = { w: svg.clientWidth, h: svg.clientHeight };
      latest.current();
    });
    ro.observe(svg);
    return () => ro.disconnect();
  }, []);

  useLayoutEffect(draw);

  return <canvas ref={ref} className="cl-flights" aria-hidden="true" data-testid="flight-canvas" data-count={placed.length} />;
}

/** Stage pointer handlers for the canvas layer: a click or context menu on a message acts on
 * it, anything else falls through to the SVG. */
export function canvasHits(svgOf: () => SVGSVGElement | null, view: { width: number }, placed: () => readonly Placed[], onSelect: (id: number) => void, onMenu: (id: number, client: Point) => void) {
  const hit = (e: MouseEvent): number | null => {
    const svg = svgOf();
    // A menu over the stage takes its own clicks, whatever flies under it.
    if (!svg || (e.target as Element).closest?.('[role="menu"]')) return null;
    const box = svg.getBoundingClientRect();
    const k = view.width / box.width;
    return hitFlight(placed(), { x: (e.clientX - box.left) * k, y: (e.clientY - box.top) * k });
  };
  return {
    onClickCapture(e: MouseEvent) {
      const id = hit(e);
      if (id === null) return;
      e.stopPropagation();
      onSelect(id);
    },
    onContextMenuCapture(e: MouseEvent) {
      const id = hit(e);
      if (id === null) return;
      e.preventDefault();
      e.stopPropagation();
      onMenu(id, { x: e.clientX, y: e.clientY });
    },
  };
}
