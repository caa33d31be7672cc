/**
 * Delta debugging (Zeller and Hildebrandt, "Simplifying and Isolating Failure-Inducing Input",
 * TSE 2002): split the failing input into n parts; keep a part that still fails, else a
 * complement that still fails (n − 1 parts), else split finer. The result is 1-minimal: no
 * single item can be removed and still fail.
 */
export function ddmin<T>(items: readonly T[], fails: (subset: readonly T[]) => boolean, budget = Infinity): T[] {
  let current = items.slice();
  let n = 2;
  let tests = 0;
  while (current.length >= 2 && tests < budget) {
    const size = Math.ceil(current.length / n);
    const parts: T[][] = [];
    for (let i = 0; i < current.length; i += size) parts.push(current.slice(i, i + size));
    let reduced = false;
    for (const part of parts) {
      if (tests++ >= budget) break;
      if (fails(part)) {
        current = part;
        n = 2;
        reduced = true;
        break;
      }
    }
    if (!reduced && parts.length > 2) {
      for (let i = 0; i < parts.length; i++) {
        if (tests++ >= budget) break;
        const complement = parts.filter((_, j) => j !== i).flat();
        if (fails(complement)) {
          current = complement;
          n = Math.max(n - 1, 2);
          reduced = true;
          break;
        }
      }
    }
    if (!reduced) {
      if (n >= current.length) break;
      n = Math.min(current.length, n * 2);
    }
  }
  // A single remaining item may still be unnecessary.
  if (current.length === 1 && tests < budget && fails([])) return [];
  return current;
}
