/**
 * A tour in an edit-locked embed (docs/embed.md): the tour's own run opens through the lock, and
 * its task, branch and sandbox steps open editing while they last (the student crashes the
 * leader, "Show me" records the demo, a choice forks the run); every other step keeps the lock.
 */
import type { StoreApi } from 'zustand';
import type { TourState } from '../../store/tour';
import type { StepKind } from '../../scenario/tour/types';
import type { LockControl } from './locks';

const OPENS_EDITING: ReadonlySet<StepKind> = new Set(['task', 'branch', 'sandbox']);

/** Follows the tour store while the embed is edit-locked; returns the unsubscribe. */
export function followTourLocks(control: LockControl, tours: StoreApi<TourState>, lockEdit: boolean): () => void {
  if (!lockEdit) return () => {};
  let opened: TourState['tour'] = null;
  const update = (s: TourState) => {
    if (s.tour !== opened) {
      opened = s.tour;
      const wanted = s.tour ? JSON.stringify(s.tour.scenario) : null;
      control.allowRun(wanted === null ? null : (scenario) => JSON.stringify(scenario) === wanted);
    }
    const cur = s.played.at(-1);
    const kind = cur && s.tour ? s.tour.steps[cur.index]?.kind : undefined;
    control.setEditing(kind !== undefined && OPENS_EDITING.has(kind));
  };
  update(tours.getState());
  return tours.subscribe(update);
}
