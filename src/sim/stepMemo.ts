/**
 * Remembers XState's answers for steps that left the snapshot as it was, so that the same step
 * again is not computed again (issue 12). A follower's heartbeats from a steady leader are the
 * same event on the same snapshot round after round, and `transition()` costs its fixed work
 * (about nine Sets, an action list, a snapshot copy per `assign`) every time.
 *
 * Exact, because stepping is a pure function of the snapshot and the event (DESIGN.md §4: the
 * machine is a pure function of its events; snapshots are immutable): an answer is reused only
 * for the very snapshot object it came from and an event with the same own keys holding the
 * same values (arrays element by element), which no machine can tell apart. Only steps whose
 * snapshot came back unchanged are kept: a step that changed it is never asked again in a
 * forward run, and keeping it would cost an entry per event. Every answer is still one that
 * `transition()` gave.
 */
import type { EventObject } from 'xstate';
import type { Effect } from './effects';

/** Events remembered per snapshot: a leader's heartbeat beside its followers' replies. */
const WAYS = 8;

interface Entry {
  event: EventObject;
  effects: Effect[];
}

interface Slot {
  entries: Entry[];
  /** The entry the next new event replaces, once all are in use. */
  next: number;
}

export class StepMemo {
  private readonly slots = new WeakMap<object, Slot>();

  /** The effects of an unchanged step from `snapshot` on an event equal to `event`, if any. */
  find(snapshot: object, event: EventObject): readonly Effect[] | undefined {
    const slot = this.slots.get(snapshot);
    if (!slot) return undefined;
    for (const e of slot.entries) if (sameEvent(e.event, event)) return e.effects;
    return undefined;
  }

  /** Keeps an unchanged step's effects (copied: the stepper refills its array every step). */
  remember(snapshot: object, event: EventObject, effects: readonly Effect[]): void {
    let slot = this.slots.get(snapshot);
    if (!slot) this.slots.set(snapshot, (slot = { entries: [], next: 0 }));
    if (slot.entries.length < WAYS) {
      slot.entries.push({ event, effects: effects.slice() });
      return;
    }
    const e = slot.entries[slot.next]!;
    slot.next = (slot.next + 1) % WAYS;
    e.event = event;
    clear(e.effects);
    for (const x of effects) e.effects.push(x);
  }
}

/** Same own keys holding the same values; arrays compare element by element (a message's
 * entries are a fresh array each time it is sent). */
export function sameEvent(a: EventObject, b: EventObject): boolean {
  if (a === b) return true;
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    const u = x[k];
    const v = y[k];
    if (u !== v && !sameArray(u, v)) return false;
    if (v === undefined && !Object.hasOwn(y, k)) return false;
    n++;
  }
  for (const _k in y) if (--n < 0) return false;
  return n === 0;
}

function sameArray(u: unknown, v: unknown): boolean {
  if (!Array.isArray(u) || !Array.isArray(v) || u.length !== v.length) return false;
  for (let i = 0; i < u.length; i++) if (u[i] !== v[i]) return false;
  return true;
}

/** Empties an array and keeps its backing store: `length = 0` gives it up, and the next push
 * allocates a new one (about 150 bytes a step). */
export function clear(a: unknown[]): void {
  while (a.length > 0) a.pop();
}
