/**
 * Persistent arrays: a `PVec` seen as a read-only plain array, as `precord.ts` does for maps.
 * A protocol keeps a long, growing list (Raft's log) as one of these, so appending or
 * replacing a suffix costs what changed, and everything that reads states as JSON-like data
 * (observe, invariants, views, `JSON.stringify`, the trace) sees an ordinary array: same
 * length, items, iteration and serialization, and `Array.isArray` is true. The kernel's
 * structural diff (`patch.ts`) recognises them and skips the prefix two versions share.
 *
 * Reading an item through the view costs a proxy trap; hot code reads the vector itself
 * (`vecOf`, `itemAt`). A view rejects writes (a TypeError in strict code), though `Object.isFrozen` is false. A view is
 * not cloneable (`structuredClone`, `postMessage`): send `[...view]` where a state must cross.
 */
import { PVec } from './pvec';

const VEC: unique symbol = Symbol('pvec');
type Target = unknown[] & { [VEC]: PVec<unknown> };

const vecOfView = new WeakMap<object, PVec<unknown>>();
const viewOfVec = new WeakMap<PVec<unknown>, readonly unknown[]>();

/** The index a property key names, or -1 (the canonical form only, as arrays have it). */
function indexOf(k: string | symbol): number {
  if (typeof k !== 'string' || k.length === 0 || k.length > 10) return -1;
  const c = k.charCodeAt(0);
  if (c < 48 || c > 57 || (c === 48 && k.length > 1)) return -1;
  const i = Number(k);
  // Only the canonical spelling names an item, as on an array: '1.0', '1e0' and '2 ' do not.
  return Number.isInteger(i) && String(i) === k ? i : -1;
}

const handler: ProxyHandler<Target> = {
  get(target, k, receiver) {
    const v = target[VEC];
    if (k === 'length') return v.length;
    const i = indexOf(k);
    if (i >= 0) return v.get(i);
    return Reflect.get(target, k, receiver);
  },
  has(target, k) {
    const i = indexOf(k);
    return i >= 0 ? i < target[VEC].length : Reflect.has(target, k);
  },
  ownKeys(target) {
    const keys: (string | symbol)[] = [];
    for (let i = 0; i < target[VEC].length; i++) keys.push(String(i));
    keys.push('length');
    return keys;
  },
  getOwnPropertyDescriptor(target, k) {
    const v = target[VEC];
    // `length` is the target's own non-configurable property: only its value differs.
    if (k === 'length') return { value: v.length, writable: true, enumerable: false, configurable: false };
    const i = indexOf(k);
    return i >= 0 && i < v.length ? { value: v.get(i), writable: false, enumerable: true, configurable: true } : undefined;
  },
  set: () => false,
  deleteProperty: () => false,
  defineProperty: () => false,
  setPrototypeOf: () => false,
  preventExtensions: () => false,
};

/** The read-only array view of a vector (one view per vector, so identity means "unchanged"). */
export function arrayOf<T>(v: PVec<T>): readonly T[] {
  const hit = viewOfVec.get(v);
  if (hit) return hit as readonly T[];
  const target = [] as unknown as Target;
  Object.defineProperty(target, VEC, { value: v, configurable: true }); // configurable: ownKeys may leave it out
  const view = new Proxy(target, handler) as readonly unknown[];
  vecOfView.set(view, v);
  viewOfVec.set(v, view);
  return view as readonly T[];
}

/** The vector behind a persistent array, or undefined for any other value. */
export function vecOf<T>(a: unknown): PVec<T> | undefined {
  return typeof a === 'object' && a !== null ? (vecOfView.get(a) as PVec<T> | undefined) : undefined;
}

/** The vector of any array: its own when persistent, else a new one (O(length), once). */
export function toVec<T>(a: readonly T[]): PVec<T> {
  return vecOf<T>(a) ?? PVec.from(a);
}

/** A persistent array of a plain one (an array from durable state or a test). */
export function persistentArray<T>(a: readonly T[]): readonly T[] {
  return vecOf(a) ? a : arrayOf(PVec.from(a));
}

/** `a` with `items` appended. */
export function pushed<T>(a: readonly T[], ...items: T[]): readonly T[] {
  return arrayOf(toVec(a).pushAll(items));
}

/** `a`'s first `keep` items, then `items`. */
export function spliced<T>(a: readonly T[], keep: number, items: readonly T[]): readonly T[] {
  return arrayOf(toVec(a).splice(keep, items));
}

/** `a[i]`, read from the vector when `a` is persistent (no proxy trap). */
export function itemAt<T>(a: readonly T[], i: number): T | undefined {
  const v = vecOf<T>(a);
  return v ? v.get(i) : a[i];
}

/** `a.slice(from, to)` as a plain array, read from the vector when `a` is persistent. */
export function sliceOf<T>(a: readonly T[], from: number, to?: number): T[] {
  const v = vecOf<T>(a);
  return v ? v.slice(from, to) : a.slice(from, to);
}

/** The first 0-based index where two arrays hold different items (by identity), or the
 * shorter length: O(what differs) for two persistent versions of one lineage. */
export function firstDiff<T>(a: readonly T[], b: readonly T[]): number {
  const va = vecOf<T>(a);
  const vb = va && vecOf<T>(b);
  if (va && vb) return va.firstDiff(vb);
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && itemAt(a, i) === itemAt(b, i)) i++;
  return i;
}
