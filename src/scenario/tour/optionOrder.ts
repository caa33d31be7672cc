/**
 * The order a "choice" question shows its options in (walk-through: every built-in tour listed
 * its right answer first). A shuffle seeded from the tour id and the step id: the same tour
 * always shows the same order (tests and screenshots stay stable, a class sees one order), and
 * the author's order no longer gives the answer away. Pure and deterministic: the kernel's own
 * seeded generator, nothing else.
 */
import { Rng, hashString } from '../../sim/rng';

/** `options` in a shuffled order fixed by `tourId` and `stepId` (Fisher–Yates). */
export function optionOrder<T>(options: readonly T[], tourId: string, stepId: string): T[] {
  const rng = Rng.fromSeed(hashString(`${tourId}\u0000${stepId}`));
  const out = [...options];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
