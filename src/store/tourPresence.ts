/**
 * Whether a tour is playing or being recorded, for the views that are always on screen (the
 * side panel's slot, the timeline's span): they follow this small store, not the tour stores,
 * so that the tour player, the recorder and the tour format stay out of the first load until a
 * tour starts (issue 17). The tour stores report here whenever they change.
 */
import { createStore } from 'zustand/vanilla';

export interface TourPresence {
  touring: boolean;
  recording: boolean;
}

export const tourPresence = createStore<TourPresence>()(() => ({ touring: false, recording: false }));

/** Called by the tour stores on every change; notifies only when a flag flips. */
export function reportTourPresence(flags: Partial<TourPresence>): void {
  const now = tourPresence.getState();
  if (Object.entries(flags).some(([k, v]) => now[k as keyof TourPresence] !== v)) tourPresence.setState(flags);
}
