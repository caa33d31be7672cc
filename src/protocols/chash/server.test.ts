/** The server machine, driven by initialTransition/transition; effects asserted. */
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { serverMachine, type ServerContext, type ServerDurable, type ServerInput } from './server';
import { durable } from './observe';
import { gainedArcSources, readReplicas, withMember, writeSet } from './membership';
import type { Entry, Membership, ServerEvent } from './messages';

const SERVERS = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'];
const INITIAL = ['n1', 'n2', 'n3', 'n4', 'n5'];
const shape = { vnodes: 8, replicas: 3 };
const input = (id: string, over: Partial<ServerInput> = {}): ServerInput => ({
  id,
  seed: 'n1',
  peers: [...SERVERS, 'n7'].filter((n) => n !== id),
  initial: INITIAL,
  ...shape,
  timeout: 80,
  bugs: [],
  ...over,
});
const E0: Membership = { epoch: 0, status: Object.fromEntries(INITIAL.map((n) => [n, 'up' as const])) };
const E1 = withMember(E0, 'n6', 'joining');
const E2 = withMember(E1, 'n6', 'up');
const entry = (value: string, version = 1): Entry => ({ value, version, writer: 'n7' });

type Step = { snap: AnyMachineSnapshot; actions: { type: string; params?: unknown }[] };
function start(id: string, over: Partial<ServerInput> = {}): Step {
  const [snap, actions] = initialTransition(serverMachine, input(id, over));
  return { snap, actions };
}
function send(s: Step, event: ServerEvent | Record<string, unknown>): Step {
  const [snap, actions] = transition(serverMachine, s.snap as never, event as never);
  return { snap, actions };
}
const ctx = (s: Step) => s.snap.context as ServerContext;
const sent = (s: Step) => s.actions.filter((a) => a.type === 'send').map((a) => a.params as { to: string; msg: { type: string } & Record<string, unknown> });
const kernel = (s: Step, type: string) => s.actions.filter((a) => a.type === type).map((a) => a.params);
/** A server with the given ring and store, as after a restart. */
const withDisk = (id: string, ring: Membership, store: Record<string, Entry> = {}) => start(id, { durable: { ring, store } });

describe('chash server: reads and writes', () => {
  it('starts with its tokens and the initial ring, and sends nothing', () => {
    const s = start('n2');
    expect(ctx(s).tokens).toHaveLength(8);
    expect(ctx(s).ring).toEqual(E0);
    expect(s.actions.filter((a) => a.type !== 'xstate.raise')).toEqual([]);
  });

  it('coordinates a put: stores it, replicates to the rest of the preference list, acks after both', () => {
    // apple lives on n2, n1, n4.
    expect(readReplicas(E0, 'apple', shape)).toEqual(['n2', 'n1', 'n4']);
    let s = send(start('n2'), { type: 'Put', op: 'o1', key: 'apple', entry: entry('a'), from: 'n7' });
    expect(ctx(s).store).toEqual({ apple: entry('a') });
    expect(sent(s)).toEqual(['n1', 'n4'].map((to) => ({ to, msg: { type: 'Replicate', wid: 'w1', key: 'apple', entry: entry('a'), ring: E0 } })));
    expect(kernel(s, 'setTimer')).toEqual([{ name: 'replicaTimeout.w1', delay: 80 }]);
    s = send(s, { type: 'Stored', wid: 'w1', from: 'n1' });
    s = send(s, { type: 'Stored', wid: 'w1', from: 'n1' });
    expect(sent(s)).toEqual([]);
    s = send(s, { type: 'Stored', wid: 'w1', from: 'n4' });
    expect(sent(s)).toEqual([{ to: 'n7', msg: { type: 'PutOk', op: 'o1', key: 'apple', version: 1 } }]);
    expect(kernel(s, 'cancelTimer')).toEqual([{ name: 'replicaTimeout.w1' }]);
    expect(ctx(s).writes).toEqual({});
  });

  it('never reuses a write id after a restart: the counter is on disk', () => {
    let s = send(start('n2'), { type: 'Put', op: 'o1', key: 'apple', entry: entry('a'), from: 'n7' });
    s = send(start('n2', { durable: durable(s.snap) as ServerDurable }), { type: 'Put', op: 'o2', key: 'apple', entry: entry('b', 2), from: 'n7' });
    expect(sent(s).map((m) => m.msg.wid)).toEqual(['w2', 'w2']);
    // A Stored for w1, sent before the crash, acknowledges nothing.
    expect(sent(send(s, { type: 'Stored', wid: 'w1', from: 'n1' }))).toEqual([]);
  });

  it('fails a put whose replicas do not all answer in time', () => {
    let s = send(start('n2'), { type: 'Put', op: 'o1', key: 'apple', entry: entry('a'), from: 'n7' });
    s = send(s, { type: 'Stored', wid: 'w1', from: 'n1' });
    s = send(s, { type: 'replicaTimeout.w1' });
    expect(sent(s)).toEqual([{ to: 'n7', msg: { type: 'PutFailed', op: 'o1', reason: 'no answer from n4', ring: E0 } }]);
  });

  it('answers NotMine, with its ring, for a key it does not serve', () => {
    const s = send(start('n3'), { type: 'Get', op: 'o1', key: 'apple', from: 'n7' });
    expect(sent(s)).toEqual([{ to: 'n7', msg: { type: 'NotMine', op: 'o1', ring: E0 } }]);
    expect(sent(send(start('n3'), { type: 'Put', op: 'o2', key: 'apple', entry: entry('a'), from: 'n7' }))[0]!.msg.type).toBe('NotMine');
  });

  it('serves a get from its store, null when it holds nothing', () => {
    const s = withDisk('n1', E0, { apple: entry('a') });
    expect(sent(send(s, { type: 'Get', op: 'o1', key: 'apple', from: 'n7' }))).toEqual([{ to: 'n7', msg: { type: 'Value', op: 'o1', key: 'apple', entry: entry('a') } }]);
    expect(sent(send(start('n1'), { type: 'Get', op: 'o1', key: 'apple', from: 'n7' }))[0]!.msg).toMatchObject({ entry: null });
  });

  it('keeps the newest version (last writer wins) whatever order writes arrive in', () => {
    let s = withDisk('n1', E0, { apple: entry('new', 5) });
    s = send(s, { type: 'Replicate', wid: 'w9', key: 'apple', entry: entry('old', 2), ring: E0, from: 'n2' });
    expect(ctx(s).store.apple!.value).toBe('new');
    expect(sent(s)).toEqual([{ to: 'n2', msg: { type: 'Stored', wid: 'w9' } }]);
  });

  it('stores a replica only at the coordinator’s epoch: catches up when behind, refuses when ahead', () => {
    // n6 is joining at E1: apple's write set gains n6.
    expect(writeSet(E1, 'apple', shape)).toEqual(['n2', 'n1', 'n4', 'n6']);
    const behind = send(start('n4'), { type: 'Replicate', wid: 'w1', key: 'apple', entry: entry('a'), ring: E1, from: 'n2' });
    expect(ctx(behind).ring).toEqual(E1);
    expect(sent(behind)).toEqual([{ to: 'n2', msg: { type: 'Stored', wid: 'w1' } }]);
    const ahead = send(withDisk('n4', E1), { type: 'Replicate', wid: 'w1', key: 'apple', entry: entry('a'), ring: E0, from: 'n2' });
    expect(ctx(ahead).store).toEqual({});
    expect(sent(ahead)).toEqual([{ to: 'n2', msg: { type: 'Stale', wid: 'w1', ring: E1 } }]);
  });

  it('fails every pending put when it adopts a newer ring, and the stale coordinator learns it', () => {
    let s = send(start('n2'), { type: 'Put', op: 'o1', key: 'apple', entry: entry('a'), from: 'n7' });
    s = send(s, { type: 'Stale', wid: 'w1', ring: E1, from: 'n4' });
    expect(ctx(s).ring).toEqual(E1);
    expect(sent(s)).toEqual([{ to: 'n7', msg: { type: 'PutFailed', op: 'o1', reason: 'the ring changed', ring: E1 } }]);
  });
});

describe('chash server: membership and handoff', () => {
  it('the seed grants a join: new epoch, told to every other node until acknowledged', () => {
    let s = send(start('n1'), { type: 'JoinRequest', epoch: 0, from: 'n6' });
    expect(ctx(s).ring).toEqual(E1);
    expect(sent(s).map((m) => [m.to, m.msg.type])).toEqual(['n2', 'n3', 'n4', 'n5', 'n6', 'n7'].map((to) => [to, 'Members']));
    expect(kernel(s, 'setTimer')).toEqual([{ name: 'membershipRetry', delay: 80 }]);
    for (const p of ['n2', 'n3', 'n4', 'n5', 'n6']) s = send(s, { type: 'MembersAck', epoch: 1, from: p });
    s = send(s, { type: 'membershipRetry' });
    expect(sent(s)).toEqual([{ to: 'n7', msg: { type: 'Members', ring: E1 } }]);
    s = send(s, { type: 'MembersAck', epoch: 1, from: 'n7' });
    expect(kernel(s, 'cancelTimer')).toEqual([{ name: 'membershipRetry' }]);
  });

  it('the seed orders one change at a time, and never empties the ring', () => {
    const s = send(start('n1'), { type: 'JoinRequest', epoch: 0, from: 'n6' });
    expect(sent(send(s, { type: 'LeaveRequest', epoch: 1, from: 'n3' }))).toEqual([{ to: 'n3', msg: { type: 'Busy', ring: E1, final: false } }]);
    const alone = withDisk('n1', { epoch: 7, status: { n1: 'up', n2: 'up' } });
    const one = send(send(alone, { type: 'LeaveRequest', epoch: 7, from: 'n2' }), { type: 'LeaveDone', epoch: 8, from: 'n2' });
    expect(ctx(one).ring.status).toEqual({ n1: 'up' });
    expect(sent(send(one, { type: 'leave' }))).toEqual([]);
    expect(kernel(send(one, { type: 'leave' }), 'output')).toEqual([{ data: { type: 'refused', reason: 'the last server cannot leave' } }]);
  });

  it('the seed acts on a request or a JoinDone/LeaveDone only at its own epoch (a late or duplicated one changes nothing)', () => {
    // n6 joined (E2), left (E4) and is leaving again after a rejoin (E7).
    const E4 = withMember(withMember(E2, 'n6', 'leaving'), 'n6', null);
    const E7 = withMember(withMember(withMember(E4, 'n6', 'joining'), 'n6', 'up'), 'n6', 'leaving');
    const leaving = withDisk('n1', E7);
    for (const epoch of [3, 6, 8]) {
      const s = send(leaving, { type: 'LeaveDone', epoch, from: 'n6' });
      expect(ctx(s).ring).toBe(E7);
      expect(sent(s)).toEqual([{ to: 'n6', msg: { type: 'Busy', ring: E7, final: false } }]);
    }
    expect(ctx(send(leaving, { type: 'LeaveDone', epoch: 7, from: 'n6' })).ring.status).not.toHaveProperty('n6');
    const joining = withDisk('n1', withMember(E4, 'n6', 'joining'));
    expect(ctx(send(joining, { type: 'JoinDone', epoch: 1, from: 'n6' })).ring.epoch).toBe(5);
    expect(ctx(send(joining, { type: 'JoinDone', epoch: 5, from: 'n6' })).ring.status.n6).toBe('up');
    // A JoinRequest from before n6 joined and left: answered with the ring, not granted.
    const out = withDisk('n1', E4);
    const late = send(out, { type: 'JoinRequest', epoch: 0, from: 'n6' });
    expect(ctx(late).ring).toBe(E4);
    expect(sent(late)).toEqual([{ to: 'n6', msg: { type: 'Members', ring: E4 } }]);
    expect(ctx(send(out, { type: 'JoinRequest', epoch: 4, from: 'n6' })).ring.status.n6).toBe('joining');
    expect(ctx(send(withDisk('n1', E2), { type: 'LeaveRequest', epoch: 1, from: 'n6' })).ring).toBe(E2);
  });

  it('a spare asks the seed to join, and again on a timer until the seed’s answer shows it granted', () => {
    let s = send(start('n6'), { type: 'join' });
    expect(sent(s)).toEqual([{ to: 'n1', msg: { type: 'JoinRequest', epoch: 0 } }]);
    expect(kernel(s, 'output')).toEqual([{ data: { type: 'accepted', command: 'join' } }]);
    s = send(s, { type: 'requestRetry' });
    expect(sent(s)).toEqual([{ to: 'n1', msg: { type: 'JoinRequest', epoch: 0 } }]);
    expect(kernel(send(start('n2'), { type: 'join' }), 'output')).toEqual([{ data: { type: 'refused', reason: 'already in the ring (up)' } }]);
  });

  it('a joiner pulls from the old replicas of the arcs it gains, and reports JoinDone once all are covered', () => {
    let s = send(start('n6'), { type: 'Members', ring: E1, from: 'n1' });
    const pulls = sent(s).filter((m) => m.msg.type === 'Pull');
    expect(pulls.length).toBeGreaterThan(0);
    expect(pulls.every((m) => m.msg.ring === E1 && m.to !== 'n6')).toBe(true);
    expect(ctx(s).handoff).toEqual({ kind: 'join', answered: [], done: false });
    // Any one old replica of each arc is enough: JoinDone goes once, maybe before all answered.
    const done: string[][] = [];
    for (const m of pulls) {
      s = send(s, { type: 'Transfer', ring: E1, entries: m.to === 'n2' ? { apple: entry('a') } : {}, from: m.to });
      if (sent(s).length > 0) done.push(sent(s).map((x) => `${x.to}:${x.msg.type}`));
    }
    expect(done).toEqual([['n1:JoinDone']]);
    expect(ctx(s).store).toEqual({ apple: entry('a') });
    expect(ctx(s).handoff).toMatchObject({ kind: 'join', done: true });
    expect(gainedArcSources(E1, 'n6', shape).every((arc) => arc.some((x) => (ctx(s).handoff as unknown as { answered: string[] }).answered.includes(x)))).toBe(true);
    // Up at E2: the handoff is over and its retry timer goes.
    s = send(s, { type: 'Members', ring: E2, from: 'n1' });
    expect(ctx(s).handoff).toBeNull();
    expect(kernel(s, 'cancelTimer')).toContainEqual({ name: 'handoffRetry' });
  });

  it('an old replica answers a Pull with exactly the keys the joiner gains', () => {
    // n1 holds apple (gains n6 at E1) and grape (does not).
    const s = send(withDisk('n1', E0, { apple: entry('a'), grape: entry('g') }), { type: 'Pull', ring: E1, from: 'n6' });
    expect(sent(s).filter((m) => m.msg.type === 'Transfer')).toEqual([{ to: 'n6', msg: { type: 'Transfer', ring: E1, entries: { apple: entry('a') } } }]);
    const bug = send(start('n1', { bugs: ['whole-store'], durable: { ring: E0, store: { apple: entry('a'), grape: entry('g') } } }), { type: 'Pull', ring: E1, from: 'n6' });
    expect(Object.keys((sent(bug).find((m) => m.msg.type === 'Transfer')!.msg as unknown as { entries: object }).entries)).toEqual(['apple', 'grape']);
  });

  it('an old replica drops what it no longer replicates when the joiner is up', () => {
    // apple: n2 n1 n4 before, n6 n2 n1 after; n4 drops it, n1 keeps it.
    const n4 = send(withDisk('n4', E1, { apple: entry('a') }), { type: 'Members', ring: E2, from: 'n1' });
    expect(ctx(n4).store).toEqual({});
    expect(sent(n4)).toEqual([{ to: 'n1', msg: { type: 'MembersAck', epoch: 2 } }]);
    expect(ctx(send(withDisk('n1', E1, { apple: entry('a') }), { type: 'Members', ring: E2, from: 'n1' })).store).toEqual({ apple: entry('a') });
  });

  it('a leaver pushes each key to the server that gains it, and leaves after every ack', () => {
    const L1 = withMember(E0, 'n3', 'leaving');
    // date lives on n3 n1 n4 and moves to n1 n4 n2 without n3; grape (n1 n5 n2) is not n3's.
    let s = send(withDisk('n3', E0, { date: entry('d') }), { type: 'Members', ring: L1, from: 'n1' });
    expect(sent(s).filter((m) => m.msg.type === 'Transfer')).toEqual([{ to: 'n2', msg: { type: 'Transfer', ring: L1, entries: { date: entry('d') } } }]);
    expect(ctx(s).handoff).toEqual({ kind: 'leave', waiting: ['n2'], done: false });
    s = send(s, { type: 'handoffRetry' });
    expect(sent(s).map((m) => [m.to, m.msg.type])).toEqual([['n2', 'Transfer']]);
    s = send(s, { type: 'TransferAck', epoch: 1, from: 'n2' });
    expect(sent(s)).toEqual([{ to: 'n1', msg: { type: 'LeaveDone', epoch: 1 } }]);
    expect(ctx(s).store).toEqual({ date: entry('d') });
    s = send(s, { type: 'Members', ring: withMember(L1, 'n3', null), from: 'n1' });
    expect(ctx(s).store).toEqual({});
    // The gaining side stores and acks.
    const g = send(withDisk('n2', L1), { type: 'Transfer', ring: L1, entries: { date: entry('d') }, from: 'n3' });
    expect(ctx(g).store).toEqual({ date: entry('d') });
    expect(sent(g)).toEqual([{ to: 'n3', msg: { type: 'TransferAck', epoch: 1 } }]);
  });

  it('drop-before-ack: a leaver deletes what it sends and reports LeaveDone at once', () => {
    const L1 = withMember(E0, 'n3', 'leaving');
    const s = send(start('n3', { bugs: ['drop-before-ack'], durable: { ring: E0, store: { date: entry('d') } } }), { type: 'Members', ring: L1, from: 'n1' });
    expect(ctx(s).store).toEqual({});
    expect(sent(s).map((m) => m.msg.type)).toEqual(['Transfer', 'LeaveDone', 'MembersAck']);
  });

  it('no-handoff: a joiner reports JoinDone without pulling', () => {
    const s = send(start('n6', { bugs: ['no-handoff'] }), { type: 'Members', ring: E1, from: 'n1' });
    expect(sent(s).map((m) => m.msg.type)).toEqual(['JoinDone', 'MembersAck']);
  });

  it('after a restart mid-join it pulls again', () => {
    const s = withDisk('n6', E1);
    expect(sent(s).some((m) => m.msg.type === 'Pull')).toBe(true);
  });
});
