/**
 * Ring maths for the views (D3 computes, React renders): angles of hash positions, arcs of
 * ownership, binned arcs at scale, and the path of a moved key. No DOM.
 */
import { arc as d3arc, interpolateRainbow, scaleLinear, schemeTableau10 } from 'd3';

export const TAU = Math.PI * 2;
const SPACE = 2 ** 32;

/** Angle of a hash position: 0 at the top, clockwise, one turn for 2³². */
export const angleOf = scaleLinear().domain([0, SPACE]).range([0, TAU]);

export interface Point {
  x: number;
  y: number;
}

/** A point at `angle` (clockwise from the top) and `r` from the centre (0, 0). */
export function polar(angle: number, r: number): Point {
  return { x: r * Math.sin(angle), y: -r * Math.cos(angle) };
}

const arcGen = d3arc<{ a0: number; a1: number; r0: number; r1: number }>()
  .startAngle((d) => d.a0)
  .endAngle((d) => d.a1)
  .innerRadius((d) => d.r0)
  .outerRadius((d) => d.r1);

/** An annular sector from angle a0 to a1 (clockwise), radii r0..r1, centred on (0, 0). */
export function sector(a0: number, a1: number, r0: number, r1: number): string {
  return arcGen({ a0, a1, r0, r1 }) ?? '';
}

export interface Arc {
  /** Index of the owning server (in the ring's server list). */
  owner: number;
  a0: number;
  a1: number;
  /** The tokens the arc ends at (one per merged token). */
  tokens: number;
}

/**
 * Arcs of ownership of a ring: the arc from one token to the next belongs to the next token's
 * server; consecutive arcs of one server merge. Angles run from 0 to 2π, the arc that wraps
 * past the top split in two.
 */
export function ownershipArcs(tokens: Uint32Array, owner: Int32Array): Arc[] {
  const n = tokens.length;
  if (n === 0) return [];
  const out: Arc[] = [];
  const push = (o: number, a0: number, a1: number) => {
    const last = out.at(-1);
    if (last && last.owner === o && Math.abs(last.a1 - a0) < 1e-12) {
      last.a1 = a1;
      last.tokens++;
    } else out.push({ owner: o, a0, a1, tokens: 1 });
  };
  // From the top to the first token: the wrap-around arc, owned by token 0's server.
  push(owner[0]!, 0, angleOf(tokens[0]!));
  for (let i = 1; i < n; i++) push(owner[i]!, angleOf(tokens[i - 1]!), angleOf(tokens[i]!));
  // From the last token to the top: also token 0's.
  const tail = { owner: owner[0]!, a0: angleOf(tokens[n - 1]!), a1: TAU, tokens: 0 };
  if (tail.a1 > tail.a0) out.push(tail);
  return out;
}

/** A server's colour: the Tableau 10 palette by index, then evenly spaced hues. */
export function serverColor(index: number, count: number): string {
  if (index < 0) return '#9ca3af';
  if (count <= schemeTableau10.length) return schemeTableau10[index]!;
  return interpolateRainbow((index % count) / count);
}

/**
 * Where a moved key is drawn at `p` (0..1) of its move: from its old owner's token back or
 * forth along the key track to the new owner's token, the shorter way round, lifted into
 * the ring's middle at mid-flight so the hop reads as a move, not a slide.
 */
export function hop(from: number, to: number, r: number, p: number): Point {
  let d = to - from;
  if (d > Math.PI) d -= TAU;
  if (d < -Math.PI) d += TAU;
  const q = Math.min(1, Math.max(0, p));
  const ease = q < 0.5 ? 2 * q * q : 1 - 2 * (1 - q) ** 2;
  return polar(from + d * ease, r * (1 - 0.35 * Math.sin(Math.PI * q)));
}

/** Radial bars of a binned density (keys per angle bin), inward from `r`, `depth` long at
 * `max` (the largest bin by default); `sqrt` scales by the square root, so a bin holding 1%
 * of the maximum still shows a tenth of the depth. */
export function densityBars(bins: ArrayLike<number>, r: number, depth: number, max?: number, sqrt = false): { a0: number; a1: number; r0: number; r1: number; value: number }[] {
  const n = bins.length;
  let top = max ?? 0;
  if (max === undefined) for (let i = 0; i < n; i++) top = Math.max(top, bins[i]!);
  const out = [];
  for (let i = 0; i < n; i++) {
    const v = bins[i]!;
    if (v <= 0 || top <= 0) continue;
    const f = sqrt ? Math.sqrt(v / top) : v / top;
    out.push({ a0: (i / n) * TAU, a1: ((i + 1) / n) * TAU, r0: r - depth * f, r1: r, value: v });
  }
  return out;
}
