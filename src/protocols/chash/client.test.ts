/** The client machine, driven by initialTransition/transition; effects asserted. */
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { clientMachine, MAX_TRIES, type ClientContext, type ClientDurable, type ClientInput } from './client';
import { durable } from './observe';
import { withMember } from './membership';
import type { ClientEvent, Membership } from './messages';

const INITIAL = ['n1', 'n2', 'n3', 'n4', 'n5'];
const input = (over: Partial<ClientInput> = {}): ClientInput => ({ id: 'n7', vnodes: 8, replicas: 3, initial: INITIAL, requestTimeout: 150, ...over });
const E0: Membership = { epoch: 0, status: Object.fromEntries(INITIAL.map((n) => [n, 'up' as const])) };
const E2 = withMember(withMember(E0, 'n6', 'joining'), 'n6', 'up');

type Step = { snap: AnyMachineSnapshot; actions: { type: string; params?: unknown }[] };
const start = (over: Partial<ClientInput> = {}): Step => {
  const [snap, actions] = initialTransition(clientMachine, input(over));
  return { snap, actions };
};
function send(s: Step, event: ClientEvent | Record<string, unknown>): Step {
  const [snap, actions] = transition(clientMachine, s.snap as never, event as never);
  return { snap, actions };
}
const ctx = (s: Step) => s.snap.context as ClientContext;
const sent = (s: Step) => s.actions.filter((a) => a.type === 'send').map((a) => a.params as { to: string; msg: Record<string, unknown> });
const kernel = (s: Step, type: string) => s.actions.filter((a) => a.type === type).map((a) => a.params);
const apple = { value: 'a', version: 1, writer: 'n7' };

describe('chash client', () => {
  it('sends a put to the key’s first replica, versioned by its own counter, with a request timeout', () => {
    // apple lives on n2, n1, n4.
    const s = send(start(), { type: 'put', key: 'apple', value: 'a' });
    expect(sent(s)).toEqual([{ to: 'n2', msg: { type: 'Put', op: 'o1', key: 'apple', entry: apple } }]);
    expect(kernel(s, 'setTimer')).toEqual([{ name: 'requestTimeout.o1', delay: 150 }]);
    expect(ctx(s).counter).toBe(1);
  });

  it('records an acknowledged put and tells the user', () => {
    let s = send(start(), { type: 'put', key: 'apple', value: 'a' });
    s = send(s, { type: 'PutOk', op: 'o1', key: 'apple', version: 1, from: 'n2' });
    expect(ctx(s).acked).toEqual({ apple });
    expect(ctx(s).ops).toEqual({});
    expect(kernel(s, 'output')).toEqual([{ data: { type: 'put-ok', op: 'o1', key: 'apple', version: 1 } }]);
    expect(kernel(s, 'cancelTimer')).toEqual([{ name: 'requestTimeout.o1' }]);
    // A late duplicate answer changes nothing.
    const again = send(s, { type: 'PutOk', op: 'o1', key: 'apple', version: 1, from: 'n2' });
    expect(again.snap.context).toBe(s.snap.context);
  });

  it('tries the next replica on a timeout or a failed put, resending the same version', () => {
    let s = send(start(), { type: 'put', key: 'apple', value: 'a' });
    s = send(s, { type: 'requestTimeout.o1' });
    expect(sent(s)).toEqual([{ to: 'n1', msg: { type: 'Put', op: 'o1', key: 'apple', entry: apple } }]);
    s = send(s, { type: 'PutFailed', op: 'o1', reason: 'no answer from n4', ring: E0, from: 'n1' });
    expect(sent(s)[0]!.to).toBe('n4');
    expect(ctx(s).ops.o1!.tries).toBe(3);
  });

  it('on NotMine adopts the newer ring and starts again at the first replica there', () => {
    let s = send(start(), { type: 'get', key: 'apple' });
    s = send(s, { type: 'NotMine', op: 'o1', ring: E2, from: 'n2' });
    expect(ctx(s).ring).toEqual(E2);
    // With n6 up, apple lives on n6, n2, n1.
    expect(sent(s)).toEqual([{ to: 'n6', msg: { type: 'Get', op: 'o1', key: 'apple' } }]);
  });

  it('on NotMine from a server behind it (an older ring) moves on to the next replica', () => {
    // With n6 up, apple lives on n6, n2, n1; n6 has not heard it is up and answers with E1.
    let s = send(start({ durable: { ring: E2, counter: 0, acked: {} } }), { type: 'get', key: 'apple' });
    expect(sent(s)[0]!.to).toBe('n6');
    s = send(s, { type: 'NotMine', op: 'o1', ring: withMember(E0, 'n6', 'joining'), from: 'n6' });
    expect(ctx(s).ring).toBe(E2);
    expect(sent(s)).toEqual([{ to: 'n2', msg: { type: 'Get', op: 'o1', key: 'apple' } }]);
  });

  it('never reuses an op id after a restart: a late answer to the old op is ignored', () => {
    const s = send(start(), { type: 'put', key: 'apple', value: 'a' });
    const back = send(start({ durable: durable(s.snap) as ClientDurable }), { type: 'put', key: 'cherry', value: 'c' });
    expect(sent(back)[0]!.msg).toMatchObject({ op: 'o2', entry: { version: 2 } });
    const late = send(back, { type: 'PutOk', op: 'o1', key: 'apple', version: 1, from: 'n2' });
    expect(late.snap.context).toBe(back.snap.context);
    expect(kernel(late, 'output')).toEqual([]);
  });

  it(`tries every replica when R is above ${MAX_TRIES}`, () => {
    // R = 8 over 9 servers: with the first 7 replicas silent, the 8th is still asked.
    const nine = Array.from({ length: 9 }, (_, i) => `n${i + 1}`);
    let s = send(start({ initial: nine, replicas: 8 }), { type: 'get', key: 'apple' });
    const asked = [sent(s)[0]!.to];
    for (let i = 1; i < 8; i++) {
      s = send(s, { type: 'requestTimeout.o1' });
      asked.push(sent(s)[0]!.to);
    }
    expect(new Set(asked).size).toBe(8);
    expect(kernel(send(s, { type: 'requestTimeout.o1' }), 'output')).toEqual([{ data: { type: 'failed', op: 'o1', key: 'apple', reason: 'no answer after 8 tries' } }]);
  });

  it(`gives up after ${MAX_TRIES} tries`, () => {
    let s = send(start(), { type: 'get', key: 'apple' });
    for (let i = 1; i < MAX_TRIES; i++) s = send(s, { type: 'requestTimeout.o1' });
    expect(ctx(s).ops.o1!.tries).toBe(MAX_TRIES);
    s = send(s, { type: 'requestTimeout.o1' });
    expect(ctx(s).ops).toEqual({});
    expect(kernel(s, 'output')).toEqual([{ data: { type: 'failed', op: 'o1', key: 'apple', reason: `no answer after ${MAX_TRIES} tries` } }]);
  });

  it('reports a read, including a miss, with who answered', () => {
    let s = send(start(), { type: 'get', key: 'apple' });
    s = send(s, { type: 'Value', op: 'o1', key: 'apple', entry: null, from: 'n2' });
    expect(kernel(s, 'output')).toEqual([{ data: { type: 'get', op: 'o1', key: 'apple', value: null, version: null, from: 'n2' } }]);
    expect(ctx(s).reads).toEqual({ apple: { value: null, version: null, from: 'n2' } });
  });

  it('learns the ring from the seed and acknowledges it; keeps its counter and acks across a restart', () => {
    const s = send(start(), { type: 'Members', ring: E2, from: 'n1' });
    expect(ctx(s).ring).toEqual(E2);
    expect(sent(s)).toEqual([{ to: 'n1', msg: { type: 'MembersAck', epoch: 2 } }]);
    const back = start({ durable: { ring: E2, counter: 4, acked: { apple } } });
    expect(ctx(send(back, { type: 'put', key: 'x', value: 'y' })).counter).toBe(5);
  });
});
