import { describe, expect, it } from 'vitest';
import { VoteLedger } from './votes';

const A = ['a1', 'a2', 'a3'];
const fresh = () => new VoteLedger(A, 2);
const maxBals = (m: Record<string, number>) => (a: string) => m[a] ?? -1;

describe('the ghost vote ledger (Voting.tla)', () => {
  it('chooses a value when a quorum votes for it in one ballot, and remembers when', () => {
    const l = fresh();
    l.record('a1', 1, 'v1', 3, 30);
    expect(l.chosen()).toEqual([]);
    // Votes for one value in different ballots do not add up.
    l.record('a2', 2, 'v1', 4, 40);
    expect(l.chosen()).toEqual([]);
    expect(l.record('a1', 1, 'v1', 5, 50)).toBe(false);
    l.record('a2', 1, 'v1', 6, 60);
    expect(l.chosen()).toEqual([{ value: 'v1', ballot: 1, seq: 6, time: 60, voters: ['a1', 'a2'] }]);
    expect(l.isChosen('v1')).toBe(true);
  });

  it('finds two values in one ballot (OneValuePerBallot)', () => {
    const l = fresh();
    l.record('a1', 1, 'v1', 0, 0);
    expect(l.twoValuesInOneBallot()).toBeNull();
    l.record('a2', 1, 'v2', 1, 0);
    expect(l.twoValuesInOneBallot()).toEqual({ bal: 1, values: ['v1', 'v2'] });
  });

  it('SafeAt: a vote in ballot 2 for v2 is unsafe while v1 may still be chosen in ballot 1', () => {
    const l = fresh();
    l.record('a1', 1, 'v1', 0, 0);
    l.record('a2', 1, 'v1', 0, 0);
    l.record('a3', 2, 'v2', 0, 0);
    // a1 and a2 voted v1 in ballot 1: no quorum can say "v2 or cannot vote" at ballot 1.
    expect(l.unsafeVote(maxBals({ a1: 1, a2: 2, a3: 2 }))).toMatchObject({ acc: 'a3', bal: 2, val: 'v2', below: 1 });
  });

  it('SafeAt: a vote is safe when a quorum promised past every lower ballot without voting there', () => {
    const l = fresh();
    l.record('a1', 1, 'v1', 0, 0);
    l.record('a3', 2, 'v2', 0, 0);
    // a2 and a3 promised 2 and did not vote in 1 (or 0): v2 is safe at 2.
    expect(l.unsafeVote(maxBals({ a1: 1, a2: 2, a3: 2 }))).toBeNull();
    // If a2 forgets its promise, ballot 1 is open again and a3's vote is no longer safe.
    expect(l.unsafeVote(maxBals({ a1: 1, a2: -1, a3: 2 }))).toMatchObject({ acc: 'a3', below: 1 });
  });

  it('SafeAt at a high ballot checks the empty ballots below it too', () => {
    const l = fresh();
    l.record('a1', 9, 'v1', 0, 0);
    expect(l.unsafeBelow(9, 'v1', maxBals({ a1: 9, a2: 9 }))).toBeNull();
    // Only a1 is past ballot 8: a quorum could still vote something else there.
    expect(l.unsafeBelow(9, 'v1', maxBals({ a1: 9, a2: 8 }))).toBe(8);
    expect(l.unsafeBelow(0, 'v1', maxBals({}))).toBeNull();
  });
});
