/**
 * Ballot arithmetic and quorum counting that every Paxos-family protocol shares (single-decree
 * Paxos now, Multi-Paxos later). Ballots are natural numbers; -1 means "none" as in Paxos.tla
 * (`maxBal` and `maxVBal` start at -1).
 *
 * Disjoint ballots (Paxos Made Simple, section 2.5: "Different proposers choose their numbers
 * from disjoint sets of numbers"): with k proposers, proposer i (0-based) owns the ballots
 * b ≥ 1 with (b - 1) mod k = i. Two proposers: 1, 3, 5, … and 2, 4, 6, ….
 */

export type Ballot = number;
export const NO_BALLOT: Ballot = -1;

/** The smallest ballot above `above` that proposer `index` of `count` owns. */
export function nextBallot(index: number, count: number, above: Ballot): Ballot {
  const k = Math.max(1, count);
  const round = Math.max(0, Math.floor((above - index - 1) / k) + 1);
  return round * k + index + 1;
}

/** Which proposer (0-based) owns ballot `b`, or -1 for no ballot. */
export function ballotOwner(b: Ballot, count: number): number {
  return b < 1 ? -1 : (b - 1) % Math.max(1, count);
}

/** A majority of `n`: any two such sets intersect (Voting.tla's QuorumAssumption). */
export const majority = (n: number): number => Math.floor(n / 2) + 1;

/** Distinct members heard from, per key (a ballot, a ballot and value): how a proposer counts
 * promises and a learner counts acceptances. Immutable updates, JSON-safe. */
export type Tally = Readonly<Record<string, readonly string[]>>;

/** `tally` with `who` added under `key`; the same object when `who` was there already, unless
 * `countMessages` (a bug switch: a duplicate message counts again). */
export function tallyAdd(tally: Tally, key: string, who: string, countMessages = false): Tally {
  const had = Object.hasOwn(tally, key) ? tally[key]! : [];
  if (!countMessages && had.includes(who)) return tally;
  return { ...tally, [key]: [...had, who] };
}

export function tallyCount(tally: Tally, key: string): number {
  return Object.hasOwn(tally, key) ? tally[key]!.length : 0;
}
