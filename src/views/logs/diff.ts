/**
 * What an event changed in a node's observable state: the inspector marks it. Pure.
 *
 * Top-level fields are compared by value. Arrays (Raft's log) are compared entry by entry:
 * entries added at the end, replaced in place, or removed from the end. Flat objects (peer
 * maps such as nextIndex) are compared key by key. Anything else that differs is "changed".
 */
import type { Observable, TraceEvent } from '../../sim/types';

export type KeyDiff = { kind: 'changed'; old: unknown } | { kind: 'added' } | { kind: 'removed'; old: unknown };

export type FieldDiff =
  | KeyDiff
  /** An array: indices added at its end, indices replaced (with their old value), and old entries removed from its end. */
  | { kind: 'entries'; added: number[]; replaced: Map<number, unknown>; removed: { index: number; old: unknown }[] }
  /** A flat object (both before and after): its keys that changed. */
  | { kind: 'keys'; keys: Map<string, KeyDiff> };

/** Only the fields that changed. */
export type StateDiff = Map<string, FieldDiff>;

const isPrimitive = (v: unknown) => v === null || v === undefined || typeof v !== 'object';
const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isFlat = (v: unknown): v is Record<string, unknown> => isPlainObject(v) && Object.values(v).every(isPrimitive);

/** Equality of JSON data (observable states are JSON). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isPrimitive(a) || isPrimitive(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameJson(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao);
  return ak.length === Object.keys(bo).length && ak.every((k) => Object.hasOwn(bo, k) && sameJson(ao[k], bo[k]));
}

function diffKeys(before: Record<string, unknown>, after: Record<string, unknown>): Map<string, KeyDiff> {
  const out = new Map<string, KeyDiff>();
  for (const k of Object.keys(after)) {
    if (!Object.hasOwn(before, k)) out.set(k, { kind: 'added' });
    else if (!sameJson(before[k], after[k])) out.set(k, { kind: 'changed', old: before[k] });
  }
  for (const k of Object.keys(before)) if (!Object.hasOwn(after, k)) out.set(k, { kind: 'removed', old: before[k] });
  return out;
}

function diffValue(before: unknown, after: unknown): FieldDiff | null {
  if (sameJson(before, after)) return null;
  if (Array.isArray(before) && Array.isArray(after)) {
    const added: number[] = [];
    const replaced = new Map<number, unknown>();
    const removed: { index: number; old: unknown }[] = [];
    for (let i = 0; i < after.length; i++) {
      if (i >= before.length) added.push(i);
      else if (!sameJson(before[i], after[i])) replaced.set(i, before[i]);
    }
    for (let i = after.length; i < before.length; i++) removed.push({ index: i, old: before[i] });
    return { kind: 'entries', added, replaced, removed };
  }
  if (isFlat(before) && isFlat(after)) return { kind: 'keys', keys: diffKeys(before, after) };
  return { kind: 'changed', old: before };
}

/** The fields of `after` that differ from `before` (a field only in `before` is "removed"). */
export function diffState(before: Observable, after: Observable): StateDiff {
  const out: StateDiff = new Map();
  for (const k of Object.keys(after)) {
    if (!Object.hasOwn(before, k)) {
      out.set(k, { kind: 'added' });
      continue;
    }
    const d = diffValue(before[k], after[k]);
    if (d) out.set(k, d);
  }
  for (const k of Object.keys(before)) if (!Object.hasOwn(after, k)) out.set(k, { kind: 'removed', old: before[k] });
  return out;
}

/**
 * The node's state before `event`: the `state` of the latest earlier event that touched it,
 * or undefined when there is none (its first state).
 */
export function stateBefore(events: readonly TraceEvent[], event: TraceEvent, node: string): Observable | undefined {
  for (let i = Math.min(event.seq, events.length) - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.node === node && e.state !== undefined) return e.state;
  }
  return undefined;
}

export type StepChange =
  /** The last event did not touch this node, or touched it without a state. */
  | { kind: 'untouched' }
  /** Its first state: nothing to compare with. */
  | { kind: 'first'; seq: number }
  | { kind: 'diff'; seq: number; diff: StateDiff };

/** What the last applied event (`event`) changed in `node`'s state (`after`, its state now). */
export function stepChange(events: readonly TraceEvent[], event: TraceEvent | null, node: string, after: Observable): StepChange {
  if (!event || event.node !== node || event.state === undefined) return { kind: 'untouched' };
  const before = stateBefore(events, event, node);
  if (!before) return { kind: 'first', seq: event.seq };
  return { kind: 'diff', seq: event.seq, diff: diffState(before, after) };
}

/** A short summary of the change of one field: "log +1", "log ±2", … for lists. */
export function changedNames(diff: StateDiff): string[] {
  return [...diff].map(([k, d]) => {
    if (d.kind !== 'entries') return k;
    const parts: string[] = [];
    if (d.added.length) parts.push(`+${d.added.length}`);
    if (d.replaced.size) parts.push(`~${d.replaced.size}`);
    if (d.removed.length) parts.push(`−${d.removed.length}`);
    return `${k} ${parts.join(' ')}`;
  });
}
