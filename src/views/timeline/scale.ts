/**
 * The timeline's maths (two scales, ticks, binary searches), written out instead of taken from
 * d3-scale and d3-array: the timeline paints first, and d3-scale brings d3-interpolate,
 * d3-color and d3-format (≈10 KB gzipped) into the first load for a clamped straight line and
 * a square root (issue 17). Each matches d3's answer (scale.test.ts).
 */

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
  scale.ticks = (count: number) => ticks(0, end, count);
  return scale;
}

/** A square-root map of [0, max] onto [0, height], as d3's `scaleSqrt()` over that domain. */
export function sqrtScale(max: number, height: number): (value: number) => number {
  const root = Math.sqrt(max) || 1;
  return (v: number) => (Math.sqrt(Math.max(0, v)) / root) * height;
}

const E10 = Math.sqrt(50);
const E5 = Math.sqrt(10);
const E2 = Math.sqrt(2);

/** d3-array's tick step for start < stop: integers i1…i2 and the increment (negative: a divisor). */
function tickSpec(start: number, stop: number, count: number): [number, number, number] {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / Math.pow(10, power);
  const factor = error >= E10 ? 10 : error >= E5 ? 5 : error >= E2 ? 2 : 1;
  let i1: number;
  let i2: number;
  let inc: number;
  if (power < 0) {
    inc = Math.pow(10, -power) / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = Math.pow(10, power) * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && 0.5 <= count && count < 2) return tickSpec(start, stop, count * 2);
  return [i1, i2, inc];
}

/** About `count` round values in [start, stop] (start ≤ stop), as d3's `ticks`. */
export function ticks(start: number, stop: number, count: number): number[] {
  if (!(count > 0)) return [];
  if (start === stop) return [start];
  const [i1, i2, inc] = tickSpec(start, stop, count);
  if (!(i2 >= i1)) return [];
  return Array.from({ length: i2 - i1 + 1 }, (_, i) => (inc < 0 ? (i1 + i) / -inc : (i1 + i) * inc));
}

/** The first index from `lo` whose key is ≥ x (`right`: > x), in an array sorted by key. */
export function bisect<T>(a: readonly T[], x: number, key: (v: T) => number, side: 'left' | 'right', lo = 0): number {
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = key(a[mid]!);
    if (side === 'left' ? k < x : k <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
