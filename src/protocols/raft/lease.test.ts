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

  it('answers a read at once only while a round a majority acknowledged is within its lease', () => {
    let s = leaderOfTerm1(lease);
    // One ack is not a majority of five: the read waits for a round of its own.
    s = send(ack(s, 'n2', 1), { type: 'ClientRead', key: 'x', op: 'r1' });
    expect(outputs(s).map((o) => o.type)).toEqual(['accepted-read']);
    expect(timers(s).map((x) => x.name)).toContain('lease2');
    // n3's ack of round 1 completes a majority (and commits the no-op): the lease holds, so
    // the next read is answered without a round; the waiting one still waits for its round.
    s = ack(s, 'n3', 1);
    expect(ctx(s).reads.map((r) => r.op)).toEqual(['r1']);
    s = send(s, { type: 'ClientRead', key: 'x', op: 'r2' });
    expect(outputs(s)).toEqual([{ type: 'ok', op: 'r2', f: 'get', key: 'x', value: null }]);
    expect(sends(s)).toEqual([]);
    // Round 2, acknowledged, answers r1 and renews the lease. Once its timer has fired too, no
    // acknowledged round has a lease left: back to a round per read.
    s = ack(ack(s, 'n2', 2), 'n3', 2);
    expect(outputs(s).map((o) => o.type)).toEqual(['ok']);
    s = send(send(s, { type: 'leaseExpired', term: 1, round: 1 }), { type: 'ClientRead', key: 'x', op: 'r3' });
    expect(outputs(s).map((o) => o.type)).toEqual(['ok']);
    s = send(send(s, { type: 'leaseExpired', term: 1, round: 2 }), { type: 'ClientRead', key: 'x', op: 'r4' });
    expect(outputs(s).map((o) => o.type)).toEqual(['accepted-read']);
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
  const run = (name: string) => runScenario(raft, raft.scenarios.find((s) => s.name === name)!);
  const read = (sim: ReturnType<typeof run>) => buildHistory(raft, sim.events).ops.find((o) => o.f === 'get')!;

  it('within the bound, n3 cannot lead before the lease is over, and the lease read is current', () => {
    const sim = run('lease-read');
    expect(sim.violations).toEqual([]);
    const ops = buildHistory(raft, sim.events).ops;
    expect(ops.find((o) => o.value === '2')?.status).toBe('fail');
    expect(read(sim)).toMatchObject({ status: 'ok', output: '1' });
    // Answered from the lease: in the event that took the request, with no round.
    expect(read(sim).endSeq).toBe(read(sim).invokeSeq);
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
