/**
 * An annular sector as an SVG path, the shape of d3-shape's `arc()` without corner rounding or
 * padding: the election timer draws one per node on the first paint, and d3-shape stays out of
 * the first load (issue 17). Angles in radians, clockwise from 12 o'clock, as in d3.
 */
const TAU = 2 * Math.PI;

const point = (r: number, a: number) => `${(r * Math.sin(a)).toFixed(3)},${(-r * Math.cos(a)).toFixed(3)}`;

export function ringArc(inner: number, outer: number, start: number, end: number): string {
  const span = Math.abs(end - start);
  if (span >= TAU - 1e-6) {
    // A full ring: two circles, the inner one wound the other way (a hole under either fill rule).
    const circle = (r: number, sweep: 0 | 1) => `M0,${-r}A${r},${r} 0 1,${sweep} 0,${r}A${r},${r} 0 1,${sweep} 0,${-r}`;
    return `${circle(outer, 1)}${inner > 0 ? circle(inner, 0) : ''}Z`;
  }
  const large = span > Math.PI ? 1 : 0;
  const cw = end > start ? 1 : 0;
  const outerArc = `M${point(outer, start)}A${outer},${outer} 0 ${large},${cw} ${point(outer, end)}`;
  if (inner <= 0) return `${outerArc}L0,0Z`;
  return `${outerArc}L${point(inner, end)}A${inner},${inner} 0 ${large},${1 - cw} ${point(inner, start)}Z`;
}
