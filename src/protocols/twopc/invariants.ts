/**
 * Two-phase commit's safety properties, checked over the whole run (TCommit.tla's
 * TCConsistent; TwoPhase.tla's enabling conditions of TMCommit and RMChooseToAbort). Each
 * checker looks only at the node the event touched, and only at transactions whose state
 * changed there, so checking every step stays cheap.
 */
import type { Invariant, InvariantCheck, NodeId, NodeView, TraceEvent } from '../types';
import type { TxId } from './messages';
import type { TwoPcObservable } from './observe';

type Change = { tx: TxId; now: string | undefined };

/** The per-transaction map of a node's view: tmState for the TM, rmState for an RM. */
const txMap = (s: TwoPcObservable): Readonly<Record<TxId, string>> => (s.role === 'coordinator' ? s.tmState : s.rmState);

/** Remembers each node's last map and reports what changed, including entries a restart lost. */
class Changes {
  private readonly last = new Map<NodeId, Readonly<Record<TxId, string>>>();
  of(event: TraceEvent, nodes: ReadonlyMap<NodeId, NodeView>): { id: NodeId; role: TwoPcObservable['role']; changes: Change[] } | null {
    const id = event.node;
    const view = id === undefined ? undefined : nodes.get(id);
    if (!id || !view) return null;
    const s = view.state as TwoPcObservable;
    const map = txMap(s);
    const prev = this.last.get(id);
    if (prev === map) return null;
    this.last.set(id, map);
    const changes: Change[] = [];
    for (const tx of Object.keys(map)) if (!prev || !Object.hasOwn(prev, tx) || prev[tx] !== map[tx]) changes.push({ tx, now: map[tx] });
    if (prev) for (const tx of Object.keys(prev)) if (!Object.hasOwn(map, tx)) changes.push({ tx, now: undefined });
    return { id, role: s.role, changes };
  }
}

const consistent: Invariant = {
  id: 'tc-consistent',
  name: 'TCConsistent',
  description: 'No RM commits a transaction that another RM aborted, over the whole run.',
  source: 'TCommit.tla, TCConsistent (Gray and Lamport 2006, section 2)',
  create(): InvariantCheck {
    const seen = new Changes();
    const committed = new Map<TxId, NodeId>();
    const aborted = new Map<TxId, NodeId>();
    return ({ event, nodes }) => {
      const t = seen.of(event, nodes);
      if (!t || t.role !== 'participant') return null;
      for (const { tx, now } of t.changes) {
        const [mine, theirs] = now === 'committed' ? [committed, aborted] : now === 'aborted' ? [aborted, committed] : [null, null];
        if (!mine || !theirs) continue;
        if (!mine.has(tx)) mine.set(tx, t.id);
        const other = theirs.get(tx);
        if (other !== undefined && other !== t.id) {
          const [c, a] = now === 'committed' ? [t.id, other] : [other, t.id];
          return { message: `${tx}: ${c} committed and ${a} aborted`, nodes: [c, a] };
        }
      }
      return null;
    };
  },
};

const commitNeedsAllPrepared: Invariant = {
  id: 'commit-needs-all-prepared',
  name: 'Commit only when all prepared',
  description: 'The TM or an RM commits a transaction only after every RM has prepared it.',
  source: "TwoPhase.tla, TMCommit (enabled iff tmPrepared = RM); TCommit.tla, Decide's canCommit",
  create(cfg): InvariantCheck {
    const seen = new Changes();
    const rms = cfg.nodes.slice(1);
    const prepared = new Map<TxId, Set<NodeId>>();
    return ({ event, nodes }) => {
      const t = seen.of(event, nodes);
      if (!t) return null;
      for (const { tx, now } of t.changes) {
        if (now === 'committed') {
          const have = prepared.get(tx) ?? new Set<NodeId>();
          const missing = rms.filter((rm) => !have.has(rm));
          if (missing.length > 0) return { message: `${t.id} committed ${tx} before ${missing.join(', ')} prepared`, nodes: [t.id, ...missing] };
        }
        if (t.role === 'participant' && (now === 'prepared' || now === 'committed')) {
          if (!prepared.has(tx)) prepared.set(tx, new Set());
          prepared.get(tx)!.add(t.id);
        }
      }
      return null;
    };
  },
};

const abortOnlyFromWorking: Invariant = {
  id: 'abort-only-from-working',
  name: 'Unilateral abort only from working',
  description: 'An RM aborts on its own only while working; once prepared, it aborts only after the TM or another RM aborted.',
  source: "TwoPhase.tla, RMChooseToAbort (enabled only in working) and RMRcvAbortMsg; Bernstein, Hadzilacos and Goodman 1987, chapter 7 (the cooperative termination protocol)",
  create(): InvariantCheck {
    const seen = new Changes();
    const everPrepared = new Set<string>();
    const abortedBy = new Map<TxId, Set<NodeId>>();
    return ({ event, nodes }) => {
      const t = seen.of(event, nodes);
      if (!t) return null;
      for (const { tx, now } of t.changes) {
        const key = `${t.id}|${tx}`;
        if (now === 'prepared') everPrepared.add(key);
        if (now !== 'aborted') continue;
        const before = abortedBy.get(tx);
        if (t.role === 'participant' && everPrepared.has(key) && ![...(before ?? [])].some((n) => n !== t.id)) {
          return { message: `${t.id} aborted ${tx} after voting Prepared, with no abort by the TM or another RM`, nodes: [t.id] };
        }
        if (!before) abortedBy.set(tx, new Set([t.id]));
        else before.add(t.id);
      }
      return null;
    };
  },
};

const decisionsFinal: Invariant = {
  id: 'decisions-final',
  name: 'Decisions are final',
  description: 'Once the TM or an RM has committed or aborted a transaction, that never changes or is forgotten, across restarts too.',
  source: 'TwoPhase.tla (no action leaves committed or aborted; tmState never leaves a decision); Gray and Lamport 2006, section 3 (the TM logs its decision)',
  create(): InvariantCheck {
    const seen = new Changes();
    const decided = new Map<string, string>();
    return ({ event, nodes }) => {
      const t = seen.of(event, nodes);
      if (!t) return null;
      for (const { tx, now } of t.changes) {
        const key = `${t.id}|${tx}`;
        const first = decided.get(key);
        if (first !== undefined && now !== first) return { message: `${t.id} had ${first} ${tx}, then ${now === undefined ? 'forgot it' : `became ${now}`}`, nodes: [t.id] };
        if (first === undefined && (now === 'committed' || now === 'aborted')) decided.set(key, now);
      }
      return null;
    };
  },
};

export const twoPcInvariants: Invariant[] = [consistent, commitNeedsAllPrepared, abortOnlyFromWorking, decisionsFinal];
