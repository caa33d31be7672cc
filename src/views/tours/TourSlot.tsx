/** Where the tour panel goes: nothing (and no tour code loaded) until a tour is on. */
import { Suspense } from 'react';
import { useStore } from 'zustand';
import { tourPresence } from '../../store/tourPresence';
import { lazyPanel } from '../protocolPanels';
import { PanelSkeleton } from '../loading/PanelSkeleton';

const TourPanel = lazyPanel(() => import('./TourPanel'), 'TourPanel');
const RecorderPanel = lazyPanel(() => import('./RecorderPanel'), 'RecorderPanel');

export function TourSlot() {
  const on = useStore(tourPresence, (s) => s.touring);
  const recording = useStore(tourPresence, (s) => s.recording);
  if (!on && !recording) return null;
  return (
    <Suspense fallback={<PanelSkeleton panel="tour" />}>
      {on && <TourPanel />}
      {recording && <RecorderPanel />}
    </Suspense>
  );
}
