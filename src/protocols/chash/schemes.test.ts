import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { murmur3 } from './hash';
import { buildRing, replicasOf } from './ring';
import { applyChange, fmix32, hashKeys, jumpHash, jumpScheme, modScheme, rendezvousScheme, rendezvousWeight, ringScheme, schemes, SCHEME_IDS, syntheticKeys, type SchemeId } from './schemes';

const ids = (n: number, prefix = 's') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const names = (owner: Int32Array, servers: readonly string[]) => Array.from(owner, (o) => (o < 0 ? null : servers[o]!));

/** The paper's C++ with BigInt: the reference the 32-bit-halves version must match. */
function jumpReference(key: bigint, buckets: number): number {
  const M = (1n << 64n) - 1n;
  let b = -1;
  let j = 0;
  while (j < buckets) {
    b = j;
    key = (key * 2862933555777941757n + 1n) & M;
    j = Math.floor((b + 1) * (Number(1n << 31n) / Number((key >> 33n) + 1n)));
  }
  return b;
}
const split = (key: bigint) => [Number(key & 0xffffffffn), Number(key >> 32n)] as const;

describe('jumpHash', () => {
  it('gives the published values', () => {
    // jump_consistent_hash(123456, 1000) == 984 (rust jumphash crates' test vectors);
    // jump.hash(256, 1024) == 520 (the Python package's documentation).
    expect(jumpHash(123456, 0, 1000)).toBe(984);
    expect(jumpHash(256, 0, 1024)).toBe(520);
    // 64-bit keys, both words in play.
    expect(jumpHash(...split(10863919174838991n), 11)).toBe(6);
    expect(jumpHash(...split(2016238256797177309n), 11)).toBe(3);
  });

  it('matches the BigInt reference on any 64-bit key and bucket count', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), fc.integer({ min: 1, max: 1 << 20 }), (key, n) => {
        expect(jumpHash(...split(key), n)).toBe(jumpReference(key, n));
      }),
      { numRuns: 2000 },
    );
    // Keys where the low word is all ones: the + 1 carries into the high word.
    for (const key of [0xffffffffn, 0xfffffffffffffffen, (1n << 64n) - 1n, 0n]) expect(jumpHash(...split(key), 1000)).toBe(jumpReference(key, 1000));
  });

  it('moves a key only to the new bucket when buckets grow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 1, max: 5000 }), (key, n) => {
        const a = jumpHash(key, 0, n);
        const b = jumpHash(key, 0, n + 1);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThan(n);
        expect(b === a || b === n).toBe(true);
      }),
    );
  });
});

describe('fmix32 and rendezvous weights', () => {
  it('fmix32 is murmur3’s finalizer (murmur3 of nothing with seed s is fmix32(s))', () => {
    for (const s of [0, 1, 42, 0xdeadbeef]) expect(fmix32(s)).toBe(murmur3('', s));
  });
  it('the placer uses the documented weight', () => {
    const servers = ids(7);
    const hashes = syntheticKeys(500);
    const owner = rendezvousScheme.place(hashes, servers);
    const sh = servers.map((s) => murmur3(s));
    hashes.forEach((h, i) => {
      const w = sh.map((x) => rendezvousWeight(x, h));
      expect(owner[i]).toBe(w.indexOf(Math.max(...w)));
    });
  });
  it('splits two servers evenly, whatever their names', () => {
    const hashes = syntheticKeys(20_000);
    for (let t = 0; t < 20; t++) {
      const owner = rendezvousScheme.place(hashes, [`a${t}`, `b${t}`]);
      const first = owner.reduce((n, o) => n + (o === 0 ? 1 : 0), 0) / owner.length;
      // Binomial(20,000, ½): sd 0.0035; 0.02 is over 5 sd.
      expect(Math.abs(first - 0.5)).toBeLessThan(0.02);
    }
  });
});

describe('ringScheme', () => {
  it('places a key on the first replica of its preference list', () => {
    const servers = ids(6);
    const keys = Array.from({ length: 300 }, (_, i) => `user:${i}`);
    const owner = ringScheme(8).place(hashKeys(keys), servers);
    const ring = buildRing(servers, 8);
    keys.forEach((k, i) => expect(servers[owner[i]!]).toBe(replicasOf(ring, k, 1)[0]));
  });
  it('depends on the set of servers, not their order', () => {
    const hashes = syntheticKeys(1000);
    const a = ringScheme(5).place(hashes, ['x', 'y', 'z']);
    const b = ringScheme(5).place(hashes, ['z', 'x', 'y']);
    expect(names(a, ['x', 'y', 'z'])).toEqual(names(b, ['z', 'x', 'y']));
  });
});

describe('every scheme', () => {
  it('gives -1 without servers and indices in range otherwise', () => {
    const hashes = syntheticKeys(200);
    for (const id of SCHEME_IDS) {
      const s = schemes(4)[id];
      expect([...s.place(hashes, [])].every((o) => o === -1)).toBe(true);
      const owner = s.place(hashes, ids(5));
      expect([...owner].every((o) => o >= 0 && o < 5), id).toBe(true);
    }
    expect([...ringScheme(0).place(hashes, ids(3))].every((o) => o === -1)).toBe(true);
  });

  it('places in chunks exactly as in one go', () => {
    const hashes = syntheticKeys(1000);
    for (const id of SCHEME_IDS) {
      const s = schemes(16)[id];
      const placer = s.prepare(ids(9));
      const out = new Int32Array(hashes.length);
      for (let from = 0; from < hashes.length; from += 137) placer(hashes, out, from, Math.min(hashes.length, from + 137));
      expect([...out]).toEqual([...s.place(hashes, ids(9))]);
    }
  });

  it('modScheme is hash mod N, jumpScheme is jumpHash of the hash', () => {
    const hashes = syntheticKeys(100);
    const m = modScheme.place(hashes, ids(7));
    const j = jumpScheme.place(hashes, ids(7));
    hashes.forEach((h, i) => {
      expect(m[i]).toBe(h % 7);
      expect(j[i]).toBe(jumpHash(h, 0, 7));
    });
  });
});

describe('movement rules (exact)', () => {
  const servers = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/), { minLength: 1, maxLength: 12 });
  const hashes = syntheticKeys(2000);

  it('a join moves keys only to the newcomer (ring, rendezvous, jump)', () => {
    fc.assert(
      fc.property(servers, fc.constantFrom<SchemeId>('ring', 'rendezvous', 'jump'), (list, id) => {
        const joiner = 'joiner';
        fc.pre(!list.includes(joiner));
        const s = schemes(6)[id];
        const after = applyChange(id, list, { kind: 'join', server: joiner });
        const a = names(s.place(hashes, list), list);
        const b = names(s.place(hashes, after), after);
        expect(a.findIndex((x, i) => b[i] !== x && b[i] !== joiner)).toBe(-1);
      }),
      { numRuns: 60 },
    );
  });

  it('a leave moves only the leaver’s keys (ring, rendezvous; jump when the last leaves)', () => {
    fc.assert(
      fc.property(servers, fc.nat(), fc.constantFrom<SchemeId>('ring', 'rendezvous', 'jump'), (list, pick, id) => {
        fc.pre(list.length >= 2);
        const leaver = id === 'jump' ? list.at(-1)! : list[pick % list.length]!;
        const s = schemes(6)[id];
        const after = applyChange(id, list, { kind: 'leave', server: leaver });
        const a = names(s.place(hashes, list), list);
        const b = names(s.place(hashes, after), after);
        expect(a.findIndex((x, i) => (x === leaver ? b[i] === leaver : b[i] !== x))).toBe(-1);
      }),
      { numRuns: 60 },
    );
  });

  it('jump hash: a middle leave also moves the last bucket’s keys, and only those', () => {
    const list = ids(8);
    const after = applyChange('jump', list, { kind: 'leave', server: 's3' });
    expect(after).toEqual(['s1', 's2', 's8', 's4', 's5', 's6', 's7']);
    const a = names(jumpScheme.place(hashes, list), list);
    const b = names(jumpScheme.place(hashes, after), after);
    expect(a.findIndex((x, i) => x !== 's3' && x !== 's8' && b[i] !== x)).toBe(-1);
    expect(b.includes('s3')).toBe(false);
  });
});

describe('applyChange', () => {
  it('appends a join once and removes a leave in order', () => {
    expect(applyChange('ring', ['a', 'b'], { kind: 'join', server: 'c' })).toEqual(['a', 'b', 'c']);
    expect(applyChange('ring', ['a', 'b'], { kind: 'join', server: 'a' })).toEqual(['a', 'b']);
    expect(applyChange('mod', ['a', 'b', 'c'], { kind: 'leave', server: 'a' })).toEqual(['b', 'c']);
    expect(applyChange('jump', ['a', 'b', 'c'], { kind: 'leave', server: 'a' })).toEqual(['c', 'b']);
    expect(applyChange('jump', ['a', 'b', 'c'], { kind: 'leave', server: 'c' })).toEqual(['a', 'b']);
    expect(applyChange('rendezvous', ['a'], { kind: 'leave', server: 'z' })).toEqual(['a']);
  });
});
