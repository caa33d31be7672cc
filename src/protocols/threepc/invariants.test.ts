import { describe, expect, it } from 'vitest';
import type { InvariantCheck, NodeView, TraceEvent } from '../types';
import { threePcInvariants } from './invariants';
import type { ThreePcObservable } from './observe';

/** n1 is the coordinator; n2, n3 participate. An update gives a site's whole map as "tx:state". */
type Update = [node: string, txs: string[]];

function state(node: string, txs: string[]): ThreePcObservable {
  const map = Object.fromEntries(txs.map((t) => t.split(':') as [string, string])) as ThreePcObservable['state'];
  return node === 'n1' ? { role: 'coordinator', state: map, yes: {}, acks: {}, termination: {} } : { role: 'participant', state: map, termination: {}, abortNext: false };
}

function runInvariant(id: string, updates: Update[], nodes = ['n1', 'n2', 'n3']): string | null {
  const check: InvariantCheck = threePcInvariants.find((i) => i.id === id)!.create({ nodes, params: { bugs: [] } });
  const views = new Map<string, NodeView>(nodes.map((n) => [n, { id: n, role: n === 'n1' ? 'coordinator' : 'participant', up: true, paused: false, state: state(n, []) }]));
  let seq = 0;
  for (const [node, txs] of updates) {
    views.set(node, { ...views.get(node)!, state: state(node, txs) });
    const failure = check({ event: { seq: seq++, time: 0, kind: 'deliver', node } as TraceEvent, nodes: views });
    if (failure) return failure.message;
  }
  return null;
}

describe('3PC invariants on hand-built histories', () => {
  it('TCConsistent covers every site, the coordinator included', () => {
    expect(runInvariant('tc-consistent', [['n1', ['t1:c']], ['n2', ['t1:c']], ['n3', ['t1:w']]])).toBeNull();
    expect(runInvariant('tc-consistent', [['n1', ['t1:c']], ['n3', ['t1:a']]])).toBe('t1: n1 committed and n3 aborted');
  });

  it('nothing commits before every participant voted yes', () => {
    expect(runInvariant('commit-needs-all-yes', [['n2', ['t1:w']], ['n3', ['t1:p']], ['n1', ['t1:c']]])).toBeNull();
    expect(runInvariant('commit-needs-all-yes', [['n2', ['t1:w']], ['n1', ['t1:c']]])).toBe('n1 committed t1 before n3 voted yes');
  });

  it('c and a are final, across restarts', () => {
    expect(runInvariant('decisions-final', [['n2', ['t1:w']], ['n2', ['t1:p']], ['n2', ['t1:c']]])).toBeNull();
    expect(runInvariant('decisions-final', [['n2', ['t1:c']], ['n2', ['t1:a']]])).toBe('n2 had committed t1, then changed to aborted (a)');
    expect(runInvariant('decisions-final', [['n2', ['t1:a']], ['n2', []]])).toBe('n2 had aborted t1, then forgot it');
  });
});
