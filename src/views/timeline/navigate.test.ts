import { describe, expect, it } from 'vitest';
import { createSession } from '../../store/session';
import { linkCompare } from '../../store/compare';
import { twopc } from '../../protocols/twopc';
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
