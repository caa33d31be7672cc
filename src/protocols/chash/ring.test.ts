import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { murmur3, tokenOf } from './hash';
import { buildRing, replicasOf, successor, type Ring } from './ring';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `s${i + 1}`);

/** The definition, without typed arrays or binary search: all tokens, sorted, then a walk. */
function naiveReplicas(servers: readonly string[], v: number, key: string, r: number): string[] {
  const all = servers.flatMap((s) => Array.from({ length: v }, (_, i) => ({ t: tokenOf(s, i), s })));
  all.sort((a, b) => a.t - b.t || (a.s < b.s ? -1 : a.s > b.s ? 1 : 0));
  const h = murmur3(key);
  let start = all.findIndex((x) => x.t >= h);
  if (start < 0) start = 0;
  const out: string[] = [];
  for (let i = 0; i < all.length && out.length < Math.min(r, servers.length); i++) {
    const s = all[(start + i) % all.length]!.s;
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

describe('buildRing', () => {
  it('holds every token of every server, sorted, each with its owner', () => {
    const ring = buildRing(ids(5), 10);
    expect(ring.tokens.length).toBe(50);
    for (let i = 1; i < ring.tokens.length; i++) expect(ring.tokens[i]!).toBeGreaterThanOrEqual(ring.tokens[i - 1]!);
    const pairs = Array.from(ring.tokens, (t, i) => `${ring.servers[ring.owner[i]!]}@${t}`).sort();
    const want = ids(5).flatMap((s) => Array.from({ length: 10 }, (_, i) => `${s}@${tokenOf(s, i)}`)).sort();
    expect(pairs).toEqual(want);
  });

  it('breaks equal tokens by server id, whatever the listing order', () => {
    // Two listing orders of the same ids must give the same ring.
    const a = buildRing(['b', 'a', 'c'], 4);
    const b = buildRing(['c', 'b', 'a'], 4);
    const names = (r: Ring) => Array.from(r.owner, (o) => r.servers[o]);
    expect(Array.from(a.tokens)).toEqual(Array.from(b.tokens));
    expect(names(a)).toEqual(names(b));
    // Real collisions are rare, so force them: a server listed twice puts equal tokens side by side.
    const dup = buildRing(['b', 'a', 'b'], 2);
    for (let i = 1; i < dup.tokens.length; i++) {
      if (dup.tokens[i] === dup.tokens[i - 1]) expect(dup.servers[dup.owner[i - 1]!]! <= dup.servers[dup.owner[i]!]!).toBe(true);
    }
    expect(new Set(Array.from(dup.tokens)).size).toBe(4);
  });

  it('is empty without servers or tokens', () => {
    expect(buildRing([], 8).tokens.length).toBe(0);
    expect(replicasOf(buildRing([], 8), 'k', 3)).toEqual([]);
    expect(replicasOf(buildRing(['s1'], 0), 'k', 3)).toEqual([]);
  });
});

describe('successor', () => {
  const ring = buildRing(ids(4), 3);
  const t = Array.from(ring.tokens);
  it('finds the first token >= h and wraps past the last', () => {
    expect(successor(ring, 0)).toBe(0);
    expect(successor(ring, t[2]!)).toBe(2);
    expect(successor(ring, t[2]! + 1)).toBe(3);
    expect(successor(ring, t[t.length - 1]! + 1)).toBe(0);
    expect(successor(ring, 0xffffffff)).toBe(t[t.length - 1] === 0xffffffff ? t.length - 1 : 0);
  });
  it('agrees with a linear scan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (h) => {
        const i = t.findIndex((x) => x >= h);
        expect(successor(ring, h)).toBe(i < 0 ? 0 : i);
      }),
      { numRuns: 300 },
    );
  });
});

describe('successor on a large ring (bucket index)', () => {
  const big = buildRing(ids(50), 100);
  const t = Array.from(big.tokens);
  const scan = (h: number) => {
    const i = t.findIndex((x) => x >= h);
    return i < 0 ? 0 : i;
  };
  it('agrees with a linear scan, at tokens, around bucket edges and at the ends', () => {
    const edges = [0, 1, 0xffff, 0x10000, 0x10001, 0x7fffffff, 0x80000000, 0xfffeffff, 0xffff0000, 0xffffffff, t[0]!, t[0]! + 1, t.at(-1)!, t.at(-1)! + 1];
    for (const h of [...edges, ...t.slice(0, 200), ...t.slice(0, 200).map((x) => x - 1)]) expect(successor(big, h >>> 0), String(h)).toBe(scan(h >>> 0));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (h) => {
        expect(successor(big, h)).toBe(scan(h));
      }),
      { numRuns: 300 },
    );
  });
});

describe('replicasOf', () => {
  it('agrees with the definition (sorted tokens, walk clockwise, skip repeats)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }), fc.string(), (n, v, r, key) => {
        const servers = ids(n);
        expect(replicasOf(buildRing(servers, v), key, r)).toEqual(naiveReplicas(servers, v, key, r));
      }),
      { numRuns: 200 },
    );
  });

  it('returns min(r, servers) distinct servers, the first being the owner of the successor token', () => {
    const ring = buildRing(ids(6), 8);
    for (const key of ['a', 'b', 'user:42', 'zz']) {
      const reps = replicasOf(ring, key, 3);
      expect(new Set(reps).size).toBe(3);
      expect(reps[0]).toBe(ring.servers[ring.owner[successor(ring, murmur3(key))]!]);
      expect(replicasOf(ring, key, 10)).toHaveLength(6);
    }
  });
});

/**
 * The movement rules, exact (Karger et al. 1997, section 4, monotonicity). Adding j inserts j
 * into each preference list at its first token on the walk and, if the list was full, pushes
 * the last server out; removing l deletes l and pulls the next server in. So a join moves keys
 * only to j and a leave moves only l's keys, and every other key keeps its list unchanged.
 */
describe('movement rules (property)', () => {
  const arb = fc.record({
    n: fc.integer({ min: 1, max: 8 }),
    v: fc.integer({ min: 1, max: 16 }),
    r: fc.integer({ min: 1, max: 4 }),
    keys: fc.uniqueArray(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 40 }),
  });

  it('a join moves keys only to the new server', () => {
    fc.assert(
      fc.property(arb, ({ n, v, r, keys }) => {
        const before = buildRing(ids(n), v);
        const after = buildRing([...ids(n), 'new'], v);
        for (const k of keys) {
          const a = replicasOf(before, k, r);
          const b = replicasOf(after, k, r);
          const kept = b.filter((s) => s !== 'new');
          // Without j, the new list is a prefix of the old one: only j came in, at most one went.
          expect(kept).toEqual(a.slice(0, kept.length));
          expect(b.length).toBe(Math.min(r, n + 1));
          if (!b.includes('new')) expect(b).toEqual(a);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a leave moves only the departed server’s keys', () => {
    fc.assert(
      fc.property(arb.filter((x) => x.n >= 2), fc.nat(), ({ n, v, r, keys }, pick) => {
        const servers = ids(n);
        const gone = servers[pick % n]!;
        const before = buildRing(servers, v);
        const after = buildRing(servers.filter((s) => s !== gone), v);
        for (const k of keys) {
          const a = replicasOf(before, k, r);
          const b = replicasOf(after, k, r);
          if (!a.includes(gone)) expect(b).toEqual(a);
          else {
            // The list loses l and gains at most the next server clockwise, at its end.
            expect(b.slice(0, a.length - 1)).toEqual(a.filter((s) => s !== gone));
            expect(b.length).toBe(Math.min(r, n - 1));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the ring does not depend on the order servers are listed in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(ids(8), { minLength: 1 }), fc.string(), (servers, key) => {
        const sorted = [...servers].sort();
        expect(replicasOf(buildRing(servers, 5), key, 3)).toEqual(replicasOf(buildRing(sorted, 5), key, 3));
      }),
      { numRuns: 100 },
    );
  });
});
