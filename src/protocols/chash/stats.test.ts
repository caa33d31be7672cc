import { describe, expect, it } from 'vitest';
import { buildRing } from './ring';
import { applyChange, schemes, syntheticKeys, type Change, type SchemeId } from './schemes';
import { expectedCv2, expectedMoved, loadStats, loadsOf, movedCount, movedFraction, theoreticalCv } from './stats';

const ids = (n: number, prefix = 's') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

describe('load figures', () => {
  it('count keys per server and skip unowned keys', () => {
    expect([...loadsOf(Int32Array.of(0, 1, 1, -1, 2, 1), 4)]).toEqual([1, 3, 1, 0]);
  });
  it('max/mean and the population CV', () => {
    const s = loadStats([2, 4, 6, 8]);
    expect(s).toMatchObject({ servers: 4, keys: 20, mean: 5, min: 2, max: 8, maxOverMean: 1.6 });
    expect(s.cv).toBeCloseTo(Math.sqrt(5) / 5, 12);
    expect(loadStats([]).cv).toBe(0);
    expect(loadStats([0, 0]).maxOverMean).toBe(0);
  });
  it('theory: √((N−1)/(Nv+1)), and sampling noise on top', () => {
    expect(theoreticalCv(10, 100)).toBeCloseTo(0.0948, 4);
    expect(theoreticalCv(1000, 200)).toBeCloseTo(Math.sqrt(999 / 200_001), 12);
    expect(theoreticalCv(1, 5)).toBe(0);
    expect(expectedCv2(10, 1000)).toBeCloseTo(0.009, 12);
    expect(expectedCv2(10, 1000, 0.01)).toBeCloseTo(0.01 * 0.999 + 0.009, 12);
  });
});

describe('moved keys', () => {
  it('compares owners by name, across different server lists', () => {
    // Same owners, listed in another order: nothing moved.
    expect(movedCount(Int32Array.of(0, 1, 2), ['a', 'b', 'c'], Int32Array.of(2, 1, 0), ['c', 'b', 'a'])).toBe(0);
    // b left: its key moved; a's key moved to c.
    expect(movedCount(Int32Array.of(0, 1, 2), ['a', 'b', 'c'], Int32Array.of(1, 1, 1), ['a', 'c'])).toBe(2);
    expect(movedFraction(new Int32Array(0), [], new Int32Array(0), [])).toBe(0);
    expect(() => movedCount(new Int32Array(1), ['a'], new Int32Array(2), ['a'])).toThrow();
  });
  it('expected fractions', () => {
    expect(expectedMoved('ring', 'join', 10)).toBeCloseTo(1 / 11, 12);
    expect(expectedMoved('mod', 'join', 10)).toBeCloseTo(10 / 11, 12);
    expect(expectedMoved('rendezvous', 'leave', 10)).toBeCloseTo(0.1, 12);
    expect(expectedMoved('mod', 'leave', 10)).toBeCloseTo(0.9, 12);
    expect(expectedMoved('jump', 'leave', 10, true)).toBeCloseTo(0.1, 12);
    expect(expectedMoved('jump', 'leave', 10, false)).toBeCloseTo(0.1 + 0.1 * (8 / 9), 12);
  });
});

/**
 * Statistical checks against theory. The inputs are fixed (key names `key-i`, server names by
 * trial), so the runs are deterministic; the tolerances are chosen so that a correct
 * implementation passes with any such choice (each is at least 4 standard deviations), and a
 * wrong one (a biased hash, a mis-sized ring) fails.
 */
describe('statistics against theory', () => {
  /** Share of the ring each server owns, from the arcs between tokens (infinitely many keys). */
  function shares(servers: readonly string[], v: number): Float64Array {
    const ring = buildRing(servers, v);
    const out = new Float64Array(servers.length);
    const n = ring.tokens.length;
    for (let i = 0; i < n; i++) {
      const prev = i === 0 ? ring.tokens[n - 1]! - 2 ** 32 : ring.tokens[i - 1]!;
      out[ring.owner[i]!]! += (ring.tokens[i]! - prev) / 2 ** 32;
    }
    return out;
  }

  it('ring shares: mean CV² over 400 rings of N=10, v=100 is (N−1)/(Nv+1) (CV ≈ 0.095)', () => {
    // CV² of one ring is roughly χ²(9)/9 around the theory: relative sd 0.47, so the mean of
    // 400 has relative sd 2.4%; allow 10%.
    let sum = 0;
    const T = 400;
    for (let t = 0; t < T; t++) sum += loadStats(shares(ids(10, `r${t}-`), 100)).cv ** 2;
    const meanCv2 = sum / T;
    expect(Math.abs(meanCv2 / theoreticalCv(10, 100) ** 2 - 1)).toBeLessThan(0.1);
  });

  it('ring loads with keys: RMS CV over 60 rings of N=10, v=100 with 100,000 keys is near 0.095', () => {
    // Expected CV² = T²(1 − 1/K) + (N−1)/K ≈ 0.00908 (RMS CV 0.0953). Relative sd of the
    // mean CV² over 60 rings ≈ 6%, of its root ≈ 3%: allow 12%.
    const hashes = syntheticKeys(100_000);
    const T = 60;
    let sum = 0;
    for (let t = 0; t < T; t++) {
      const servers = ids(10, `k${t}-`);
      sum += loadStats(loadsOf(schemes(100).ring.place(hashes, servers), 10)).cv ** 2;
    }
    const rms = Math.sqrt(sum / T);
    const expected = Math.sqrt(expectedCv2(10, hashes.length, theoreticalCv(10, 100) ** 2));
    expect(expected).toBeCloseTo(0.0953, 3);
    expect(Math.abs(rms / expected - 1)).toBeLessThan(0.12);
    expect(Math.abs(rms - 0.095)).toBeLessThan(0.012);
  });

  it('one big ring (N=1000, v=100): the share CV across 1,000 servers is within 8% of theory', () => {
    // With 1,000 servers the CV of one ring is already tight (relative sd ≈ 2.3%).
    const cv = loadStats(shares(ids(1000), 100)).cv;
    expect(Math.abs(cv / theoreticalCv(1000, 100) - 1)).toBeLessThan(0.08);
  });

  it('rendezvous, jump and mod N spread 100,000 keys over 10 servers as evenly as sampling allows', () => {
    // Their shares are equal in expectation: CV² ≈ (N−1)/K = 9e-5 (CV ≈ 0.0095), χ²(9)-like;
    // 3× the CV (9× CV²) is beyond χ²(9)'s 1e-10 tail. max/mean: each load has sd ≈ 0.95%.
    const hashes = syntheticKeys(100_000);
    for (const id of ['rendezvous', 'jump', 'mod'] as const) {
      const s = loadStats(loadsOf(schemes(1)[id].place(hashes, ids(10)), 10));
      expect(s.cv, id).toBeLessThan(3 * Math.sqrt(expectedCv2(10, hashes.length)));
      expect(s.maxOverMean, id).toBeLessThan(1.05);
    }
  });

  /** Moved fraction of one change from `servers`, under a scheme. */
  function moved(id: SchemeId, hashes: Uint32Array, servers: readonly string[], change: Change, v = 100): number {
    const s = schemes(v)[id];
    const after = applyChange(id, servers, change);
    return movedFraction(s.place(hashes, servers), servers, s.place(hashes, after), after);
  }

  it('a join from N=10 moves 1/(N+1) under rendezvous and jump, N/(N+1) under mod N', () => {
    // Binomial with K = 100,000: sd ≤ 0.0016; allow 0.007.
    const hashes = syntheticKeys(100_000);
    const join: Change = { kind: 'join', server: 'new' };
    for (const id of ['rendezvous', 'jump', 'mod'] as const) {
      expect(Math.abs(moved(id, hashes, ids(10), join) - expectedMoved(id, 'join', 10)), id).toBeLessThan(0.007);
    }
  });

  it('a join from N=10 moves 1/(N+1) on average on a ring (v=100)', () => {
    // One join moves the newcomer's share, Beta(v, Nv): mean 1/(N+1), sd ≈ 0.0087 at v=100.
    // The mean of 40 joins has sd ≈ 0.0014 (+ key sampling): allow 0.006. Each single join
    // stays within 5 sd.
    const hashes = syntheticKeys(20_000);
    const T = 40;
    let sum = 0;
    for (let t = 0; t < T; t++) {
      const f = moved('ring', hashes, ids(10, `j${t}-`), { kind: 'join', server: `j${t}-new` });
      expect(Math.abs(f - 1 / 11)).toBeLessThan(5 * 0.0087 + 0.01);
      sum += f;
    }
    expect(Math.abs(sum / T - 1 / 11)).toBeLessThan(0.006);
  });

  it('a leave from N=10: ≈1/N on rings and rendezvous, ≈(N−1)/N under mod N, ≈2/N under jump (middle server)', () => {
    const hashes = syntheticKeys(100_000);
    const leave: Change = { kind: 'leave', server: 's4' };
    expect(Math.abs(moved('rendezvous', hashes, ids(10), leave) - 0.1)).toBeLessThan(0.007);
    expect(Math.abs(moved('mod', hashes, ids(10), leave) - 0.9)).toBeLessThan(0.007);
    expect(Math.abs(moved('jump', hashes, ids(10), leave) - expectedMoved('jump', 'leave', 10, false))).toBeLessThan(0.007);
    expect(Math.abs(moved('jump', hashes, ids(10), { kind: 'leave', server: 's10' }) - 0.1)).toBeLessThan(0.007);
    let sum = 0;
    for (let t = 0; t < 40; t++) sum += moved('ring', syntheticKeys(20_000), ids(10, `l${t}-`), { kind: 'leave', server: `l${t}-3` });
    expect(Math.abs(sum / 40 - 0.1)).toBeLessThan(0.006);
  });
});
