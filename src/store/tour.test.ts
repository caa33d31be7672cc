/** The tour player over a real session: forward, back (exact), asks, tasks, branches, progress. */
import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from './session';
import { tourStore } from './tour';
import { tourProgressSource } from './tourProgress';
import { raftElection } from '../scenario/tour/builtin/raftElection';
import { DEFAULT_SETTINGS, freeCluster } from './settings';

const ids = () => tourStore.getState().played.map((p) => raftElection.steps[p.index]!.id);
const cursor = (s: ReturnType<typeof createSession>) => ({ step: s.getState().frame.step, time: s.getState().frame.time });

afterEach(() => tourStore.getState().leave());

describe('tour player', () => {
  it('opens the run, steps forward and back exactly, and leaving keeps the run', () => {
    const session = createSession(freeCluster(DEFAULT_SETTINGS));
    tourStore.getState().start(raftElection, session);
    expect(session.getState().sim.scenario.name).toBe('tour-election');
    expect(ids()).toEqual(['intro']);
    const t = tourStore.getState();
    t.next();
    t.next();
    t.next();
    expect(ids()).toEqual(['intro', 'predict', 'candidate', 'elected']);
    const elected = cursor(session);
    const leader = tourStore.getState().played.at(-1)!.bindings.L!;
    expect(session.getState().frame.nodes.find((n) => n.id === leader)?.state.role).toBe('leader');
    t.next();
    const sim = session.getState().sim;
    t.back();
    expect(cursor(session)).toEqual(elected);
    // Back seeks the same run: nothing was re-simulated.
    expect(session.getState().sim).toBe(sim);
    t.leave();
    expect(session.getState().sim).toBe(sim);
    expect(cursor(session)).toEqual(elected);
  });

  it('leaving marks the run title left: the top bar no longer names a tour that is gone', () => {
    const session = createSession(freeCluster(DEFAULT_SETTINGS));
    tourStore.getState().start(raftElection, session);
    expect(session.getState().runTitle).toEqual({ scenario: 'tour-election', text: raftElection.title });
    tourStore.getState().leave();
    expect(session.getState().runTitle).toEqual({ scenario: 'tour-election', text: raftElection.title, left: true });
  });

  it('an ask step is answered by playing ahead; progress reports the student answer', () => {
    const session = createSession(freeCluster(DEFAULT_SETTINGS));
    tourStore.getState().start(raftElection, session);
    tourStore.getState().next();
    const truth = tourStore.getState().truth.predict!;
    expect(truth).toMatch(/^n[1-5]$/);
    tourStore.getState().answer('n1');
    tourStore.getState().next();
    expect(tourStore.getState().played.at(-1)!.bindings.C).toBe(truth);
    expect(tourProgressSource.get()).toMatchObject({ tourId: 'raft-election', step: 2, steps: raftElection.steps.length, answers: { predict: 'n1' }, completed: false });
  });

  it('a task is done when the student acts, and the next steps follow their run', () => {
    const session = createSession(freeCluster(DEFAULT_SETTINGS));
    tourStore.getState().start(raftElection, session);
    tourStore.getState().goTo(5);
    expect(ids().at(-1)).toBe('crash');
    const L = tourStore.getState().played.at(-1)!.bindings.L!;
    session.getState().act({ do: 'crash', node: L });
    expect(tourStore.getState().done.crash).toBeFalsy();
    for (let i = 0; i < 400 && !tourStore.getState().done.crash; i++) session.getState().stepForward();
    expect(tourStore.getState().done.crash).toBe(true);
    // Stopped where the task was completed: a new leader, which the next step names.
    const done = cursor(session);
    expect(session.getState().playing).toBe(false);
    expect(session.getState().frame.nodes.filter((n) => n.state.role === 'leader' && n.id !== L).length).toBe(1);
    tourStore.getState().next();
    const N = tourStore.getState().played.at(-1)!.bindings.N!;
    expect(N).not.toBe(L);
    expect(cursor(session)).toEqual(done);
  });

  it('after Show me on a task, Next never rewinds: the next step starts where the task was completed', () => {
    const session = createSession(freeCluster(DEFAULT_SETTINGS));
    tourStore.getState().start(raftElection, session);
    tourStore.getState().goTo(5);
    const crashAt = cursor(session);
    tourStore.getState().showMe();
    expect(tourStore.getState().done.crash).toBe(true);
    const done = cursor(session);
    expect(done.step).toBeGreaterThan(crashAt.step);
    const N = session.getState().frame.nodes.find((n) => n.state.role === 'leader')?.id;
    expect(N).toBeDefined();
    for (const id of ['new-leader', 'why-term', 'fork']) {
      tourStore.getState().next();
      expect(ids().at(-1)).toBe(id);
      expect(cursor(session).step).toBeGreaterThanOrEqual(done.step);
      expect(cursor(session).time).toBeGreaterThanOrEqual(done.time);
    }
    expect(tourStore.getState().played.at(-1)!.bindings.N).toBe(N);
    // The tour's own fork (the demo's crash in the past of the recorded run) raises no warning.
    expect(session.getState().notice?.key).not.toBe('notice.forked');
    // Back to the task shows its outcome.
    tourStore.getState().back();
    tourStore.getState().back();
    tourStore.getState().back();
    expect(ids().at(-1)).toBe('crash');
    expect(cursor(session)).toEqual(done);
  });

  it('goTo runs through a skipped task (its demo) and a branch (its first choice) to the end', () => {
    const session = createSession(freeCluster(DEFAULT_SETTINGS));
    let calls = 0;
    const stop = tourProgressSource.subscribe(() => calls++);
    tourStore.getState().start(raftElection, session);
    tourProgressSource.goTo(raftElection.steps.length - 1);
    expect(ids()).toEqual(['intro', 'predict', 'candidate', 'elected', 'heartbeats', 'crash', 'new-leader', 'why-term', 'fork', 'rejoin', 'sandbox']);
    expect(tourProgressSource.get().completed).toBe(true);
    expect(calls).toBeGreaterThan(3);
    tourProgressSource.goTo(4);
    expect(ids().at(-1)).toBe('heartbeats');
    stop();
  });
});

describe('tour files', () => {
  it('a tour file opens and plays; a broken one returns what is wrong', async () => {
    const { openTourText, isTourText } = await import('./tourFile');
    const { tourToJson } = await import('../scenario/tour/codec');
    const session = createSession(freeCluster(DEFAULT_SETTINGS));
    const text = tourToJson(raftElection);
    expect(isTourText(text)).toBe(true);
    expect(await openTourText(session, text)).toBeNull();
    expect(tourStore.getState().tour?.id).toBe('raft-election');
    expect(await openTourText(session, text.replace('"narrate"', '"dance"'))).toEqual(['steps[0].kind: must be one of narrate, wait, ask, task, branch, sandbox, got "dance"']);
  });
});
