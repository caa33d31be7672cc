/**
 * Two-phase commit's safety properties, checked over the whole run (TCommit.tla's
 * TCConsistent; TwoPhase.tla's enabling conditions of TMCommit and RMChooseToAbort). Each
 * checker looks only at the node the event touched, and only at transactions whose state
 * changed there, so checking every step stays cheap.
 */
import type { Invariant, InvariantCheck, NodeId } from '../types';
import { commitNeedsAllCheck, consistencyCheck, decisionsFinalCheck, TxChanges, type CommitStates } from '../kit/commitment';
import type { TxId } from './messages';
import { transactionHints } from './observe';

/** 2PC's states: the TM's tmState, an RM's rmState. */
const states: CommitStates = {
  mapOf: transactionHints.states,
  committed: 'committed',
  aborted: 'aborted',
};

const consistent: Invariant = {
  id: 'tc-consistent',
  name: 'Consistent outcome',
  description: 'No RM commits a transaction that another RM aborted, over the whole run.',
  source: 'TCommit.tla, TCConsistent (Gray and Lamport 2006, section 2)',
  // The TM's decision is not an RM's state: TCConsistent is about the RMs.
  create: () => consistencyCheck(states, (role) => role === 'participant'),
};

const commitNeedsAllPrepared: Invariant = {
  id: 'commit-needs-all-prepared',
  name: 'Commit only when all prepared',
  description: 'The TM or an RM commits a transaction only after every RM has prepared it.',
  source: "TwoPhase.tla, TMCommit (enabled iff tmPrepared = RM); TCommit.tla, Decide's canCommit",
  create: (cfg) => commitNeedsAllCheck(states, cfg, ['prepared', 'committed'], 'prepared'),
};

const abortOnlyFromWorking: Invariant = {
  id: 'abort-only-from-working',
  name: 'Unilateral abort only from working',
  description: 'An RM aborts on its own only while working; once prepared, it aborts only after the TM or another RM aborted.',
  source: "TwoPhase.tla, RMChooseToAbort (enabled only in working) and RMRcvAbortMsg; Bernstein, Hadzilacos and Goodman 1987, chapter 7 (the cooperative termination protocol)",
  create(): InvariantCheck {
    const seen = new TxChanges(states);
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
  create: () => decisionsFinalCheck(states, (id, first, tx, now) => `${id} had ${first} ${tx}, then ${now === undefined ? 'forgot it' : `changed to ${now}`}`),
};

export const twoPcInvariants: Invariant[] = [consistent, commitNeedsAllPrepared, abortOnlyFromWorking, decisionsFinal];
