/** Where the tour panel goes: nothing (and no tour view code loaded) until a tour is on. */
import { Suspense } from 'react';
import { useStore } from 'zustand';
import { tourStore } from '../../store/tour';
import { recordStore } from '../../store/tourRecord';
import { lazyPanel } from '../protocolPanels';

const TourPanel = lazyPanel(() => import('./TourPanel'), 'TourPanel');
const RecorderPanel = lazyPanel(() => import('./RecorderPanel'), 'RecorderPanel');

export function TourSlot() {
  const on = useStore(tourStore, (s) => s.tour !== null);
  const recording = useStore(recordStore, (s) => s.session !== null);
  if (!on && !recording) return null;
  return (
    <Suspense fallback={<div className="panel-loading" aria-busy="true" />}>
      {on && <TourPanel />}
      {recording && <RecorderPanel />}
    </Suspense>
  );
}
