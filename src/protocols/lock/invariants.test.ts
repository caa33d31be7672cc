/** The invariants on hand-made steps: instants, ghost grants and the jeopardy rule. */
import { describe, expect, it } from 'vitest';
import type { InvariantCheck, NodeView, TraceEvent } from '../types';
import type { Message } from '../../sim/types';
import { lockInvariants } from './invariants';

const check = (id: string, bugs: string[] = []): InvariantCheck => lockInvariants.find((i) => i.id === id)!.create({ nodes: [], params: { bugs } });
const client = (id: string, believes: Record<string, number>, session = 'active', paused = false): NodeView => ({ id, role: 'client', up: true, paused, state: { role: 'client', session, held: believes, believes } });
const nodes = (...views: NodeView[]) => new Map(views.map((v) => [v.id, v]));
let seq = 0;
const ev = (time: number, extra: Partial<TraceEvent> = {}): TraceEvent => ({ seq: seq++, time, kind: 'timer', ...extra });
let id = 1;
const msg = (from: string, to: string, type: string, payload: Record<string, unknown>): Message => ({ id: id++, from, to, type, payload: { type, ...payload }, sentAt: 0, arriveAt: 0 });

describe('lease-belief', () => {
  it('does not count an overlap that lasts no time (a resumed client working through held events)', () => {
    const c = check('lease-belief');
    expect(c({ event: ev(100), nodes: nodes(client('c1', { L: 1 }), client('c2', { L: 2 })) })).toBeNull();
    // Same instant: c1's lease timer, held while it was paused, now fires.
    expect(c({ event: ev(100), nodes: nodes(client('c1', {}, 'jeopardy'), client('c2', { L: 2 })) })).toBeNull();
    expect(c({ event: ev(120), nodes: nodes(client('c1', {}, 'jeopardy'), client('c2', { L: 2 })) })).toBeNull();
  });

  it('fails once an overlap outlives its instant, and ignores paused clients', () => {
    const c = check('lease-belief');
    expect(c({ event: ev(100), nodes: nodes(client('c1', { L: 1 }, 'active', true), client('c2', { L: 2 })) })).toBeNull();
    expect(c({ event: ev(110), nodes: nodes(client('c1', { L: 1 }), client('c2', { L: 2 })) })).toBeNull();
    expect(c({ event: ev(130), nodes: nodes(client('c1', { L: 1 }), client('c2', { L: 2 })) })).toEqual({ message: 'c1 and c2 both believe they hold L', nodes: ['c1', 'c2'] });
  });
});

describe('storage-mutex, over ghost grants', () => {
  /** c holds a grant (reply delivered), then its write is sent and accepted. */
  function grantAndWrite(c: InvariantCheck, t: number, who: string, reply: Message, view: NodeView, store: NodeView) {
    c({ event: ev(t, { kind: 'command', node: 'm1', sent: [reply] }), nodes: nodes(view, store) });
    c({ event: ev(t + 1, { kind: 'deliver', node: who, message: reply }), nodes: nodes(view, store) });
    const w = msg(who, 'store', 'Write', { resource: 'L', value: 'x' });
    c({ event: ev(t + 2, { kind: 'timer', node: who, sent: [w] }), nodes: nodes(view, store) });
    return w;
  }

  it('fails when an older holder’s write lands after a newer one’s, even without tokens', () => {
    const c = check('storage-mutex');
    const store: NodeView = { id: 'store', role: 'storage', up: true, paused: false, state: { role: 'storage' } };
    const w1 = grantAndWrite(c, 10, 'c1', msg('r', 'c1', 'SetReply', { ok: true, key: 'L', owner: 'c1.1' }), client('c1', { L: 0 }), store);
    const w2 = grantAndWrite(c, 20, 'c2', msg('r', 'c2', 'SetReply', { ok: true, key: 'L', owner: 'c2.1' }), client('c2', { L: 0 }), store);
    const land = (w: Message, t: number) => c({ event: ev(t, { kind: 'deliver', node: 'store', message: w, sent: [msg('store', w.from, 'WriteOk', { op: 'x' })] }), nodes: nodes(store) });
    expect(land(w2, 30)).toBeNull();
    expect(land(w1, 40)!.message).toBe("c1 wrote L under grant #1 after c2's write under the newer grant #2 had landed");
  });

  it('does not retag a holder’s writes with a stale grant that reaches it after a newer one', () => {
    // c1's grant under an old session arrives late, when c1 already holds L under a new one and
    // ignores it: c1's next write is still under its newer grant.
    const c = check('storage-mutex');
    const store: NodeView = { id: 'store', role: 'storage', up: true, paused: false, state: { role: 'storage' } };
    const stale = msg('m1', 'c1', 'AcquireReply', { ok: true, lock: 'L', sid: 's0', token: 1 });
    c({ event: ev(5, { kind: 'deliver', node: 'm1', sent: [stale] }), nodes: nodes(client('c1', {}), store) });
    const w1 = grantAndWrite(c, 10, 'c1', msg('m1', 'c1', 'AcquireReply', { ok: true, lock: 'L', sid: 's1', token: 2 }), client('c1', { L: 2 }), store);
    const land = (w: Message, t: number) => c({ event: ev(t, { kind: 'deliver', node: 'store', message: w, sent: [msg('store', w.from, 'WriteOk', { op: 'x' })] }), nodes: nodes(store) });
    expect(land(w1, 20)).toBeNull();
    c({ event: ev(30, { kind: 'deliver', node: 'c1', message: stale }), nodes: nodes(client('c1', { L: 2 }), store) });
    const w2 = msg('c1', 'store', 'Write', { resource: 'L', value: 'y' });
    c({ event: ev(40, { kind: 'timer', node: 'c1', sent: [w2] }), nodes: nodes(client('c1', { L: 2 }), store) });
    expect(land(w2, 50)).toBeNull();
  });

  it('accepts the old holder’s write before the new holder’s first (fencing orders, it does not revoke)', () => {
    const c = check('storage-mutex');
    const store: NodeView = { id: 'store', role: 'storage', up: true, paused: false, state: { role: 'storage' } };
    const w1 = grantAndWrite(c, 10, 'c1', msg('m1', 'c1', 'AcquireReply', { ok: true, lock: 'L', sid: 's1', token: 33 }), client('c1', { L: 33 }), store);
    const w2 = grantAndWrite(c, 20, 'c2', msg('m1', 'c2', 'AcquireReply', { ok: true, lock: 'L', sid: 's2', token: 34 }), client('c2', { L: 34 }), store);
    const land = (w: Message, t: number) => c({ event: ev(t, { kind: 'deliver', node: 'store', message: w, sent: [msg('store', w.from, 'WriteOk', { op: 'x' })] }), nodes: nodes(store) });
    expect(land(w1, 30)).toBeNull();
    expect(land(w2, 40)).toBeNull();
  });
});

describe('storage-fence and no-act-in-jeopardy', () => {
  const store: NodeView = { id: 'store', role: 'storage', up: true, paused: false, state: { role: 'storage' } };
  const landed = (t: number, token: number) => ev(t, { kind: 'deliver', node: 'store', message: msg('c1', 'store', 'Write', { resource: 'L', token }), sent: [msg('store', 'c1', 'WriteOk', { op: 'x' })] });

  it('storage-fence fails on an accepted lower token, unless fencing is switched off', () => {
    const c = check('storage-fence');
    expect(c({ event: landed(1, 5), nodes: nodes(store) })).toBeNull();
    expect(c({ event: landed(2, 4), nodes: nodes(store) })!.message).toBe('storage accepted token 4 for L after token 5');
    const off = check('storage-fence', ['storage-ignores-tokens']);
    off({ event: landed(1, 5), nodes: nodes(store) });
    expect(off({ event: landed(2, 4), nodes: nodes(store) })).toBeNull();
  });

  it('no-act-in-jeopardy fails on a write sent in jeopardy, not on one sent as the client becomes safe', () => {
    const c = check('no-act-in-jeopardy');
    const w = () => [msg('c1', 'store', 'Write', { resource: 'L' })];
    expect(c({ event: ev(1, { node: 'c1', sent: w() }), nodes: nodes(client('c1', { L: 1 })) })).toBeNull();
    expect(c({ event: ev(2, { node: 'c1', sent: w() }), nodes: nodes(client('c1', {}, 'jeopardy')) })!.message).toBe('c1 sent Write while its session was in jeopardy');
  });
});
