/**
 * Zones (zones.ts): hand cases, exact agreement with the search on random histories whose
 * writes write distinct values (Gibbons and Korach's theorem, which the live check relies on
 * only in the refuting direction), and the point of it: a refutation that needs no search.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ZoneCheck } from './zones';
import { searchLinearization } from './search';
import { IncrementalKey } from './incremental';
import { checkKey } from './check';
import { INITIAL, toCheckOps, type CheckOp } from './model';
import { handHistory, type HandOp } from './testHistory';
import { syntheticEvents } from './synthetic';
import { ClientHistory } from '../history';
import type { TraceEvent } from '../../sim/types';

const ops = (hand: HandOp[]) => toCheckOps(handHistory(hand).byKey('x'));
function zones(list: readonly CheckOp[]): ZoneCheck {
  const z = new ZoneCheck();
  for (const o of list) z.update(null, o);
  z.check();
  return z;
}
const put = (value: unknown, call: number, ret?: number, status?: HandOp['status']): HandOp => ({ f: 'put', value, call, ...(ret === undefined ? {} : { ret }), ...(status ? { status } : {}) });
const get = (value: unknown, call: number, ret: number): HandOp => ({ f: 'get', value, call, ret });

describe('zones', () => {
  it('refute a stale read with the ops that set the two zones, which fail by themselves', () => {
    expect(zones(ops([put(1, 0, 1), put(2, 2, 3), get(1, 4, 5)])).witness!.map((o) => o.id).sort()).toEqual(['o0', 'o1', 'o2']);
    // With a read of 2 as well, value 2's zone runs forward, from put(2)'s answer to that read.
    const z = zones(ops([put(1, 0, 1), put(2, 2, 3), get(1, 4, 5), get(2, 6, 7)]));
    expect(z.witness!.map((o) => o.id).sort()).toEqual(['o0', 'o1', 'o2', 'o3']);
    expect(searchLinearization(z.witness!, INITIAL).ok).toBe(false);
  });

  it('accept overlapping ops that some order explains, and reads of a write not answered yet', () => {
    expect(zones(ops([put(1, 0, 10), get(1, 12, 14), put(2, 5, 20), get(2, 13, 15)])).witness).toBeNull();
    expect(zones(ops([put(1, 0), get(1, 3, 4), get(null, 1, 2)])).witness).toBeNull();
  });

  it('refute a read of a failed write, and a read that ended before its write began', () => {
    expect(zones(ops([put(1, 0, 2, 'fail'), get(1, 1, 3)])).witness).not.toBeNull();
    expect(zones(ops([get(1, 0, 1), put(1, 2, 3)])).witness).not.toBeNull();
  });

  it('refute once a write a read saw is known failed, fed op by op as the live check does', () => {
    const h = handHistory([put(1, 0), get(1, 2, 3)]);
    const z = new ZoneCheck();
    const before = toCheckOps(h.byKey('x'));
    for (const o of before) z.update(null, o);
    expect(z.check()).toBe(false);
    z.update(before[0]!, null);
    expect(z.check()).toBe(true);
  });

  it('stand aside when two writes share a value, or a write writes the initial value', () => {
    const dup = zones(ops([put(1, 0, 1), put(2, 2, 3), put(1, 4, 5), get(2, 6, 7)]));
    expect([dup.usable, dup.witness]).toEqual([false, null]);
    expect(zones(ops([put(null, 0, 1), get(null, 2, 3)])).usable).toBe(false);
  });

  it('agree exactly with the search on 2,000 random histories of distinct writes', () => {
    let refuted = 0;
    const op = fc.record({ put: fc.boolean(), read: fc.integer({ min: 0, max: 6 }), call: fc.integer({ min: 0, max: 20 }), length: fc.integer({ min: 0, max: 8 }), answered: fc.nat(9) });
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 8 }), (drawn) => {
        // Writes write their position (distinct); reads return a write's value or null.
        const hand = drawn.map((d, i): HandOp => {
          const ret = d.answered > 0 ? d.call + d.length : undefined;
          return d.put ? put(i + 1, d.call, ret) : get(d.read === 0 ? null : d.read, d.call, d.call + d.length);
        });
        const list = ops(hand);
        const z = zones(list);
        expect(z.usable).toBe(true);
        const ok = searchLinearization(list, INITIAL).ok;
        expect(z.witness === null, JSON.stringify(hand)).toBe(ok);
        if (z.witness) {
          refuted++;
          expect(searchLinearization(z.witness.slice().sort((a, b) => a.index - b.index), INITIAL).ok).toBe(false);
        }
      }),
      { numRuns: 2000, seed: 3 },
    );
    expect(refuted).toBeGreaterThan(500);
  });

  it('let the offline check refute where its search runs out of budget, with the same verdict as a full search', () => {
    const h = handHistory([put(1, 0, 1), put(2, 2, 3), get(1, 4, 5), put(3, 6, 7), get(3, 8, 9)]);
    const full = checkKey(h, 'x');
    const starved = checkKey(h, 'x', 1);
    expect(full.ok).toBe(false);
    expect({ ok: starved.ok, why: starved.why, core: starved.core!.map((o) => o.id) }).toEqual({ ok: false, why: full.why, core: full.core!.map((o) => o.id) });
  });

  it('let the live check refute a stale read where the search has no budget left', () => {
    const h = new ClientHistory();
    const inc = new IncrementalKey();
    let verdict = true;
    for (const e of syntheticEvents({ ops: 600, clients: 8, keys: 1, seed: 4, stale: true })) {
      const touched = h.apply({ seq: e.seq, time: e.seq, kind: 'command' } as TraceEvent, e.records);
      // A budget of one step: every search runs out, so only zones can say no.
      if (touched.some((o) => o.status === 'ok') && !(verdict = inc.check(h.byKey('k0'), touched, 1))) break;
    }
    expect(verdict).toBe(false);
    expect(inc.zones.witness!.length).toBeGreaterThanOrEqual(3);
    expect(searchLinearization(inc.zones.witness!.slice().sort((a, b) => a.index - b.index), INITIAL).ok).toBe(false);
  });
});
