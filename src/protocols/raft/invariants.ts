/**
 * Raft's safety properties (Figure 3 of the paper; raft.tla and Ongaro's thesis for the
 * history forms). Each checker looks only at the node the event touched, and skips work when
 * that node's log is the same array as last time, so checking every step stays cheap.
 */
import type { Invariant, InvariantCheck, InvariantFailure, NodeId, NodeView } from '../types';
import type { Entry } from './messages';
import type { RaftObservable } from './observe';
import { termAt } from './log';
import { PrefixIndex, firstChange } from './logIndex';
import { itemAt } from '../../sim/parray';

function touched(nodes: ReadonlyMap<NodeId, NodeView>, id: NodeId | undefined): RaftObservable | null {
  if (id === undefined) return null;
  const view = nodes.get(id);
  return view ? (view.state as RaftObservable) : null;
}

function sameEntry(a: Entry | undefined, b: Entry | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.term === b.term && a.command === b.command);
}

function show(e: Entry | undefined): string {
  return e ? `${e.command}@t${e.term}` : 'nothing';
}

/** Log Matching for one pair: the first index where two logs hold the same term but differ
 * before it, or 0 when they match. */
export function logMatchingBreak(a: readonly Entry[], b: readonly Entry[]): number {
  let i = Math.min(a.length, b.length);
  while (i > 0 && termAt(a, i) !== termAt(b, i)) i--;
  for (let j = 1; j <= i; j++) if (!sameEntry(a[j - 1], b[j - 1])) return i;
  return 0;
}

const electionSafety: Invariant = {
  id: 'election-safety',
  name: 'Election Safety',
  description: 'At most one leader is elected in a given term, over the whole run.',
  source: 'Raft paper, Figure 3 and section 5.2; Ongaro dissertation appendix B (the elections history)',
  create(): InvariantCheck {
    const leaders = new Map<number, NodeId>();
    return ({ event, nodes }) => {
      const s = touched(nodes, event.node);
      if (!s || s.role !== 'leader') return null;
      const other = leaders.get(s.currentTerm);
      if (other === undefined) leaders.set(s.currentTerm, event.node!);
      else if (other !== event.node) return { message: `${other} and ${event.node} both led term ${s.currentTerm}`, nodes: [other, event.node!] };
      return null;
    };
  },
};

const leaderAppendOnly: Invariant = {
  id: 'leader-append-only',
  name: 'Leader Append-Only',
  description: 'A leader never overwrites or deletes entries in its log; it only appends.',
  source: 'Raft paper, Figure 3 and section 5.3',
  create(): InvariantCheck {
    const seen = new Map<NodeId, { term: number; log: readonly Entry[] }>();
    return ({ event, nodes }) => {
      const s = touched(nodes, event.node);
      if (!s) return null;
      const id = event.node!;
      if (s.role !== 'leader') {
        seen.delete(id);
        return null;
      }
      const prev = seen.get(id);
      seen.set(id, { term: s.currentTerm, log: s.log });
      if (!prev || prev.term !== s.currentTerm || prev.log === s.log) return null;
      for (let i = firstChange(prev.log, s.log); i < prev.log.length; i++) {
        if (!sameEntry(itemAt(prev.log, i), itemAt(s.log, i))) return { message: `leader ${id} replaced entry ${i + 1} (${show(prev.log[i])}) with ${show(s.log[i])} in term ${s.currentTerm}`, nodes: [id] };
      }
      return null;
    };
  },
};

const logMatching: Invariant = {
  id: 'log-matching',
  name: 'Log Matching',
  description: 'If two logs hold an entry with the same index and term, they are identical up to that index.',
  source: 'Raft paper, Figure 3 and section 5.3; LogMatching in ongardie/raft.tla (revision 0cedd40)',
  create(): InvariantCheck {
    const index = new PrefixIndex();
    return ({ event, nodes }) => {
      const s = touched(nodes, event.node);
      if (!s || index.update(event.node!, s.log) === 0) return null;
      // Rare: name the other log and the index as the pairwise check does.
      for (const [id, view] of nodes) {
        if (id === event.node) continue;
        const at = logMatchingBreak(s.log, (view.state as RaftObservable).log);
        if (at > 0) return { message: `${event.node} and ${id} hold the same term at index ${at} but differ at or before it`, nodes: [event.node!, id] };
      }
      return null;
    };
  },
};

/**
 * What is known committed, by index: the entry and the term it was committed in. An entry is
 * known committed once some node's commitIndex covers it, or once a majority of servers hold it
 * while still in its term: then the leader that created it has stored it on a majority, which
 * is the paper's definition (section 5.3) even if that leader crashed before learning it.
 */
class CommittedLog {
  readonly entries: { entry: Entry; term: number; by: NodeId }[] = [];
  /** Indices in the order they became known committed: `added.length` is a version. */
  readonly added: number[] = [];
  /** Per node, the log last checked and how far: entries checked once stay checked while
   * they are the same objects, because a known committed entry never changes. */
  private readonly checked = new Map<NodeId, { log: readonly Entry[]; upTo: number }>();

  private add(index: number, entry: Entry, term: number, by: NodeId): number {
    const known = this.entries[index - 1];
    if (!known) {
      this.entries[index - 1] = { entry, term, by };
      this.added.push(index);
      return 0;
    }
    return sameEntry(known.entry, entry) ? 0 : index;
  }

  /** Records what the touched node shows committed; returns the first index where that
   * disagrees with what was committed before, or 0. */
  observe(id: NodeId, s: RaftObservable, nodes: ReadonlyMap<NodeId, NodeView>): number {
    const limit = Math.min(s.commitIndex, s.log.length);
    let memo = this.checked.get(id);
    if (!memo) this.checked.set(id, (memo = { log: s.log, upTo: 0 }));
    const from = memo.log === s.log ? memo.upTo : Math.min(memo.upTo, firstChange(memo.log, s.log));
    for (let i = from + 1; i <= limit; i++) {
      const clash = this.add(i, itemAt(s.log, i - 1)!, s.currentTerm, id);
      if (clash) return clash;
    }
    memo.log = s.log;
    memo.upTo = Math.max(from, limit);
    // Entries of the node's own term, newest first: held by a majority still in that term?
    // No index past the majority-th longest log of that term can be, so those only need the
    // cheap checks that stop the walk.
    const majority = Math.floor(nodes.size / 2) + 1;
    const reach = majorityReach(s, nodes, majority);
    for (let i = s.log.length; i > limit && itemAt(s.log, i - 1)!.term === s.currentTerm; i--) {
      if (this.entries[i - 1]) break;
      if (i > reach) continue;
      let holders = 0;
      for (const v of nodes.values()) {
        const o = v.state as RaftObservable;
        if (o.currentTerm === s.currentTerm && sameEntry(itemAt(o.log, i - 1), itemAt(s.log, i - 1))) holders++;
      }
      if (holders >= majority) {
        // Log Matching makes the whole prefix committed too, but only this entry is proven here.
        const clash = this.add(i, itemAt(s.log, i - 1)!, s.currentTerm, id);
        if (clash) return clash;
        break;
      }
    }
    return 0;
  }
}

/** Log lengths of one term's nodes, longest first: reused, since this runs on every change. */
const lengths: number[] = [];

/** The largest index that `majority` logs of `s`'s term are long enough to hold. */
function majorityReach(s: RaftObservable, nodes: ReadonlyMap<NodeId, NodeView>, majority: number): number {
  let n = 0;
  for (const v of nodes.values()) {
    const o = v.state as RaftObservable;
    if (o.currentTerm !== s.currentTerm) continue;
    // Insertion into a list of at most a cluster's size.
    let i = n++;
    for (; i > 0 && lengths[i - 1]! < o.log.length; i--) lengths[i] = lengths[i - 1]!;
    lengths[i] = o.log.length;
  }
  return majority <= n ? lengths[majority - 1]! : 0;
}

const stateMachineSafety: Invariant = {
  id: 'state-machine-safety',
  name: 'State Machine Safety',
  description: 'No two servers ever apply different entries at the same index.',
  source: 'Raft paper, Figure 3 and section 5.4.3',
  create(): InvariantCheck {
    const committed = new CommittedLog();
    return ({ event, nodes }) => {
      const s = touched(nodes, event.node);
      if (!s) return null;
      const at = committed.observe(event.node!, s, nodes);
      if (at === 0) return null;
      const known = committed.entries[at - 1]!;
      return {
        message: `index ${at} is committed as ${show(known.entry)} (by ${known.by}) but ${event.node} holds ${show(s.log[at - 1])} there and has committed up to index ${s.commitIndex}`,
        nodes: [known.by, event.node!],
      };
    };
  },
};

const leaderCompleteness: Invariant = {
  id: 'leader-completeness',
  name: 'Leader Completeness',
  description: 'An entry committed in a term is in the log of every leader of a later term.',
  source: 'Raft paper, Figure 3 and section 5.4; Ongaro dissertation chapter 8 and appendix B',
  create(): InvariantCheck {
    const committed = new CommittedLog();
    /** Per leader: the term and log last checked, and how many committed entries they
     * were checked against, so a step re-checks only what changed. */
    const checked = new Map<NodeId, { term: number; log: readonly Entry[]; seen: number }>();
    const lacks = (id: NodeId, s: RaftObservable, i: number): InvariantFailure | null => {
      const c = committed.entries[i - 1];
      if (!c || c.term >= s.currentTerm || sameEntry(c.entry, itemAt(s.log, i - 1))) return null;
      return { message: `leader ${id} of term ${s.currentTerm} lacks ${show(c.entry)} at index ${i}, committed in term ${c.term}`, nodes: [id, c.by] };
    };
    const missing = (id: NodeId, s: RaftObservable): InvariantFailure | null => {
      const last = checked.get(id);
      const { added } = committed;
      if (last && last.term === s.currentTerm && last.log === s.log && last.seen === added.length) return null;
      // A new term re-checks everything once; a changed log from where it changed; then the
      // entries committed since the last check.
      const from = !last || last.term !== s.currentTerm ? 0 : last.log === s.log ? Infinity : firstChange(last.log, s.log);
      const seen = last && last.term === s.currentTerm ? last.seen : added.length;
      checked.set(id, { term: s.currentTerm, log: s.log, seen: added.length });
      // Mostly the very entry objects that were committed: a pointer comparison passes them.
      const { entries } = committed;
      for (let i = from + 1; i <= entries.length; i++) {
        const c = entries[i - 1];
        if (c === undefined || c.entry === itemAt(s.log, i - 1)) continue;
        const f = lacks(id, s, i);
        if (f) return f;
      }
      for (let k = seen; k < added.length; k++) {
        const f = lacks(id, s, added[k]!);
        if (f) return f;
      }
      return null;
    };
    return ({ event, nodes }) => {
      const s = touched(nodes, event.node);
      if (!s) return null;
      committed.observe(event.node!, s, nodes);
      for (const view of nodes.values()) {
        const o = view.state as RaftObservable;
        if (view.up && o.role === 'leader') {
          const f = missing(view.id, o);
          if (f) return f;
        }
      }
      return null;
    };
  },
};

const termMonotonic: Invariant = {
  id: 'term-monotonic',
  name: 'Terms only grow',
  description: "A server's currentTerm never decreases, across restarts too.",
  source: 'Raft paper, Figure 2 (currentTerm is persistent, increases monotonically)',
  create(): InvariantCheck {
    const terms = new Map<NodeId, number>();
    return ({ event, nodes }) => {
      const s = touched(nodes, event.node);
      if (!s) return null;
      const prev = terms.get(event.node!) ?? 0;
      terms.set(event.node!, s.currentTerm);
      return s.currentTerm < prev ? { message: `${event.node}'s term went from ${prev} back to ${s.currentTerm}`, nodes: [event.node!] } : null;
    };
  },
};

const oneVotePerTerm: Invariant = {
  id: 'one-vote-per-term',
  name: 'One vote per term',
  description: 'A server votes for at most one candidate in a term, across restarts too.',
  source: 'Raft paper, Figure 2 (votedFor is persistent) and section 5.2',
  create(): InvariantCheck {
    /** Per node, the vote it cast in each term (no key string built per event). */
    const votes = new Map<NodeId, Map<number, NodeId>>();
    return ({ event, nodes }) => {
      const s = touched(nodes, event.node);
      if (!s || s.votedFor === null) return null;
      let byTerm = votes.get(event.node!);
      if (!byTerm) votes.set(event.node!, (byTerm = new Map()));
      const prev = byTerm.get(s.currentTerm);
      if (prev === undefined) byTerm.set(s.currentTerm, s.votedFor);
      else if (prev !== s.votedFor) return { message: `${event.node} voted for ${prev} and then ${s.votedFor} in term ${s.currentTerm}`, nodes: [event.node!, prev, s.votedFor] };
      return null;
    };
  },
};

export const raftInvariants: Invariant[] = [
  electionSafety,
  leaderAppendOnly,
  logMatching,
  leaderCompleteness,
  stateMachineSafety,
  termMonotonic,
  oneVotePerTerm,
];
