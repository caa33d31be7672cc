/**
 * Structural patches between two JSON-like values, so a trace can keep what each event changed
 * instead of the node's whole state. `diff(a, b)` compares by identity first (machine contexts
 * are immutable, so untouched parts are the same objects) and `apply(a, diff(a, b))` rebuilds a
 * value that serializes exactly as `b`, key order included: when a new object's keys are not in
 * the order a patch would give, the object is replaced whole.
 */
import { changedSlots, type PMap } from './pmap';
import { mapOf, recordOf } from './precord';
import { vecOf } from './parray';

export type Patch =
  /** Replace the value whole. */
  | { k: 'set'; v: unknown }
  /** An object: `set` patches existing keys or adds new ones (in order, after the old ones). */
  | { k: 'obj'; set: [string, Patch][]; del?: string[] }
  /** An array: the first `keep` items stay, then `tail` follows. */
  | { k: 'arr'; keep: number; tail: unknown[] }
  /** An array of the same length with some items patched. */
  | { k: 'idx'; at: [number, Patch][] };

type Obj = Record<string, unknown>;

export const isPlainObject = (v: unknown): v is Obj => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** Sets an own data property, `__proto__` included (a key from user input must stay data). */
export function put(o: Obj, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
  else o[k] = v;
}

/** Objects with at least this many keys remember their diff against the object before. */
const MEMO_KEYS = 32;
/** b → the diff from a: the trace and the invariant checkers compare the same large maps
 * (2PC's tmState with thousands of transactions), so each pair is walked once. */
const memo = new WeakMap<object, { from: object; patch: Patch | null }>();

/** What `a` → `b` changed, or null when nothing did. */
export function diff(a: unknown, b: unknown): Patch | null {
  if (a === b) return null;
  const ma = mapOf(a);
  const mb = ma && mapOf(b);
  if (ma && mb) {
    const hit = memo.get(b as object);
    if (hit && hit.from === a) return hit.patch;
    const p = diffMaps(ma, mb);
    if (p !== undefined) {
      memo.set(b as object, { from: a as object, patch: p });
      return p;
    }
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const hit = memo.get(b);
    if (hit && hit.from === a) return hit.patch;
    return diffObject(a, b);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    // Persistent arrays of one lineage: the prefix they share is found without a scan.
    const va = vecOf(a);
    const vb = va && vecOf(b);
    return diffArray(a, b, va && vb ? va.firstDiff(vb) : 0);
  }
  if (typeof a !== 'object' && typeof b !== 'object' && Object.is(a, b)) return null;
  return { k: 'set', v: b };
}

function diffObject(a: Obj, b: Obj): Patch | null {
  const ak = Object.keys(a);
  const bk = Object.keys(b);
  const set: [string, Patch][] = [];
  let del: string[] | undefined;
  let i = 0;
  let adding = false;
  for (const k of bk) {
    if (!adding && ak[i] !== k) {
      // Skip the old keys that are gone: a patch drops them where they stood. Looked up only
      // on a mismatch, so an unchanged map costs one comparison of keys per entry.
      while (i < ak.length && ak[i] !== k && !Object.hasOwn(b, ak[i]!)) (del ??= []).push(ak[i++]!);
    }
    if (!adding && i < ak.length && ak[i] === k) {
      i++;
      const x = a[k];
      const y = b[k];
      if (x !== y) {
        const p = diff(x, y);
        if (p) set.push([k, p]);
      }
      continue;
    }
    // A new key, or an old one out of place: only new keys after every old one keep the order.
    if (Object.hasOwn(a, k)) return { k: 'set', v: b };
    adding = true;
    set.push([k, { k: 'set', v: b[k] }]);
  }
  while (i < ak.length) {
    if (Object.hasOwn(b, ak[i]!)) return { k: 'set', v: b };
    (del ??= []).push(ak[i++]!);
  }
  const patch: Patch | null = set.length === 0 && !del ? null : del ? { k: 'obj', set, del } : { k: 'obj', set };
  if (bk.length >= MEMO_KEYS) memo.set(b, { from: a, patch });
  return patch;
}

/** Persistent records of one lineage: only the chunks that differ are compared. Undefined
 * when they are not (the plain comparison then applies). */
function diffMaps(a: PMap<unknown>, b: PMap<unknown>): Patch | null | undefined {
  const changes = changedSlots(a, b);
  if (!changes) return undefined;
  const set: [string, Patch][] = [];
  let del: string[] | undefined;
  for (const c of changes) {
    if (c.after === undefined) (del ??= []).push(c.k);
    else if (c.before === undefined) set.push([c.k, { k: 'set', v: c.after }]);
    else {
      const p = diff(c.before, c.after);
      if (p) set.push([c.k, p]);
    }
  }
  return set.length === 0 && !del ? null : del ? { k: 'obj', set, del } : { k: 'obj', set };
}

/** An object patch on a persistent record: deletes, then sets (a new key goes last). */
function applyToMap(m: PMap<unknown>, patch: Extract<Patch, { k: 'obj' }>, sub: (base: unknown, p: Patch) => unknown): unknown {
  let out = m;
  if (patch.del) for (const k of patch.del) out = out.delete(k);
  for (const [k, p] of patch.set) out = out.set(k, sub(out.get(k), p));
  return recordOf(out);
}

/** `same`: a count of leading items known identical. */
function diffArray(a: readonly unknown[], b: readonly unknown[], same: number): Patch | null {
  const n = Math.min(a.length, b.length);
  let keep = same;
  let first: Patch | null = null;
  while (keep < n && (first = diff(a[keep], b[keep])) === null) keep++;
  if (keep === a.length && keep === b.length) return null;
  if (a.length !== b.length) return { k: 'arr', keep, tail: b.slice(keep) };
  const at: [number, Patch][] = [[keep, first!]];
  for (let i = keep + 1; i < b.length; i++) {
    const p = diff(a[i], b[i]);
    if (p) at.push([i, p]);
  }
  return { k: 'idx', at };
}

/** A new value: `base` with `patch` applied; unchanged parts stay shared with `base`. */
export function apply(base: unknown, patch: Patch): unknown {
  switch (patch.k) {
    case 'set':
      return patch.v;
    case 'arr': {
      const out = (base as unknown[]).slice(0, patch.keep);
      for (const x of patch.tail) out.push(x);
      return out;
    }
    case 'idx': {
      const out = (base as unknown[]).slice();
      for (const [i, p] of patch.at) out[i] = apply(out[i], p);
      return out;
    }
    case 'obj': {
      const m = mapOf(base);
      if (m) return applyToMap(m, patch, apply);
      const o = base as Obj;
      const changes = new Map(patch.set);
      const gone = patch.del ? new Set(patch.del) : undefined;
      const out: Obj = {};
      for (const k of Object.keys(o)) {
        if (gone?.has(k)) continue;
        const p = changes.get(k);
        put(out, k, p ? apply(o[k], p) : o[k]);
      }
      for (const [k, p] of patch.set) if (!Object.hasOwn(o, k)) put(out, k, apply(undefined, p));
      return out;
    }
  }
}

/**
 * Applies `patch` to `base` in place, copying first every container it has not yet copied
 * (`owned`), so a value rebuilt from a keyframe costs its size plus the patches, once.
 */
export function applyOwned(base: unknown, patch: Patch, owned: Set<object>): unknown {
  switch (patch.k) {
    case 'set':
      return patch.v;
    case 'arr': {
      const out = own(base as unknown[], owned) as unknown[];
      out.length = patch.keep;
      for (const x of patch.tail) out.push(x);
      return out;
    }
    case 'idx': {
      const out = own(base as unknown[], owned) as unknown[];
      for (const [i, p] of patch.at) out[i] = applyOwned(out[i], p, owned);
      return out;
    }
    case 'obj': {
      const m = mapOf(base);
      if (m) return applyToMap(m, patch, (x, p) => applyOwned(x, p, owned));
      const out = own(base as Obj, owned) as Obj;
      if (patch.del) for (const k of patch.del) delete out[k];
      for (const [k, p] of patch.set) put(out, k, applyOwned(Object.hasOwn(out, k) ? out[k] : undefined, p, owned));
      return out;
    }
  }
}

function own(v: object, owned: Set<object>): object {
  if (owned.has(v)) return v;
  let copy: object;
  if (Array.isArray(v)) copy = v.slice();
  else {
    copy = {};
    for (const k of Object.keys(v)) put(copy as Obj, k, (v as Obj)[k]);
  }
  owned.add(copy);
  return copy;
}

/** Roughly how much a patch holds, in entries (its own cost in the trace). */
export function weight(p: Patch): number {
  switch (p.k) {
    case 'set':
      return 1;
    case 'arr':
      return 1 + p.tail.length;
    case 'idx':
      return p.at.reduce((n, [, q]) => n + weight(q), 1);
    case 'obj':
      return p.set.reduce((n, [, q]) => n + weight(q), 1 + (p.del?.length ?? 0));
  }
}

/** Entries in a value, counting nested containers (a keyframe's cost). */
export function size(v: unknown, limit = Infinity): number {
  let n = 0;
  const walk = (x: unknown): void => {
    if (n > limit) return;
    n++;
    if (Array.isArray(x)) for (const y of x) walk(y);
    else if (typeof x === 'object' && x !== null) for (const k of Object.keys(x)) walk((x as Obj)[k]);
  };
  walk(v);
  return n;
}
