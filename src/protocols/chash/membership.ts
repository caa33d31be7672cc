/**
 * Ring math over a membership view. During a change the ring has two faces: the read ring
 * (servers that serve reads: up or leaving) and the future ring (up or joining). A write goes
 * to a key's replicas in both, so whichever face wins, every replica has seen it.
 */
import { buildRing, preferenceList, type Ring } from './ring';
import { murmur3 } from './hash';
import type { Entry, Key, Membership, MemberStatus, NodeId, Store } from './messages';

export interface Shape {
  vnodes: number;
  replicas: number;
}

export const statusOf = (m: Membership, id: NodeId): MemberStatus | undefined => (Object.hasOwn(m.status, id) ? m.status[id] : undefined);

const withStatus = (m: Membership, keep: (s: MemberStatus) => boolean): NodeId[] =>
  Object.keys(m.status)
    .filter((id) => keep(m.status[id]!))
    .sort();

export const readMembers = (m: Membership): NodeId[] => withStatus(m, (s) => s !== 'joining');
export const futureMembers = (m: Membership): NodeId[] => withStatus(m, (s) => s !== 'leaving');

/** The change in progress, if any: the seed allows one at a time. */
export function pendingChange(m: Membership): { kind: 'join' | 'leave'; server: NodeId } | null {
  for (const [id, s] of Object.entries(m.status)) {
    if (s === 'joining') return { kind: 'join', server: id };
    if (s === 'leaving') return { kind: 'leave', server: id };
  }
  return null;
}

export function initialMembership(initial: readonly NodeId[]): Membership {
  return { epoch: 0, status: Object.fromEntries(initial.map((id) => [id, 'up' as const])) };
}

/** The seed's next epoch: `id` gets `status`, or leaves the map when `status` is null. */
export function withMember(m: Membership, id: NodeId, status: MemberStatus | null): Membership {
  const next = Object.fromEntries(Object.entries(m.status).filter(([k]) => k !== id));
  if (status) next[id] = status;
  return { epoch: m.epoch + 1, status: next };
}

// Rings are rebuilt from ids, so equal member lists share one; machines stay pure functions
// of their events while a step costs no sort.
const rings = new Map<string, Ring>();
export function ringOf(members: readonly NodeId[], vnodes: number): Ring {
  const key = `${vnodes}|${members.join(',')}`;
  let ring = rings.get(key);
  if (!ring) {
    if (rings.size >= 256) rings.clear();
    rings.set(key, (ring = buildRing(members, vnodes)));
  }
  return ring;
}

/** The read and future rings of a membership. Status maps are immutable and shared by
 * contexts, messages and views, so a cache keyed by the map object answers most lookups. */
const faces = new WeakMap<object, Map<number, { read: Ring; future: Ring }>>();
function ringsOf(m: Membership, vnodes: number): { read: Ring; future: Ring } {
  let byV = faces.get(m.status);
  if (!byV) faces.set(m.status, (byV = new Map()));
  let r = byV.get(vnodes);
  if (!r) byV.set(vnodes, (r = { read: ringOf(readMembers(m), vnodes), future: ringOf(futureMembers(m), vnodes) }));
  return r;
}

export const readReplicas = (m: Membership, key: Key, shape: Shape): NodeId[] => preferenceList(ringsOf(m, shape.vnodes).read, murmur3(key), shape.replicas);
export const futureReplicas = (m: Membership, key: Key, shape: Shape): NodeId[] => preferenceList(ringsOf(m, shape.vnodes).future, murmur3(key), shape.replicas);

/** Every server that must store a write of `key`: its replicas in the read and future rings. */
export function writeSet(m: Membership, key: Key, shape: Shape): NodeId[] {
  const read = readReplicas(m, key, shape);
  return [...read, ...futureReplicas(m, key, shape).filter((s) => !read.includes(s))];
}

/** The servers that gain `key` in the change under way (in the future ring, not the read one). */
export function gainers(m: Membership, key: Key, shape: Shape): NodeId[] {
  const read = readReplicas(m, key, shape);
  return futureReplicas(m, key, shape).filter((s) => !read.includes(s));
}

/**
 * The arcs a joining server gains, each named by the old replicas that hold it: for every arc
 * of the future ring whose preference list has `joiner`, the arc's preference list in the read
 * ring. Any one of them, once it knows of the join, holds every acknowledged write of the arc.
 */
export function gainedArcSources(m: Membership, joiner: NodeId, shape: Shape): NodeId[][] {
  const { read, future } = ringsOf(m, shape.vnodes);
  const out = new Map<string, NodeId[]>();
  for (let i = 0; i < future.tokens.length; i++) {
    if (!preferenceList(future, future.tokens[i]!, shape.replicas).includes(joiner)) continue;
    const sources = preferenceList(read, future.tokens[i]!, shape.replicas);
    out.set(sources.join(','), sources);
  }
  return [...out.values()];
}

// ── stores ───────────────────────────────────────────────────────────────────────

export const entryOf = (store: Store, key: Key): Entry | undefined => (Object.hasOwn(store, key) ? store[key] : undefined);

/** Last writer wins: the higher version, then the higher writer id. */
export function isNewer(a: Entry, b: Entry | undefined): boolean {
  return b === undefined || a.version > b.version || (a.version === b.version && a.writer > b.writer);
}

/** The store with `entries` merged in; the same object when nothing is newer. Built with
 * fromEntries, which defines own keys, so a key named "__proto__" stays data. */
export function merge(store: Store, entries: Store): Store {
  const newer = Object.entries(entries).filter(([key, e]) => isNewer(e, entryOf(store, key)));
  return newer.length === 0 ? store : Object.fromEntries([...Object.entries(store), ...newer]);
}

/** The part of a store whose keys pass `keep`; the same object when all do. */
export function filterStore(store: Store, keep: (key: Key) => boolean): Store {
  const keys = Object.keys(store);
  const kept = keys.filter(keep);
  return kept.length === keys.length ? store : Object.fromEntries(kept.map((k) => [k, store[k]!]));
}
