/** The partition bands' shapes (Walls.tsx's GroupBands): rounded annular sectors, one per group. */
import { arc } from 'd3';
import type { groupArcs } from './geometry';

const band = arc();

type Arcs = NonNullable<ReturnType<typeof groupArcs>>;

export function BandPaths({ arcs, inner, outer, corner }: { arcs: Arcs; inner: number; outer: number; corner: number }) {
  return (
    <>
      {arcs.map((a) => (
        <path
          key={a.group}
          className={`cl-band cl-band-${a.group % 3}`}
          d={band({ innerRadius: inner, outerRadius: outer, startAngle: a.start, endAngle: a.end, cornerRadius: corner } as Parameters<typeof band>[0]) ?? ''}
        />
      ))}
    </>
  );
}
