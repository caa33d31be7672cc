import { describe, expect, it } from 'vitest';
import { createSession } from '../../store/session';
import { compareWith, linkCompare } from '../../store/compare';
import { twopc } from '../../protocols/twopc';
import { raft } from '../../protocols/raft';
import { goTo, goWhere } from './navigate';

describe('violation jumps in compare mode', () => {
  it('stop at the compared run’s violations too, by time', () => {
    const first = createSession(twopc.scenarios.find((s) => s.name === 'compare-partition')!);
    const second = linkCompare(first)!.store;
    first.getState().seekStep(1e9);
    const at = second.getState().sim.events[second.getState().sim.violations[0]!.seq]!.time;
    first.getState().seekStep(0);
    // The first run has no violation: without the second there is nowhere to go.
    expect(goWhere(first.getState(), 'nextViolation')).toBeNull();
    expect(goWhere(first.getState(), 'nextViolation', second.getState())).toEqual({ time: at });
    expect(goTo(first.getState(), 'nextViolation', second.getState())).toBe(true);
    expect(first.getState().frame.time).toBe(at);
    expect(second.getState().frame.violations).toHaveLength(1);
    expect(goWhere(first.getState(), 'nextViolation', second.getState())).toBeNull();
    first.getState().seekTime(800);
    expect(goWhere(first.getState(), 'prevViolation', second.getState())).toEqual({ time: at });
  });
});

describe('End in a long run', () => {
  it('records one budget ahead and says where it stopped; pressed again it goes further', () => {
    const long = { ...raft.scenarios.find((s) => s.name === 'happy-path')!, until: 10_000_000 };
    const store = createSession(long);
    expect(goTo(store.getState(), 'end')).toBe(true);
    const first = store.getState();
    expect(first.sim.done).toBe(false);
    expect(first.frame.step).toBe(first.sim.eventCount);
    expect(first.notice).toMatchObject({ kind: 'info', key: 'newcomer.endAhead', detail: Math.floor(first.sim.current.time).toLocaleString('en') });
    const was = first.frame.time;
    expect(goTo(store.getState(), 'end')).toBe(true);
    expect(store.getState().frame.time).toBeGreaterThan(was);
  });
});

describe('V with nothing ahead (walk-through item 3)', () => {
  it('searches without recording: the run keeps its extent, and a later find records only up to it', () => {
    const store = createSession({ ...raft.scenarios.find((s) => s.name === 'happy-path')!, until: 600_000 });
    store.getState().seekStep(300);
    const head = store.getState().sim.eventCount;
    const time = store.getState().frame.time;
    expect(goTo(store.getState(), 'nextViolation')).toBe(false);
    expect(store.getState().sim.eventCount).toBe(head);
    expect(store.getState().frame.head).toBe(head);
    expect(store.getState().frame.time).toBe(time);
    expect(store.getState().notice).toMatchObject({ key: 'newcomer.nothingAhead' });
    // Pressed again, the search goes on from where it stopped (further in simulated time).
    const first = Number(String(store.getState().notice!.detail).replace(/,/g, ''));
    goTo(store.getState(), 'nextViolation');
    expect(Number(String(store.getState().notice!.detail).replace(/,/g, ''))).toBeGreaterThan(first);
    expect(store.getState().sim.eventCount).toBe(head);
  });

  it('a violation ahead is recorded up to its step, not to the search horizon', () => {
    const store = createSession(raft.scenarios.find((s) => s.name === 'figure-8-bug')!);
    expect(goTo(store.getState(), 'nextViolation')).toBe(true);
    const { sim, frame } = store.getState();
    const v = sim.violations[0]!;
    expect(frame.step).toBe(v.seq + 1);
    expect(sim.eventCount).toBe(v.seq + 1);
  });
});

describe('V in compare mode with nothing to find', () => {
  it('searches both runs up to one horizon and names that one time', () => {
    const free = { ...raft.scenarios.find((s) => s.name === 'happy-path')!, until: 10_000_000 };
    const first = createSession(compareWith(free, 'zab', []));
    const second = linkCompare(first)!.store;
    const recorded = first.getState().sim.current.time;
    expect(goTo(first.getState(), 'nextViolation', second.getState())).toBe(false);
    const notice = first.getState().notice!;
    expect(notice).toMatchObject({ kind: 'info', key: 'walk.compare.nothingAhead' });
    const horizon = Number(String(notice.detail).replace(/,/g, ''));
    // It looked past what End recorded, and the compared run was searched at least that far,
    // never past the horizon by more than its last event.
    expect(horizon).toBeGreaterThan(recorded);
    expect(second.getState().sim.current.time).toBeGreaterThanOrEqual(horizon);
    expect(second.getState().sim.violations).toHaveLength(0);
  });
});

describe('V in compare mode with a violation ahead (review)', () => {
  it('records the run only up to the violation it lands on, and the compared run no further', () => {
    const sc = raft.scenarios.find((s) => s.name === 'stale-read-bug')!;
    const first = createSession(compareWith(sc, 'raft', []));
    const second = linkCompare(first)!.store;
    goTo(first.getState(), 'nextViolation', second.getState());
    const { sim, frame } = first.getState();
    const v = sim.violations[0]!;
    expect(frame.step).toBe(v.seq + 1);
    expect(sim.eventCount).toBe(v.seq + 1);
    expect(second.getState().sim.current.time).toBeLessThanOrEqual(sim.events[v.seq]!.time);
  });
});
