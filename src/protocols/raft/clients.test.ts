/** Raft's clients: writes answered once applied, reads through ReadIndex, the no-op, and the
 * two bug switches, driven event by event. */
import { describe, expect, it } from 'vitest';
import { ctx, leaderOfTerm1, send, sends, start, type Step } from './testDriver';
import { parseWrite, valueAt } from './clients';
import type { RaftInput } from './machine';

const outputs = (s: Step) => s.actions.filter((a) => a.type === 'output').map((a) => (a.params as { data: Record<string, unknown> }).data);
const ack = (s: Step, from: string, matchIndex: number, round?: number) =>
  send(s, { type: 'AppendEntriesResponse', from, term: 1, success: true, matchIndex, ...(round === undefined ? {} : { round }) });

describe('the key-value state machine', () => {
  it('reads the last write of a key in the applied prefix', () => {
    const log = [{ term: 1, command: 'x=1' }, { term: 1, command: 'no-op' }, { term: 1, command: 'put x 2' }, { term: 1, command: 'y=3' }];
    expect(valueAt(log, 4, 'x')).toBe('2');
    expect(valueAt(log, 2, 'x')).toBe('1');
    expect(valueAt(log, 4, 'z')).toBeNull();
    expect(parseWrite('no-op')).toBeNull();
  });
});

describe('writes are answered after commit, never on append (Figure 2)', () => {
  it('the leader answers ok only when the entry commits', () => {
    let s = send(leaderOfTerm1(), { type: 'ClientRequest', command: 'x=1', op: 'a1' });
    expect(outputs(s)).toEqual([{ type: 'accepted', op: 'a1', f: 'put', key: 'x', value: '1', index: 1, term: 1 }]);
    s = ack(s, 'n2', 1);
    expect(outputs(s)).toEqual([]);
    s = ack(s, 'n3', 1);
    expect(ctx(s).commitIndex).toBe(1);
    expect(outputs(s)).toEqual([{ type: 'ok', op: 'a1', index: 1 }]);
    expect(ctx(s).waiting).toEqual([]);
  });

  it('with ack-on-append the leader says ok at once', () => {
    const s = send(leaderOfTerm1({ ackOnAppend: true }), { type: 'ClientRequest', command: 'x=1', op: 'a1' });
    expect(outputs(s)).toEqual([{ type: 'ok', op: 'a1', f: 'put', key: 'x', value: '1', index: 1 }]);
  });

  it('a deposed leader whose entry is overwritten tells the client it failed', () => {
    let s = send(leaderOfTerm1(), { type: 'ClientRequest', command: 'x=1', op: 'a1' });
    s = send(s, { type: 'AppendEntries', from: 'n3', term: 2, leaderId: 'n3', prevLogIndex: 0, prevLogTerm: 0, entries: [{ term: 2, command: 'no-op' }], leaderCommit: 1 });
    expect(s.snap.value).toBe('follower');
    expect(outputs(s)).toEqual([{ type: 'fail', op: 'a1', reason: 'entry 1 was overwritten by another leader' }]);
  });

  it('a deposed leader whose entry a later leader commits still answers ok', () => {
    let s = send(leaderOfTerm1(), { type: 'ClientRequest', command: 'x=1', op: 'a1' });
    s = send(s, { type: 'AppendEntries', from: 'n3', term: 2, leaderId: 'n3', prevLogIndex: 1, prevLogTerm: 1, entries: [{ term: 2, command: 'no-op' }], leaderCommit: 2 });
    expect(outputs(s)).toEqual([{ type: 'ok', op: 'a1', index: 1 }]);
  });
});

describe('reads through ReadIndex (section 8, dissertation 6.4)', () => {
  const leader = (over: Partial<RaftInput> = {}) => {
    // A leader with the no-op committed: it knows what is committed in its term.
    let s = leaderOfTerm1({ leaderNoop: true, ...over });
    expect(ctx(s).log).toEqual([{ term: 1, command: 'no-op' }]);
    s = ack(ack(s, 'n2', 1), 'n3', 1);
    expect(ctx(s).commitIndex).toBe(1);
    return s;
  };

  it('waits for a majority to answer a heartbeat round sent after the read', () => {
    let s = send(leader(), { type: 'ClientRead', key: 'x', op: 'a2' });
    expect(outputs(s)).toEqual([{ type: 'accepted-read', op: 'a2', f: 'get', key: 'x' }]);
    expect(sends(s).map((m) => m.msg.round)).toEqual([1, 1, 1, 1]);
    // An answer to an older heartbeat (no round) does not confirm the read.
    s = ack(s, 'n2', 1);
    s = ack(s, 'n3', 1);
    expect(outputs(s)).toEqual([]);
    s = ack(s, 'n2', 1, 1);
    expect(outputs(s)).toEqual([]);
    s = ack(s, 'n4', 1, 1);
    expect(outputs(s)).toEqual([{ type: 'ok', op: 'a2', value: null }]);
    expect(ctx(s).reads).toEqual([]);
  });

  it('followers echo the round', () => {
    const s = send(start(), { type: 'AppendEntries', from: 'n1', term: 1, leaderId: 'n1', prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0, round: 7 });
    expect(sends(s)[0]!.msg).toEqual({ type: 'AppendEntriesResponse', term: 1, success: true, matchIndex: 0, round: 7 });
  });

  it('does not serve before its own term has a committed entry', () => {
    let s = send(leaderOfTerm1({ leaderNoop: true }), { type: 'ClientRead', key: 'x', op: 'a2' });
    s = ack(ack(s, 'n2', 0, 1), 'n3', 0, 1);
    expect(outputs(s)).toEqual([]);
    s = ack(s, 'n2', 1, 1);
    expect(outputs(s)).toEqual([]);
    s = ack(s, 'n3', 1, 1);
    expect(outputs(s)).toEqual([{ type: 'ok', op: 'a2', value: null }]);
  });

  it('a leader that steps down fails its waiting reads', () => {
    let s = send(leader(), { type: 'ClientRead', key: 'x', op: 'a2' });
    s = send(s, { type: 'RequestVote', from: 'n3', term: 2, candidateId: 'n3', lastLogIndex: 1, lastLogTerm: 1 });
    expect(s.snap.value).toBe('follower');
    expect(outputs(s)).toEqual([{ type: 'fail', op: 'a2', reason: 'no longer the leader' }]);
  });

  it('with stale-read the leader answers at once from its own state', () => {
    const s = send(leader({ staleRead: true }), { type: 'ClientRead', key: 'x', op: 'a2' });
    expect(outputs(s)).toEqual([{ type: 'ok', op: 'a2', f: 'get', key: 'x', value: null }]);
    expect(sends(s)).toEqual([]);
  });

  it('a follower redirects a read', () => {
    const s = send(start(), { type: 'ClientRead', key: 'x', op: 'a2' });
    expect(outputs(s)).toEqual([{ type: 'redirect', op: 'a2', f: 'get', key: 'x', leaderHint: null }]);
  });
});
