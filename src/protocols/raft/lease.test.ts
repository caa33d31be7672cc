/**
 * Lease reads (dissertation section 6.4.1, lease.ts): the machine's rules one event at a time,
 * and the two curated scenarios' outcomes.
 */
import { describe, expect, it } from 'vitest';
import { ctx, leaderOfTerm1, send, sends, start, timers, type Step } from './testDriver';
import { runScenario } from '../../sim/simulation';
import { buildHistory } from '../../check/history';
import { raft } from '.';

const outputs = (s: Step) => s.actions.filter((a) => a.type === 'output').map((a) => (a.params as { data: { type: string; value?: unknown } }).data);
const lease = { leaseReads: true, leaseDriftBound: 1.2, leaderNoop: true };
const ack = (s: Step, from: string, round: number) => send(s, { type: 'AppendEntriesResponse', from, term: 1, success: true, matchIndex: 1, round });

describe('a leader with leases', () => {
  it('starts a lease timer for each round it sends, as long as the minimum timeout over the bound', () => {
    const s = leaderOfTerm1(lease);
    expect(sends(s).every((m) => m.msg.round === 1)).toBe(true);
    const t = s.actions.find((a) => a.type === 'setTimer' && (a.params as { name: string }).name === 'lease1')!.params as { delay: number; event: unknown };
    expect(t.delay).toBe(125); // 150 / 1.2
    expect(t.event).toEqual({ type: 'leaseExpired', term: 1, round: 1 });
    const next = send(s, { type: 'heartbeat' });
    expect(timers(next).map((x) => x.name)).toContain('lease2');
    expect(sends(next).every((m) => m.msg.round === 2)).toBe(true);
  });

  it('answers a read without a round only while a round a majority acknowledged is within its lease', () => {
    let s = leaderOfTerm1(lease);
    // One ack is not a majority of five: the read waits for a round of its own.
    s = send(ack(s, 'n2', 1), { type: 'ClientRead', key: 'x', op: 'r1' });
    expect(outputs(s).map((o) => o.type)).toEqual(['accepted-read']);
    expect(timers(s).map((x) => x.name)).toContain('lease2');
    // n3's ack of round 1 completes a majority (and commits the no-op): the lease holds, so
    // the next read sends nothing and is answered by a timer of no delay, at the same instant
    // once the events already due have run; the waiting one still waits for its round.
    s = ack(s, 'n3', 1);
    expect(ctx(s).reads.map((r) => r.op)).toEqual(['r1']);
    s = send(s, { type: 'ClientRead', key: 'x', op: 'r2' });
    expect(outputs(s)).toEqual([{ type: 'accepted-read', op: 'r2', f: 'get', key: 'x' }]);
    expect(sends(s)).toEqual([]);
    expect(timers(s)).toEqual([{ name: 'leaseRead:r2', delay: 0, event: { type: 'leaseRead', key: 'x', op: 'r2' } }]);
    s = send(s, { type: 'leaseRead', key: 'x', op: 'r2' });
    expect(outputs(s)).toEqual([{ type: 'ok', op: 'r2', value: null }]);
    expect(sends(s)).toEqual([]);
    // Round 2, acknowledged, answers r1 and renews the lease. Once its timer has fired too, no
    // acknowledged round has a lease left: back to a round per read.
    s = ack(ack(s, 'n2', 2), 'n3', 2);
    expect(outputs(s).map((o) => o.type)).toEqual(['ok']);
    s = send(send(s, { type: 'leaseExpired', term: 1, round: 1 }), { type: 'ClientRead', key: 'x', op: 'r3' });
    expect(timers(s).map((x) => x.name)).toEqual(['leaseRead:r3']);
    s = send(s, { type: 'leaseRead', key: 'x', op: 'r3' });
    expect(outputs(s).map((o) => o.type)).toEqual(['ok']);
    s = send(send(s, { type: 'leaseExpired', term: 1, round: 2 }), { type: 'ClientRead', key: 'x', op: 'r4' });
    expect(outputs(s).map((o) => o.type)).toEqual(['accepted-read']);
    expect(timers(s).map((x) => x.name)).toEqual(['lease3']);
    expect(sends(s).every((m) => m.msg.round === 3)).toBe(true);
  });

  it('takes a round for a lease read whose lease ran out before its timer (a pause), without a second invocation', () => {
    let s = ack(ack(leaderOfTerm1(lease), 'n2', 1), 'n3', 1);
    s = send(s, { type: 'ClientRead', key: 'x', op: 'r1' });
    expect(timers(s).map((x) => x.name)).toEqual(['leaseRead:r1']);
    // The overdue lease timer fires first, as it does when a paused leader resumes.
    s = send(send(s, { type: 'leaseExpired', term: 1, round: 1 }), { type: 'leaseRead', key: 'x', op: 'r1' });
    expect(outputs(s)).toEqual([]);
    expect(ctx(s).reads).toEqual([{ op: 'r1', key: 'x', round: 2 }]);
    expect(sends(s).map((m) => m.msg.round)).toEqual([2, 2, 2, 2]);
    expect(timers(s).map((x) => x.name)).toEqual(['lease2']);
  });

  it('fails a lease read whose timer finds it deposed', () => {
    let s = ack(ack(leaderOfTerm1(lease), 'n2', 1), 'n3', 1);
    s = send(s, { type: 'ClientRead', key: 'x', op: 'r1' });
    s = send(s, { type: 'AppendEntries', from: 'n4', term: 2, leaderId: 'n4', prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0, round: 1 });
    expect(s.snap.value).toBe('follower');
    s = send(s, { type: 'leaseRead', key: 'x', op: 'r1' });
    expect(outputs(s)).toEqual([{ type: 'fail', op: 'r1', reason: 'no longer the leader' }]);
  });

  it('ignores the lease timers of an earlier term', () => {
    let s = ack(ack(leaderOfTerm1(lease), 'n2', 1), 'n3', 1);
    s = send(s, { type: 'leaseExpired', term: 0, round: 1 });
    expect(ctx(s).leaseExpired).toBe(0);
  });
});

describe('a follower with leases (section 4.2.3)', () => {
  const heard = () => send(start(lease), { type: 'AppendEntries', from: 'n2', term: 1, leaderId: 'n2', prevLogIndex: 0, prevLogTerm: 0, entries: [], leaderCommit: 0, round: 1 });
  const vote = { type: 'RequestVote', from: 'n3', term: 2, candidateId: 'n3', lastLogIndex: 0, lastLogTerm: 0 } as const;

  it('neither adopts the term nor votes within the minimum election timeout of hearing a leader', () => {
    const s = send(heard(), vote);
    expect(sends(s)).toEqual([]);
    expect(ctx(s).currentTerm).toBe(1);
    expect(timers(heard()).map((t) => t.name)).toContain('leaderContact');
  });

  it('votes once the window closed, and does not stand for election inside it', () => {
    const after = send(send(heard(), { type: 'leaderContact' }), vote);
    expect(sends(after).map((m) => m.msg.voteGranted)).toEqual([true]);
    const forced = send(heard(), { type: 'electionTimeout' });
    expect(forced.snap.value).toBe('follower');
    expect(timers(forced).map((t) => t.name)).toContain('electionTimeout');
  });

  it('waits the window after a restart, but not on a fresh start', () => {
    expect(ctx(start(lease)).leaderRecent).toBe(false);
    const restarted = start({ ...lease, durable: { currentTerm: 1, votedFor: null, log: [] } });
    expect(ctx(restarted).leaderRecent).toBe(true);
    expect(sends(send(restarted, vote))).toEqual([]);
  });
});

describe('lease scenarios', () => {
  it('a paused leader asked a read in the instant it resumes does not answer from a lapsed lease', () => {
    // n1 leads and commits x=1, then stops the world: n3 leads term 2 and commits x=2 while n1's
    // lease timers come due, held. n1 resumes at 600 and is asked x at 600, before they fire.
    const base = raft.scenarios.find((s) => s.name === 'lease-read')!;
    const actions = [
      { at: 0, do: 'timeout', node: 'n1' },
      { at: 60, do: 'request', node: 'n1', command: 'x=1' },
      { at: 145, do: 'pause', node: 'n1' },
      { at: 450, do: 'timeout', node: 'n3' },
      { at: 500, do: 'request', node: 'n3', command: 'x=2' },
      { at: 600, do: 'resume', node: 'n1' },
      { at: 600, do: 'read', node: 'n1', key: 'x' },
    ];
    const sim = runScenario(raft, { ...base, actions, until: 900 });
    const ops = buildHistory(raft, sim.events).ops;
    expect(ops.map((o) => o.status)).toEqual(['ok', 'ok', 'fail']);
    expect(sim.violations).toEqual([]);
  });

  const run = (name: string) => runScenario(raft, raft.scenarios.find((s) => s.name === name)!);
  const read = (sim: ReturnType<typeof run>) => buildHistory(raft, sim.events).ops.find((o) => o.f === 'get')!;

  it('within the bound, n3 cannot lead before the lease is over, and the lease read is current', () => {
    const sim = run('lease-read');
    expect(sim.violations).toEqual([]);
    const ops = buildHistory(raft, sim.events).ops;
    expect(ops.find((o) => o.value === '2')?.status).toBe('fail');
    expect(read(sim)).toMatchObject({ status: 'ok', output: '1' });
    // Answered from the lease: by its timer of no delay, at the instant it was asked.
    expect(read(sim).endTime).toBe(read(sim).invokeTime);
    expect(sim.events[read(sim).endSeq!]!.timer).toBe(`leaseRead:${read(sim).id}`);
  });

  it('with skew beyond the bound, a new leader commits x=2 inside the lease and the stale read is caught', () => {
    const sim = run('lease-read-skew');
    const ops = buildHistory(raft, sim.events).ops;
    expect(ops.find((o) => o.value === '2')?.status).toBe('ok');
    expect(read(sim)).toMatchObject({ status: 'ok', output: '1' });
    expect(sim.violations.map((v) => v.invariant)).toEqual(['linearizable']);
    expect(sim.violations[0]!.seq).toBe(read(sim).endSeq);
  });
});
