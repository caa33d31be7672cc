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
import { CommittedLog, checkLeaders, sameEntry } from './committedLog';
import { itemAt } from '../../sim/parray';

function touched(nodes: ReadonlyMap<NodeId, NodeView>, id: NodeId | undefined): RaftObservable | null {
  if (id === undefined) return null;
  const view = nodes.get(id);
  return view ? (view.state as RaftObservable) : null;
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
      // A check leaves every entry known committed before the leader's term verified in the log
      // it checked, and a known committed entry never changes. So a later check looks at the
      // log from where it changed, then at the entries committed since; in a newer term, also
      // at those committed in the terms between, which the older term did not require. (A
      // whole re-check on every new term grew with the log: issue 12.) The first check, or a
      // term gone back, checks everything.
      const fresh = !last || last.term > s.currentTerm;
      const from = fresh ? 0 : last.log === s.log ? Infinity : firstChange(last.log, s.log);
      const seen = fresh ? added.length : last.seen;
      checked.set(id, { term: s.currentTerm, log: s.log, seen: added.length });
      // In a newer term the failure named is the lowest index, as a whole re-check finds it.
      const lowest = !fresh && last.term < s.currentTerm;
      let worst = Infinity;
      // Mostly the very entry objects that were committed: a pointer comparison passes them.
      const { entries } = committed;
      for (let i = from + 1; i <= entries.length; i++) {
        const c = entries[i - 1];
        if (c === undefined || c.entry === itemAt(s.log, i - 1)) continue;
        if (!lacks(id, s, i)) continue;
        if (!lowest) return lacks(id, s, i);
        worst = i;
        break;
      }
      const found = (i: number): InvariantFailure | null => {
        if (i >= worst || !lacks(id, s, i)) return null;
        if (!lowest) return lacks(id, s, i);
        worst = i;
        return null;
      };
      for (let k = seen; k < added.length; k++) {
        const f = found(added[k]!);
        if (f) return f;
      }
      if (lowest) {
        for (let t = last.term; t < s.currentTerm; t++) for (const i of committed.byTerm.get(t) ?? []) if (i <= from) found(i);
      }
      return worst < Infinity ? lacks(id, s, worst) : null;
    };
    return checkLeaders(committed, missing);
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
