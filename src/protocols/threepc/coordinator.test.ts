import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { coordinatorMachine, type CoordinatorContext, type CoordinatorInput } from './coordinator';
import type { ThreePcEvent } from './messages';

const input = (over: Partial<CoordinatorInput> = {}): CoordinatorInput => ({
  id: 'n1',
  participants: ['n2', 'n3', 'n4'],
  voteTimeout: 200,
  ackTimeout: 200,
  waitTimeout: 400,
  ...over,
});

type Step = { snap: AnyMachineSnapshot; actions: { type: string; params?: unknown }[] };

function start(over: Partial<CoordinatorInput> = {}): Step {
  const [snap, actions] = initialTransition(coordinatorMachine, input(over));
  return { snap, actions };
}
function send(s: Step, event: ThreePcEvent): Step {
  const [snap, actions] = transition(coordinatorMachine, s.snap as never, event as never);
  return { snap, actions };
}
const ctx = (s: Step) => s.snap.context as CoordinatorContext;
const sends = (s: Step) => s.actions.filter((a) => a.type === 'send').map((a) => a.params as { to: string; msg: { type: string; tx: string } });
const kinds = (s: Step) => sends(s).map((m) => `${m.to}:${m.msg.type}`);
const kernel = (s: Step, type: string) => s.actions.filter((a) => a.type === type).map((a) => a.params);
const from = (s: Step, senders: string[], type: 'Yes' | 'No' | 'Ack') => senders.reduce((acc, f) => send(acc, { type, tx: 't1', from: f }), s);

const begun = () => send(start(), { type: 'Begin', tx: '' });
const prepared = () => from(begun(), ['n2', 'n3', 'n4'], 'Yes');

describe('3PC coordinator', () => {
  it('begin: q → w, CanCommit to every participant, vote timeout', () => {
    const s = begun();
    expect(ctx(s).state).toEqual({ t1: 'w' });
    expect(kinds(s)).toEqual(['n2:CanCommit', 'n3:CanCommit', 'n4:CanCommit']);
    expect(kernel(s, 'setTimer')).toEqual([{ name: 'voteTimeout.t1', delay: 200 }]);
    expect(kernel(s, 'output')).toEqual([{ data: { type: 'begun', tx: 't1' } }]);
  });

  it('all Yes: w → p, PreCommit to all, ack timeout', () => {
    const two = from(begun(), ['n2', 'n3', 'n3'], 'Yes');
    expect(ctx(two).state.t1).toBe('w');
    const s = send(two, { type: 'Yes', tx: 't1', from: 'n4' });
    expect(ctx(s).state.t1).toBe('p');
    expect(kinds(s)).toEqual(['n2:PreCommit', 'n3:PreCommit', 'n4:PreCommit']);
    expect(kernel(s, 'cancelTimer')).toEqual([{ name: 'voteTimeout.t1' }]);
    expect(kernel(s, 'setTimer')).toEqual([{ name: 'ackTimeout.t1', delay: 200 }]);
  });

  it('a No vote or the vote timeout in w: abort', () => {
    const no = send(from(begun(), ['n2'], 'Yes'), { type: 'No', tx: 't1', from: 'n3' });
    expect(ctx(no).state.t1).toBe('a');
    expect(kinds(no)).toEqual(['n2:Abort', 'n3:Abort', 'n4:Abort']);
    expect(ctx(send(begun(), { type: 'voteTimeout.t1' })).state.t1).toBe('a');
    // Once in p, a stale vote timeout changes nothing.
    expect(send(prepared(), { type: 'voteTimeout.t1' }).actions).toEqual([]);
  });

  it('all Acks: p → c with DoCommit to all', () => {
    const s = from(prepared(), ['n2', 'n3', 'n4'], 'Ack');
    expect(ctx(s).state.t1).toBe('c');
    expect(kinds(s)).toEqual(['n2:DoCommit', 'n3:DoCommit', 'n4:DoCommit']);
  });

  it('on the ack timeout it commits anyway (Skeen: a silent site has failed)', () => {
    const s = send(from(prepared(), ['n2'], 'Ack'), { type: 'ackTimeout.t1' });
    expect(ctx(s).state.t1).toBe('c');
    expect(kinds(s)).toEqual(['n2:DoCommit', 'n3:DoCommit', 'n4:DoCommit']);
  });

  it('adopts an outcome from a backup while undecided, and answers DecisionReq once decided', () => {
    const s = send(prepared(), { type: 'DoCommit', tx: 't1', from: 'n2' });
    expect(ctx(s).state.t1).toBe('c');
    expect(kernel(s, 'cancelTimer')).toContainEqual({ name: 'ackTimeout.t1' });
    expect(ctx(send(s, { type: 'Abort', tx: 't1', from: 'n3' })).state.t1).toBe('c');
    expect(sends(send(s, { type: 'DecisionReq', tx: 't1', from: 'n4' }))).toEqual([{ to: 'n4', msg: { type: 'DoCommit', tx: 't1' } }]);
    expect(sends(send(begun(), { type: 'DecisionReq', tx: 't1', from: 'n4' }))).toEqual([]);
  });

  it('restarting in w or p it does not resume: it asks the participants how the transaction ended', () => {
    let s = start({ durable: { nextTx: 2, state: { t1: 'p', t2: 'c' } } });
    expect(ctx(s).recovering).toEqual({ t1: true });
    expect(kinds(s)).toEqual(['n2:DecisionReq', 'n3:DecisionReq', 'n4:DecisionReq']);
    expect(kernel(s, 'setTimer')).toEqual([{ name: 'waitTimeout.t1', delay: 400 }]);
    // No Acks are collected and no timeout commits while recovering.
    expect(from(s, ['n2', 'n3', 'n4'], 'Ack').actions).toEqual([]);
    expect(kinds(send(s, { type: 'waitTimeout.t1' }))).toEqual(['n2:DecisionReq', 'n3:DecisionReq', 'n4:DecisionReq']);
    s = send(s, { type: 'Abort', tx: 't1', from: 'n3' });
    expect(ctx(s)).toMatchObject({ state: { t1: 'a', t2: 'c' }, recovering: {} });
    expect(ctx(send(s, { type: 'Begin', tx: '' })).state.t3).toBe('w');
  });

  it('refuses a vote-no and a taken transaction id', () => {
    expect(kernel(send(start(), { type: 'VoteNo', tx: '' }), 'output')).toMatchObject([{ data: { type: 'refused' } }]);
    expect(kernel(send(begun(), { type: 'Begin', tx: 't1' }), 'output')).toEqual([{ data: { type: 'refused', reason: 'transaction t1 already exists' } }]);
  });
});
