import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { advancedCommitIndex, type RaftContext } from './machine';
import { termAt } from './log';
import { ctx, leaderOfTerm1, send, sends, start, timers } from './testDriver';
import type { RaftEvent } from './messages';

describe('raft machine: elections', () => {
  it('starts as a follower with a randomized election timer from the kernel', () => {
    const s = start();
    expect(s.snap.value).toBe('follower');
    expect(timers(s)).toEqual([{ name: 'electionTimeout', min: 150, max: 300 }]);
  });

  it('on election timeout becomes candidate: increments term, votes for itself, asks every peer', () => {
    const s = send(start(), { type: 'electionTimeout' });
    expect(s.snap.value).toBe('candidate');
    expect(ctx(s)).toMatchObject({ currentTerm: 1, votedFor: 'n1', votesGranted: ['n1'] });
    expect(sends(s).map((m) => m.to)).toEqual(['n2', 'n3', 'n4', 'n5']);
    expect(sends(s)[0]!.msg).toEqual({ type: 'RequestVote', term: 1, candidateId: 'n1', lastLogIndex: 0, lastLogTerm: 0 });
  });

  it('becomes leader with a majority and sends heartbeats at once', () => {
    let s = send(start(), { type: 'electionTimeout' });
    s = send(s, { type: 'RequestVoteResponse', from: 'n2', term: 1, voteGranted: true });
    expect(s.snap.value).toBe('candidate');
    s = send(s, { type: 'RequestVoteResponse', from: 'n2', term: 1, voteGranted: true }); // duplicate: counted once
    expect(s.snap.value).toBe('candidate');
    s = send(s, { type: 'RequestVoteResponse', from: 'n3', term: 1, voteGranted: false });
    expect(s.snap.value).toBe('candidate');
    s = send(s, { type: 'RequestVoteResponse', from: 'n4', term: 1, voteGranted: true });
    expect(s.snap.value).toBe('leader');
    expect(sends(s).every((m) => m.msg.type === 'AppendEntries')).toBe(true);
    expect(s.actions.some((a) => a.type === 'cancelTimer' && (a.params as { name: string }).name === 'electionTimeout')).toBe(true);
    expect(timers(s)).toEqual([{ name: 'heartbeat', delay: 50 }]);
    expect(ctx(s).nextIndex).toEqual({ n2: 1, n3: 1, n4: 1, n5: 1 });
  });

  it('ignores votes from an earlier term', () => {
    let s = send(start(), { type: 'electionTimeout' });
    s = send(s, { type: 'electionTimeout' }); // term 2
    s = send(s, { type: 'RequestVoteResponse', from: 'n2', term: 1, voteGranted: true });
    s = send(s, { type: 'RequestVoteResponse', from: 'n3', term: 1, voteGranted: true });
    expect(s.snap.value).toBe('candidate');
    expect(ctx(s).votesGranted).toEqual(['n1']);
  });

  it('grants one vote per term and resets its timer only when granting', () => {
    let s = send(start(), { type: 'RequestVote', from: 'n2', term: 1, candidateId: 'n2', lastLogIndex: 0, lastLogTerm: 0 });
    expect(ctx(s)).toMatchObject({ currentTerm: 1, votedFor: 'n2' });
    expect(sends(s)[0]!.msg).toEqual({ type: 'RequestVoteResponse', term: 1, voteGranted: true });
    expect(timers(s)).toHaveLength(1);
    s = send(s, { type: 'RequestVote', from: 'n3', term: 1, candidateId: 'n3', lastLogIndex: 5, lastLogTerm: 1 });
    expect(sends(s)[0]!.msg).toMatchObject({ voteGranted: false });
    expect(timers(s)).toHaveLength(0);
    expect(ctx(s).votedFor).toBe('n2');
  });

  it('refuses a candidate whose log is less up to date (section 5.4.1)', () => {
    const s0 = start({ durable: { currentTerm: 3, votedFor: null, log: [{ term: 1, command: 'a' }, { term: 3, command: 'b' }] } });
    const older = send(s0, { type: 'RequestVote', from: 'n2', term: 4, candidateId: 'n2', lastLogIndex: 9, lastLogTerm: 2 });
    expect(sends(older)[0]!.msg).toMatchObject({ term: 4, voteGranted: false });
    const shorter = send(s0, { type: 'RequestVote', from: 'n2', term: 4, candidateId: 'n2', lastLogIndex: 1, lastLogTerm: 3 });
    expect(sends(shorter)[0]!.msg).toMatchObject({ voteGranted: false });
    const equal = send(s0, { type: 'RequestVote', from: 'n2', term: 4, candidateId: 'n2', lastLogIndex: 2, lastLogTerm: 3 });
    expect(sends(equal)[0]!.msg).toMatchObject({ voteGranted: true });
  });

  it('a leader seeing a newer term steps down and forgets its vote', () => {
    let s = leaderOfTerm1();
    s = send(s, { type: 'AppendEntriesResponse', from: 'n2', term: 7, success: false, matchIndex: 0 });
    expect(s.snap.value).toBe('follower');
    expect(ctx(s)).toMatchObject({ currentTerm: 7, votedFor: null });
    expect(s.actions.some((a) => a.type === 'cancelTimer' && (a.params as { name: string }).name === 'heartbeat')).toBe(true);
    expect(timers(s).map((t) => t.name)).toEqual(['electionTimeout']);
  });

  it('a candidate steps down when a leader of its own term appears', () => {
    let s = send(start(), { type: 'electionTimeout' });
    s = send(s, { type: 'AppendEntries', from: 'n3', term: 1, leaderId: 'n3', prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0 });
    expect(s.snap.value).toBe('follower');
    expect(ctx(s).leaderId).toBe('n3');
    expect(sends(s)[0]!.msg).toEqual({ type: 'AppendEntriesResponse', term: 1, success: true, matchIndex: 0 });
  });
});

describe('raft machine: replication', () => {
  const ae = (over: Record<string, unknown>): RaftEvent =>
    ({ type: 'AppendEntries', from: 'n2', term: 2, leaderId: 'n2', prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0, ...over }) as RaftEvent;
  const follower = () =>
    start({ durable: { currentTerm: 2, votedFor: null, log: [{ term: 1, command: 'a' }, { term: 1, command: 'b' }, { term: 2, command: 'c' }] } });

  it('rejects AppendEntries from a stale term without resetting its timer', () => {
    const s = send(follower(), ae({ term: 1 }));
    expect(sends(s)[0]!.msg).toEqual({ type: 'AppendEntriesResponse', term: 2, success: false, matchIndex: 0 });
    expect(timers(s)).toHaveLength(0);
  });

  it('fails the consistency check when prevLogIndex/prevLogTerm do not match', () => {
    const s = send(follower(), ae({ prevLogIndex: 3, prevLogTerm: 1 }));
    expect(sends(s)[0]!.msg).toMatchObject({ success: false });
    expect(timers(s)).toHaveLength(1);
    const beyond = send(follower(), ae({ prevLogIndex: 4, prevLogTerm: 2 }));
    expect(sends(beyond)[0]!.msg).toMatchObject({ success: false });
  });

  it('truncates a conflicting suffix and appends, then follows leaderCommit', () => {
    const s = send(follower(), ae({ prevLogIndex: 1, prevLogTerm: 1, entries: [{ term: 2, command: 'x' }], leaderCommit: 5 }));
    expect(ctx(s).log).toEqual([{ term: 1, command: 'a' }, { term: 2, command: 'x' }]);
    expect(ctx(s).commitIndex).toBe(2); // min(leaderCommit, index of last new entry)
    expect(sends(s)[0]!.msg).toEqual({ type: 'AppendEntriesResponse', term: 2, success: true, matchIndex: 2 });
  });

  it('keeps entries that follow a matching prefix (a stale, shorter AppendEntries truncates nothing)', () => {
    const f = follower();
    const s = send(f, ae({ prevLogIndex: 0, prevLogTerm: 0, entries: [{ term: 1, command: 'a' }] }));
    expect(ctx(s).log).toBe(ctx(f).log);
  });

  it('the leader backs off nextIndex on failure and retries at once', () => {
    let s = leaderOfTerm1();
    s = send(s, { type: 'ClientRequest', command: 'x', op: 'a1' });
    expect(ctx(s).nextIndex.n2).toBe(1);
    s = send(s, { type: 'ClientRequest', command: 'y', op: 'a2' });
    // Pretend n2 once had nextIndex 3: rejections walk it down, one entry at a time.
    s = { ...s, snap: { ...s.snap, context: { ...ctx(s), nextIndex: { ...ctx(s).nextIndex, n2: 3 } } } as typeof s.snap };
    s = send(s, { type: 'AppendEntriesResponse', from: 'n2', term: 1, success: false, matchIndex: 0 });
    expect(ctx(s).nextIndex.n2).toBe(2);
    expect(sends(s)[0]!.msg).toMatchObject({ type: 'AppendEntries', prevLogIndex: 1, prevLogTerm: 1, entries: [{ term: 1, command: 'y' }] });
    s = send(s, { type: 'AppendEntriesResponse', from: 'n2', term: 1, success: false, matchIndex: 0 });
    expect(ctx(s).nextIndex.n2).toBe(1);
    expect(sends(s)[0]!.msg).toMatchObject({ prevLogIndex: 0, entries: [{ term: 1, command: 'x' }, { term: 1, command: 'y' }] });
    // At 1 there is nothing to back off: no retry storm, the next heartbeat retries.
    s = send(s, { type: 'AppendEntriesResponse', from: 'n2', term: 1, success: false, matchIndex: 0 });
    expect(ctx(s).nextIndex.n2).toBe(1);
    expect(sends(s)).toEqual([]);
  });

  it('never backs off below what a follower is known to match (duplicated rejections)', () => {
    let s = leaderOfTerm1();
    s = send(s, { type: 'ClientRequest', command: 'x', op: 'a3' });
    s = send(s, { type: 'ClientRequest', command: 'y', op: 'a4' });
    s = send(s, { type: 'AppendEntriesResponse', from: 'n2', term: 1, success: true, matchIndex: 2 });
    expect(ctx(s).nextIndex.n2).toBe(3);
    s = send(s, { type: 'AppendEntriesResponse', from: 'n2', term: 1, success: false, matchIndex: 0 });
    expect(ctx(s).nextIndex.n2).toBe(3);
    expect(sends(s)).toEqual([]);
  });

  it('a leader ignores AppendEntries of its own term (a second leader exists only under a bug)', () => {
    const s = send(leaderOfTerm1(), { type: 'AppendEntries', from: 'n3', term: 1, leaderId: 'n3', prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0 });
    expect(s.snap.value).toBe('leader');
    expect(sends(s)).toEqual([]);
    const stale = send(leaderOfTerm1(), { type: 'AppendEntries', from: 'n3', term: 0, leaderId: 'n3', prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0 });
    expect(sends(stale)[0]!.msg).toEqual({ type: 'AppendEntriesResponse', term: 1, success: false, matchIndex: 0 });
  });

  it('commits its own term by majority; a stale success never lowers matchIndex', () => {
    let s = leaderOfTerm1();
    s = send(s, { type: 'ClientRequest', command: 'x', op: 'a5' });
    expect(s.actions.find((a) => a.type === 'output')!.params).toEqual({ data: { type: 'accepted', op: 'a5', f: 'put', key: 'x', value: '', index: 1, term: 1 } });
    s = send(s, { type: 'AppendEntriesResponse', from: 'n2', term: 1, success: true, matchIndex: 1 });
    expect(ctx(s).commitIndex).toBe(0);
    s = send(s, { type: 'AppendEntriesResponse', from: 'n3', term: 1, success: true, matchIndex: 1 });
    expect(ctx(s).commitIndex).toBe(1);
    s = send(s, { type: 'AppendEntriesResponse', from: 'n3', term: 1, success: true, matchIndex: 0 });
    expect(ctx(s).matchIndex.n3).toBe(1);
  });

  it('a follower answers a client with its leader hint', () => {
    let s = send(start(), ae({ leaderId: 'n2' }));
    s = send(s, { type: 'ClientRequest', command: 'x', op: 'a6' });
    expect(s.actions.find((a) => a.type === 'output')!.params).toEqual({ data: { type: 'redirect', op: 'a6', f: 'put', key: 'x', value: '', leaderHint: 'n2' } });
    expect(ctx(s).log).toEqual([]);
  });
});

describe('the commit rule of section 5.4.2', () => {
  const base = (commitPreviousTerm: boolean): RaftContext => ({
    ...(start().snap.context as RaftContext),
    currentTerm: 4,
    log: [{ term: 2, command: 'old' }],
    commitPreviousTerm,
  });
  const replicated = { n2: 1, n3: 1, n4: 0, n5: 0 };

  it('never commits an entry of an earlier term by counting replicas', () => {
    expect(advancedCommitIndex(base(false), replicated)).toBe(0);
  });
  it('does so with the commit-previous-term bug', () => {
    expect(advancedCommitIndex(base(true), replicated)).toBe(1);
  });
  it('commits the earlier entry indirectly once an entry of its own term is on a majority', () => {
    const c = { ...base(false), log: [{ term: 2, command: 'old' }, { term: 4, command: 'new' }] };
    expect(advancedCommitIndex(c, { n2: 2, n3: 2, n4: 0, n5: 0 })).toBe(2);
  });
});

describe('the commit rule, computed from the peers alone', () => {
  /** Figure 2's rule read literally: the largest N > commitIndex of the current term (any
   * term with the bug) that a majority holds, counting the leader. */
  function literal(ctx: RaftContext, matchIndex: Record<string, number>): number {
    const majority = Math.floor((ctx.peers.length + 1) / 2) + 1;
    for (let n = ctx.log.length; n > ctx.commitIndex; n--) {
      if (!ctx.commitPreviousTerm && termAt(ctx.log, n) !== ctx.currentTerm) continue;
      if (1 + ctx.peers.filter((p) => (matchIndex[p] ?? 0) >= n).length >= majority) return n;
    }
    return ctx.commitIndex;
  }

  it('agrees with the literal rule on random logs, replies and commit points', () => {
    const peers = ['n2', 'n3', 'n4', 'n5'];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 12 }).map((steps) => steps.reduce<number[]>((terms, d) => [...terms, (terms.at(-1) ?? 1) + d], [])),
        fc.array(fc.integer({ min: 0, max: 14 }), { minLength: 4, maxLength: 4 }),
        fc.nat(12),
        fc.boolean(),
        fc.integer({ min: 2, max: 5 }),
        (terms, matches, commit, bug, peerCount) => {
          const log = terms.map((term, i) => ({ term, command: `c${i}` }));
          const c: RaftContext = { ...(start().snap.context as RaftContext), peers: peers.slice(0, peerCount), log, currentTerm: terms.at(-1) ?? 1, commitIndex: Math.min(commit, log.length), commitPreviousTerm: bug };
          const matchIndex = Object.fromEntries(peers.map((p, i) => [p, Math.min(matches[i]!, log.length)]));
          expect(advancedCommitIndex(c, matchIndex)).toBe(literal(c, matchIndex));
        },
      ),
      { numRuns: 500, seed: 10 },
    );
  });
});
