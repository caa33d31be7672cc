import { describe, expect, it } from 'vitest';
import { acceptorMachine, type AcceptorContext, type AcceptorInput } from './acceptor';
import { drive, sends } from './testDrive';

const m = drive<AcceptorContext, AcceptorInput>(acceptorMachine);
const input = (over: Partial<AcceptorInput> = {}): AcceptorInput => ({ id: 'a1', learners: ['l1'], nack: true, ...over });

describe('Paxos acceptor', () => {
  it('starts with maxBal = maxVBal = -1 and maxVal = None (Paxos.tla Init)', () => {
    expect(m.start(input()).ctx).toMatchObject({ maxBal: -1, maxVBal: -1, maxVal: null });
  });

  it('Phase1b: promises a higher ballot and reports its latest vote', () => {
    let s = m.send(m.start(input({ durable: { maxBal: 3, maxVBal: 3, maxVal: 'v1' } })), { type: '1a', bal: 5, from: 'p1' });
    expect(s.ctx.maxBal).toBe(5);
    expect(sends(s)).toEqual([{ to: 'p1', msg: { type: '1b', acc: 'a1', bal: 5, mbal: 3, mval: 'v1' } }]);
    // m.bal > maxBal strictly: the same ballot again (a duplicated 1a) is ignored.
    s = m.send(s, { type: '1a', bal: 5, from: 'p1' });
    expect(sends(s)).toEqual([]);
  });

  it('refuses a lower 1a or 2a with a Nack carrying its promise, and stays silent with nacks off', () => {
    const s = m.send(m.start(input()), { type: '1a', bal: 4, from: 'p2' });
    expect(sends(m.send(s, { type: '1a', bal: 3, from: 'p1' }))).toEqual([{ to: 'p1', msg: { type: 'Nack', acc: 'a1', bal: 3, maxBal: 4 } }]);
    expect(sends(m.send(s, { type: '2a', bal: 3, val: 'v1', from: 'p1' }))).toEqual([{ to: 'p1', msg: { type: 'Nack', acc: 'a1', bal: 3, maxBal: 4 } }]);
    const quiet = m.send(m.start(input({ nack: false })), { type: '1a', bal: 4, from: 'p2' });
    expect(sends(m.send(quiet, { type: '1a', bal: 3, from: 'p1' }))).toEqual([]);
    expect(m.send(quiet, { type: '2a', bal: 3, val: 'v1', from: 'p1' }).ctx).toMatchObject({ maxBal: 4, maxVBal: -1, maxVal: null });
  });

  it('Phase2b: votes in a ballot at or above its promise and tells the proposer and every learner', () => {
    const s = m.send(m.send(m.start(input({ learners: ['l1', 'l2'] })), { type: '1a', bal: 2, from: 'p2' }), { type: '2a', bal: 2, val: 'v2', from: 'p2' });
    expect(s.ctx).toMatchObject({ maxBal: 2, maxVBal: 2, maxVal: 'v2' });
    expect(sends(s).map((x) => x.to)).toEqual(['p2', 'l1', 'l2']);
    expect(sends(s)[0]!.msg).toEqual({ type: '2b', acc: 'a1', bal: 2, val: 'v2' });
    // A 2a above the promise needs no phase 1 here: voting raises maxBal too.
    expect(m.send(s, { type: '2a', bal: 7, val: 'v2', from: 'p1' }).ctx).toMatchObject({ maxBal: 7, maxVBal: 7 });
  });

  it('restarts from its durable state', () => {
    expect(m.start(input({ durable: { maxBal: 6, maxVBal: 4, maxVal: 'x' } })).ctx).toMatchObject({ maxBal: 6, maxVBal: 4, maxVal: 'x' });
  });
});
