/**
 * Three-phase commit's safety properties, the transaction-commit ones of 2PC over Skeen's
 * states: c is committed, a is aborted, w and p are voted yes. Checked over the whole run,
 * looking only at the node an event touched and at the transactions that changed there.
 */
import type { Invariant } from '../types';
import { commitNeedsAllCheck, consistencyCheck, decisionsFinalCheck, type CommitStates } from '../kit/commitment';
import { transactionHints } from './observe';

/** Skeen's states in words, for the violation messages (the letters stay, in brackets). */
const WORD: Record<string, string> = { q: 'working', w: 'waiting', p: 'pre-committed', c: 'committed', a: 'aborted' };
const said = (state: string): string => `${WORD[state] ?? state} (${state})`;

/** Skeen's states: c is committed, a is aborted. */
const states: CommitStates = {
  mapOf: transactionHints.states,
  committed: 'c',
  aborted: 'a',
};

const consistent: Invariant = {
  id: 'tc-consistent',
  name: 'Consistent outcome',
  description: 'No site commits a transaction that another site aborted, over the whole run.',
  source: "TCommit.tla, TCConsistent; Skeen 1981 (a commit protocol is correct when all sites reach the same decision)",
  create: () => consistencyCheck(states),
};

const commitNeedsAllYes: Invariant = {
  id: 'commit-needs-all-yes',
  name: 'Commit only when all voted yes',
  description: 'A site commits a transaction only after every participant has voted yes.',
  source: "TCommit.tla, Decide's canCommit; Skeen 1981 (the coordinator leaves w for p only when every site voted yes)",
  // In w and p a participant has voted yes; in c it must have.
  create: (cfg) => commitNeedsAllCheck(states, cfg, ['w', 'p', 'c'], 'voted yes'),
};

const decisionsFinal: Invariant = {
  id: 'decisions-final',
  name: 'Decisions are final',
  description: 'Once a site has committed or aborted a transaction, that never changes or is forgotten, across restarts too.',
  source: "Skeen 1981 (c and a are final states of every site's automaton; sites log their transitions)",
  create: () => decisionsFinalCheck(states, (id, first, tx, now) => `${id} had ${WORD[first] ?? first} ${tx}, then ${now === undefined ? 'forgot it' : `changed to ${said(now)}`}`),
};

export const threePcInvariants: Invariant[] = [consistent, commitNeedsAllYes, decisionsFinal];
