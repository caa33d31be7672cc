import { describe, expect, it } from 'vitest';
import type { InvariantCheck, NodeView, TraceEvent } from '../types';
import { twoPcInvariants } from './invariants';
import type { TwoPcObservable } from './observe';

/** n1 is the TM; n2, n3 are RMs. An update gives a node's whole map, as "tx:state" strings. */
type Update = [node: string, txs: string[]];

function state(node: string, txs: string[]): TwoPcObservable {
  const map = Object.fromEntries(txs.map((t) => t.split(':') as [string, string]));
  return node === 'n1' ? { role: 'coordinator', tmState: map as never, tmPrepared: {} } : { role: 'participant', rmState: map as never, abortNext: false };
}

/** Feeds states to one invariant, one event per update, and returns the first failure. */
function runInvariant(id: string, updates: Update[], nodes = ['n1', 'n2', 'n3']): string | null {
  const check: InvariantCheck = twoPcInvariants.find((i) => i.id === id)!.create({ nodes, params: { bugs: [] } });
  const views = new Map<string, NodeView>(nodes.map((n) => [n, { id: n, role: n === 'n1' ? 'coordinator' : 'participant', up: true, paused: false, state: state(n, []) }]));
  let seq = 0;
  for (const [node, txs] of updates) {
    views.set(node, { ...views.get(node)!, state: state(node, txs) });
    const failure = check({ event: { seq: seq++, time: 0, kind: 'deliver', node } as TraceEvent, nodes: views });
    if (failure) return failure.message;
  }
  return null;
}

describe('2PC invariants on hand-built histories', () => {
  it('TCConsistent remembers decisions over the whole run, per transaction', () => {
    expect(runInvariant('tc-consistent', [['n2', ['t1:committed', 't2:aborted']], ['n3', ['t1:committed', 't2:aborted']]])).toBeNull();
    expect(runInvariant('tc-consistent', [['n2', ['t1:committed']], ['n2', []], ['n3', ['t1:aborted']]])).toBe('t1: n2 committed and n3 aborted');
    // The TM is not an RM: TCConsistent speaks of RMs only.
    expect(runInvariant('tc-consistent', [['n1', ['t1:aborted']], ['n2', ['t1:committed']]])).toBeNull();
  });

  it('nothing commits before every RM prepared', () => {
    expect(runInvariant('commit-needs-all-prepared', [['n2', ['t1:prepared']], ['n3', ['t1:prepared']], ['n1', ['t1:committed']], ['n2', ['t1:committed']]])).toBeNull();
    expect(runInvariant('commit-needs-all-prepared', [['n2', ['t1:prepared']], ['n1', ['t1:committed']]])).toBe('n1 committed t1 before n3 prepared');
    // History, not the current state: n2 prepared once, then (a bug) forgot it.
    expect(runInvariant('commit-needs-all-prepared', [['n2', ['t1:prepared']], ['n2', []], ['n3', ['t1:prepared']], ['n1', ['t1:committed']]])).toBeNull();
    expect(runInvariant('commit-needs-all-prepared', [['n3', ['t1:prepared']], ['n2', ['t1:committed']]])).toBe('n2 committed t1 before n2 prepared');
  });

  it('a prepared RM aborts only after the TM or another RM aborted', () => {
    expect(runInvariant('abort-only-from-working', [['n2', ['t1:aborted']]])).toBeNull();
    expect(runInvariant('abort-only-from-working', [['n2', ['t1:prepared']], ['n1', ['t1:aborted']], ['n2', ['t1:aborted']]])).toBeNull();
    expect(runInvariant('abort-only-from-working', [['n3', ['t1:aborted']], ['n2', ['t1:prepared']], ['n2', ['t1:aborted']]])).toBeNull();
    expect(runInvariant('abort-only-from-working', [['n2', ['t1:prepared']], ['n2', []], ['n2', ['t1:aborted']]])).toBe(
      'n2 aborted t1 after voting Prepared, with no abort by the TM or another RM',
    );
  });

  it('decisions never change and are never forgotten; init and prepared may go', () => {
    expect(runInvariant('decisions-final', [['n1', ['t1:init']], ['n1', []], ['n2', ['t1:prepared']], ['n2', ['t1:aborted']], ['n1', ['t1:aborted']]])).toBeNull();
    expect(runInvariant('decisions-final', [['n1', ['t1:committed']], ['n1', []]])).toBe('n1 had committed t1, then forgot it');
    expect(runInvariant('decisions-final', [['n2', ['t1:committed', 't2:aborted']], ['n2', ['t1:committed', 't2:committed']]])).toBe('n2 had aborted t2, then changed to committed');
  });
});
