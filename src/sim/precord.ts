/**
 * Persistent records: a `PMap` seen as a read-only plain object. Protocol contexts keep large
 * per-transaction or per-op maps as these, so `withKey` / `withoutKey` cost what changed, and
 * everything that reads states as JSON-like data (observe, invariants, views, `JSON.stringify`,
 * the trace) sees an ordinary object with the same keys in the same order. The kernel's
 * structural diff (`patch.ts`) recognises them and compares only the chunks that differ.
 *
 * A view rejects writes (a TypeError in strict code), like a frozen object.
 */
import { PMap } from './pmap';

type Rec<V> = Readonly<Record<string, V>>;

const mapOfView = new WeakMap<object, PMap<unknown>>();
const viewOfMap = new WeakMap<PMap<unknown>, object>();

const handler: ProxyHandler<object> = {
  get(target, k, receiver) {
    if (typeof k === 'string') {
      const m = mapOfView.get(target)!;
      const p = m.slot(k);
      if (p >= 0) return m.at(p)[1];
    }
    return Reflect.get(target, k, receiver);
  },
  has(target, k) {
    return (typeof k === 'string' && mapOfView.get(target)!.has(k)) || Reflect.has(target, k);
  },
  ownKeys(target) {
    return mapOfView.get(target)!.keys();
  },
  getOwnPropertyDescriptor(target, k) {
    if (typeof k !== 'string') return undefined;
    const m = mapOfView.get(target)!;
    const p = m.slot(k);
    return p < 0 ? undefined : { value: m.at(p)[1], writable: false, enumerable: true, configurable: true };
  },
  set: () => false,
  deleteProperty: () => false,
  defineProperty: () => false,
  setPrototypeOf: () => false,
  preventExtensions: () => false,
};

/** The read-only record view of a map (one view per map, so identity means "unchanged"). */
export function recordOf<V>(m: PMap<V>): Rec<V> {
  const hit = viewOfMap.get(m);
  if (hit) return hit as Rec<V>;
  const target = {};
  const view = new Proxy(target, handler);
  mapOfView.set(target, m);
  mapOfView.set(view, m);
  viewOfMap.set(m, view);
  return view as Rec<V>;
}

/** The map behind a persistent record, or undefined for any other value. */
export function mapOf<V>(r: unknown): PMap<V> | undefined {
  return typeof r === 'object' && r !== null ? (mapOfView.get(r) as PMap<V> | undefined) : undefined;
}

/** A persistent record of a plain one (a record from durable state or a test). */
export function persistent<V>(r: Rec<V>): Rec<V> {
  return mapOf(r) ? r : recordOf(PMap.from(r));
}

/** `r` with `k` set to `v`: an existing key keeps its place, a new one goes last. */
export function withKey<V>(r: Rec<V>, k: string, v: V): Rec<V> {
  return recordOf((mapOf<V>(r) ?? PMap.from(r)).set(k, v));
}

/** `r` without `k`, the other keys in the same order. */
export function withoutKey<V>(r: Rec<V>, k: string): Rec<V> {
  return recordOf((mapOf<V>(r) ?? PMap.from(r)).delete(k));
}

/** `r`'s value at `k`, own keys only ("constructor" or "__proto__" never reach the prototype). */
export function entryOf<V>(r: Rec<V>, k: string): V | undefined {
  const m = mapOf<V>(r);
  if (m) return m.get(k);
  return Object.hasOwn(r, k) ? r[k] : undefined;
}

/** `r`'s last key in iteration order, without listing the others when `r` is persistent. */
export function lastKey(r: Readonly<Record<string, unknown>>): string | undefined {
  const m = mapOf(r);
  return m ? m.lastKey() : Object.keys(r).at(-1);
}
