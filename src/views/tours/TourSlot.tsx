/** Where the tour panel goes: nothing (and no tour view code loaded) until a tour is on. */
import { Suspense } from 'react';
import { useStore } from 'zustand';
import { tourStore } from '../../store/tour';
import { lazyPanel } from '../protocolPanels';

const TourPanel = lazyPanel(() => import('./TourPanel'), 'TourPanel');

export function TourSlot() {
  const on = useStore(tourStore, (s) => s.tour !== null);
  if (!on) return null;
  return (
    <Suspense fallback={<div className="panel-loading" aria-busy="true" />}>
      <TourPanel />
    </Suspense>
  );
}
