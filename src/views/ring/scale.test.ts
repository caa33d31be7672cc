import { describe, expect, it } from 'vitest';
import { buildRing, successor } from '../../protocols/chash/ring';
import { BINS, binRing, computeScale, ringJoin, validateScale, type ScaleProgress } from './scale';

describe('validateScale', () => {
  it('accepts whole numbers within the limits, with thousands separators', () => {
    expect(validateScale({ servers: '1,000', vnodes: '200', keys: '1 000 000' })).toEqual({ input: { servers: 1000, vnodes: 200, keys: 1_000_000 }, problems: [] });
  });
  it('names every bad field, with the value and the range', () => {
    const { input, problems } = validateScale({ servers: '0', vnodes: '2.5', keys: '' });
    expect(input).toBeNull();
    expect(problems.map((p) => p.field)).toEqual(['servers', 'vnodes', 'keys']);
    expect(problems[0]).toEqual({ field: 'servers', key: 'ring.scale.bad.servers', vars: { value: '0', min: 1, max: 1000 } });
    expect(problems[1]!.vars.value).toBe('2.5');
    expect(problems[2]).toEqual({ field: 'keys', key: 'ring.scale.empty.keys', vars: { value: '', min: 1, max: 1_000_000 } });
    expect(validateScale({ servers: '1001', vnodes: '-3', keys: '1e6' }).problems).toHaveLength(3);
  });
});

describe('binRing', () => {
  it('gives each bin the owner of most of it, and counts tokens', () => {
    const ring = buildRing(['a', 'b', 'c', 'd'], 3);
    const bins = 64;
    const { ownerBins, tokenBins } = binRing(ring.tokens, ring.owner, bins);
    expect(tokenBins.reduce((a, b) => a + b, 0)).toBe(12);
    // Sample each bin finely: the owner found most often is the one binRing names.
    const width = 2 ** 32 / bins;
    for (let b = 0; b < bins; b++) {
      const count = new Map<number, number>();
      for (let s = 0; s < 400; s++) {
        const o = ring.owner[successor(ring, Math.floor(b * width + (s + 0.5) * (width / 400)))]!;
        count.set(o, (count.get(o) ?? 0) + 1);
      }
      const top = Math.max(...count.values());
      // Ties within sampling error are allowed either way.
      expect(count.get(ownerBins[b]!) ?? 0, `bin ${b}`).toBeGreaterThanOrEqual(top - 2);
    }
  });
  it('is empty for an empty ring', () => {
    const { ownerBins, tokenBins } = binRing(new Uint32Array(0), new Int32Array(0), 8);
    expect([...ownerBins]).toEqual(Array(8).fill(-1));
    expect([...tokenBins]).toEqual(Array(8).fill(0));
  });
});

describe('computeScale', () => {
  it('places, joins, agrees incrementally, and reports progress up to 1', () => {
    let clock = 0;
    const seen: ScaleProgress[] = [];
    const r = computeScale({ servers: 20, vnodes: 10, keys: 30_000 }, { now: () => (clock += 50), progress: (p) => seen.push(p), fullJoin: true });
    expect(r.schemes.map((s) => s.id)).toEqual(['ring', 'rendezvous', 'jump', 'mod']);
    expect(r.keyBins.reduce((a, b) => a + b, 0)).toBe(30_000);
    expect(r.ownerBins).toHaveLength(BINS);
    expect(r.joinTokens).toHaveLength(10);
    expect(r.joiner).toBe('s21');
    for (const s of r.schemes) {
      expect(s.loads).toHaveLength(21);
      expect(s.after.keys).toBe(30_000);
      expect(s.movedBins.reduce((a, b) => a + b, 0)).toBe(Math.round(s.moved * 30_000));
      expect(s.placeMs).toBeGreaterThan(0);
    }
    const by = Object.fromEntries(r.schemes.map((s) => [s.id, s]));
    // Rendezvous and jump move close to 1/21; mod N close to 20/21 (binomial, sd < 0.002).
    expect(Math.abs(by.rendezvous!.moved - 1 / 21)).toBeLessThan(0.01);
    expect(Math.abs(by.jump!.moved - 1 / 21)).toBeLessThan(0.01);
    expect(Math.abs(by.mod!.moved - 20 / 21)).toBeLessThan(0.01);
    // The ring moves exactly the newcomer's load.
    expect(by.ring!.moved * 30_000).toBe(by.ring!.loads[20]);
    expect(by.ring!.joinIncrementalMs).not.toBeNull();
    expect(by.jump!.joinIncrementalMs).toBeNull();
    expect(seen.at(-1)!.done).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
  });

  it('without the full join, gives the same figures from the incremental updates', () => {
    const input = { servers: 15, vnodes: 20, keys: 20_000 };
    const full = computeScale(input, { now: () => 0, fullJoin: true });
    const fast = computeScale(input, { now: () => 0 });
    for (let i = 0; i < 4; i++) {
      expect(fast.schemes[i]!.moved).toBe(full.schemes[i]!.moved);
      expect([...fast.schemes[i]!.loads]).toEqual([...full.schemes[i]!.loads]);
    }
    expect(fast.schemes[0]!.joinMs).toBeNull();
    expect(fast.schemes[2]!.joinMs).not.toBeNull();
  });
});

describe('ringJoin', () => {
  /** Owner by definition: all tokens sorted by (position, id), the first at or after the key. */
  function owners(keys: number[], tokens: [number, string][]): string[] {
    const all = [...tokens].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    return keys.map((k) => (all.find(([t]) => t >= k) ?? all[0]!)[1]);
  }
  it('gives the joiner exactly its arcs, ties by server id and the wrap past the top included', () => {
    const oldTokens: [number, string][] = [[100, 'b'], [200, 'd'], [300, 'b'], [4_000_000_000, 'd']];
    const old = { servers: ['b', 'd'], tokens: Uint32Array.from(oldTokens.map((t) => t[0])), owner: Int32Array.from(oldTokens.map((t) => (t[1] === 'b' ? 0 : 1))) };
    const keys = [0, 50, 99, 100, 101, 150, 199, 200, 250, 299, 300, 301, 3_999_999_999, 4_000_000_000, 4_100_000_000, 4_294_967_295];
    // 'c' ties d at 200 (c first, so c takes the arc), ties b at 300 (b first: nothing),
    // sits at 150, and past the last old token (the wrap arc is split).
    for (const [joiner, mine] of [['c', [200, 300, 150, 4_200_000_000]], ['a', [50]], ['e', [4_294_967_295, 0]]] as const) {
      const before = Int32Array.from(owners(keys, oldTokens), (s) => (s === 'b' ? 0 : 1));
      const order = Uint32Array.from(keys.map((_, i) => i));
      const got = ringJoin(before, order, Uint32Array.from(keys), old, joiner, 2, mine);
      const want = owners(keys, [...oldTokens, ...mine.map((t) => [t, joiner] as [number, string])]);
      expect(Array.from(got, (o) => ['b', 'd', joiner][o]), joiner).toEqual(want);
    }
  });
});
