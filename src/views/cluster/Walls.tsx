/** Partition walls (a bar across the middle of every link between groups, the link dashed)
 * and one-way cuts (a bar across the blocked lane, with an arrowhead for the direction). */
import { Suspense, lazy, memo, useMemo } from 'react';
import { cutMark, groupArcs, lane, partitionWalls, type Point } from './geometry';
import type { Translate } from './labels';

interface WallsProps {
  ids: readonly string[];
  points: readonly Point[];
  r: number;
  partition: readonly (readonly string[])[] | null;
  t: Translate;
}

export const PartitionWalls = memo(function PartitionWalls({ ids, points, r, partition, t }: WallsProps) {
  const walls = useMemo(() => partitionWalls(ids, points, partition), [ids, points, partition]);
  if (!partition || walls.length === 0) return null;
  const label = t('cluster.wall', { groups: partition.map((g) => `{${g.join(', ')}}`).join(' | ') });
  return (
    <g className="cl-walls" data-testid="partition-wall" role="img" aria-label={label}>
      <title>{label}</title>
      {walls.map((w) => {
        const [a, b] = lane(points[w.a]!, points[w.b]!, r + 8, 0);
        return <line key={`l${w.a}-${w.b}`} className="cl-wall-link" x1={a.x} y1={a.y} x2={b.x} y2={b.y} />;
      })}
      {walls.map((w) => (
        <line key={`w${w.a}-${w.b}`} className="cl-wall" x1={w.x1} y1={w.y1} x2={w.x2} y2={w.y2} />
      ))}
    </g>
  );
});

// The bands' rounded sectors are d3-shape's: drawn only during a partition, they load then
// (issue 17: d3-shape stays out of the first load).
const BandPaths = lazy(() => import('./BandPaths').then((m) => ({ default: m.BandPaths })));

interface BandsProps {
  ids: readonly string[];
  center: Point;
  ringRadius: number;
  r: number;
  partition: readonly (readonly string[])[] | null;
}

/** A soft band behind each partition group, when every group is a run of neighbours: the
 * gaps between bands show the split at a glance (the walls carry the exact links). */
export const GroupBands = memo(function GroupBands({ ids, center, ringRadius, r, partition }: BandsProps) {
  const arcs = useMemo(() => groupArcs(ids, partition), [ids, partition]);
  if (!arcs) return null;
  const inner = Math.max(0, ringRadius - r - 14);
  const outer = ringRadius + r + 14;
  return (
    <g className="cl-bands" transform={`translate(${center.x} ${center.y})`} aria-hidden="true">
      <Suspense fallback={null}>
        <BandPaths arcs={arcs} inner={inner} outer={outer} corner={r * 0.8} />
      </Suspense>
    </g>
  );
});

interface CutsProps {
  ids: readonly string[];
  points: readonly Point[];
  cuts: readonly (readonly [string, string])[];
  t: Translate;
}

export const CutMarks = memo(function CutMarks({ ids, points, cuts, t }: CutsProps) {
  if (cuts.length === 0) return null;
  return (
    <g className="cl-cuts">
      {cuts.map(([from, to]) => {
        const i = ids.indexOf(from);
        const j = ids.indexOf(to);
        if (i < 0 || j < 0) return null;
        const { bar, arrow } = cutMark(points[i]!, points[j]!);
        const label = t('cluster.cut', { from, to });
        return (
          <g key={`${from}>${to}`} data-testid="cut" role="img" aria-label={label}>
            <title>{label}</title>
            <line className="cl-cut-bar" x1={bar.x1} y1={bar.y1} x2={bar.x2} y2={bar.y2} />
            <polygon className="cl-cut-arrow" points={arrow.map((p) => `${p.x},${p.y}`).join(' ')} />
          </g>
        );
      })}
    </g>
  );
});
