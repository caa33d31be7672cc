import { describe, expect, it } from 'vitest';
import { backoffWindow, ballotAfter, proposerMachine, valueToPropose, type ProposerContext, type ProposerDurable, type ProposerInput } from './proposer';
import { drive, kernel, sends } from './testDrive';
import { durable } from './observe';

const m = drive<ProposerContext, ProposerInput>(proposerMachine);
const input = (over: Partial<ProposerInput> = {}): ProposerInput => ({
  id: 'p2',
  index: 1,
  proposers: 2,
  acceptors: ['a1', 'a2', 'a3'],
  quorum: 2,
  backoff: [10, 60],
  retryTimeout: 200,
  ignoreVotes: false,
  ...over,
});
const propose = (value: string, at = 0) => ({ type: 'Propose', value, at });
const promise = (acc: string, bal: number, mbal = -1, mval: string | null = null) => ({ type: '1b', acc, bal, mbal, mval, from: acc });
const accepted = (acc: string, bal: number, val: string) => ({ type: '2b', acc, bal, val, from: acc });
const phase = (s: { snap: { value: unknown } }) => s.snap.value;

describe('proposer helpers', () => {
  it('picks the highest-ballot vote among the promises, else its own value (Phase2a)', () => {
    expect(valueToPropose([], 'mine')).toBe('mine');
    expect(valueToPropose([{ acc: 'a1', mbal: -1, mval: null }], 'mine')).toBe('mine');
    expect(valueToPropose([{ acc: 'a1', mbal: 2, mval: 'x' }, { acc: 'a2', mbal: 5, mval: 'y' }, { acc: 'a3', mbal: -1, mval: null }], 'mine')).toBe('y');
  });
  it('moves above everything tried or heard of, within its own ballot set', () => {
    expect(ballotAfter({ index: 1, proposers: 2, highestTried: -1, maxSeen: -1 })).toBe(2);
    expect(ballotAfter({ index: 1, proposers: 2, highestTried: 2, maxSeen: 7 })).toBe(8);
    expect(ballotAfter({ index: 0, proposers: 3, highestTried: 4, maxSeen: 5 })).toBe(7);
  });
  it('doubles the backoff window per preemption, at most sixteenfold', () => {
    expect(backoffWindow([10, 60], 1)).toEqual([10, 60]);
    expect(backoffWindow([10, 60], 2)).toEqual([10, 110]);
    expect(backoffWindow([10, 60], 9)).toEqual([10, 810]);
  });
});

describe('Paxos proposer', () => {
  it('Phase1a: takes a value, persists its ballot and asks every acceptor', () => {
    const s = m.send(m.start(input()), propose('v2', 40));
    expect(phase(s)).toBe('p1');
    expect(s.ctx).toMatchObject({ curBal: 2, highestTried: 2, value: 'v2', pending: ['p2@40#1'], ops: 1 });
    expect(sends(s)).toEqual(['a1', 'a2', 'a3'].map((to) => ({ to, msg: { type: '1a', bal: 2 } })));
    expect(kernel(s, 'output')).toEqual([{ data: { type: 'proposing', op: 'p2@40#1', value: 'v2' } }]);
    expect(kernel(s, 'setTimer')).toEqual([{ name: 'retry', delay: 200 }]);
  });

  it('counts distinct acceptors and adopts the highest reported vote (Phase2a)', () => {
    let s = m.send(m.start(input()), propose('v2'));
    s = m.send(s, promise('a1', 2, 1, 'v1'));
    s = m.send(s, promise('a1', 2, 1, 'v1'));
    expect(phase(s)).toBe('p1');
    // A promise for another ballot does not count.
    s = m.send(s, promise('a3', 4));
    expect(s.ctx.promises.map((p) => p.acc)).toEqual(['a1']);
    s = m.send(s, promise('a2', 2));
    expect(phase(s)).toBe('p2');
    expect(s.ctx.proposedVal).toBe('v1');
    expect(sends(s)).toEqual(['a1', 'a2', 'a3'].map((to) => ({ to, msg: { type: '2a', bal: 2, val: 'v1' } })));
  });

  it('ignore-promised-votes: proposes its own value whatever the promises say', () => {
    let s = m.send(m.start(input({ ignoreVotes: true })), propose('v2'));
    s = m.send(m.send(s, promise('a1', 2, 1, 'v1')), promise('a2', 2));
    expect(s.ctx.proposedVal).toBe('v2');
  });

  it('learns its value is chosen from a quorum of 2b and answers every waiting client', () => {
    let s = m.send(m.start(input()), propose('v2', 0));
    s = m.send(s, propose('v7', 3));
    s = m.send(m.send(s, promise('a1', 2)), promise('a2', 2));
    s = m.send(s, accepted('a1', 2, 'v2'));
    s = m.send(s, accepted('a1', 2, 'v2'));
    expect(phase(s)).toBe('p2');
    s = m.send(s, accepted('a3', 2, 'v2'));
    expect(phase(s)).toBe('done');
    expect(s.ctx.chosen).toBe('v2');
    expect(kernel(s, 'output')).toEqual([{ data: { type: 'chosen', ops: ['p2@0#1', 'p2@3#2'], value: 'v2' } }]);
    // Later proposals are answered at once with the chosen value.
    const again = m.send(s, propose('v9', 50));
    expect(kernel(again, 'output')).toEqual([{ data: { type: 'proposing', op: 'p2@50#3', value: 'v9' } }, { data: { type: 'chosen', ops: ['p2@50#3'], value: 'v2' } }]);
  });

  it('a Nack for its ballot preempts it: random backoff, then a ballot above the one reported', () => {
    let s = m.send(m.start(input()), propose('v2'));
    s = m.send(s, { type: 'Nack', acc: 'a1', bal: 2, maxBal: 5, from: 'a1' });
    expect(phase(s)).toBe('backoff');
    expect(kernel(s, 'setTimer')).toEqual([{ name: 'backoff', min: 10, max: 60 }]);
    // The other acceptors' Nacks for the same ballot do not restart the wait.
    expect(kernel(m.send(s, { type: 'Nack', acc: 'a2', bal: 2, maxBal: 5, from: 'a2' }), 'setTimer')).toEqual([]);
    s = m.send(s, { type: 'backoff' });
    expect(phase(s)).toBe('p1');
    expect(s.ctx.curBal).toBe(6);
    // Preempted again: the window doubles.
    s = m.send(s, { type: 'Nack', acc: 'a1', bal: 6, maxBal: 7, from: 'a1' });
    expect(kernel(s, 'setTimer')).toEqual([{ name: 'backoff', min: 10, max: 110 }]);
  });

  it('a stale Nack (for an older ballot) is only noted', () => {
    let s = m.send(m.start(input()), propose('v2'));
    s = m.send(s, { type: 'Nack', acc: 'a1', bal: 0, maxBal: 3, from: 'a1' });
    expect(phase(s)).toBe('p1');
    expect(s.ctx.maxSeen).toBe(3);
  });

  it('retries after retryTimeout without a quorum', () => {
    let s = m.send(m.start(input()), propose('v2'));
    s = m.send(s, { type: 'retry' });
    expect(phase(s)).toBe('backoff');
    s = m.send(s, { type: 'backoff' });
    expect(s.ctx.curBal).toBe(4);
  });

  it('restarts from its highest tried ballot, idle, with no value', () => {
    const s = m.start(input({ durable: { highestTried: 8, ops: 3 } }));
    expect(phase(s)).toBe('idle');
    expect(s.ctx).toMatchObject({ highestTried: 8, ops: 3, value: null });
    expect(m.send(s, propose('v', 1)).ctx.curBal).toBe(10);
  });

  // Regression: no test failed when durable() dropped highestTried. A proposer that forgets its
  // ballot may reuse it after a restart, and late 1b replies from before the crash can then
  // complete a quorum for a second 2a in that ballot (OneValuePerBallot broken).
  it('keeps the ballot it tried on disk through a crash: the restarted proposer moves above it', () => {
    let s = m.send(m.start(input()), propose('v2'));
    s = m.send(m.send(s, promise('a1', 2)), promise('a2', 2));
    expect(phase(s)).toBe('p2');
    const disk = durable(s.snap) as ProposerDurable;
    expect(disk.highestTried).toBe(2);
    const again = m.send(m.start(input({ durable: disk })), propose('v9', 5));
    expect(again.ctx.curBal).toBe(4);
    expect(sends(again).map((x) => x.msg.bal)).toEqual([4, 4, 4]);
  });
});
