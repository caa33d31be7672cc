/**
 * Angle bins of the aggregated ring: a 32-bit hash or token to its bin, and a ring's arcs binned
 * (owner and token count per bin), so a thousand servers draw as 360 wedges.
 */

/** Angle bins of the aggregated ring. */
export const BINS = 360;

export const binOf = (h: number) => Math.floor((h / 2 ** 32) * BINS);

/**
 * A ring's arcs binned by angle: for each of `bins` bins, the server owning the longest part
 * of it (-1 for an empty ring), and the number of tokens in it. The arc ending at token i,
 * from token i-1, belongs to owner[i].
 */
export function binRing(tokens: Uint32Array, owner: Int32Array, bins: number): { ownerBins: Int32Array; tokenBins: Uint32Array } {
  const ownerBins = new Int32Array(bins).fill(-1);
  const tokenBins = new Uint32Array(bins);
  const n = tokens.length;
  if (n === 0) return { ownerBins, tokenBins };
  const width = 2 ** 32 / bins;
  for (let i = 0; i < n; i++) tokenBins[Math.min(bins - 1, Math.floor(tokens[i]! / width))]!++;
  // Walk bins and arcs together; a point belongs to the first token at or after it.
  let t = 0; // the first token >= the current bin's start
  for (let b = 0; b < bins; b++) {
    const start = b * width;
    const end = (b + 1) * width;
    while (t < n && tokens[t]! < start) t++;
    const lens = new Map<number, number>();
    let best = -1;
    let bestLen = -1;
    let pos = start;
    for (let k = t; pos < end; ) {
      const who = owner[k < n ? k : 0]!; // past the last token, the arc wraps to token 0
      const stop = k < n ? Math.min(tokens[k]!, end) : end;
      const len = (lens.get(who) ?? 0) + (stop - pos);
      lens.set(who, len);
      if (len > bestLen) {
        bestLen = len;
        best = who;
      }
      pos = stop;
      if (k < n && tokens[k]! <= pos) k++;
    }
    ownerBins[b] = best;
  }
  return { ownerBins, tokenBins };
}
