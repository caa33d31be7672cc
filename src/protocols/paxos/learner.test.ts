import { describe, expect, it } from 'vitest';
import { learnerMachine, type LearnerContext, type LearnerInput } from './learner';
import { drive } from './testDrive';

const m = drive<LearnerContext, LearnerInput>(learnerMachine);
const b2 = (acc: string, bal: number, val: string) => ({ type: '2b', acc, bal, val, from: acc });

describe('Paxos learner', () => {
  it('learns once a quorum of distinct acceptors voted for one value in one ballot', () => {
    let s = m.start({ id: 'l1', quorum: 2, countMessages: false });
    s = m.send(s, b2('a1', 1, 'v1'));
    s = m.send(s, b2('a1', 1, 'v1'));
    expect(s.ctx.learned).toBeNull();
    // Votes in different ballots do not add up.
    s = m.send(s, b2('a2', 3, 'v1'));
    expect(s.ctx.learned).toBeNull();
    s = m.send(s, b2('a2', 1, 'v1'));
    expect(s.ctx.learned).toBe('v1');
    expect(s.ctx.acceptances).toEqual({ '1:v1': ['a1', 'a2'], '3:v1': ['a2'] });
  });

  it('keeps what it learned', () => {
    let s = m.start({ id: 'l1', quorum: 1, countMessages: false });
    s = m.send(m.send(s, b2('a1', 1, 'v1')), b2('a2', 2, 'v9'));
    expect(s.ctx.learned).toBe('v1');
  });

  it('learner-counts-messages: a duplicated 2b counts twice', () => {
    let s = m.start({ id: 'l1', quorum: 2, countMessages: true });
    s = m.send(m.send(s, b2('a1', 1, 'v1')), b2('a1', 1, 'v1'));
    expect(s.ctx.learned).toBe('v1');
  });
});
