/** Each invariant fails on a state (or history) that breaks it and passes on a good one. */
import { describe, expect, it } from 'vitest';
import type { Invariant, NodeView, TraceEvent } from '../types';
import { zabInvariants } from './invariants';
import type { ZabObservable } from './observe';
import type { Txn } from './types';

const t = (e: number, c: number, v = `v${e}.${c}`): Txn => ({ zxid: [e, c], value: v });
const inv = (id: string): Invariant => zabInvariants.find((i) => i.id === id)!;
const base: ZabObservable = { state: 'FOLLOWING', role: 'follower', zabState: 'BROADCAST', acceptedEpoch: 1, currentEpoch: 1, history: [], logged: 0, lastCommitted: 0, leader: 'n3', round: 1, vote: { leader: 'n3', zxid: [0, 0], epoch: 0 }, anomalies: [] };
const server = (id: string, patch: Partial<ZabObservable>): NodeView => ({ id, role: 'server', up: true, paused: false, state: { ...base, ...patch } });

/** Feeds a run of steps (node states after each event, optional sent proposals) to a fresh
 * checker; returns the first failure. */
function feed(i: Invariant, steps: { node: string; views: NodeView[]; sent?: Txn[] }[]): string | null {
  const check = i.create({ nodes: ['n1', 'n2', 'n3'], params: { bugs: [] } });
  let seq = 0;
  for (const s of steps) {
    const nodes = new Map(s.views.map((v) => [v.id, v]));
    const event: TraceEvent = { seq: seq++, time: seq, kind: 'deliver', node: s.node, state: nodes.get(s.node)?.state };
    if (s.sent) event.sent = s.sent.map((x, k) => ({ id: k, from: s.node, to: 'n1', type: 'PROPOSE', payload: { type: 'PROPOSE', mtxn: x, conn: '0.1', n: k + 1 }, sentAt: seq, arriveAt: seq + 1 }));
    const f = check({ event, nodes });
    if (f) return f.message;
  }
  return null;
}

describe('Zab invariants', () => {
  it('prefix consistency compares committed prefixes only', () => {
    const a = server('n1', { history: [t(1, 1), t(1, 2)], lastCommitted: 2 });
    const b = server('n2', { history: [t(1, 1), t(2, 1)], lastCommitted: 1 });
    expect(feed(inv('prefix-consistency'), [{ node: 'n1', views: [a, b] }])).toBeNull();
    const c = server('n2', { history: [t(1, 1), t(2, 1)], lastCommitted: 2 });
    expect(feed(inv('prefix-consistency'), [{ node: 'n2', views: [a, c] }])).toMatch(/index 2/);
  });

  it('one established leader per epoch remembers leaders that crashed', () => {
    const l1 = server('n1', { state: 'LEADING', zabState: 'SYNCHRONIZATION', currentEpoch: 2 });
    const l2 = server('n2', { state: 'LEADING', zabState: 'BROADCAST', currentEpoch: 2 });
    const gone = { ...l1, up: false, state: { ...l1.state, state: 'LOOKING' } };
    expect(feed(inv('one-leader-per-epoch'), [{ node: 'n1', views: [l1] }, { node: 'n2', views: [gone, l2] }])).toMatch(/n1 and n2 both established epoch 2/);
  });

  it('integrity: a follower delivers only what some leader broadcast', () => {
    const f = server('n1', { history: [t(1, 1)], lastCommitted: 1 });
    expect(feed(inv('integrity'), [{ node: 'n3', views: [], sent: [t(1, 1)] }, { node: 'n1', views: [f] }])).toBeNull();
    const forged = server('n1', { history: [t(1, 1, 'forged')], lastCommitted: 1 });
    expect(feed(inv('integrity'), [{ node: 'n3', views: [], sent: [t(1, 1)] }, { node: 'n1', views: [forged] }])).toMatch(/no leader ever broadcast/);
  });

  it('agreement: two servers that each delivered something the other never did', () => {
    const a = server('n1', { history: [t(1, 1)], lastCommitted: 1 });
    const b = server('n2', { history: [t(1, 2)], lastCommitted: 1 });
    expect(feed(inv('agreement'), [{ node: 'n1', views: [a, b] }, { node: 'n2', views: [a, b] }])).toMatch(/neither delivered/);
  });

  it('total order holds across a restart: the ghost keeps what was delivered before it', () => {
    const before = server('n1', { history: [t(1, 1), t(1, 2)], lastCommitted: 2 });
    const restarted = server('n1', { history: [t(1, 1), t(1, 2)], lastCommitted: 0 });
    const after = server('n1', { history: [t(1, 1), t(2, 1)], lastCommitted: 2 });
    expect(feed(inv('total-order'), [{ node: 'n1', views: [before] }, { node: 'n1', views: [restarted] }, { node: 'n1', views: [after] }])).toMatch(/where it had delivered \(1,2\)/);
  });

  it('local primary order: b broadcast after a in one epoch is not delivered without a', () => {
    const f = server('n1', { history: [t(1, 2)], lastCommitted: 1 });
    expect(feed(inv('local-primary-order'), [{ node: 'n3', views: [server('n3', { state: 'LEADING' })], sent: [t(1, 1), t(1, 2)] }, { node: 'n1', views: [f] }])).toMatch(/broadcast \(1,1\)=v1\.1 before \(1,2\)/);
  });

  it('global primary order: an earlier epoch is delivered first', () => {
    const f = server('n1', { history: [t(2, 1), t(1, 5)], lastCommitted: 2 });
    expect(feed(inv('global-primary-order'), [{ node: 'n1', views: [f] }])).toMatch(/after \(2,1\)/);
  });

  it('leader log completeness: an established leader lacks a committed txn', () => {
    const f = server('n1', { history: [t(1, 1), t(1, 2)], lastCommitted: 2 });
    const l = server('n2', { state: 'LEADING', zabState: 'SYNCHRONIZATION', currentEpoch: 2, history: [t(1, 1)] });
    expect(feed(inv('leader-log-completeness'), [{ node: 'n1', views: [f] }, { node: 'n2', views: [{ ...f, up: false }, l] }])).toMatch(/leader n2 of epoch 2/);
    const older = server('n2', { state: 'LEADING', zabState: 'BROADCAST', currentEpoch: 1, history: [t(1, 1)] });
    // A leader cut off in epoch 1 need not hold what epoch 2 committed later.
    const later = server('n1', { history: [t(1, 1), t(2, 1)], lastCommitted: 2, currentEpoch: 2 });
    expect(feed(inv('leader-log-completeness'), [{ node: 'n1', views: [later, older] }])).toBeNull();
  });

  it('primary integrity: a connected follower delivered an old-epoch txn its leader did not', () => {
    const l = server('n2', { state: 'LEADING', zabState: 'BROADCAST', currentEpoch: 2, history: [t(1, 1)], lastCommitted: 1, ackeRecv: ['n2', 'n1'] });
    const f = server('n1', { leader: 'n2', history: [t(1, 1), t(1, 2)], lastCommitted: 2 });
    expect(feed(inv('primary-integrity'), [{ node: 'n1', views: [l, f] }])).toMatch(/of an earlier epoch/);
  });

  it('should-not-be-triggered reports a newly flagged arrival once', () => {
    const ok = server('n1', {});
    const bad = server('n1', { anomalies: ['commitInconsistent'] });
    const check = inv('should-not-be-triggered');
    expect(feed(check, [{ node: 'n1', views: [ok] }, { node: 'n1', views: [bad] }])).toBe('n1 reached a state the protocol rules out (broadcast)');
  });
});
