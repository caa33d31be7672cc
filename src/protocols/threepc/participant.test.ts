import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { participantMachine, type ParticipantContext, type ParticipantInput } from './participant';
import type { Site, ThreePcEvent } from './messages';

const input = (over: Partial<ParticipantInput> = {}): ParticipantInput => ({
  id: 'n3',
  coordinator: 'n1',
  order: ['n1', 'n2', 'n3', 'n4'],
  waitTimeout: 400,
  ackTimeout: 200,
  stateWindow: 100,
  ...over,
});

type Step = { snap: AnyMachineSnapshot; actions: { type: string; params?: unknown }[] };

function start(over: Partial<ParticipantInput> = {}): Step {
  const [snap, actions] = initialTransition(participantMachine, input(over));
  return { snap, actions };
}
function send(s: Step, event: ThreePcEvent): Step {
  const [snap, actions] = transition(participantMachine, s.snap as never, event as never);
  return { snap, actions };
}
const ctx = (s: Step) => s.snap.context as ParticipantContext;
const sends = (s: Step) => s.actions.filter((a) => a.type === 'send').map((a) => a.params as { to: string; msg: { type: string; tx: string; state?: Site } });
const kinds = (s: Step) => sends(s).map((m) => `${m.to}:${m.msg.type}${m.msg.state ? `=${m.msg.state}` : ''}`);
const kernel = (s: Step, type: string) => s.actions.filter((a) => a.type === type).map((a) => a.params);
const msg = (type: string, fromNode: string, extra: object = {}) => ({ type, tx: 't1', from: fromNode, ...extra }) as ThreePcEvent;

const inW = (over: Partial<ParticipantInput> = {}) => send(start(over), msg('CanCommit', 'n1'));
const inP = (over: Partial<ParticipantInput> = {}) => send(inW(over), msg('PreCommit', 'n1'));
const site = (s: Step) => ctx(s).state.t1 ?? 'q';
const phase = (s: Step) => ctx(s).termination.t1?.phase;

describe('3PC participant: the three phases', () => {
  it('CanCommit: q → w, votes Yes, waits', () => {
    const s = inW();
    expect(site(s)).toBe('w');
    expect(kinds(s)).toEqual(['n1:Yes']);
    expect(kernel(s, 'setTimer')).toEqual([{ name: 'waitTimeout.t1', delay: 400 }]);
  });

  it('vote-no: q → a on the next CanCommit, with a No vote', () => {
    const s = send(send(start(), { type: 'VoteNo', tx: '' }), msg('CanCommit', 'n1'));
    expect(site(s)).toBe('a');
    expect(kinds(s)).toEqual(['n1:No']);
  });

  it('PreCommit: w → p and Ack to whoever sent it; DoCommit: p → c', () => {
    const p = inP();
    expect(site(p)).toBe('p');
    expect(kinds(p)).toEqual(['n1:Ack']);
    expect(kinds(send(p, msg('PreCommit', 'n2')))).toEqual(['n2:Ack']);
    const c = send(p, msg('DoCommit', 'n1'));
    expect(site(c)).toBe('c');
    expect(ctx(send(c, msg('Abort', 'n2'))).state.t1).toBe('c');
  });

  it('Abort in w → a; a decision is final', () => {
    const a = send(inW(), msg('Abort', 'n1'));
    expect(site(a)).toBe('a');
    expect(site(send(a, msg('DoCommit', 'n1')))).toBe('a');
  });

  it('refuses begin (only the coordinator begins) and vote-no after voting', () => {
    expect(kernel(send(start(), { type: 'Begin', tx: '' }), 'output')).toMatchObject([{ data: { type: 'refused' } }]);
    const late = send(inW(), { type: 'VoteNo', tx: 't1' });
    expect(site(late)).toBe('w');
    expect(kernel(late, 'output')).toMatchObject([{ data: { type: 'refused' } }]);
  });
});

describe('3PC participant: the termination protocol', () => {
  it('a timeout in w asks the other participants for their state and opens a window', () => {
    const s = send(inW(), { type: 'waitTimeout.t1' });
    expect(phase(s)).toBe('electing');
    expect(kinds(s)).toEqual(['n2:StateReq', 'n4:StateReq']);
    expect(kernel(s, 'setTimer')).toEqual([{ name: 'stateWindow.t1', delay: 100 }]);
  });

  it('answers StateReq with its state; a site later in node order defers, an earlier one runs for backup', () => {
    const later = send(inW(), msg('StateReq', 'n2'));
    expect(kinds(later)).toEqual(['n2:StateResp=w']);
    expect(phase(later)).toBeUndefined();
    expect(kernel(later, 'setTimer')).toEqual([{ name: 'waitTimeout.t1', delay: 400 }]);
    const earlier = send(inW(), msg('StateReq', 'n4'));
    expect(kinds(earlier)).toEqual(['n4:StateResp=w', 'n2:StateReq', 'n4:StateReq']);
    expect(phase(earlier)).toBe('electing');
  });

  it('a site in q aborts unilaterally when asked (it has not voted)', () => {
    const s = send(start(), msg('StateReq', 'n2'));
    expect(site(s)).toBe('a');
    expect(kinds(s)).toEqual(['n2:StateResp=a']);
  });

  it('after the window, the first responder in node order is backup; the others defer', () => {
    const electing = send(inW(), { type: 'waitTimeout.t1' });
    const deferred = send(send(electing, msg('StateResp', 'n2', { state: 'w' })), { type: 'stateWindow.t1' });
    expect(phase(deferred)).toBeUndefined();
    expect(site(deferred)).toBe('w');
    expect(kernel(deferred, 'setTimer')).toEqual([{ name: 'waitTimeout.t1', delay: 400 }]);
  });

  it('backup rule: all in w → abort, told to every other site', () => {
    const s = send(send(send(inW(), { type: 'waitTimeout.t1' }), msg('StateResp', 'n4', { state: 'w' })), { type: 'stateWindow.t1' });
    expect(site(s)).toBe('a');
    expect(kinds(s)).toEqual(['n1:Abort', 'n2:Abort', 'n4:Abort']);
  });

  it('backup rule: some in p → PreCommit to those in w, then commit on their Acks', () => {
    let s = send(send(inP(), { type: 'waitTimeout.t1' }), msg('StateResp', 'n4', { state: 'w' }));
    s = send(s, { type: 'stateWindow.t1' });
    expect(phase(s)).toBe('backup');
    expect(kinds(s)).toEqual(['n4:PreCommit']);
    expect(kernel(s, 'setTimer')).toEqual([{ name: 'ackTimeout.t1', delay: 200 }]);
    s = send(s, msg('Ack', 'n4'));
    expect(site(s)).toBe('c');
    expect(kinds(s)).toEqual(['n1:DoCommit', 'n2:DoCommit', 'n4:DoCommit']);
  });

  it('a backup in w that sees a p moves itself to p too, and commits anyway on the ack timeout', () => {
    let s = send(send(inW(), { type: 'waitTimeout.t1' }), msg('StateResp', 'n4', { state: 'p' }));
    s = send(s, { type: 'stateWindow.t1' });
    expect(site(s)).toBe('c'); // nobody else in w: commit at once
    s = send(send(send(inW(), { type: 'waitTimeout.t1' }), msg('StateResp', 'n4', { state: 'w' })), { type: 'stateWindow.t1' });
    expect(site(s)).toBe('a');
    let b = send(send(inP(), { type: 'waitTimeout.t1' }), msg('StateResp', 'n4', { state: 'w' }));
    b = send(send(b, { type: 'stateWindow.t1' }), { type: 'ackTimeout.t1' });
    expect(site(b)).toBe('c');
  });

  it('a StateResp reporting an outcome settles the asker at once, and it tells the others', () => {
    const s = send(send(inW(), { type: 'waitTimeout.t1' }), msg('StateResp', 'n2', { state: 'c' }));
    expect(site(s)).toBe('c');
    expect(phase(s)).toBeUndefined();
    expect(kinds(s)).toEqual(['n1:DoCommit', 'n2:DoCommit', 'n4:DoCommit']);
    expect(kernel(s, 'cancelTimer')).toContainEqual({ name: 'stateWindow.t1' });
  });
});

describe('3PC participant: recovery', () => {
  it('restarting in w or p it asks everyone how the transaction ended, and stays out of termination', () => {
    let s = start({ durable: { state: { t1: 'w', t2: 'a' } } });
    expect(phase(s)).toBe('recovering');
    expect(kinds(s)).toEqual(['n1:DecisionReq', 'n2:DecisionReq', 'n4:DecisionReq']);
    expect(send(s, msg('StateReq', 'n2')).actions).toEqual([]);
    expect(kinds(send(s, { type: 'waitTimeout.t1' }))).toEqual(['n1:DecisionReq', 'n2:DecisionReq', 'n4:DecisionReq']);
    s = send(s, msg('DoCommit', 'n2'));
    expect(site(s)).toBe('c');
    expect(phase(s)).toBeUndefined();
  });

  it('answers another site’s DecisionReq only with an outcome', () => {
    expect(sends(send(inW(), msg('DecisionReq', 'n2')))).toEqual([]);
    expect(kinds(send(send(inW(), msg('Abort', 'n1')), msg('DecisionReq', 'n2')))).toEqual(['n2:Abort']);
  });

  it('treats ids such as "constructor" as plain transaction names', () => {
    const s = send(start(), { type: 'CanCommit', tx: 'constructor', from: 'n1' });
    expect(ctx(s).state).toEqual({ constructor: 'w' });
    expect(kinds(send(s, { type: 'waitTimeout.constructor' }))).toEqual(['n2:StateReq', 'n4:StateReq']);
  });
});
