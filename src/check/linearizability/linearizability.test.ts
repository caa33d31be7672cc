/**
 * The checker against histories whose answer is known: the classic small cases of Porcupine
 * (anishathalye/porcupine, porcupine_test.go: MIT 6.824 2017 quiz 2 section VII, and the
 * zero-duration cases) and Knossos (jepsen-io/knossos, test/knossos/wgl_test.clj and
 * data/cas-register/bad/rethink-fail-minimal.edn), written out by hand; and, for random small
 * histories, against a brute-force search over every order.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkHistory, checkKey } from './check';
import { handHistory, type HandOp } from './testHistory';
import { INITIAL, step, toCheckOps } from './model';
import { searchLinearization } from './search';

const put = (value: unknown, call: number, ret?: number, extra: Partial<HandOp> = {}): HandOp => ({ f: 'put', value, call, ...(ret === undefined ? {} : { ret }), ...extra });
const get = (value: unknown, call: number, ret: number, extra: Partial<HandOp> = {}): HandOp => ({ f: 'get', value, call, ret, ...extra });
/** Porcupine's and Knossos's registers start at 0: a put of 0 that ends before anything. */
const zero = put(0, -2, -1);
const verdict = (ops: HandOp[]) => checkKey(handHistory(ops), 'x');

describe('Porcupine: MIT 6.824 2017 quiz 2, section VII', () => {
  it('put(100) over [0,100], get→100 over [25,75], get→0 over [30,60] is linearizable', () => {
    expect(verdict([zero, put(100, 0, 100), get(100, 25, 75), get(0, 30, 60)]).ok).toBe(true);
  });
  it('put(200) over [0,100], get→200 over [10,30], then get→0 over [40,90] is not', () => {
    const v = verdict([zero, put(200, 0, 100), get(200, 10, 30), get(0, 40, 90)]);
    expect(v.ok).toBe(false);
    // Both reads are needed, and the put of 200; the put of 0 too (it is what the last read saw).
    expect(v.core!.map((o) => `${o.f}:${JSON.stringify(o.output ?? o.value)}`).sort()).toEqual(['get:0', 'get:200', 'put:0', 'put:200']);
    expect(v.why).toMatch(/get\(x\) → 200 ended before get\(x\) → 0 began/);
  });
  it('zero-duration reads at one instant are linearizable when they agree with an order', () => {
    expect(verdict([zero, put(100, 0, 100), get(100, 25, 75), get(0, 30, 30), get(0, 30, 30)]).ok).toBe(true);
  });
  it('zero-duration reads of 200 followed by a read of 0 are not', () => {
    expect(verdict([zero, put(200, 0, 100), get(200, 10, 10), get(200, 10, 10), get(0, 40, 90)]).ok).toBe(false);
  });
});

describe('Knossos: wgl_test.clj', () => {
  it('crash-test: a write that crashed (info) is fine', () => {
    expect(verdict([zero, put(1, 0, 1, { status: 'info' })]).ok).toBe(true);
  });
  it('sequential-test: reading the initial value is fine', () => {
    expect(verdict([zero, get(0, 0, 1)]).ok).toBe(true);
  });
  it('preserves-indices-test: write 1, then read 2, fails at the read, which alone is the core', () => {
    const v = verdict([zero, put(1, 5, 7), get(2, 99, 100)]);
    expect(v.ok).toBe(false);
    expect(v.core!.map((o) => o.id)).toEqual(['o2']);
    expect(v.why).toMatch(/no write here wrote/);
  });
  it('read-wrong-initial-value-test: reading 1 from the initial register fails', () => {
    expect(verdict([zero, get(1, 0, 1)]).ok).toBe(false);
  });
  it('rethink-fail-minimal: a read of 3 out of nowhere, next to a write of 4, is the culprit, not the read after', () => {
    const v = verdict([zero, put(0, 0, 1), get(3, 2, 4), put(4, 3, 5), get(4, 6, 7)]);
    expect(v.ok).toBe(false);
    expect(v.core!.map((o) => o.id)).toEqual(['o2']);
  });
});

describe('unknown outcomes and failures', () => {
  it('a write that never returned may explain a later read', () => {
    expect(verdict([put(1, 0), get(1, 5, 6)]).ok).toBe(true);
  });
  it('…or may never take effect', () => {
    expect(verdict([put(1, 0), get(null, 5, 6), get(null, 7, 8)]).ok).toBe(true);
  });
  it('but not take effect after a read saw it: a later read of the old value is stale', () => {
    expect(verdict([put(1, 0), get(1, 5, 6), get(null, 7, 8)]).ok).toBe(false);
  });
  it('a write that failed certainly did not happen, so a read of its value cannot be explained', () => {
    expect(verdict([put(1, 0, 2, { status: 'fail' }), get(1, 5, 6)]).ok).toBe(false);
    expect(verdict([put(1, 0, 2, { status: 'info' }), get(1, 5, 6)]).ok).toBe(true);
  });
  it('a read that never returned constrains nothing', () => {
    const h = handHistory([put(1, 0, 1), { f: 'get', value: 7, call: 2 }]);
    expect(checkKey(h, 'x').ok).toBe(true);
  });
  it('an acknowledged write lost: put(1) ok, then every later read returns null', () => {
    const v = verdict([put(1, 0, 1), get(null, 10, 11)]);
    expect(v.ok).toBe(false);
    expect(v.core!.length).toBe(2);
    expect(v.why).toMatch(/register holds 1/);
  });
});

describe('P-compositionality: each key on its own', () => {
  it('names only the key that breaks', () => {
    const h = handHistory([put(1, 0, 1, { key: 'a' }), get(1, 2, 3, { key: 'a' }), put(1, 0, 1, { key: 'b' }), get(null, 2, 3, { key: 'b' })]);
    const verdicts = checkHistory(h);
    expect(verdicts.map((v) => [v.key, v.ok])).toEqual([['a', true], ['b', false]]);
  });
  it('a budget too small answers unknown, never a false violation', () => {
    const ops = [put(1, 0, 100), put(2, 0, 100), put(3, 0, 100), get(3, 0, 100), get(2, 0, 100), get(1, 0, 100)];
    const v = checkKey(handHistory(ops), 'x', 3);
    expect(v).toMatchObject({ ok: true, unknown: true });
  });
});

/** Every order of the ops that respects real time, tried one by one. */
function bruteForce(ops: ReturnType<typeof toCheckOps>): boolean {
  const n = ops.length;
  const used = new Array<boolean>(n).fill(false);
  const go = (placed: number, state: string): boolean => {
    if (placed === n) return true;
    for (let i = 0; i < n; i++) {
      if (used[i]) continue;
      // i may go next only if no unplaced op ended before i began.
      if (ops.some((o, j) => !used[j] && j !== i && o.ret < ops[i]!.call)) continue;
      const next = step(state, ops[i]!);
      if (next === null) continue;
      used[i] = true;
      if (go(placed + 1, next)) return true;
      used[i] = false;
    }
    return false;
  };
  return go(0, INITIAL);
}

describe('against brute force on random small histories', () => {
  const op = fc.record({
    f: fc.constantFrom<'put' | 'get'>('put', 'get'),
    value: fc.constantFrom(null, 1, 2, 3),
    call: fc.integer({ min: 0, max: 20 }),
    len: fc.integer({ min: 0, max: 8 }),
    status: fc.constantFrom<'ok' | 'ok' | 'info' | 'fail'>('ok', 'ok', 'info', 'fail'),
  });
  it('agrees on 2,000 histories of up to 7 ops', () => {
    let bad = 0;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 7 }), (raw) => {
        const ops = raw.map((o) => ({ f: o.f, value: o.f === 'put' && o.value === null ? 1 : o.value, call: o.call, ret: o.call + o.len, status: o.status }));
        const checkOps = toCheckOps(handHistory(ops).byKey('x'));
        const expected = bruteForce(checkOps);
        if (!expected) bad++;
        expect(searchLinearization(checkOps).ok).toBe(expected);
        const v = checkKey(handHistory(ops), 'x');
        expect(v.ok).toBe(expected);
        if (!expected) {
          // The core is itself not linearizable, and dropping any read but the culprit (the
          // last answer, which broke the history) makes it so.
          const core = toCheckOps(v.core!);
          expect(bruteForce(core)).toBe(false);
          const last = Math.max(...core.map((o) => (o.ret === Infinity ? -1 : o.ret)));
          for (let i = 0; i < core.length; i++) {
            if (core[i]!.kind === 'read' && core[i]!.ret !== last) expect(bruteForce(core.filter((_, j) => j !== i))).toBe(true);
          }
        }
      }),
      { numRuns: 2000, seed: 11 },
    );
    // Both answers must actually occur, or the comparison proves little.
    expect(bad).toBeGreaterThan(100);
  });
});
