import { describe, expect, it } from 'vitest';
import type { InvariantCheck, NodeView, TraceEvent } from '../types';
import { raftInvariants, logMatchingBreak } from './invariants';
import type { RaftObservable } from './observe';

type Partial = { role?: RaftObservable['role']; term?: number; log?: string[]; commit?: number; vote?: string | null; up?: boolean };

/** Builds a node's observed state; log entries are "command@term". */
function state(p: Partial): RaftObservable {
  return {
    role: p.role ?? 'follower',
    currentTerm: p.term ?? 1,
    votedFor: p.vote ?? null,
    log: (p.log ?? []).map((e) => ({ command: e.split('@')[0]!, term: Number(e.split('@')[1]) })),
    commitIndex: p.commit ?? 0,
    leaderId: null,
  };
}

/** Feeds states to one invariant, one event per update, and returns the first failure. */
function runInvariant(id: string, updates: [string, Partial][], nodes = ['n1', 'n2', 'n3']): string | null {
  const inv = raftInvariants.find((i) => i.id === id)!;
  const check: InvariantCheck = inv.create({ nodes, params: { bugs: [] } });
  const views = new Map<string, NodeView>(nodes.map((n) => [n, { id: n, role: 'server', up: true, paused: false, state: state({}) }]));
  let seq = 0;
  for (const [node, p] of updates) {
    views.set(node, { id: node, role: 'server', up: p.up ?? true, paused: false, state: state(p) });
    const failure = check({ event: { seq: seq++, time: 0, kind: 'deliver', node } as TraceEvent, nodes: views });
    if (failure) return failure.message;
  }
  return null;
}

describe('raft invariants on hand-built histories', () => {
  it('election safety remembers leaders across the whole run', () => {
    expect(runInvariant('election-safety', [['n1', { role: 'leader', term: 2 }], ['n1', { role: 'follower', term: 3 }], ['n2', { role: 'leader', term: 3 }]])).toBeNull();
    expect(runInvariant('election-safety', [['n1', { role: 'leader', term: 2 }], ['n1', { role: 'follower', term: 2 }], ['n2', { role: 'leader', term: 2 }]])).toBe('n1 and n2 both led term 2');
  });

  it('leader append-only allows appends and catches a rewrite within a term', () => {
    expect(runInvariant('leader-append-only', [['n1', { role: 'leader', log: ['a@1'] }], ['n1', { role: 'leader', log: ['a@1', 'b@1'] }]])).toBeNull();
    expect(runInvariant('leader-append-only', [['n1', { role: 'leader', log: ['a@1', 'b@1'] }], ['n1', { role: 'leader', log: ['a@1', 'c@1'] }]])).toMatch(/replaced entry 2 \(b@t1\) with c@t1/);
  });

  it('log matching: same term at an index means the same prefix', () => {
    expect(logMatchingBreak(state({ log: ['a@1', 'b@2'] }).log, state({ log: ['a@1', 'b@2', 'c@3'] }).log)).toBe(0);
    expect(logMatchingBreak(state({ log: ['a@1', 'b@2'] }).log, state({ log: ['a@1', 'x@3'] }).log)).toBe(0);
    expect(logMatchingBreak(state({ log: ['a@1', 'b@2'] }).log, state({ log: ['z@1', 'b@2'] }).log)).toBe(2);
    expect(logMatchingBreak(state({ log: ['x@1'] }).log, state({ log: ['y@1'] }).log)).toBe(1);
    expect(runInvariant('log-matching', [['n1', { log: ['a@1', 'b@2'] }], ['n2', { log: ['z@1', 'b@2'] }]])).toMatch(/same term at index 2 but differ at or before it/);
  });

  it('state machine safety: a committed index never changes, on any node', () => {
    const history: [string, Partial][] = [
      ['n1', { log: ['a@1'], commit: 1 }],
      ['n2', { log: ['b@2'], commit: 1, term: 2 }],
    ];
    expect(runInvariant('state-machine-safety', history)).toMatch(/index 1 is committed as a@t1 \(by n1\) but n2 holds b@t2/);
    expect(runInvariant('state-machine-safety', [['n1', { log: ['a@1'], commit: 1 }], ['n2', { log: ['a@1', 'b@2'], commit: 1, term: 2 }]])).toBeNull();
  });

  it('an entry stored on a majority in its term is committed even if no node marks it (section 5.3)', () => {
    // n1 leads term 2 and stores a@2 on n2: a majority of three, then n1 crashes unaware.
    const replicated: [string, Partial][] = [
      ['n1', { role: 'leader', term: 2, log: ['a@2'] }],
      ['n2', { term: 2, log: ['a@2'] }],
      ['n1', { role: 'leader', term: 2, log: ['a@2'], up: false }],
      ['n3', { role: 'leader', term: 3, log: ['b@3'] }],
    ];
    expect(runInvariant('leader-completeness', replicated)).toBe('leader n3 of term 3 lacks a@t2 at index 1, committed in term 2');
    // The same copies held in a later term (Figure 8's replication of an old entry) commit nothing.
    const oldEntry: [string, Partial][] = [
      ['n1', { role: 'leader', term: 3, log: ['a@2'] }],
      ['n2', { term: 3, log: ['a@2'] }],
      ['n3', { role: 'leader', term: 4, log: ['b@3'] }],
    ];
    expect(runInvariant('leader-completeness', oldEntry)).toBeNull();
  });

  it('terms never go back, and one vote per term survives restarts', () => {
    expect(runInvariant('term-monotonic', [['n1', { term: 3 }], ['n1', { term: 2 }]])).toBe("n1's term went from 3 back to 2");
    expect(runInvariant('one-vote-per-term', [['n1', { term: 3, vote: 'n2' }], ['n1', { term: 3, vote: null }], ['n1', { term: 3, vote: 'n3' }]])).toBe('n1 voted for n2 and then n3 in term 3');
    expect(runInvariant('one-vote-per-term', [['n1', { term: 3, vote: 'n2' }], ['n1', { term: 4, vote: 'n3' }]])).toBeNull();
  });
});
