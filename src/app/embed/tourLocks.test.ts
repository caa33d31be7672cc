/** A tour in an edit-locked embed: it opens its run through the lock, its task step opens
 * editing (Show me records the crash), its other steps keep the lock, and other runs stay out. */
import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../../store/session';
import { tourStore } from '../../store/tour';
import { raft } from '../../protocols/raft';
import { raftElection } from '../../scenario/tour/builtin/raftElection';
import { applyLocks } from './locks';
import { followTourLocks } from './tourLocks';

afterEach(() => tourStore.getState().leave());

describe('tour locks in an embed', () => {
  it('opens the tour run, opens editing only on task, branch and sandbox steps', () => {
    const store = createSession(raft.scenarios.find((s) => s.name === 'happy-path')!);
    const control = applyLocks(store, { lockEdit: true, range: null });
    const stop = followTourLocks(control, tourStore, true);
    tourStore.getState().start(raftElection, store);
    expect(store.getState().sim.scenario.name).toBe('tour-election');
    expect(tourStore.getState().played).toHaveLength(1);
    expect(control.editing()).toBe(false);
    // Another run is still refused while the tour plays.
    store.getState().replace(raft.scenarios[1]!);
    expect(store.getState().sim.scenario.name).toBe('tour-election');
    // Forward to the task (crash the leader): editing opens; Show me records the crash.
    tourStore.getState().goTo(raftElection.steps.findIndex((s) => s.id === 'crash'));
    expect(tourStore.getState().tour!.steps[tourStore.getState().played.at(-1)!.index]!.kind).toBe('task');
    expect(control.editing()).toBe(true);
    const leader = tourStore.getState().played.at(-1)!.bindings.L!;
    tourStore.getState().showMe();
    expect(store.getState().sim.scenario.actions.some((a) => a.do === 'crash' && a.node === leader)).toBe(true);
    // The next step (an ask) locks again.
    tourStore.getState().next();
    expect(control.editing()).toBe(false);
    store.getState().act({ do: 'crash', node: 'n2' });
    expect(store.getState().sim.scenario.actions.some((a) => a.do === 'crash' && a.node === 'n2')).toBe(false);
    stop();
  });

  it('does nothing to an unlocked embed', () => {
    const store = createSession(raft.scenarios[0]!);
    const control = applyLocks(store, { lockEdit: false, range: null });
    const stop = followTourLocks(control, tourStore, false);
    try {
      tourStore.getState().start(raftElection, store);
      expect(control.editing()).toBe(true);
      // On through a task and the ask after it: an unlocked frame stays open to editing.
      tourStore.getState().goTo(raftElection.steps.findIndex((s) => s.id === 'crash'));
      tourStore.getState().showMe();
      tourStore.getState().next();
      expect(control.editing()).toBe(true);
    } finally {
      stop();
      tourStore.getState().leave();
    }
  });
});
