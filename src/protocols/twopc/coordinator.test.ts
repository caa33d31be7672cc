import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { coordinatorMachine, nextTxId, type TmContext, type TmInput } from './coordinator';
import type { TmEvent } from './messages';

const input = (over: Partial<TmInput> = {}): TmInput => ({ id: 'n1', rms: ['n2', 'n3', 'n4'], voteTimeout: 200, ...over });

type Step = { snap: AnyMachineSnapshot; actions: { type: string; params?: unknown }[] };

function start(over: Partial<TmInput> = {}): Step {
  const [snap, actions] = initialTransition(coordinatorMachine, input(over));
  return { snap, actions };
}
function send(s: Step, event: TmEvent): Step {
  const [snap, actions] = transition(coordinatorMachine, s.snap as never, event as never);
  return { snap, actions };
}
const ctx = (s: Step) => s.snap.context as TmContext;
const sends = (s: Step) => s.actions.filter((a) => a.type === 'send').map((a) => a.params as { to: string; msg: { type: string; tx: string } });
const kernel = (s: Step, type: string) => s.actions.filter((a) => a.type === type).map((a) => a.params);
const vote = (s: Step, from: string, type: 'Prepared' | 'Aborted', tx = 't1') => send(s, { type, tx, from });

describe('2PC transaction manager', () => {
  it('begins t1 with Prepare to every RM and a vote timeout', () => {
    const s = send(start(), { type: 'Begin', tx: '' });
    expect(ctx(s)).toMatchObject({ tmState: { t1: 'init' }, tmPrepared: { t1: [] }, nextTx: 1 });
    expect(sends(s)).toEqual(['n2', 'n3', 'n4'].map((to) => ({ to, msg: { type: 'Prepare', tx: 't1' } })));
    expect(kernel(s, 'setTimer')).toEqual([{ name: 'voteTimeout.t1', delay: 200 }]);
    expect(kernel(s, 'output')).toEqual([{ data: { type: 'begun', tx: 't1' } }]);
  });

  it('numbers transactions from a counter and skips ids already taken', () => {
    let s = send(start(), { type: 'Begin', tx: 't2' });
    s = send(s, { type: 'Begin', tx: '' });
    expect(Object.keys(ctx(s).tmState)).toEqual(['t2', 't1']);
    s = send(s, { type: 'Begin', tx: '' });
    expect(Object.keys(ctx(s).tmState)).toEqual(['t2', 't1', 't3']);
    expect(nextTxId({ nextTx: 4, tmState: { t5: 'init', t6: 'init' } })).toEqual({ tx: 't7', nextTx: 7 });
  });

  it('refuses a transaction id that exists, and a vote-no (only RMs vote)', () => {
    const s = send(start(), { type: 'Begin', tx: 'x' });
    const again = send(s, { type: 'Begin', tx: 'x' });
    expect(again.snap.context).toBe(s.snap.context);
    expect(kernel(again, 'output')).toEqual([{ data: { type: 'refused', reason: 'transaction x already exists' } }]);
    expect(kernel(send(s, { type: 'VoteNo', tx: '' }), 'output')).toMatchObject([{ data: { type: 'refused' } }]);
  });

  it('commits once every RM prepared (TMCommit), counting each RM once', () => {
    let s = send(start(), { type: 'Begin', tx: '' });
    s = vote(s, 'n2', 'Prepared');
    s = vote(s, 'n2', 'Prepared');
    s = vote(s, 'n3', 'Prepared');
    expect(ctx(s).tmState.t1).toBe('init');
    expect(ctx(s).tmPrepared.t1).toEqual(['n2', 'n3']);
    s = vote(s, 'n4', 'Prepared');
    expect(ctx(s).tmState.t1).toBe('committed');
    expect(sends(s).map((m) => [m.to, m.msg.type])).toEqual([['n2', 'Commit'], ['n3', 'Commit'], ['n4', 'Commit']]);
    expect(kernel(s, 'cancelTimer')).toEqual([{ name: 'voteTimeout.t1' }]);
  });

  it('aborts on an Aborted vote, and on the vote timeout while in init', () => {
    let s = send(start(), { type: 'Begin', tx: '' });
    const no = vote(vote(s, 'n2', 'Prepared'), 'n3', 'Aborted');
    expect(ctx(no).tmState.t1).toBe('aborted');
    expect(sends(no).map((m) => [m.to, m.msg.type])).toEqual([['n2', 'Abort'], ['n3', 'Abort'], ['n4', 'Abort']]);
    s = send(s, { type: 'voteTimeout.t1' });
    expect(ctx(s).tmState.t1).toBe('aborted');
    expect(sends(s)).toHaveLength(3);
    // A late vote after the decision is answered with the decision, and changes nothing.
    const late = vote(s, 'n4', 'Prepared');
    expect(ctx(late).tmState.t1).toBe('aborted');
    expect(sends(late)).toEqual([{ to: 'n4', msg: { type: 'Abort', tx: 't1' } }]);
  });

  it('ignores a vote timeout once decided', () => {
    let s = send(start(), { type: 'Begin', tx: '' });
    for (const rm of ['n2', 'n3', 'n4']) s = vote(s, rm, 'Prepared');
    const t = send(s, { type: 'voteTimeout.t1' });
    expect(t.snap.context).toBe(s.snap.context);
    expect(t.actions).toEqual([]);
  });

  it('answers a DecisionRequest with its decision, and stays silent while in init', () => {
    let s = send(start(), { type: 'Begin', tx: '' });
    expect(sends(send(s, { type: 'DecisionRequest', tx: 't1', from: 'n3' }))).toEqual([]);
    for (const rm of ['n2', 'n3', 'n4']) s = vote(s, rm, 'Prepared');
    expect(sends(send(s, { type: 'DecisionRequest', tx: 't1', from: 'n3' }))).toEqual([{ to: 'n3', msg: { type: 'Commit', tx: 't1' } }]);
  });

  it('after a restart re-sends its logged decisions and keeps numbering after the counter', () => {
    let s = start({ durable: { nextTx: 2, decisions: { t1: 'committed', t2: 'aborted' } } });
    expect(sends(s).map((m) => [m.to, m.msg.type, m.msg.tx])).toEqual([
      ['n2', 'Commit', 't1'], ['n3', 'Commit', 't1'], ['n4', 'Commit', 't1'],
      ['n2', 'Abort', 't2'], ['n3', 'Abort', 't2'], ['n4', 'Abort', 't2'],
    ]);
    s = send(s, { type: 'Begin', tx: '' });
    expect(ctx(s).tmState.t3).toBe('init');
  });

  it('presumes abort for a transaction it has no record of, and logs it', () => {
    const s = start({ durable: { nextTx: 1, decisions: {} } });
    const asked = send(s, { type: 'DecisionRequest', tx: 't1', from: 'n2' });
    expect(ctx(asked).tmState.t1).toBe('aborted');
    expect(sends(asked)).toEqual([{ to: 'n2', msg: { type: 'Abort', tx: 't1' } }]);
    const voted = vote(s, 'n3', 'Prepared');
    expect(ctx(voted).tmState.t1).toBe('aborted');
    expect(sends(voted)).toEqual([{ to: 'n3', msg: { type: 'Abort', tx: 't1' } }]);
    // Having logged the abort, it can never commit t1.
    let later = asked;
    for (const rm of ['n2', 'n3', 'n4']) later = vote(later, rm, 'Prepared');
    expect(ctx(later).tmState.t1).toBe('aborted');
  });

  it('treats ids such as "constructor" and "__proto__" as plain transaction names', () => {
    let s = start();
    for (const tx of ['constructor', '__proto__']) s = send(s, { type: 'Begin', tx });
    expect(Object.keys(ctx(s).tmState)).toEqual(['constructor', '__proto__']);
    expect(Object.getPrototypeOf(ctx(s).tmState)).toBe(Object.prototype);
    for (const rm of ['n2', 'n3', 'n4']) s = vote(s, rm, 'Prepared', '__proto__');
    expect(Object.entries(ctx(s).tmState)).toEqual([['constructor', 'init'], ['__proto__', 'committed']]);
  });
});
