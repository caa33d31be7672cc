/**
 * Pure log helpers. Indices are 1-based as in the paper; index 0 is the empty prefix.
 * The context's log is a persistent array (sim/parray.ts): it reads as a plain array, and an
 * append or a replaced suffix costs what changed, not a copy of the log (issue 12).
 */
import type { Entry } from './messages';
import { itemAt, pushed, spliced } from '../../sim/parray';

export function lastIndex(log: readonly Entry[]): number {
  return log.length;
}

export function termAt(log: readonly Entry[], index: number): number {
  return index <= 0 ? 0 : (itemAt(log, index - 1)?.term ?? 0);
}

export function lastTerm(log: readonly Entry[]): number {
  return termAt(log, log.length);
}

/** `log` with `entry` appended: a new version sharing every entry before it. */
export function appended(log: readonly Entry[], entry: Entry): readonly Entry[] {
  return pushed(log, entry);
}

/** Section 5.4.1: the candidate's log is at least as up-to-date as ours. */
export function isUpToDate(log: readonly Entry[], candLastTerm: number, candLastIndex: number): boolean {
  const myTerm = lastTerm(log);
  return candLastTerm > myTerm || (candLastTerm === myTerm && candLastIndex >= log.length);
}

/** The consistency check of AppendEntries: we hold an entry at prevLogIndex with prevLogTerm. */
export function matchesAt(log: readonly Entry[], prevLogIndex: number, prevLogTerm: number): boolean {
  return prevLogIndex === 0 || (prevLogIndex <= log.length && termAt(log, prevLogIndex) === prevLogTerm);
}

/**
 * Figure 2, AppendEntries receiver steps 3 and 4: delete an existing entry that conflicts with
 * a new one (same index, different term) and all that follow it; append entries not already
 * in the log. Returns the same array when nothing changes, so unchanged logs stay shared; a
 * changed log is a new persistent version sharing the prefix it kept.
 */
export function mergeEntries(log: readonly Entry[], prevLogIndex: number, entries: readonly Entry[]): readonly Entry[] {
  for (let i = 0; i < entries.length; i++) {
    const index = prevLogIndex + 1 + i;
    if (index > log.length) return pushed(log, ...entries.slice(i));
    if (termAt(log, index) !== entries[i]!.term) return spliced(log, index - 1, entries.slice(i));
  }
  return log;
}
