import { describe, expect, it } from 'vitest';
import { createSession } from '../../store/session';
import { raft } from '../../protocols/raft';
import { historyModel, opText } from './model';

describe('history view model', () => {
  it('stale-read-bug: lanes per client and the violation core marked', () => {
    const store = createSession(raft.scenarios.find((s) => s.name === 'stale-read-bug')!);
    store.getState().seekStep(1e9);
    const sim = store.getState().sim;
    const m = historyModel(raft, sim.events, sim.violations, sim.eventCount);
    expect(m.lanes.map((l) => [l.client, l.ops.map(opText)])).toEqual([['n1', ['put x=1', 'get x → 1']], ['n3', ['put x=2']]]);
    expect(m.violating.size).toBe(3);
    expect(m.why).toMatch(/^key x:/);
    // Before the violation's event, nothing is marked.
    const before = historyModel(raft, sim.events, sim.violations, sim.violations[0]!.seq);
    expect(before.violating.size).toBe(0);
  });
});
