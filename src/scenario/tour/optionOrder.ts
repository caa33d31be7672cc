/**
 * The order a "choice" question shows its options in (walk-through: every built-in tour listed
 * its right answer first). A shuffle seeded from the tour id and the step id: the same tour
 * always shows the same order (tests and screenshots stay stable, a class sees one order), and
 * the author's order no longer gives the answer away. Pure and deterministic: no Math.random.
 */

/** FNV-1a over the seed's UTF-16 units: a 32-bit start for the generator below. */
function hash(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** `options` in a shuffled order fixed by `tourId` and `stepId` (Fisher–Yates over mulberry32). */
export function optionOrder<T>(options: readonly T[], tourId: string, stepId: string): T[] {
  let a = hash(`${tourId}\u0000${stepId}`);
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...options];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
