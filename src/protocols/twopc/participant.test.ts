import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { participantMachine, type RmContext, type RmInput } from './participant';
import type { RmEvent } from './messages';

const input = (over: Partial<RmInput> = {}): RmInput => ({ id: 'n2', tm: 'n1', peers: ['n3', 'n4'], decisionTimeout: 150, ...over });

type Step = { snap: AnyMachineSnapshot; actions: { type: string; params?: unknown }[] };

function start(over: Partial<RmInput> = {}): Step {
  const [snap, actions] = initialTransition(participantMachine, input(over));
  return { snap, actions };
}
function send(s: Step, event: RmEvent): Step {
  const [snap, actions] = transition(participantMachine, s.snap as never, event as never);
  return { snap, actions };
}
const ctx = (s: Step) => s.snap.context as RmContext;
const sends = (s: Step) => s.actions.filter((a) => a.type === 'send').map((a) => a.params as { to: string; msg: { type: string; tx: string } });
const kernel = (s: Step, type: string) => s.actions.filter((a) => a.type === type).map((a) => a.params);
const prepare = (s: Step, tx = 't1') => send(s, { type: 'Prepare', tx, from: 'n1' });

describe('2PC resource manager: voting', () => {
  it('starts with every transaction working and asks nothing', () => {
    const s = start();
    expect(ctx(s).rmState).toEqual({});
    expect(s.actions).toEqual([]);
  });

  it('prepares (RMPrepare), votes Prepared and waits for the decision', () => {
    const s = prepare(start());
    expect(ctx(s).rmState).toEqual({ t1: 'prepared' });
    expect(sends(s)).toEqual([{ to: 'n1', msg: { type: 'Prepared', tx: 't1' } }]);
    expect(kernel(s, 'setTimer')).toEqual([{ name: 'decisionTimeout.t1', delay: 150 }]);
    // A duplicated Prepare gets the same vote again.
    expect(sends(prepare(s))).toEqual([{ to: 'n1', msg: { type: 'Prepared', tx: 't1' } }]);
  });

  it('vote-no without a transaction aborts the next one it is asked about, once', () => {
    let s = send(start(), { type: 'VoteNo', tx: '' });
    expect(ctx(s).abortNext).toBe(true);
    expect(kernel(s, 'output')).toEqual([{ data: { type: 'will-vote-no', tx: null } }]);
    s = prepare(s);
    expect(ctx(s)).toMatchObject({ rmState: { t1: 'aborted' }, abortNext: false });
    expect(sends(s)).toEqual([{ to: 'n1', msg: { type: 'Aborted', tx: 't1' } }]);
    expect(ctx(prepare(s, 't2')).rmState.t2).toBe('prepared');
  });

  it('vote-no on a named transaction aborts it from working (RMChooseToAbort), and only from working', () => {
    let s = send(start(), { type: 'VoteNo', tx: 't7' });
    expect(ctx(s).rmState).toEqual({ t7: 'aborted' });
    expect(sends(prepare(s, 't7'))).toEqual([{ to: 'n1', msg: { type: 'Aborted', tx: 't7' } }]);
    s = prepare(s, 't1');
    const late = send(s, { type: 'VoteNo', tx: 't1' });
    expect(ctx(late).rmState.t1).toBe('prepared');
    expect(kernel(late, 'output')).toEqual([{ data: { type: 'refused', reason: 't1 is prepared: an RM chooses to abort only while working' } }]);
  });

  it('refuses begin: only the TM begins transactions', () => {
    const s = send(start(), { type: 'Begin', tx: '' });
    expect(ctx(s).rmState).toEqual({});
    expect(kernel(s, 'output')).toMatchObject([{ data: { type: 'refused' } }]);
  });
});

describe('2PC resource manager: decisions', () => {
  it('applies Commit and Abort, cancels its timer, and never changes a decision', () => {
    const p = prepare(start());
    const c = send(p, { type: 'Commit', tx: 't1', from: 'n1' });
    expect(ctx(c).rmState.t1).toBe('committed');
    expect(kernel(c, 'cancelTimer')).toEqual([{ name: 'decisionTimeout.t1' }]);
    expect(send(c, { type: 'Commit', tx: 't1', from: 'n1' }).snap.context).toBe(c.snap.context);
    expect(ctx(send(c, { type: 'Abort', tx: 't1', from: 'n3' })).rmState.t1).toBe('committed');
    const a = send(p, { type: 'Abort', tx: 't1', from: 'n1' });
    expect(ctx(a).rmState.t1).toBe('aborted');
    expect(ctx(send(a, { type: 'Commit', tx: 't1', from: 'n1' })).rmState.t1).toBe('aborted');
  });

  it('a working RM told Abort aborts (its Prepare was lost)', () => {
    expect(ctx(send(start(), { type: 'Abort', tx: 't1', from: 'n1' })).rmState.t1).toBe('aborted');
  });
});

describe('2PC resource manager: cooperative termination', () => {
  it('a prepared RM that hears nothing asks the TM and every peer, and asks again later', () => {
    const s = send(prepare(start()), { type: 'decisionTimeout.t1' });
    expect(ctx(s).rmState.t1).toBe('prepared');
    expect(sends(s)).toEqual(['n1', 'n3', 'n4'].map((to) => ({ to, msg: { type: 'DecisionRequest', tx: 't1' } })));
    expect(kernel(s, 'setTimer')).toEqual([{ name: 'decisionTimeout.t1', delay: 150 }]);
  });

  it('answers a peer: its decision, Uncertain when prepared, and aborts unilaterally when working', () => {
    const ask = (s: Step) => send(s, { type: 'DecisionRequest', tx: 't1', from: 'n3' });
    const working = ask(start());
    expect(ctx(working).rmState.t1).toBe('aborted');
    expect(sends(working)).toEqual([{ to: 'n3', msg: { type: 'Abort', tx: 't1' } }]);
    // Its Prepare arriving later gets the abort vote.
    expect(sends(prepare(working))).toEqual([{ to: 'n1', msg: { type: 'Aborted', tx: 't1' } }]);
    const prepared = ask(prepare(start()));
    expect(ctx(prepared).rmState.t1).toBe('prepared');
    expect(sends(prepared)).toEqual([{ to: 'n3', msg: { type: 'Uncertain', tx: 't1' } }]);
    const committed = ask(send(prepare(start()), { type: 'Commit', tx: 't1', from: 'n1' }));
    expect(sends(committed)).toEqual([{ to: 'n3', msg: { type: 'Commit', tx: 't1' } }]);
  });

  it('an Uncertain answer changes nothing: a prepared RM never decides alone', () => {
    const p = prepare(start());
    const s = send(p, { type: 'Uncertain', tx: 't1', from: 'n3' });
    expect(s.snap.context).toBe(p.snap.context);
    expect(s.actions).toEqual([]);
  });

  it('a stale decision timer after the decision does nothing', () => {
    const c = send(prepare(start()), { type: 'Commit', tx: 't1', from: 'n4' });
    expect(send(c, { type: 'decisionTimeout.t1' }).actions).toEqual([]);
  });

  it('after a restart, a prepared RM asks about it at once; decided ones are left alone', () => {
    const s = start({ durable: { rmState: { t1: 'prepared', t2: 'committed', t3: 'aborted' } } });
    expect(sends(s)).toEqual(['n1', 'n3', 'n4'].map((to) => ({ to, msg: { type: 'DecisionRequest', tx: 't1' } })));
    expect(kernel(s, 'setTimer')).toEqual([{ name: 'decisionTimeout.t1', delay: 150 }]);
  });

  it('treats ids such as "toString" as plain transaction names', () => {
    const s = prepare(start(), 'toString');
    expect(ctx(s).rmState).toEqual({ toString: 'prepared' });
    expect(ctx(send(start(), { type: 'DecisionRequest', tx: 'valueOf', from: 'n3' })).rmState).toEqual({ valueOf: 'aborted' });
  });
});
