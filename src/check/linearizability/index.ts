/** The linearizability checker: register model, Wing-Gong search, shrinking, live invariant. */
export { checkKey, checkHistory, DEFAULT_BUDGET, type KeyVerdict } from './check';
export { linearizabilityInvariant, historyInvariants, LINEARIZABLE } from './invariant';
export { searchLinearization, type SearchResult } from './search';
export { toCheckOps, describeOp, canon, INITIAL, type CheckOp } from './model';
export { minimalCore } from './minimize';
