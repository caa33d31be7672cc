/**
 * The checkers' ghost record of what is known committed (State Machine Safety and Leader
 * Completeness keep one each): kept by the checker, never by nodes, so crashes cannot touch it.
 */
import type { InvariantCheck, InvariantFailure, NodeId, NodeView } from '../types';
import type { Entry } from './messages';
import type { RaftObservable } from './observe';
import { firstChange } from './logIndex';
import { itemAt } from '../../sim/parray';

export function sameEntry(a: Entry | undefined, b: Entry | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.term === b.term && a.command === b.command);
}

/**
 * What is known committed, by index: the entry and the term it was committed in. An entry is
 * known committed once some node's commitIndex covers it, or once a majority of servers hold it
 * while still in its term: then the leader that created it has stored it on a majority, which
 * is the paper's definition (section 5.3) even if that leader crashed before learning it.
 */
export class CommittedLog {
  readonly entries: { entry: Entry; term: number; by: NodeId }[] = [];
  /** Indices in the order they became known committed: `added.length` is a version. */
  readonly added: number[] = [];
  /** Indices by the term they were committed in: what a leader of a newer term must now hold
   * that a leader of an older one need not have. */
  readonly byTerm = new Map<number, number[]>();
  /** Per node, the log last checked and how far: entries checked once stay checked while
   * they are the same objects, because a known committed entry never changes. */
  private readonly checked = new Map<NodeId, { log: readonly Entry[]; upTo: number }>();

  private add(index: number, entry: Entry, term: number, by: NodeId): number {
    const known = this.entries[index - 1];
    if (!known) {
      this.entries[index - 1] = { entry, term, by };
      this.added.push(index);
      const list = this.byTerm.get(term);
      if (list) list.push(index);
      else this.byTerm.set(term, [index]);
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

/** Leader Completeness's step: record what the touched node shows committed, then ask of
 * every leader that is up what it lacks. */
export function checkLeaders(committed: CommittedLog, missing: (id: NodeId, s: RaftObservable) => InvariantFailure | null): InvariantCheck {
  return ({ event, nodes }) => {
    const s = event.node === undefined ? undefined : (nodes.get(event.node)?.state as RaftObservable | undefined);
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
}
