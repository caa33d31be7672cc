/**
 * Linearizability as a live invariant, for any protocol with a `clientHistory` hook. It keeps
 * the client history as ghost state (in the checker, never in nodes; crashes cannot touch it)
 * and re-checks only the key an event changed (incrementally, with work per answer that does not
 * grow with the history: incremental.ts), and only when
 * the change can break it: an `ok`
 * (a new constraint) or a `fail` (a write that may have explained a read is now known never to
 * have happened). An invocation or an `info` never can: a write that has not returned may
 * always be linearized last.
 */
import type { Invariant, InvariantCheck, ProtocolModule } from '../../protocols/types';
import { ClientHistory, type HistoryOp } from '../history';
import { isRegisterOp } from './model';
import { checkKey, DEFAULT_BUDGET, explainKey } from './check';
import { IncrementalKey } from './incremental';

export const LINEARIZABLE = 'linearizable';

export function linearizabilityInvariant(module: ProtocolModule): Invariant {
  return {
    id: LINEARIZABLE,
    name: 'Linearizable client history',
    description: 'Every key behaves as one register: each operation takes effect at one instant between its invocation and its answer (an unanswered write may take effect or not).',
    source: 'Herlihy and Wing 1990; Wing and Gong 1993 (search); Porcupine (memoization, per-key partition)',
    everyEvent: true,
    create(): InvariantCheck {
      const hook = module.clientHistory;
      const history = new ClientHistory();
      const live = new Map<string, IncrementalKey>();
      return ({ event }) => {
        if (!hook) return null;
        const records = hook(event);
        if (records.length === 0) return null;
        const touched = history.apply(event, records);
        // Every op this event changed, by key; a key is checked only when one of them ended.
        const changed = new Map<string, HistoryOp[]>();
        const ended = new Set<string>();
        for (const op of touched) {
          if (!isRegisterOp(op.f)) continue;
          const list = changed.get(op.key);
          if (list) list.push(op);
          else changed.set(op.key, [op]);
          if ((op.status === 'ok' || op.status === 'fail') && op.endSeq === event.seq) ended.add(op.key);
        }
        for (const key of ended) {
          let inc = live.get(key);
          if (!inc) live.set(key, (inc = new IncrementalKey()));
          const decided = !inc.undecided;
          if (inc.check(history.byKey(key), changed.get(key)!, DEFAULT_BUDGET)) continue;
          // Refuted by a full search: now name the smallest sub-history and say why. When every
          // earlier prefix was shown linearizable, this event's answers are the first to break
          // it (linearizability is prefix-closed), so no bisection is needed.
          // A refutation by zones (zones.ts) holds even where a search runs out of budget.
          const v = decided || inc.zones.witness ? explainKey(history, key, event.seq) : checkKey(history, key);
          if (!v.ok) return { message: `key ${key}: ${v.why}`, nodes: [...new Set(v.core!.map((o) => o.client))] };
        }
        return null;
      };
    },
  };
}

/** A module's invariants plus the ones every protocol with clients gets. */
export function historyInvariants(module: ProtocolModule): Invariant[] {
  return module.clientHistory && module.clientConsistency !== 'none' ? [linearizabilityInvariant(module)] : [];
}
