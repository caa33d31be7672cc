/** Unit tests of Zab's pieces: vote order, zxids, the FIFO link, the sync choice, the flush
 * order, and the machine's first steps. */
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { cmpServerId, newerVote, isNextZxid, indexOfZxid, type Txn } from './types';
import { openLink, receive } from './channel';
import { syncPacket } from './sync';
import { step } from './server';
import { initialContext, zabMachine, type ZabInput } from './machine';
import type { ZabContext, ZabParams } from './context';
import type { LinkMessage } from './messages';
import { durable } from './observe';

const params: ZabParams = { tick: 40, syncLimit: 5, initLimit: 10, notifyTimeout: [100, 200], finalizeWait: 30, flushDelay: [5, 15], committedLogSize: 6, bugs: [] };
const txn = (e: number, c: number): Txn => ({ zxid: [e, c], value: `v${e}.${c}` });
const input = (id: string, extra: Partial<ZabInput> = {}): ZabInput => ({ id, servers: ['n1', 'n2', 'n3'], params, ...extra });

describe('votes and zxids', () => {
  it('orders votes by epoch, then zxid, then id (FastLeaderElection.tla TotalOrderPredicate)', () => {
    expect(newerVote({ leader: 'n1', zxid: [1, 1], epoch: 2 }, { leader: 'n3', zxid: [1, 9], epoch: 1 })).toBe(true);
    expect(newerVote({ leader: 'n1', zxid: [1, 3], epoch: 1 }, { leader: 'n3', zxid: [1, 2], epoch: 1 })).toBe(true);
    expect(newerVote({ leader: 'n3', zxid: [1, 2], epoch: 1 }, { leader: 'n1', zxid: [1, 2], epoch: 1 })).toBe(true);
    expect(newerVote({ leader: 'n1', zxid: [1, 2], epoch: 1 }, { leader: 'n3', zxid: [1, 2], epoch: 1 })).toBe(false);
  });
  it('compares server ids as numbers, as ZooKeeper compares myid: n10 outranks n9 and n2', () => {
    expect(newerVote({ leader: 'n10', zxid: [1, 2], epoch: 1 }, { leader: 'n9', zxid: [1, 2], epoch: 1 })).toBe(true);
    expect(newerVote({ leader: 'n9', zxid: [1, 2], epoch: 1 }, { leader: 'n10', zxid: [1, 2], epoch: 1 })).toBe(false);
    expect(['n10', 'n2', 'n9', 'n1'].sort(cmpServerId)).toEqual(['n1', 'n2', 'n9', 'n10']);
    // Names without a shared prefix keep the string order, so the order stays total.
    expect(cmpServerId('a1', 'b1')).toBeLessThan(0);
    expect(cmpServerId('n1', 'n1')).toBe(0);
  });
  it('knows the next zxid (Zab.tla IsNextZxid) and finds zxids in a history', () => {
    expect(isNextZxid([1, 3], [1, 4])).toBe(true);
    expect(isNextZxid([1, 3], [2, 1])).toBe(true);
    expect(isNextZxid([1, 3], [1, 5])).toBe(false);
    expect(isNextZxid([2, 1], [1, 4])).toBe(false);
    expect(indexOfZxid([txn(1, 1), txn(1, 2)], [1, 2])).toBe(2);
    expect(indexOfZxid([txn(1, 1)], [0, 0])).toBe(0);
    expect(indexOfZxid([txn(1, 1)], [1, 3])).toBe(-1);
  });
});

describe('the FIFO link', () => {
  const m = (n: number, conn = '0.1'): LinkMessage => ({ type: 'PING', conn, n });
  it('reads in order, holds early arrivals, drops copies and old connections', () => {
    let link = openLink('0.1');
    let r = receive(link, m(2));
    expect(r.ready).toEqual([]);
    link = r.link;
    r = receive(link, m(1));
    expect(r.ready.map((x) => x.n)).toEqual([1, 2]);
    link = r.link;
    expect(receive(link, m(2)).ready).toEqual([]);
    expect(receive(link, m(3, '0.0')).ready).toEqual([]);
    expect(receive(link, m(3)).ready.map((x) => x.n)).toEqual([3]);
  });
});

describe('sync mode, as LearnerHandler.syncFollower picks it', () => {
  const h = [txn(1, 1), txn(1, 2), txn(1, 3), txn(2, 1)];
  it('DIFF when the follower is level or its last zxid is in the log', () => {
    expect(syncPacket(h, [2, 1], 6, false)).toEqual({ type: 'DIFF', mtxns: [] });
    expect(syncPacket(h, [1, 2], 6, false)).toEqual({ type: 'DIFF', mtxns: [txn(1, 3), txn(2, 1)] });
  });
  it('TRUNC when the follower is ahead, or holds a zxid the log lacks (ZOOKEEPER-1154)', () => {
    expect(syncPacket(h, [2, 5], 6, false)).toEqual({ type: 'TRUNC', mtruncZxid: [2, 1], mtxns: [] });
    expect(syncPacket(h, [1, 4], 6, false)).toEqual({ type: 'TRUNC', mtruncZxid: [1, 3], mtxns: [txn(2, 1)] });
    expect(syncPacket(h, [1, 4], 6, true)).toEqual({ type: 'DIFF', mtxns: [txn(2, 1)] });
  });
  it('SNAP when the follower is behind the committed-log window', () => {
    expect(syncPacket(h, [0, 0], 6, false)).toEqual({ type: 'SNAP', mtxns: h });
    expect(syncPacket(h, [1, 1], 2, false)).toEqual({ type: 'SNAP', mtxns: h });
  });
});

/** A follower of n3 in synchronization that has received DIFF [(1,4)] for epoch 2. */
function syncing(bugs: ZabParams['bugs'] = []): ZabContext {
  const c = initialContext(input('n1', { params: { ...params, bugs }, durable: { acceptedEpoch: 2, currentEpoch: 1, log: [txn(1, 1), txn(1, 2), txn(1, 3)], incarnation: 0 } }));
  return { ...c, state: 'FOLLOWING', zabState: 'SYNCHRONIZATION', leader: 'n3', link: { conn: '0.1', sent: 2, read: 2, held: [] }, buffer: [txn(1, 4)], syncMode: 'DIFF' };
}
const newLeader = (c: ZabContext) => step(c, { type: 'NEWLEADER', mepoch: 2, conn: '0.1', n: 3, from: 'n3' });
const sends = (s: ReturnType<typeof step>) => s.out.filter((a) => a.type === 'send').map((a) => (a.params as { msg: { type: string } }).msg.type);
const disk = (c: ZabContext) => durable({ context: c } as never);

describe('the flush: txns, then currentEpoch, then the ACK of NEWLEADER (Learner.java)', () => {
  it('waits for the flush before touching currentEpoch or acknowledging', () => {
    const s = newLeader(syncing());
    expect(sends(s)).toEqual([]);
    expect(s.c.currentEpoch).toBe(1);
    expect(disk(s.c).log).toHaveLength(3);
    const f = step(s.c, { type: 'flush' });
    expect(disk(f.c)).toMatchObject({ currentEpoch: 2, log: [txn(1, 1), txn(1, 2), txn(1, 3), txn(1, 4)] });
    expect(sends(f)).toEqual(['ACKLD']);
  });
  it('ack-newleader-before-flush acknowledges while (1,4) is only in memory', () => {
    const s = newLeader(syncing(['ack-newleader-before-flush']));
    expect(sends(s)).toEqual(['ACKLD']);
    expect(disk(s.c).log).toHaveLength(3);
  });
  it('epoch-before-log writes currentEpoch before the log, and acknowledges after the flush', () => {
    const s = newLeader(syncing(['epoch-before-log']));
    expect(sends(s)).toEqual([]);
    expect(disk(s.c)).toMatchObject({ currentEpoch: 2 });
    expect(disk(s.c).log).toHaveLength(3);
    expect(sends(step(s.c, { type: 'flush' }))).toEqual(['ACKLD']);
  });
  it('a NEWLEADER for an epoch not accepted sends the follower back to election', () => {
    const s = step(syncing(), { type: 'NEWLEADER', mepoch: 3, conn: '0.1', n: 3, from: 'n3' });
    expect(s.c.state).toBe('LOOKING');
    expect(s.c.buffer).toEqual([]);
  });
});

describe('the machine', () => {
  it('starts LOOKING with a vote for itself and broadcasts it on its first timer', () => {
    const [snap] = initialTransition(zabMachine, input('n2', { durable: { acceptedEpoch: 3, currentEpoch: 2, log: [txn(2, 1)], incarnation: 4 } }));
    expect(snap.value).toBe('LOOKING');
    expect(snap.context).toMatchObject({ round: 1, vote: { leader: 'n2', zxid: [2, 1], epoch: 2 }, incarnation: 5, lastCommitted: 0 });
    const [, actions] = transition(zabMachine, snap, { type: 'notifyTimeout' });
    expect(actions.filter((a) => a.type === 'send').map((a) => (a.params as { to: string }).to)).toEqual(['n1', 'n3']);
  });
  it('adopts a newer vote, rebroadcasts it, and decides after finalizeWait once a quorum agrees', () => {
    const [snap] = initialTransition(zabMachine, input('n1'));
    const [s1, a1] = transition(zabMachine, snap, { type: 'NOTIFICATION', from: 'n3', round: 1, state: 'LOOKING', vote: { leader: 'n3', zxid: [0, 0], epoch: 0 } });
    expect(s1.context.vote.leader).toBe('n3');
    expect(a1.filter((a) => a.type === 'send')).toHaveLength(2);
    expect(a1.some((a) => a.type === 'setTimer' && (a.params as { name: string }).name === 'finalizeWait')).toBe(true);
    const [s2, a2] = transition(zabMachine, s1, { type: 'finalizeWait' });
    expect(s2.value).toBe('FOLLOWING');
    expect(s2.context.zabState).toBe('DISCOVERY');
    expect(a2.filter((a) => a.type === 'send').map((a) => (a.params as { msg: { type: string } }).msg.type)).toEqual(['CEPOCH']);
  });
});

/** A follower of n3 in discovery that accepted epoch 5 and holds epoch 4's (4,1). */
function discovering(): ZabContext {
  const c = initialContext(input('n1', { durable: { acceptedEpoch: 5, currentEpoch: 4, log: [txn(4, 1)], incarnation: 0 } }));
  return { ...c, state: 'FOLLOWING', zabState: 'DISCOVERY', leader: 'n3', link: { conn: '0.1', sent: 1, read: 0, held: [] } };
}
const newEpoch = (mepoch: number) => step(discovering(), { type: 'NEWEPOCH', mepoch, conn: '0.1', n: 1, from: 'n3' });
const sent = (s: ReturnType<typeof step>) => s.out.filter((a) => a.type === 'send').map((a) => (a.params as unknown as { msg: LinkMessage }).msg);

describe('discovery at the follower (Zab.tla FollowerProcessNEWEPOCH, Learner.registerWithLeader)', () => {
  it('rejects a NEWEPOCH below its accepted epoch: back to election, the promise kept, no ACKEPOCH', () => {
    const s = newEpoch(4);
    expect(s.c.state).toBe('LOOKING');
    expect(s.c.acceptedEpoch).toBe(5);
    expect(sent(s).some((m) => m.type === 'ACKEPOCH')).toBe(false);
  });
  it('accepts e′ ≥ acceptedEpoch and answers ACKEPOCH with its currentEpoch and last zxid', () => {
    for (const e of [5, 6]) {
      const s = newEpoch(e);
      expect(s.c).toMatchObject({ state: 'FOLLOWING', zabState: 'SYNCHRONIZATION', acceptedEpoch: e, currentEpoch: 4 });
      expect(sent(s)).toEqual([expect.objectContaining({ type: 'ACKEPOCH', mepoch: 4, mzxid: [4, 1] })]);
    }
  });
});

/** n3 just elected, with acceptedEpoch 3 and history [(3,1)]. */
function leading(): ZabContext {
  const c = initialContext(input('n3', { durable: { acceptedEpoch: 3, currentEpoch: 3, log: [txn(3, 1)], incarnation: 0 } }));
  return { ...c, state: 'LEADING', zabState: 'DISCOVERY', leader: 'n3' };
}
const from = (j: string, n: number, body: Record<string, unknown>) => ({ ...body, conn: `0.${j}`, n, from: j }) as never;

describe('discovery at the leader (Leader.getEpochToPropose, waitForEpochAck)', () => {
  it('picks e′ above every accepted epoch of its CEPOCH quorum, and sends the same e′ to later learners', () => {
    const s = step(leading(), from('n1', 1, { type: 'CEPOCH', mepoch: 7 }));
    expect(s.c).toMatchObject({ acceptedEpoch: 8, newEpoch: 8 });
    expect(sent(s)).toEqual([expect.objectContaining({ type: 'NEWEPOCH', mepoch: 8 })]);
    const t = step(s.c, from('n2', 1, { type: 'CEPOCH', mepoch: 9 }));
    expect(sent(t)).toEqual([expect.objectContaining({ type: 'NEWEPOCH', mepoch: 8 })]);
  });
  it('gives up when an ACKEPOCH shows a follower more recent than itself; otherwise establishes e′', () => {
    const s = step(leading(), from('n1', 1, { type: 'CEPOCH', mepoch: 3 }));
    const ahead = step(s.c, from('n1', 2, { type: 'ACKEPOCH', mepoch: 3, mzxid: [3, 2] }));
    expect(ahead.c.state).toBe('LOOKING');
    const level = step(s.c, from('n1', 2, { type: 'ACKEPOCH', mepoch: 3, mzxid: [3, 1] }));
    expect(level.c).toMatchObject({ state: 'LEADING', zabState: 'SYNCHRONIZATION', currentEpoch: 4 });
    expect(sent(level).map((m) => m.type)).toEqual(['DIFF', 'NEWLEADER']);
  });
});
