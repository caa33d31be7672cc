/**
 * The timeline's two scales, written out instead of taken from d3-scale: the timeline paints
 * first, and d3-scale brings d3-interpolate, d3-color and d3-format (≈10 KB gzipped) into the
 * first load for a clamped straight line and a square root (issue 17). Ticks stay d3's.
 */
import { ticks as d3ticks } from 'd3';

export interface LinearScale {
  (value: number): number;
  invert(px: number): number;
  range(): [number, number];
  ticks(count: number): number[];
}

/** A clamped linear map of [0, end] onto [from, to], as d3's `scaleLinear().clamp(true)`. */
export function linearScale(end: number, from: number, to: number): LinearScale {
  const span = end || 1;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const scale = ((v: number) => from + (clamp(v, 0, end) / span) * (to - from)) as LinearScale;
  scale.invert = (px: number) => (to === from ? 0 : clamp(((px - from) / (to - from)) * span, 0, end));
  scale.range = () => [from, to];
  scale.ticks = (count: number) => d3ticks(0, end, count);
  return scale;
}

/** A square-root map of [0, max] onto [0, height], as d3's `scaleSqrt()` over that domain. */
export function sqrtScale(max: number, height: number): (value: number) => number {
  const root = Math.sqrt(max) || 1;
  return (v: number) => (Math.sqrt(Math.max(0, v)) / root) * height;
}
