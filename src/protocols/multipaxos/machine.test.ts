/** One replica driven with `initialTransition`/`transition`: phases, durability of what a
 * reply depends on, step-down on a higher ballot, and client answers only after commit. */
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { multiPaxosMachine } from './machine';
import type { MultiPaxosContext, MultiPaxosInput } from './context';
import { durable, observe } from './observe';

const bugs = { ignorePrepareVotes: false, commitQuorumMinusOne: false, acceptBelowPromise: false, executeAcrossGap: false, bareCommitNotice: false };
const input = (id: string, extra: Partial<MultiPaxosInput> = {}): MultiPaxosInput => ({ id, nodes: ['n1', 'n2', 'n3'], electionTimeout: [150, 300], heartbeatInterval: 50, bugs, ...extra });

type Step = { snap: AnyMachineSnapshot; actions: { type: string; params?: unknown }[] };
const start = (i: MultiPaxosInput): Step => {
  const [snap, actions] = initialTransition(multiPaxosMachine, i);
  return { snap, actions };
};
const send = (s: Step, e: Record<string, unknown>): Step => {
  const [snap, actions] = transition(multiPaxosMachine, s.snap as never, e as never);
  return { snap, actions };
};
const ctx = (s: Step) => s.snap.context as MultiPaxosContext;
const sends = (s: Step) => s.actions.filter((a) => a.type === 'send').map((a) => a.params as { to: string; msg: Record<string, unknown> });
const outputs = (s: Step) => s.actions.filter((a) => a.type === 'output').map((a) => (a.params as { data: Record<string, unknown> }).data);

/** n1 prepared as leader of ballot 1 with n2's promise. */
function leader(): Step {
  let s = start(input('n1'));
  s = send(s, { type: 'electionTimeout' });
  s = send(s, { type: 'PrepareReply', from: 'n2', bal: 1, votes: {} });
  return s;
}

describe('the Multi-Paxos replica', () => {
  it('runs one Prepare for every slot and leads once a majority promised', () => {
    let s = start(input('n1'));
    s = send(s, { type: 'electionTimeout' });
    expect(s.snap.value).toBe('preparing');
    expect(sends(s).map((x) => [x.to, x.msg])).toEqual([
      ['n2', { type: 'Prepare', bal: 1, fromSlot: 1 }],
      ['n3', { type: 'Prepare', bal: 1, fromSlot: 1 }],
    ]);
    s = send(s, { type: 'PrepareReply', from: 'n2', bal: 1, votes: { 2: { bal: 0, cmd: { op: 'o', cmd: 'y=2' } } } });
    expect(s.snap.value).toBe('leading');
    // The reported vote is proposed again in slot 2, and slot 1 below it gets a no-op.
    expect(sends(s).filter((x) => x.msg.type === 'Accept' && x.to === 'n2').map((x) => [x.msg.slot, (x.msg.cmd as { cmd: string }).cmd])).toEqual([
      [1, 'no-op'],
      [2, 'y=2'],
    ]);
  });

  it('promises and votes durably in the step that replies', () => {
    let s = start(input('n2'));
    s = send(s, { type: 'Prepare', from: 'n1', bal: 4, fromSlot: 1 });
    expect(durable(s.snap).balMaxKnown).toBe(4);
    expect(sends(s)[0]).toEqual({ to: 'n1', msg: { type: 'PrepareReply', bal: 4, votes: {} } });
    s = send(s, { type: 'Accept', from: 'n1', bal: 4, slot: 1, cmd: { op: 'o', cmd: 'x=1' } });
    expect(durable(s.snap).insts[0]!.voted).toEqual({ bal: 4, cmd: { op: 'o', cmd: 'x=1' } });
    expect(sends(s)[0]!.msg.type).toBe('AcceptReply');
    // Below the promise: refused with a Preempted.
    s = send(s, { type: 'Accept', from: 'n3', bal: 3, slot: 1, cmd: { op: 'p', cmd: 'x=2' } });
    expect(sends(s)).toEqual([{ to: 'n3', msg: { type: 'Preempted', bal: 4 } }]);
    expect(durable(s.snap).insts[0]!.voted!.bal).toBe(4);
  });

  it('answers a client only after the command is committed and applied', () => {
    let s = leader();
    s = send(s, { type: 'Request', command: 'x=1', at: 30 });
    expect(outputs(s)).toEqual([{ type: 'proposing', op: 'n1@30#1', command: 'x=1', slot: 1 }]);
    const op = { op: 'n1@30#1', cmd: 'x=1' };
    s = send(s, { type: 'AcceptReply', from: 'n2', bal: 1, slot: 1, cmd: op });
    expect(outputs(s)).toEqual([{ type: 'committed', op: 'n1@30#1', slot: 1, command: 'x=1' }]);
    expect(sends(s).map((x) => x.msg)).toContainEqual({ type: 'CommitNotice', slot: 1, cmd: op });
    expect(observe(s.snap)).toMatchObject({ commitUpTo: 1, kvalue: { x: '1' } });
  });

  it('steps down on evidence of a higher ballot, and a follower redirects clients', () => {
    let s = leader();
    s = send(s, { type: 'Heartbeat', from: 'n3', bal: 3, commitUpTo: 0 });
    expect(s.snap.value).toBe('follower');
    expect(ctx(s)).toMatchObject({ balMaxKnown: 3, leader: 'n3' });
    s = send(s, { type: 'Request', command: 'x=1', at: 40 });
    expect(outputs(s)).toEqual([{ type: 'redirect', op: 'n1@40#1', command: 'x=1', leaderHint: 'n3' }]);
    let t = leader();
    t = send(t, { type: 'Preempted', from: 'n2', bal: 5 });
    expect([t.snap.value, ctx(t).balMaxKnown]).toEqual(['follower', 5]);
  });

  it('restarts from its durable state as a follower, its next ballot above the old promise', () => {
    const s = leader();
    let r = start(input('n1', { durable: durable(s.snap) }));
    expect(r.snap.value).toBe('follower');
    r = send(r, { type: 'electionTimeout' });
    expect(ctx(r).balMaxKnown).toBe(4);
  });
});
