/**
 * The timeline's slot for a tour step's span: empty, with no tour code loaded, until a tour
 * is on (issue 17); then the span itself (TimelineSpanBar.tsx) loads with the tour's chunk.
 */
import { Suspense, lazy } from 'react';
import { useStore } from 'zustand';
import { tourPresence } from '../../store/tourPresence';

export interface SpanProps {
  x: (time: number) => number;
  y: number;
  height: number;
}

const TimelineSpanBar = lazy(() => import('./TimelineSpanBar').then((m) => ({ default: m.TimelineSpanBar })));

export function TourTimelineSpan(props: SpanProps) {
  const on = useStore(tourPresence, (s) => s.touring);
  if (!on) return null;
  return (
    <Suspense fallback={null}>
      <TimelineSpanBar {...props} />
    </Suspense>
  );
}
