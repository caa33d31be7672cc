import { describe, expect, it } from 'vitest';
import { fmix32, murmur3, tokenOf } from './hash';

describe('murmur3 (MurmurHash3_x86_32)', () => {
  // Published vectors: SMHasher / the Wikipedia MurmurHash article and common ports.
  it.each([
    ['', 0, 0],
    ['', 1, 0x514e28b7],
    ['', 0xffffffff, 0x81f16f39],
    ['hello', 0, 0x248bfa47],
    ['test', 0, 0xba6bd213],
    ['abc', 0, 0xb3dd93fa],
    ['The quick brown fox jumps over the lazy dog', 0, 0x2e4ff723],
    ['a', 0x9747b28c, 0x7fa09ea6],
    ['aaaa', 0x9747b28c, 0x5a97808a],
    ['Hello, world!', 0x9747b28c, 0x24884cba],
    ['ππππππππ', 0x9747b28c, 0xd58063c1],
  ])('hashes %j with seed %d', (key, seed, want) => {
    expect(murmur3(key, seed)).toBe(want);
  });

  it('defaults the seed to 0 and returns an unsigned 32-bit integer', () => {
    expect(murmur3('hello')).toBe(murmur3('hello', 0));
    for (const k of ['x', 'key-1', 'zz', '😀', 'a\ud800b']) {
      const h = murmur3(k);
      expect(Number.isInteger(h) && h >= 0 && h <= 0xffffffff).toBe(true);
    }
  });

  it('hashes the UTF-8 bytes: a lone surrogate counts as U+FFFD, an astral char as 4 bytes', () => {
    expect(murmur3('a\ud800b')).toBe(murmur3('a\ufffdb'));
    expect(murmur3('😀')).not.toBe(murmur3('\ud83d'));
  });
});

describe('fmix32', () => {
  it('is murmur3’s finalizer: an empty key hashes to fmix32(seed)', () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(0x514e28b7);
    expect(fmix32(0xffffffff)).toBe(0x81f16f39);
  });
});

describe('tokenOf', () => {
  it('is murmur3 of "server#i"', () => {
    expect(tokenOf('s1', 0)).toBe(murmur3('s1#0'));
    expect(tokenOf('n12', 7)).toBe(murmur3('n12#7'));
  });
});
