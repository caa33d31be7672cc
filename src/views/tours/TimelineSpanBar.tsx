/** A tour step's timeline span (`show.spanFrom`): from the named step's position to this one's. */
import { useStore } from 'zustand';
import { tourStore } from '../../store/tour';
import type { SpanProps } from './TimelineSpan';

export function TimelineSpanBar({ x, y, height }: SpanProps) {
  const span = useStore(tourStore, (s) => {
    const cur = s.played.at(-1);
    const from = cur && s.tour?.steps[cur.index]?.show?.spanFrom;
    const start = from && s.played.find((p) => s.tour!.steps[p.index]!.id === from);
    return start && cur ? `${start.at.time}:${cur.at.time}` : null;
  });
  if (!span) return null;
  const [a, b] = span.split(':').map(Number) as [number, number];
  return <rect className="tl-tour-span" x={x(a)} y={y} width={Math.max(2, x(b) - x(a))} height={height} data-testid="tour-span" aria-hidden="true" />;
}
