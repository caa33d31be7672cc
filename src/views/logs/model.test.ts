import { describe, expect, it } from 'vitest';
import type { Message, Violation } from '../../sim/types';
import { entriesOf, eventParts, findMessage, invariantStatuses, logColumns, readLog } from './model';

const msg = (id: number): Message => ({ id, from: 'n1', to: 'n2', type: 'AppendEntries', payload: { type: 'AppendEntries', term: 1 }, sentAt: 10, arriveAt: 30 });

describe('readLog', () => {
  it('reads a Raft log with its commit index', () => {
    const log = readLog({ log: [{ term: 1, command: 'x=1' }, { term: 2, command: 'y=2' }], commitIndex: 1 });
    expect(entriesOf(log!)).toEqual([{ term: 1, command: 'x=1' }, { term: 2, command: 'y=2' }]);
    expect(log!.commitIndex).toBe(1);
    expect(log!.at(0)).toBeUndefined();
    expect(log!.at(3)).toBeUndefined();
  });

  it('returns null without a log, and clamps a missing or wild commit index', () => {
    expect(readLog({ role: 'acceptor', maxBal: 3 })).toBeNull();
    expect(readLog({ log: [{ term: 1, command: 'a' }] })?.commitIndex).toBe(0);
    expect(readLog({ log: [{ term: 1, command: 'a' }], commitIndex: 9 })?.commitIndex).toBe(1);
    expect(readLog({ log: [], commitIndex: -2 })?.commitIndex).toBe(0);
  });

  it('tolerates entries without a term or with a structured command', () => {
    const log = readLog({ log: [{ command: { op: 'put', k: 'x' } }, { term: 3, value: 'v' }, 'raw'], commitIndex: 0 })!;
    expect(entriesOf(log)).toEqual([
      { term: null, command: '{"op":"put","k":"x"}' },
      { term: 3, command: '{"value":"v"}' },
      { term: null, command: '"raw"' },
    ]);
  });

  it('is cached by state identity', () => {
    const state = { log: [{ term: 1, command: 'x' }], commitIndex: 1 };
    expect(readLog(state)).toBe(readLog(state));
    expect(readLog({ ...state })).not.toBe(readLog(state));
  });

  it('counts columns as the longest log', () => {
    expect(logColumns([{ log: [] }, { log: [{ term: 1, command: 'a' }, { term: 1, command: 'b' }] }, { role: 'x' }])).toBe(2);
    expect(logColumns([{ role: 'x' }])).toBe(0);
  });
});

describe('findMessage', () => {
  it('finds in flight first, then among the lost, else null', () => {
    const inFlight = [{ message: msg(1), blocked: null }, { message: msg(2), blocked: 'partition' as const }];
    const lost = [{ message: msg(3), reason: 'dropped', at: 40 }];
    expect(findMessage(1, inFlight, lost)?.status).toEqual({ kind: 'inFlight', blocked: null });
    expect(findMessage(2, inFlight, lost)?.status).toEqual({ kind: 'inFlight', blocked: 'partition' });
    expect(findMessage(3, inFlight, lost)).toEqual({ message: msg(3), status: { kind: 'lost', reason: 'dropped' } });
    expect(findMessage(4, inFlight, lost)).toBeNull();
  });
});

describe('invariantStatuses', () => {
  const invs = [
    { id: 'a', name: 'A', description: 'a holds', source: 'paper' },
    { id: 'b', name: 'B', description: 'b holds', source: 'spec' },
  ];
  const vb: Violation = { seq: 9, invariant: 'b', message: 'b broke', nodes: ['n2'] };
  const va: Violation = { seq: 20, invariant: 'a', message: 'a broke' };

  it('pairs each invariant with its violation at the cursor', () => {
    const out = invariantStatuses(invs, [vb], [vb, va]);
    expect(out.map((s) => [s.id, s.violation?.seq ?? null, s.ahead?.seq ?? null])).toEqual([
      ['a', null, 20],
      ['b', 9, null],
    ]);
  });

  it('keeps violations of unknown invariants', () => {
    const out = invariantStatuses(invs, [{ seq: 1, invariant: 'zz', message: 'm' }]);
    expect(out).toHaveLength(3);
    expect(out[2]).toMatchObject({ id: 'zz', name: 'zz', violation: { seq: 1 } });
  });
});

describe('eventParts', () => {
  it('names the message, timer, node and reason', () => {
    expect(eventParts({ seq: 3, time: 5, kind: 'lost', node: 'n2', message: msg(1), reason: 'partition' })).toEqual({
      node: 'n2',
      message: 'AppendEntries n1 → n2',
      reason: 'partition',
    });
    expect(eventParts({ seq: 4, time: 6, kind: 'timer', node: 'n1', timer: 'heartbeat' })).toEqual({ node: 'n1', timer: 'heartbeat' });
  });
});
