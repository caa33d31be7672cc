/**
 * Readers for the parts of a tour step (text, event and state matches, anchors, highlights,
 * actions): each returns a clean value or records a problem that names the field.
 */
import type { EventKind } from '../../sim/types';
import { readActions, type ActionContext } from '../actions';
import { checkKeys, field, isInt, isRecord, own, Problems, readNumber, show } from '../problems';
import type { Anchor, EventMatch, Highlights, Scalar, StateMatch, Text, TourAction } from './types';

export const MAX_TEXT = 4_000;
export const MAX_LIST = 32;
export const MAX_INJECT = 20;
export const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const EVENT_KINDS: readonly EventKind[] = ['start', 'deliver', 'lost', 'timer', 'command', 'crash', 'restart', 'pause', 'resume', 'skew', 'timeout', 'partition', 'cut', 'heal', 'drop', 'duplicate', 'delay', 'schedule'];

/** What a part may refer to: the scenario's nodes, names bound by earlier steps, step ids. */
export interface RefContext {
  nodes: ReadonlySet<string> | null;
  bound: ReadonlySet<string>;
  earlier: ReadonlySet<string>;
  actions: ActionContext;
}

export function readId(p: Problems, path: string, v: unknown): string | undefined {
  if (typeof v === 'string' && ID.test(v)) return v;
  p.expect(path, 'must be an id of 1 to 64 letters, digits, "-" or "_"', v);
  return undefined;
}

export function readText(p: Problems, path: string, v: unknown): Text | undefined {
  const one = (pp: string, s: unknown): string | undefined => {
    if (typeof s !== 'string') p.expect(pp, 'must be a string', s);
    else if (s.length > MAX_TEXT) p.add(pp, `must be at most ${MAX_TEXT} characters, got ${s.length}`);
    else return s;
    return undefined;
  };
  if (!isRecord(v)) return one(path, v);
  checkKeys(p, path, v, ['en', 'zh-CN']);
  const en = one(field(path, 'en'), own(v, 'en'));
  const zh = own(v, 'zh-CN') === undefined ? undefined : one(field(path, 'zh-CN'), own(v, 'zh-CN'));
  return en === undefined ? undefined : zh === undefined ? { en } : { en, 'zh-CN': zh };
}

export function readNodeRef(p: Problems, path: string, v: unknown, c: RefContext): string | undefined {
  if (typeof v !== 'string') return void p.expect(path, 'must be a node id or $name', v);
  if (v.startsWith('$')) {
    if (c.bound.has(v.slice(1))) return v;
    return void p.add(path, `${show(v)} is not bound by an earlier step (bound: ${[...c.bound].join(', ') || 'none'})`);
  }
  if (c.nodes === null || c.nodes.has(v)) return v;
  return void p.add(path, `unknown node ${show(v)} (nodes are ${[...c.nodes].slice(0, 12).join(', ')})`);
}

function readScalars(p: Problems, path: string, v: unknown): Record<string, Scalar> | undefined {
  if (!isRecord(v) || Object.keys(v).length === 0 || Object.keys(v).length > 8) return void p.expect(path, 'must be an object of 1 to 8 fields', v);
  const out: Record<string, Scalar> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k.length > 64) p.add(field(path, k), 'field names are at most 64 characters');
    else if (x === null || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x)) || (typeof x === 'string' && x.length <= 200)) out[k] = x;
    else p.expect(field(path, k), 'must be a string, number, true/false or null', x);
  }
  return out;
}

export function readEventMatch(p: Problems, path: string, v: unknown, c: RefContext): EventMatch | undefined {
  if (!isRecord(v)) return void p.expect(path, 'must be an object (kind, node, message, becomes, violation)', v);
  checkKeys(p, path, v, ['kind', 'node', 'message', 'becomes', 'violation']);
  const m: EventMatch = {};
  const kind = own(v, 'kind');
  if (kind !== undefined) {
    if ((EVENT_KINDS as readonly unknown[]).includes(kind)) m.kind = kind as EventKind;
    else p.expect(field(path, 'kind'), `must be one of ${EVENT_KINDS.join(', ')}`, kind);
  }
  if (own(v, 'node') !== undefined) {
    const n = readNodeRef(p, field(path, 'node'), own(v, 'node'), c);
    if (n) m.node = n;
  }
  const message = own(v, 'message');
  if (message !== undefined) {
    if (typeof message === 'string' && message.length > 0 && message.length <= 64) m.message = message;
    else p.expect(field(path, 'message'), 'must be a message type', message);
  }
  if (own(v, 'becomes') !== undefined) {
    const b = readScalars(p, field(path, 'becomes'), own(v, 'becomes'));
    if (b) m.becomes = b;
  }
  const violation = own(v, 'violation');
  if (violation !== undefined) {
    if (violation === true || (typeof violation === 'string' && violation.length > 0 && violation.length <= 64)) m.violation = violation;
    else p.expect(field(path, 'violation'), 'must be true or an invariant name', violation);
  }
  return m;
}

function readStateMatch(p: Problems, path: string, v: unknown, c: RefContext): StateMatch | undefined {
  if (!isRecord(v)) return void p.expect(path, 'must be an object (state, node, count)', v);
  checkKeys(p, path, v, ['state', 'node', 'count']);
  const state = readScalars(p, field(path, 'state'), own(v, 'state'));
  const node = own(v, 'node') === undefined ? undefined : readNodeRef(p, field(path, 'node'), own(v, 'node'), c);
  const count = own(v, 'count') === undefined ? undefined : readNumber(p, field(path, 'count'), own(v, 'count'), 'must be a whole number from 1 to 256', (n) => isInt(n) && n >= 1 && n <= 256);
  return state ? { state, ...(node ? { node } : {}), ...(count ? { count } : {}) } : undefined;
}

const ms = (p: Problems, path: string, v: unknown) => readNumber(p, path, v, 'must be simulated ms from 0 to 10000000', (n) => n >= 0 && n <= 10_000_000);

/** `forked`: a task or branch came before, so the run differs per student: no absolute times. */
export function readAnchor(p: Problems, path: string, v: unknown, c: RefContext, forked: boolean): Anchor | undefined {
  if (!isRecord(v)) return void p.expect(path, 'must be an object with one of at, time, after, event, until', v);
  const kinds = ['at', 'time', 'after', 'event', 'until'].filter((k) => own(v, k) !== undefined);
  if (kinds.length !== 1) return void p.add(path, `must have exactly one of at, time, after, event, until, got ${kinds.length ? kinds.join(' and ') : 'none'}`);
  checkKeys(p, path, v, [kinds[0]!, ...(kinds[0] === 'event' ? ['nth'] : []), 'from', 'within', 'resolved']);
  const base: { from?: string; within?: number; resolved?: Anchor['resolved'] } = {};
  const from = own(v, 'from');
  if (from !== undefined) {
    if (typeof from === 'string' && c.earlier.has(from)) base.from = from;
    else p.expect(field(path, 'from'), 'must name an earlier step', from);
  }
  if (own(v, 'within') !== undefined) base.within = ms(p, field(path, 'within'), own(v, 'within'));
  const res = own(v, 'resolved');
  if (res !== undefined) {
    if (isRecord(res) && isInt(res.step as number) && (res.step as number) >= 0 && typeof res.time === 'number' && Number.isFinite(res.time) && typeof res.check === 'string' && /^[0-9a-f]{8}$/.test(res.check)) {
      base.resolved = { step: res.step as number, time: res.time, check: res.check };
    } else p.expect(field(path, 'resolved'), 'must be { step, time, check } (check: 8 hex digits)', res);
  }
  const x = own(v, kinds[0]!);
  const at = field(path, kinds[0]!);
  switch (kinds[0]) {
    case 'at':
      return x === 'start' ? { ...base, at: 'start' } : void p.expect(at, 'must be "start"', x);
    case 'time': {
      if (forked) return void p.add(at, 'an absolute time cannot follow a task or branch step (the run differs per student): use after, event or until');
      const t = ms(p, at, x);
      return t === undefined ? undefined : { ...base, time: t };
    }
    case 'after': {
      const t = ms(p, at, x);
      return t === undefined ? undefined : { ...base, after: t };
    }
    case 'event': {
      const m = readEventMatch(p, at, x, c);
      const nth = own(v, 'nth') === undefined ? undefined : readNumber(p, field(path, 'nth'), own(v, 'nth'), 'must be a whole number from 1 to 1000', (n) => isInt(n) && n >= 1 && n <= 1000);
      return m ? { ...base, event: m, ...(nth ? { nth } : {}) } : undefined;
    }
    default: {
      const m = readStateMatch(p, at, x, c);
      return m ? { ...base, until: m } : undefined;
    }
  }
}

function readRefs(p: Problems, path: string, v: unknown, c: RefContext): string[] {
  if (!Array.isArray(v) || v.length > MAX_LIST) return (p.expect(path, `must be an array of at most ${MAX_LIST} node ids`, v), []);
  return v.map((x, i) => readNodeRef(p, field(path, i), x, c)).filter((x): x is string => x !== undefined);
}

export function readHighlights(p: Problems, path: string, v: unknown, c: RefContext): Highlights | undefined {
  if (!isRecord(v)) return void p.expect(path, 'must be an object (nodes, messages, entries, invariants, spanFrom, dim)', v);
  checkKeys(p, path, v, ['nodes', 'messages', 'entries', 'invariants', 'spanFrom', 'dim']);
  const h: Highlights = {};
  if (own(v, 'nodes') !== undefined) h.nodes = readRefs(p, field(path, 'nodes'), own(v, 'nodes'), c);
  const msg = own(v, 'messages');
  if (msg !== undefined) {
    if (!isRecord(msg)) p.expect(field(path, 'messages'), 'must be an object (type, from, to)', msg);
    else {
      checkKeys(p, field(path, 'messages'), msg, ['type', 'from', 'to']);
      const type = own(msg, 'type');
      const m: NonNullable<Highlights['messages']> = {};
      if (typeof type === 'string' && type.length <= 64) m.type = type;
      else if (type !== undefined) p.expect(field(field(path, 'messages'), 'type'), 'must be a message type', type);
      for (const k of ['from', 'to'] as const) {
        if (own(msg, k) !== undefined) {
          const n = readNodeRef(p, field(field(path, 'messages'), k), own(msg, k), c);
          if (n) m[k] = n;
        }
      }
      h.messages = m;
    }
  }
  const entries = own(v, 'entries');
  if (entries !== undefined) {
    if (!Array.isArray(entries) || entries.length > MAX_LIST) p.expect(field(path, 'entries'), `must be an array of at most ${MAX_LIST} { node, index }`, entries);
    else {
      h.entries = [];
      entries.forEach((e: unknown, i) => {
        const ep = field(field(path, 'entries'), i);
        if (!isRecord(e)) return p.expect(ep, 'must be { node, index }', e);
        checkKeys(p, ep, e, ['node', 'index']);
        const node = readNodeRef(p, field(ep, 'node'), own(e, 'node'), c);
        const index = readNumber(p, field(ep, 'index'), own(e, 'index'), 'must be a log index (a whole number ≥ 0)', (n) => isInt(n) && n >= 0);
        if (node && index !== undefined) h.entries!.push({ node, index });
      });
    }
  }
  const inv = own(v, 'invariants');
  if (inv !== undefined) {
    if (Array.isArray(inv) && inv.length <= MAX_LIST && inv.every((x) => typeof x === 'string' && x.length > 0 && x.length <= 64)) h.invariants = inv as string[];
    else p.expect(field(path, 'invariants'), `must be an array of at most ${MAX_LIST} invariant names`, inv);
  }
  const span = own(v, 'spanFrom');
  if (span !== undefined) {
    if (typeof span === 'string' && c.earlier.has(span)) h.spanFrom = span;
    else p.expect(field(path, 'spanFrom'), 'must name an earlier step', span);
  }
  const dim = own(v, 'dim');
  if (dim !== undefined) {
    if (typeof dim === 'boolean') h.dim = dim;
    else p.expect(field(path, 'dim'), 'must be true or false', dim);
  }
  return h;
}

/** Actions without times (they happen at the step's position), checked as scenario actions are;
 * `$name` nodes are checked against the bindings, then stand in as a real node for the rest. */
export function readTourActions(p: Problems, path: string, v: unknown, c: RefContext): TourAction[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > MAX_INJECT) return (p.expect(path, `must be an array of 1 to ${MAX_INJECT} actions`, v), []);
  const stand = c.nodes ? [...c.nodes][0] : undefined;
  const timed = v.map((a: unknown, i) => {
    if (!isRecord(a)) return a;
    const copy: Record<string, unknown> = { at: 0, ...a };
    if (own(a, 'at') !== undefined) p.add(field(field(path, i), 'at'), 'tour actions have no time: they happen at the step');
    for (const k of ['node', 'from', 'to']) {
      const x = own(a, k);
      if (typeof x === 'string' && x.startsWith('$')) {
        readNodeRef(p, field(field(path, i), k), x, c);
        copy[k] = stand ?? x; // No scenario (it failed): $name stands for itself, no cascade.
      }
    }
    return copy;
  });
  const sub = new Problems();
  const read = readActions(sub, timed, c.actions);
  for (const m of sub.messages()) p.add(path + m.replace(/^actions/, '').replace(/:.*$/, ''), m.replace(/^[^:]*: /, ''));
  if (sub.count > 0) return [];
  return read.map((a, i) => {
    const out: Record<string, unknown> = { ...a };
    delete out.at;
    for (const k of ['node', 'from', 'to']) {
      const x = own(v[i] as Record<string, unknown>, k);
      if (typeof x === 'string' && x.startsWith('$')) out[k] = x;
    }
    return out as TourAction;
  });
}
