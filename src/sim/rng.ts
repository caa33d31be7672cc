/**
 * The world's one seeded random generator: sfc32 (Chris Doty-Humphrey's Small Fast
 * Counting generator, public domain), seeded through splitmix32. Its whole state is four
 * uint32 words, so checkpoints copy it for free and a trace replays bit for bit.
 */
export type RngState = readonly [number, number, number, number];

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(state: RngState) {
    [this.a, this.b, this.c, this.d] = state;
  }

  static fromSeed(seed: number): Rng {
    const next = splitmix32(seed);
    const rng = new Rng([next(), next(), next(), next()]);
    // Discard the first outputs: sfc32 mixes poorly for a few rounds.
    for (let i = 0; i < 12; i++) rng.nextUint32();
    return rng;
  }

  state(): RngState {
    return [this.a, this.b, this.c, this.d];
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max <= min) return min;
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. Draws nothing when p is 0 or 1, so turning a rate on
   * does not shift every later draw of a run that never uses it. */
  chance(p: number): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick: empty list');
    return items[this.int(0, items.length - 1)] as T;
  }
}

/**
 * Keyed draws (scenario version 2). Each message-level or timer draw is a pure function of
 * (seed, purpose, keys): removing one action from a scenario changes only the draws it
 * touches, not every later one, which is what shrinking a counterexample needs. The mix is
 * murmur3's finaliser over a running combination of the words.
 */
export const Purpose = { Latency: 1, Drop: 2, Duplicate: 3, DuplicateLatency: 4, Timer: 5, ManualDuplicate: 6 } as const;
export type Purpose = (typeof Purpose)[keyof typeof Purpose];

function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function combine(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** A 32-bit hash of a string (FNV-1a then a finaliser): node ids and timer names as keys. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix(h);
}

/** A float in [0, 1) for (seed, purpose, a, b, c). */
export function keyedUnit(seed: number, purpose: Purpose, a: number, b: number, c: number): number {
  let h = combine(seed | 0, purpose);
  h = combine(h, a);
  h = combine(h, b);
  h = combine(h, c);
  return fmix(h ^ 20) / 4294967296;
}

/** A 32-bit key mixed from four words: version 3's causal keys (sim/causal.ts). */
export function mixKeys(a: number, b: number, c: number, d: number): number {
  return fmix(combine(combine(combine(combine(0x3c6ef372, a), b), c), d) ^ 16);
}

/** An integer in [min, max] from a keyed unit draw, as Rng.int does with its own. */
export function unitToInt(u: number, min: number, max: number): number {
  return max <= min ? min : min + Math.floor(u * (max - min + 1));
}
