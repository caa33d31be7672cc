/**
 * The ghost history of votes (Voting.tla's `votes`) and what follows from it: which values are
 * chosen, and the safety predicates of Voting.tla. The checker (never a node) keeps one per run,
 * fed from the 2b messages acceptors send — Paxos.tla's refinement mapping
 * `votes == [a |-> {<<m.bal, m.val>> : m \in msgs, m.type = "2b", m.acc = a}]` — so a crash
 * never erases it. Multi-Paxos keeps one per slot.
 */
import { type Ballot } from './ballots';

export type Value = string;

export interface Chosen {
  value: Value;
  ballot: Ballot;
  /** The trace step at which a quorum first voted for it. */
  seq: number;
  time: number;
  /** The quorum that chose it, at that step. */
  voters: string[];
}

export class VoteLedger {
  /** acceptor → ballot → values voted (more than one only under a bug). */
  private readonly votes = new Map<string, Map<Ballot, Set<Value>>>();
  /** ballot → value → acceptors that voted for it there. */
  private readonly byBallot = new Map<Ballot, Map<Value, Set<string>>>();
  private readonly chosenList: Chosen[] = [];
  /** Bumped on every new vote, so callers can tell whether anything changed. */
  version = 0;

  constructor(
    readonly acceptors: readonly string[],
    /** Quorum size: a majority of the acceptors. */
    readonly quorum: number,
  ) {}

  /** Records VotedFor(acc, bal, val). False when it was known already (a resent 2b). */
  record(acc: string, bal: Ballot, val: Value, seq: number, time: number): boolean {
    const mine = this.votes.get(acc) ?? new Map<Ballot, Set<Value>>();
    this.votes.set(acc, mine);
    const vals = mine.get(bal) ?? new Set<Value>();
    mine.set(bal, vals);
    if (vals.has(val)) return false;
    vals.add(val);
    const at = this.byBallot.get(bal) ?? new Map<Value, Set<string>>();
    this.byBallot.set(bal, at);
    const voters = at.get(val) ?? new Set<string>();
    at.set(val, voters);
    voters.add(acc);
    this.version++;
    // ChosenAt(bal, val): a quorum voted for it in one ballot.
    if (voters.size >= this.quorum && !this.chosenList.some((c) => c.value === val)) this.chosenList.push({ value: val, ballot: bal, seq, time, voters: [...voters].sort() });
    return true;
  }

  /** Voting.tla's `chosen`, in the order values became chosen. */
  chosen(): readonly Chosen[] {
    return this.chosenList;
  }

  isChosen(val: Value): boolean {
    return this.chosenList.some((c) => c.value === val);
  }

  votedFor(acc: string, bal: Ballot, val: Value): boolean {
    return this.votes.get(acc)?.get(bal)?.has(val) ?? false;
  }

  /** Every vote <<bal, val>> of `acc`. */
  votesOf(acc: string): { bal: Ballot; val: Value }[] {
    const out: { bal: Ballot; val: Value }[] = [];
    for (const [bal, vals] of this.votes.get(acc) ?? []) for (const val of vals) out.push({ bal, val });
    return out;
  }

  /** The values voted for in ballot `bal`, with their voters. */
  ballot(bal: Ballot): ReadonlyMap<Value, ReadonlySet<string>> {
    return this.byBallot.get(bal) ?? new Map();
  }

  /** OneValuePerBallot: two values voted for in one ballot, or null. */
  twoValuesInOneBallot(): { bal: Ballot; values: Value[] } | null {
    for (const [bal, vals] of this.byBallot) if (vals.size > 1) return { bal, values: [...vals.keys()] };
    return null;
  }

  /**
   * SafeAt(b, v) == \A c \in 0..(b-1) : NoneOtherChoosableAt(c, v), over the ghost votes and the
   * acceptors' current `maxBal`. NoneOtherChoosableAt(c, v) needs a quorum whose every member
   * voted for v at c or CannotVoteAt(a, c) (maxBal[a] > c and no vote at c). Returns the first
   * ballot c where that fails, or null when v is safe at b.
   */
  unsafeBelow(b: Ballot, v: Value, maxBal: (acc: string) => Ballot): Ballot | null {
    const count = (c: Ballot): number => {
      let n = 0;
      for (const a of this.acceptors) {
        const at = this.votes.get(a)?.get(c);
        if (at?.has(v) || ((!at || at.size === 0) && maxBal(a) > c)) n++;
      }
      return n;
    };
    // Ballots where someone voted are checked one by one. Below b, at a ballot nobody voted in,
    // the count is the acceptors with maxBal > c, which only falls as c grows: the highest such
    // c is the hardest.
    for (const c of this.byBallot.keys()) if (c < b && count(c) < this.quorum) return c;
    let free = b - 1;
    while (free >= 0 && this.byBallot.has(free)) free--;
    return free >= 0 && count(free) < this.quorum ? free : null;
  }

  /** VotesSafe: the first vote that is not safe at its ballot, or null. */
  unsafeVote(maxBal: (acc: string) => Ballot): { acc: string; bal: Ballot; val: Value; below: Ballot } | null {
    for (const [bal, vals] of this.byBallot) {
      for (const [val, voters] of vals) {
        const below = this.unsafeBelow(bal, val, maxBal);
        if (below !== null) return { acc: [...voters][0]!, bal, val, below };
      }
    }
    return null;
  }
}
