/**
 * What the recorder proposes at the cursor: an anchor by meaning for "add step here" (the event
 * just applied, the role it changed, or a time after the previous step), and an ask step's
 * answer found by playing ahead. Each proposal is checked by resolving it on the run.
 */
import type { TraceEvent } from '../../sim/types';
import { resolveAnchor, toResolved, type Position, type TraceSource } from './anchors';
import type { Anchor, AskAnswer, EventMatch, Scalar } from './types';

const roleOf = (state: unknown): Scalar | undefined => {
  const r = (state as Record<string, unknown> | undefined)?.role;
  return typeof r === 'string' ? r : undefined;
};

/** The observed role of `node` just before event `seq`. */
function roleBefore(src: TraceSource, seq: number, node: string): Scalar | undefined {
  for (let i = seq - 1; i >= 0; i--) {
    const ev = src.event(i);
    if (ev?.node === node && ev.state !== undefined) return roleOf(ev.state);
  }
  return undefined;
}

/** The most meaningful match for event `ev`: a role it changed, else its kind, node and message. */
export function matchFor(ev: TraceEvent, src: TraceSource): EventMatch {
  const role = roleOf(ev.state);
  if (ev.node !== undefined && role !== undefined && role !== roleBefore(src, ev.seq, ev.node)) return { becomes: { role } };
  return { kind: ev.kind, ...(ev.node !== undefined ? { node: ev.node } : {}), ...(ev.message ? { message: ev.message.type } : {}) };
}

/** An anchor from `prev` (the previous step's position) that resolves exactly to `here`. */
export function proposeAnchor(prev: Position | null, here: Position, src: TraceSource): Anchor {
  if (prev === null && here.time === 0) return { at: 'start' };
  const from = prev ?? { step: 0, time: 0 };
  const ev = here.step > 0 ? src.event(here.step - 1) : undefined;
  const candidates: Anchor[] = [];
  if (ev && ev.time === here.time && here.step > from.step) {
    const m = matchFor(ev, src);
    for (let nth = 1; nth <= 50; nth++) {
      const a: Anchor = nth === 1 ? { event: m } : { event: m, nth };
      const r = resolveAnchor(a, from, src, {});
      if (!r.ok || r.at.step > here.step) break;
      if (r.at.step === here.step) {
        candidates.push(a);
        break;
      }
    }
  }
  candidates.push({ after: Math.max(0, Math.round((here.time - from.time) * 1000) / 1000) });
  for (const a of candidates) {
    const r = resolveAnchor(a, from, src, {});
    if (r.ok && r.at.step === here.step) return { ...a, resolved: toResolved(r) };
  }
  return candidates.at(-1)!;
}

/** An ask's answer: the node of the next role change ahead, if the run has one. */
export function proposeAnswer(here: Position, src: TraceSource): AskAnswer | null {
  for (let seq = here.step; seq < here.step + 20_000; seq++) {
    const ev = src.event(seq);
    if (!ev) return null;
    const role = roleOf(ev.state);
    if (ev.node !== undefined && role !== undefined && role !== roleBefore(src, seq, ev.node)) return { nodeOf: { becomes: { role } } };
  }
  return null;
}
