/** Anchor resolution: a trace in, a position out; a moved anchor is found and reported. */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../sim/types';
import { arraySource, fingerprint, resolveAnchor, toResolved } from './anchors';
import type { Anchor } from './types';

let seq = 0;
const ev = (time: number, node: string, role: string, extra: Partial<TraceEvent> = {}): TraceEvent => ({ seq: seq++, time, kind: 'timer', node, state: { role, term: 1 }, ...extra });

function trace(): TraceEvent[] {
  seq = 0;
  return [
    { seq: seq++, time: 0, kind: 'start', node: 'n1', state: { role: 'follower' } },
    { seq: seq++, time: 0, kind: 'start', node: 'n2', state: { role: 'follower' } },
    { seq: seq++, time: 0, kind: 'start', node: 'n3', state: { role: 'follower' } },
    ev(150, 'n2', 'candidate'),
    ev(170, 'n1', 'follower', { kind: 'deliver', message: { id: 1, from: 'n2', to: 'n1', type: 'RequestVote', payload: { type: 'RequestVote' }, sentAt: 150, arriveAt: 170 } }),
    ev(190, 'n2', 'leader'),
    ev(240, 'n2', 'leader'),
    ev(400, 'n2', 'follower'),
    ev(500, 'n3', 'candidate'),
    ev(520, 'n3', 'leader'),
  ];
}
const start = { step: 0, time: 0 };

describe('resolveAnchor', () => {
  it('finds the first time a node becomes leader, and the node', () => {
    const r = resolveAnchor({ event: { becomes: { role: 'leader' } } }, start, arraySource(trace(), 1000), {});
    expect(r).toMatchObject({ ok: true, at: { step: 6, time: 190 }, node: 'n2' });
  });

  it('"becomes" ignores events where the state already held (n2 staying leader)', () => {
    const r = resolveAnchor({ event: { becomes: { role: 'leader' } }, nth: 2 }, start, arraySource(trace(), 1000), {});
    expect(r).toMatchObject({ ok: true, at: { step: 10, time: 520 }, node: 'n3' });
  });

  it('counts from a later position: the first leader after step 6 is n3', () => {
    const r = resolveAnchor({ event: { becomes: { role: 'leader' } } }, { step: 6, time: 190 }, arraySource(trace(), 1000), {});
    expect(r).toMatchObject({ ok: true, node: 'n3' });
  });

  it('matches by message type and by a bound node', () => {
    const r = resolveAnchor({ event: { message: 'RequestVote', node: '$V' } }, start, arraySource(trace(), 1000), { V: 'n1' });
    expect(r).toMatchObject({ ok: true, at: { step: 5, time: 170 } });
    expect(resolveAnchor({ event: { node: '$X' } }, start, arraySource(trace(), 1000), {})).toMatchObject({ ok: false, reason: 'unbound' });
  });

  it('"until" a state holds: at once when it already does', () => {
    const src = arraySource(trace(), 1000);
    expect(resolveAnchor({ until: { state: { role: 'leader' } } }, start, src, {})).toMatchObject({ ok: true, at: { step: 6 } });
    expect(resolveAnchor({ until: { state: { role: 'leader' } } }, { step: 7, time: 240 }, src, {})).toMatchObject({ ok: true, at: { step: 7, time: 240 } });
    expect(resolveAnchor({ until: { state: { role: 'follower' }, count: 3 } }, { step: 6, time: 190 }, src, {})).toMatchObject({ ok: true, at: { step: 8, time: 400 } });
  });

  it('times: absolute, and after the previous position (never before it)', () => {
    const src = arraySource(trace(), 1000);
    expect(resolveAnchor({ time: 200 }, start, src, {})).toMatchObject({ ok: true, at: { step: 6, time: 200 } });
    expect(resolveAnchor({ after: 0 }, { step: 6, time: 190 }, src, {})).toMatchObject({ ok: true, at: { step: 6, time: 190 } });
    expect(resolveAnchor({ after: 100 }, { step: 6, time: 190 }, src, {})).toMatchObject({ ok: true, at: { step: 7, time: 290 } });
  });

  it('within: an event too late is not reached, and says by when', () => {
    const r = resolveAnchor({ event: { becomes: { role: 'leader' } }, within: 100 }, start, arraySource(trace(), 1000), {});
    expect(r).toEqual({ ok: false, reason: 'not-reached', detail: 'the event not reached by 100 ms' });
  });

  it('a cached position that still holds is not reported', () => {
    const src = arraySource(trace(), 1000);
    const first = resolveAnchor({ event: { becomes: { role: 'leader' } } }, start, src, {});
    if (!first.ok) throw new Error('unreached');
    const again = resolveAnchor({ event: { becomes: { role: 'leader' } }, resolved: toResolved(first) }, start, src, {});
    expect(again.ok && again.moved).toBeFalsy();
  });

  it('the protocol changed and the anchor moved: still found, and the author is told where it was', () => {
    const before = trace();
    const first = resolveAnchor({ event: { becomes: { role: 'leader' } } }, start, arraySource(before, 1000), {});
    if (!first.ok) throw new Error('unreached');
    const anchor: Anchor = { event: { becomes: { role: 'leader' } }, resolved: toResolved(first) };
    // A "new version" of the protocol: an extra round of messages before the election ends.
    const after = trace();
    after.splice(5, 0, ev(180, 'n3', 'follower'), ev(185, 'n1', 'follower'));
    after.forEach((e, i) => (e.seq = i));
    for (const e of after.slice(7)) e.time += 20;
    const r = resolveAnchor(anchor, start, arraySource(after, 1000), {});
    expect(r).toMatchObject({ ok: true, at: { step: 8, time: 210 }, node: 'n2', moved: { was: { step: 6, time: 190 } } });
  });

  it('the fingerprint tells events apart', () => {
    const t = trace();
    expect(fingerprint(t[5])).not.toBe(fingerprint(t[6]));
    expect(fingerprint(t[5])).toBe(fingerprint({ ...t[5]! }));
    expect(fingerprint(undefined)).toMatch(/^[0-9a-f]{8}$/);
  });
});
