import { describe, expect, it } from 'vitest';
import { createSession } from '../../store/session';
import { raft } from '../../protocols/raft';
import { applyLocks } from './locks';

const happy = raft.scenarios.find((s) => s.name === 'happy-path')!;

function recorded() {
  const store = createSession(happy);
  store.getState().recordAhead(() => false, 5000);
  return store;
}

describe('embed locks', () => {
  it('edit lock: no fault, command, pick, schedule switch, other run or dialog changes anything', () => {
    const store = recorded();
    const control = applyLocks(store, { lockEdit: true, range: null });
    store.getState().seekStep(20);
    const before = JSON.stringify(store.getState().sim.scenario);
    const revision = store.getState().revision;
    const s = store.getState();
    s.act({ do: 'crash', node: 'n1' });
    s.setSchedule('manual');
    s.load(raft.scenarios[1]!);
    s.replace(raft.scenarios[1]!);
    s.openDialog('partition');
    expect(JSON.stringify(store.getState().sim.scenario)).toBe(before);
    expect(store.getState().revision).toBe(revision);
    expect(store.getState().dialog).toBeNull();
    expect(store.getState().frame.step).toBe(20);
    // Looking around is still allowed.
    store.getState().stepForward();
    expect(store.getState().frame.step).toBe(21);
    // A tour's task step may open editing; then the crash is recorded.
    control.setEditing(true);
    store.getState().act({ do: 'crash', node: 'n1' });
    expect(store.getState().sim.scenario.actions.some((a) => a.do === 'crash' && a.node === 'n1')).toBe(true);
    expect(store.getState().revision).toBeGreaterThan(revision);
  });

  it('step range: the cursor starts inside and every move stays within [from, to]', () => {
    const store = recorded();
    const head = store.getState().sim.eventCount;
    expect(head).toBeGreaterThan(60);
    applyLocks(store, { lockEdit: false, range: { from: 10, to: 40 } });
    expect(store.getState().frame.step).toBe(10);
    store.getState().seekStep(100);
    expect(store.getState().frame.step).toBe(40);
    store.getState().stepForward();
    expect(store.getState().frame.step).toBe(40);
    store.getState().seekStep(2);
    expect(store.getState().frame.step).toBe(10);
    store.getState().stepBack();
    expect(store.getState().frame.step).toBe(10);
    store.getState().seekTime(1e9);
    expect(store.getState().frame.step).toBe(40);
    store.getState().seekTime(0);
    expect(store.getState().frame.step).toBe(10);
  });

  it('step range: playing stops at the range end, and Play there starts the range again', () => {
    const store = recorded();
    applyLocks(store, { lockEdit: false, range: { from: 10, to: 40 } });
    const s = store.getState();
    s.setSpeed(1);
    s.play();
    for (let i = 0; i < 100 && store.getState().playing; i++) store.getState().tick(50);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().frame.step).toBe(40);
    store.getState().play();
    expect(store.getState().frame.step).toBe(10);
    expect(store.getState().playing).toBe(true);
    // togglePlay goes through the same (locked) play.
    store.getState().pause();
    store.getState().seekStep(40);
    store.getState().togglePlay();
    expect(store.getState().frame.step).toBe(10);
  });

  it('without locks, nothing changes', () => {
    const store = recorded();
    applyLocks(store, { lockEdit: false, range: null });
    store.getState().seekStep(100);
    expect(store.getState().frame.step).toBe(100);
    store.getState().openDialog('partition');
    expect(store.getState().dialog).toBe('partition');
  });
});
