/**
 * Linearizability of a client history, key by key. `checkKey` answers for one key and, when the
 * answer is no, names the smallest sub-history that is to blame and why.
 */
import type { ClientHistory, HistoryOp } from '../history';
import { describeOp, isRegisterOp, toCheckOps, type CheckOp } from './model';
import { searchLinearization } from './search';
import { zonesRefute } from './zones';
import { explainCore, minimalCore } from './minimize';

export interface KeyVerdict {
  key: string;
  ok: boolean;
  /** The search ran out of budget: neither proven nor refuted. */
  unknown?: boolean;
  /** When not ok: the ops of the smallest non-linearizable sub-history, in invocation order. */
  core?: HistoryOp[];
  /** One paragraph: the ops, their real-time order, and what could not happen. */
  why?: string;
  steps: number;
}

/** Steps one check may take before it gives up with `unknown`; a live check stays bounded. */
export const DEFAULT_BUDGET = 2_000_000;

export function checkKey(history: ClientHistory, key: string, budget = DEFAULT_BUDGET): KeyVerdict {
  const all = history.byKey(key).filter((op) => isRegisterOp(op.f));
  const ops = toCheckOps(all);
  const r = searchLinearization(ops, undefined, budget);
  if (r.ok) return { key, ok: true, steps: r.steps };
  // Out of budget: zones may still refute it (zones.ts), as the live check does.
  if (r.unknown) return zonesRefute(ops) ? refuted(all, key, firstFailure(all, budget, true), r.steps) : { key, ok: true, unknown: true, steps: r.steps };
  return refuted(all, key, firstFailure(all, budget), r.steps);
}

/**
 * The verdict for a key whose history first became non-linearizable at trace position `at`.
 * The live invariant knows `at` (the answer it was checking, after every earlier prefix held),
 * so it skips `checkKey`'s search of the whole key and its bisection: a search of thousands of
 * ops per step, where the core is found near `at` (minimize.ts).
 */
export function explainKey(history: ClientHistory, key: string, at: number): KeyVerdict {
  return refuted(history.byKey(key).filter((op) => isRegisterOp(op.f)), key, at, 0);
}

function refuted(all: readonly HistoryOp[], key: string, at: number, steps: number): KeyVerdict {
  const prefix = toCheckOps(all, at);
  const culprits = new Set(prefix.filter((o) => o.ret === at).map((o) => o.index));
  const core = minimalCore(prefix, culprits);
  return { key, ok: false, core: core.map((c) => all[c.index]!), why: explain(core, all), steps };
}

/**
 * The trace position at which the history first became non-linearizable. Linearizability is
 * prefix-closed (a history whose prefix cannot be ordered cannot be either), so a binary
 * search over the answers finds it in a logarithmic number of checks: searches, or `byZones`
 * when the search ran out of budget (zones refute exactly the histories that fail, when they
 * apply, so that is prefix-closed too).
 */
function firstFailure(all: readonly HistoryOp[], budget: number, byZones = false): number {
  const ends = [...new Set(all.filter((o) => o.endSeq !== undefined && (o.status === 'ok' || o.status === 'fail')).map((o) => o.endSeq!))].sort((a, b) => a - b);
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const prefix = toCheckOps(all, ends[mid]!);
    const r = byZones ? { ok: zonesRefute(prefix) === null, unknown: false } : searchLinearization(prefix, undefined, budget);
    if (!r.ok && !r.unknown) hi = mid;
    else lo = mid + 1;
  }
  return ends[lo] ?? Infinity;
}

/** Every key of a history, violations first in key order. */
export function checkHistory(history: ClientHistory, budget = DEFAULT_BUDGET): KeyVerdict[] {
  return history
    .keyNames()
    .sort()
    .map((k) => checkKey(history, k, budget));
}

function explain(core: readonly CheckOp[], all: readonly HistoryOp[]): string {
  const name = (i: number) => describeOp(all[core[i]!.index]!);
  const x = explainCore(core);
  const parts = [core.length === 1 ? `This operation cannot be placed: ${name(0)}.` : `These ${core.length} operations cannot be ordered: ${core.map((_, i) => name(i)).join('; ')}.`];
  const shown = x.precedes.slice(0, 6).map(([a, b]) => `${name(a)} ended before ${name(b)} began`);
  if (x.precedes.length > 6) shown.push(`${x.precedes.length - 6} more`);
  if (shown.length > 0) parts.push(`In real time ${shown.join(', ')}.`);
  if (x.unwritten !== undefined) parts.push(`${name(x.unwritten)} read a value that no write here wrote (a failed write, or a lost one).`);
  else if (x.blocked >= 0) {
    const order = x.longest.map(name);
    const where = order.length > 0 ? `After the longest valid order (${order.join(', ')})` : 'At the start';
    parts.push(`${where} the register holds ${x.held}, so ${name(x.blocked)} cannot take effect before it returned.`);
  }
  return parts.join(' ');
}
