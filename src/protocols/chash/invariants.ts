/**
 * The consistent-hashing protocol's invariants, over every node's view after every step:
 * keys move only as the ring's monotonicity allows, a settled ring stores every key on exactly
 * its replicas, and acknowledged writes keep R copies (so R - 1 crashes cannot lose them).
 */
import type { Invariant, InvariantCheck, InvariantFailure, NodeId, NodeView, ProtocolConfig } from '../types';
import { resolveConfig, type ChashConfig } from './config';
import { entryOf, futureReplicas, gainers, isNewer, pendingChange, readMembers, readReplicas } from './membership';
import type { Entry, Key, Membership, Store } from './messages';
import type { ChashObservable, ServerObservable } from './observe';

const ringOfView = (s: ServerObservable): Membership => ({ epoch: s.epoch, status: s.members });
const servers = (nodes: ReadonlyMap<NodeId, NodeView>) =>
  [...nodes.values()].filter((v) => (v.state as ChashObservable).role === 'server') as (NodeView & { state: ServerObservable })[];

/** The newest acknowledged write of each key, gathered from the clients' views as they change. */
class Acked {
  readonly byKey = new Map<Key, Entry>();
  /** Bumped whenever byKey changes. */
  version = 0;
  private readonly seen = new Map<NodeId, unknown>();
  update(nodes: ReadonlyMap<NodeId, NodeView>): void {
    for (const v of nodes.values()) {
      const s = v.state as ChashObservable;
      if (s.role !== 'client' || this.seen.get(v.id) === s.acked) continue;
      this.seen.set(v.id, s.acked);
      for (const [key, e] of Object.entries(s.acked)) if (isNewer(e, this.byKey.get(key))) {
        this.byKey.set(key, e);
        this.version++;
      }
    }
  }
}

/** Remembers the objects a check last read, so an unchanged world is not checked again. */
class SameAsLast {
  private last: readonly unknown[] = [];
  check(now: readonly unknown[]): boolean {
    const same = now.length === this.last.length && now.every((x, i) => x === this.last[i]);
    this.last = now;
    return same;
  }
}
const inputs = (all: readonly { state: ServerObservable }[], acked: Acked, extra: unknown) => [extra, acked.version, ...all.map((v) => v.state.store)];

const show = (e: Entry) => `version ${e.version} by ${e.writer}`;
/** Holds `key` at the acknowledged version or a newer one. */
const holds = (store: Store, key: Key, acked: Entry) => {
  const e = entryOf(store, key);
  return e !== undefined && !isNewer(acked, e);
};

const movement: Invariant = {
  id: 'movement',
  name: 'Keys move only to a joiner or from a leaver',
  description: 'A handoff moves a key only into the joining server, or only out of the leaving one, and only a key whose replica set gains the receiver.',
  source: 'Karger et al. 1997, section 4 (monotonicity); DeCandia et al. 2007 (Dynamo), section 4.9',
  create(cfg: ProtocolConfig): InvariantCheck {
    const c = resolveConfig(cfg);
    const last = new Map<NodeId, Store>();
    return ({ event, nodes }) => {
      const view = event.node === undefined ? undefined : nodes.get(event.node);
      const s = view?.state as ChashObservable | undefined;
      if (!view || s?.role !== 'server') return null;
      const before = last.get(view.id) ?? {};
      last.set(view.id, s.store);
      if (event.kind !== 'deliver' || event.message?.type !== 'Transfer' || before === s.store) return null;
      const moved = Object.keys(s.store).filter((k) => isNewer(s.store[k]!, entryOf(before, k)));
      // Judge the move by the ring it was sent under: a receiver takes a Transfer only at that
      // epoch, and the same step may already have finished the change (a seed that joined).
      const ring = (event.message.payload as unknown as { ring: Membership }).ring;
      return moved.length === 0 ? null : checkMove(c, ring, event.message.from, view.id, moved);
    };
  },
};

function checkMove(c: ChashConfig, ring: Membership, from: NodeId, to: NodeId, keys: Key[]): InvariantFailure | null {
  const change = pendingChange(ring);
  if (!change) return { message: `${from} moved ${keys.join(', ')} to ${to} with no join or leave under way`, nodes: [from, to] };
  if (change.kind === 'join' && to !== change.server) return { message: `the join of ${change.server} moved ${keys.join(', ')} from ${from} to ${to}, an old server`, nodes: [from, to] };
  if (change.kind === 'leave' && from !== change.server) return { message: `the leave of ${change.server} moved ${keys.join(', ')} from ${from}, which stays`, nodes: [from, to] };
  const gains = (k: Key) => (change.kind === 'join' ? futureReplicas(ring, k, c).includes(to) : gainers(ring, k, c).includes(to));
  const wrong = keys.filter((k) => !gains(k));
  return wrong.length === 0 ? null : { message: `${from} moved ${wrong.join(', ')} to ${to}, which does not gain ${wrong.length === 1 ? 'it' : 'them'}`, nodes: [from, to] };
}

const replicaCount: Invariant = {
  id: 'replicas-after-handoff',
  name: 'Exactly R replicas once the ring settles',
  description: 'When every server has the same ring and no join or leave is under way, each key is stored only on its replicas, and each acknowledged key on all of them.',
  source: 'DeCandia et al. 2007 (Dynamo), sections 4.3 (preference list) and 4.9 (old nodes drop what they handed over)',
  create(cfg: ProtocolConfig): InvariantCheck {
    const c = resolveConfig(cfg);
    const acked = new Acked();
    const seen = new SameAsLast();
    return ({ nodes }) => {
      acked.update(nodes);
      const all = servers(nodes);
      const ring = ringOfView(all[0]!.state);
      if (pendingChange(ring) || all.some((v) => v.state.epoch !== ring.epoch)) return null;
      if (seen.check(inputs(all, acked, ring.status))) return null;
      for (const v of all) {
        const extra = Object.keys(v.state.store).filter((k) => !readReplicas(ring, k, c).includes(v.id));
        if (extra.length > 0) return { message: `the ring is settled at epoch ${ring.epoch} but ${v.id} still stores ${extra.join(', ')}, which it does not replicate`, nodes: [v.id] };
      }
      const byId = new Map(all.map((v) => [v.id, v.state.store]));
      for (const [key, e] of acked.byKey) {
        const missing = readReplicas(ring, key, c).filter((r) => !holds(byId.get(r)!, key, e));
        if (missing.length > 0) return { message: `the ring is settled at epoch ${ring.epoch} but replica ${missing.join(', ')} lacks ${key} (${show(e)})`, nodes: missing };
      }
      return null;
    };
  },
};

const noLoss: Invariant = {
  id: 'no-loss',
  name: 'No acknowledged write is lost',
  description:
    'Every acknowledged write is held, at its version or newer, by at least min(R, ring size) servers (a crashed server keeps its disk; copies lost with a disk count as crashes), so fewer than R crashes leave it readable.',
  source: 'DeCandia et al. 2007 (Dynamo), sections 4.3 and 4.5 (a put is acknowledged once written to the preference list; here W = R)',
  create(cfg: ProtocolConfig): InvariantCheck {
    const c = resolveConfig(cfg);
    const acked = new Acked();
    const last = new Map<NodeId, Store>();
    /** Servers whose copy of a key went with their disk. */
    const wiped = new Map<Key, Set<NodeId>>();
    const seen = new SameAsLast();
    return ({ event, nodes }) => {
      acked.update(nodes);
      const all = servers(nodes);
      const seed = nodes.get(c.seed)!.state as ServerObservable;
      const wipe = event.kind === 'restart' && event.detail?.loseDisk === true;
      // Up or down, a server's copies count the same: only stores, acks, the ring and disk losses matter.
      if (seen.check(inputs(all, acked, seed.members)) && !wipe) return null;
      if (wipe && event.node !== undefined) {
        for (const key of Object.keys(last.get(event.node) ?? {})) {
          if (!wiped.has(key)) wiped.set(key, new Set());
          wiped.get(key)!.add(event.node);
        }
      }
      for (const v of all) last.set(v.id, v.state.store);
      const need = Math.min(c.replicas, readMembers(ringOfView(seed)).length);
      for (const [key, e] of acked.byKey) {
        const holders = all.filter((v) => holds(v.state.store, key, e));
        const lost = [...(wiped.get(key) ?? [])].filter((n) => !holders.some((h) => h.id === n));
        if (holders.length + lost.length >= need) continue;
        const where = holders.map((h) => `${h.id}${h.up ? '' : ' (down)'}`).join(', ') || 'no server';
        return { message: `${key} (${show(e)}) is held by ${where}${lost.length ? `, and lost with the disk of ${lost.join(', ')}` : ''}; it needs ${need} copies`, nodes: holders.map((h) => h.id) };
      }
      return null;
    };
  },
};

export const chashInvariants: Invariant[] = [movement, replicaCount, noLoss];
