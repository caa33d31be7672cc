/**
 * Three-phase commit's safety properties, the transaction-commit ones of 2PC over Skeen's
 * states: c is committed, a is aborted, w and p are voted yes. Checked over the whole run,
 * looking only at the node an event touched and at the transactions that changed there.
 */
import type { Invariant, InvariantCheck, NodeId, NodeView, TraceEvent } from '../types';
import type { Site, TxId } from './messages';
import type { ThreePcObservable } from './observe';

type Change = { tx: TxId; now: Site | undefined };

/** Remembers each site's last state map and reports what changed, including what a restart lost. */
class Changes {
  private readonly last = new Map<NodeId, Readonly<Record<TxId, Site>>>();
  of(event: TraceEvent, nodes: ReadonlyMap<NodeId, NodeView>): { id: NodeId; role: ThreePcObservable['role']; changes: Change[] } | null {
    const id = event.node;
    const view = id === undefined ? undefined : nodes.get(id);
    if (!id || !view) return null;
    const s = view.state as ThreePcObservable;
    const prev = this.last.get(id);
    if (prev === s.state) return null;
    this.last.set(id, s.state);
    const changes: Change[] = [];
    for (const tx of Object.keys(s.state)) if (!prev || !Object.hasOwn(prev, tx) || prev[tx] !== s.state[tx]) changes.push({ tx, now: s.state[tx] });
    if (prev) for (const tx of Object.keys(prev)) if (!Object.hasOwn(s.state, tx)) changes.push({ tx, now: undefined });
    return { id, role: s.role, changes };
  }
}

const consistent: Invariant = {
  id: 'tc-consistent',
  name: 'TCConsistent',
  description: 'No site commits a transaction that another site aborted, over the whole run.',
  source: "TCommit.tla, TCConsistent; Skeen 1981 (a commit protocol is correct when all sites reach the same decision)",
  create(): InvariantCheck {
    const seen = new Changes();
    const first = { c: new Map<TxId, NodeId>(), a: new Map<TxId, NodeId>() };
    return ({ event, nodes }) => {
      const t = seen.of(event, nodes);
      if (!t) return null;
      for (const { tx, now } of t.changes) {
        if (now !== 'c' && now !== 'a') continue;
        if (!first[now].has(tx)) first[now].set(tx, t.id);
        const other = first[now === 'c' ? 'a' : 'c'].get(tx);
        if (other !== undefined && other !== t.id) {
          const [c, a] = now === 'c' ? [t.id, other] : [other, t.id];
          return { message: `${tx}: ${c} committed and ${a} aborted`, nodes: [c, a] };
        }
      }
      return null;
    };
  },
};

const commitNeedsAllYes: Invariant = {
  id: 'commit-needs-all-yes',
  name: 'Commit only when all voted yes',
  description: 'A site commits a transaction only after every participant has voted yes.',
  source: "TCommit.tla, Decide's canCommit; Skeen 1981 (the coordinator leaves w for p only when every site voted yes)",
  create(cfg): InvariantCheck {
    const seen = new Changes();
    const participants = cfg.nodes.slice(1);
    const voted = new Map<TxId, Set<NodeId>>();
    return ({ event, nodes }) => {
      const t = seen.of(event, nodes);
      if (!t) return null;
      for (const { tx, now } of t.changes) {
        if (now === 'c') {
          const have = voted.get(tx) ?? new Set<NodeId>();
          const missing = participants.filter((p) => !have.has(p));
          if (missing.length > 0) return { message: `${t.id} committed ${tx} before ${missing.join(', ')} voted yes`, nodes: [t.id, ...missing] };
        }
        if (t.role === 'participant' && (now === 'w' || now === 'p' || now === 'c')) {
          if (!voted.has(tx)) voted.set(tx, new Set());
          voted.get(tx)!.add(t.id);
        }
      }
      return null;
    };
  },
};

const decisionsFinal: Invariant = {
  id: 'decisions-final',
  name: 'Decisions are final',
  description: 'Once a site has committed or aborted a transaction, that never changes or is forgotten, across restarts too.',
  source: "Skeen 1981 (c and a are final states of every site's automaton; sites log their transitions)",
  create(): InvariantCheck {
    const seen = new Changes();
    const decided = new Map<string, Site>();
    return ({ event, nodes }) => {
      const t = seen.of(event, nodes);
      if (!t) return null;
      for (const { tx, now } of t.changes) {
        const key = `${t.id}|${tx}`;
        const first = decided.get(key);
        if (first !== undefined && now !== first) return { message: `${t.id} reached ${first} on ${tx}, then ${now === undefined ? 'forgot it' : now}`, nodes: [t.id] };
        if (first === undefined && (now === 'c' || now === 'a')) decided.set(key, now);
      }
      return null;
    };
  },
};

export const threePcInvariants: Invariant[] = [consistent, commitNeedsAllYes, decisionsFinal];
