/**
 * Anchor resolution: a trace in, a position out. Pure; the source may record more of the run
 * when asked for an event past its head (the store's source does), so a tour never runs further
 * than its anchors need.
 */
import type { TraceEvent } from '../../sim/types';
import type { Anchor, EventMatch, Resolved, Scalar, StateMatch } from './types';

export interface TraceSource {
  /** The event at `seq`, or undefined past the end of the run. */
  event(seq: number): TraceEvent | undefined;
  /** Invariants broken at event `seq`. */
  violations(seq: number): readonly string[];
  /** The run's end, in simulated ms. */
  until: number;
}

/** `step` events applied, the cursor at `time` (as the session's seekStep takes them). */
export interface Position {
  step: number;
  time: number;
}

/** `$name` → node id, from the steps already played. */
export type Bindings = Readonly<Record<string, string>>;

export type Resolution =
  | { ok: true; at: Position; check: string; node?: string; moved?: { was: Position } }
  | { ok: false; reason: 'unbound' | 'not-reached'; detail: string };

/** Hard stop for a scan, whatever the run's length: a hostile tour cannot loop for minutes. */
export const MAX_SCAN = 200_000;

export function nodeRef(ref: string | undefined, b: Bindings): string | undefined {
  if (ref === undefined || !ref.startsWith('$')) return ref;
  return Object.hasOwn(b, ref.slice(1)) ? b[ref.slice(1)] : undefined;
}

function unboundIn(m: { node?: string } | undefined, b: Bindings): string | null {
  return m?.node?.startsWith('$') && nodeRef(m.node, b) === undefined ? m.node : null;
}

/** A short fingerprint of the event a position stands after (FNV-1a over its identity). */
export function fingerprint(ev: TraceEvent | undefined): string {
  const s = ev ? `${ev.kind}|${ev.node ?? ''}|${ev.time}|${ev.message?.type ?? ''}|${ev.timer ?? ''}` : 'start';
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

const fields = (o: unknown): Record<string, unknown> => (typeof o === 'object' && o !== null ? (o as Record<string, unknown>) : {});
const holds = (state: unknown, want: Record<string, Scalar>): boolean => Object.entries(want).every(([k, v]) => Object.hasOwn(fields(state), k) && fields(state)[k] === v);

/** Whether `ev` matches; `before` is the touched node's observed state before it. */
export function eventMatches(ev: TraceEvent, m: EventMatch, b: Bindings, before: unknown, broken: readonly string[]): boolean {
  if (m.kind !== undefined && ev.kind !== m.kind) return false;
  if (m.node !== undefined && ev.node !== nodeRef(m.node, b)) return false;
  if (m.message !== undefined && ev.message?.type !== m.message && !(ev.sent ?? []).some((x) => x.type === m.message)) return false;
  if (m.becomes !== undefined && !(ev.state !== undefined && holds(ev.state, m.becomes) && !holds(before, m.becomes))) return false;
  if (m.violation !== undefined && !(m.violation === true ? broken.length > 0 : broken.includes(m.violation))) return false;
  return true;
}

function stateHolds(states: ReadonlyMap<string, unknown>, m: StateMatch, b: Bindings): boolean {
  const only = nodeRef(m.node, b);
  let n = 0;
  for (const [id, st] of states) if ((only === undefined || id === only) && holds(st, m.state)) n++;
  return n >= (m.count ?? 1);
}

/** Steps whose events have time ≤ t, scanning from `from` (events are in time order). */
function stepAtTime(src: TraceSource, from: number, t: number): number {
  let k = from;
  while (k - from < MAX_SCAN) {
    const ev = src.event(k);
    if (!ev || ev.time > t) break;
    k++;
  }
  return k;
}

/**
 * Resolves `anchor` from position `from` (the previous step's, or the one `anchor.from` names,
 * looked up by the caller). With a cached `resolved` that differs from what the run gives now,
 * the result says where it was (`moved`): the protocol or the run changed under the tour.
 */
export function resolveAnchor(anchor: Anchor, from: Position, src: TraceSource, b: Bindings): Resolution {
  const r = find(anchor, from, src, b);
  if (!r.ok || !anchor.resolved) return r;
  const was = anchor.resolved;
  const same = was.step === r.at.step && Math.abs(was.time - r.at.time) < 1e-6 && was.check === r.check;
  return same ? r : { ...r, moved: { was: { step: was.step, time: was.time } } };
}

function find(anchor: Anchor, from: Position, src: TraceSource, b: Bindings): Resolution {
  const limit = anchor.within !== undefined ? from.time + anchor.within : src.until;
  const at = (step: number, time: number, node?: string): Resolution => ({ ok: true, at: { step, time }, check: fingerprint(step > 0 ? src.event(step - 1) : undefined), ...(node !== undefined ? { node } : {}) });
  const notReached = (what: string): Resolution => ({ ok: false, reason: 'not-reached', detail: `${what} not reached by ${Math.round(limit)} ms` });
  if ('at' in anchor) return at(0, 0);
  if ('time' in anchor || 'after' in anchor) {
    const t = 'time' in anchor ? anchor.time : from.time + anchor.after;
    if (t > limit || t > src.until) return notReached(`time ${t} ms`);
    // Never before `from`: an `after: 0` step sits exactly where the previous one did.
    const step = Math.max(from.step, stepAtTime(src, 0, t));
    return at(step, Math.max(t, from.time));
  }
  const unbound = 'event' in anchor ? unboundIn(anchor.event, b) : unboundIn(anchor.until, b);
  if (unbound) return { ok: false, reason: 'unbound', detail: `${unbound} is not bound by an earlier step` };
  // The observed state of every node just before each event, replayed from the start.
  const states = new Map<string, unknown>();
  let seen = 0;
  for (let seq = 0; seq < MAX_SCAN; seq++) {
    const ev = src.event(seq);
    if (!ev) break;
    // A state that already holds where the search starts resolves right there.
    if (seq === from.step && 'until' in anchor && stateHolds(states, anchor.until, b)) return at(from.step, from.time);
    const prior = ev.node !== undefined ? states.get(ev.node) : undefined;
    if (ev.node !== undefined && ev.state !== undefined) states.set(ev.node, ev.state);
    if (seq < from.step) continue;
    if (ev.time > limit) break;
    if ('event' in anchor) {
      if (eventMatches(ev, anchor.event, b, prior, src.violations(seq)) && ++seen >= (anchor.nth ?? 1)) return at(seq + 1, ev.time, ev.node);
    } else if (stateHolds(states, anchor.until, b)) {
      return at(seq + 1, ev.time, ev.node);
    }
  }
  return notReached('event' in anchor ? 'the event' : 'the state');
}

/** The cache an author stores beside an anchor. */
export function toResolved(r: Extract<Resolution, { ok: true }>): Resolved {
  return { step: r.at.step, time: r.at.time, check: r.check };
}

/** A source over a recorded array (tests, the dry run over a finished run). */
export function arraySource(events: readonly TraceEvent[], until: number, violations: ReadonlyMap<number, readonly string[]> = new Map()): TraceSource {
  return { event: (i) => events[i], violations: (i) => violations.get(i) ?? [], until };
}
