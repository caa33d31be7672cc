import { describe, expect, it } from 'vitest';
import { raft } from '../../protocols/raft';
import { createSession } from '../../store/session';
import type { Scenario } from '../../scenario/types';
import type { TraceEvent } from '../../sim/types';
import { changedNames, diffState, sameJson, stateBefore, stepChange } from './diff';

/** The whole run of a scenario, through the store as the app has it. */
function runAll(scenario: Scenario) {
  const store = createSession(scenario);
  store.getState().seekStep(1e9);
  return store.getState().sim;
}

const e = (seq: number, node: string | undefined, state?: Record<string, unknown>): TraceEvent => ({ seq, time: seq, kind: 'deliver', ...(node ? { node } : {}), ...(state ? { state } : {}) });

describe('diffState', () => {
  it('marks changed scalars with their old value, and nothing else', () => {
    const d = diffState({ role: 'follower', currentTerm: 3, votedFor: null, commitIndex: 2 }, { role: 'candidate', currentTerm: 4, votedFor: 'n2', commitIndex: 2 });
    expect([...d.keys()]).toEqual(['role', 'currentTerm', 'votedFor']);
    expect(d.get('currentTerm')).toEqual({ kind: 'changed', old: 3 });
    expect(d.get('votedFor')).toEqual({ kind: 'changed', old: null });
    expect(d.has('commitIndex')).toBe(false);
  });

  it('marks log entries added, replaced and removed', () => {
    const a = { term: 1, command: 'a' };
    const b = { term: 1, command: 'b' };
    const c = { term: 2, command: 'c' };
    expect(diffState({ log: [a] }, { log: [a, b, c] }).get('log')).toEqual({ kind: 'entries', added: [1, 2], replaced: new Map(), removed: [] });
    expect(diffState({ log: [a, b, b] }, { log: [a, c] }).get('log')).toEqual({ kind: 'entries', added: [], replaced: new Map([[1, b]]), removed: [{ index: 2, old: b }] });
    expect(diffState({ log: [a, b] }, { log: [a, { ...b }] }).has('log')).toBe(false);
  });

  it('compares peer maps key by key, and names fields that appear or go', () => {
    const d = diffState({ role: 'leader', nextIndex: { n2: 3, n3: 1 } }, { role: 'leader', nextIndex: { n2: 3, n3: 2 }, matchIndex: { n2: 2, n3: 1 } });
    expect(d.get('nextIndex')).toEqual({ kind: 'keys', keys: new Map([['n3', { kind: 'changed', old: 1 }]]) });
    expect(d.get('matchIndex')).toEqual({ kind: 'added' });
    const back = diffState({ role: 'leader', nextIndex: { n2: 3 } }, { role: 'follower' });
    expect(back.get('nextIndex')).toEqual({ kind: 'removed', old: { n2: 3 } });
  });

  it('treats other values as changed as a whole', () => {
    expect(diffState({ x: { deep: { a: 1 } } }, { x: { deep: { a: 2 } } }).get('x')).toEqual({ kind: 'changed', old: { deep: { a: 1 } } });
    expect(diffState({ x: [1] }, { x: 'one' }).get('x')).toEqual({ kind: 'changed', old: [1] });
    expect(sameJson({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
  });

  it('summarizes the change', () => {
    const d = diffState({ currentTerm: 1, log: [1, 2, 3] }, { currentTerm: 2, log: [1, 9, 3, 4] });
    expect(changedNames(d)).toEqual(['currentTerm', 'log +1 ~1']);
  });
});

describe('the state before an event', () => {
  const events = [e(0, 'n1', { t: 0 }), e(1, 'n2', { t: 10 }), e(2, 'n1'), e(3, undefined), e(4, 'n1', { t: 1 }), e(5, 'n2', { t: 11 })];

  it('is the latest earlier event of that node with a state', () => {
    expect(stateBefore(events, events[4]!, 'n1')).toEqual({ t: 0 });
    expect(stateBefore(events, events[5]!, 'n2')).toEqual({ t: 10 });
    expect(stateBefore(events, events[0]!, 'n1')).toBeUndefined();
  });

  it('gives a change only when the last event touched the node', () => {
    expect(stepChange(events, events[4]!, 'n1', { t: 1 })).toEqual({ kind: 'diff', seq: 4, diff: new Map([['t', { kind: 'changed', old: 0 }]]) });
    expect(stepChange(events, events[4]!, 'n2', { t: 10 })).toEqual({ kind: 'untouched' });
    expect(stepChange(events, events[2]!, 'n1', { t: 0 })).toEqual({ kind: 'untouched' });
    expect(stepChange(events, events[0]!, 'n1', { t: 0 })).toEqual({ kind: 'first', seq: 0 });
    expect(stepChange(events, null, 'n1', { t: 0 })).toEqual({ kind: 'untouched' });
  });

  it('shows an election in a real run: currentTerm up by one, the vote for itself', () => {
    const sim = runAll(raft.scenarios.find((s) => s.name === 'leader-crash')!);
    const k = sim.events.findIndex((ev) => ev.state?.role === 'candidate' && ev.kind === 'timer' && (ev.state.currentTerm as number) >= 2);
    expect(k).toBeGreaterThan(0);
    const ev = sim.events[k]!;
    const change = stepChange(sim.events, ev, ev.node!, ev.state!);
    expect(change.kind).toBe('diff');
    if (change.kind !== 'diff') return;
    const term = ev.state!.currentTerm as number;
    expect(change.diff.get('currentTerm')).toEqual({ kind: 'changed', old: term - 1 });
    expect(change.diff.get('votedFor')).toMatchObject({ kind: 'changed' });
    expect(change.diff.get('role')).toEqual({ kind: 'changed', old: 'follower' });
  });
});
