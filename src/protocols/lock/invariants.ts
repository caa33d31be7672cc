/**
 * The lock service's invariants (protocols.md §4.5), checked after every step. Two of them are
 * about instants of real time, not steps: at one instant a resumed node may work through
 * events it held while paused, in order, before its lease timer's turn comes. So
 * `server-mutex` and `lease-belief` judge the state an instant ends with, once time moves on:
 * an overlap that lasts no time at all is not one.
 */
import type { Invariant, InvariantCheck, InvariantFailure, NodeId, NodeView, ProtocolConfig } from '../types';
import { BUGS } from './config';
import { GrantGhost } from './ghost';
import type { CellObservable, ClientObservable, LockObservable } from './observe';

const live = (nodes: ReadonlyMap<NodeId, NodeView>) => [...nodes.values()].filter((v) => v.up && !v.paused);
const stateOf = (v: NodeView) => v.state as LockObservable;

/** Claims of `who` on `what` at the end of each instant; two claimants of one thing fail. */
function atEachInstant(claims: (nodes: ReadonlyMap<NodeId, NodeView>) => [what: string, who: string, node: NodeId][], say: (what: string, a: string, b: string) => string): InvariantCheck {
  let time = -1;
  let overlap: InvariantFailure | null = null;
  return ({ event, nodes }) => {
    if (event.time > time && overlap) return overlap;
    time = event.time;
    overlap = null;
    const seen = new Map<string, [string, NodeId]>();
    for (const [what, who, node] of claims(nodes)) {
      const other = seen.get(what);
      if (other && other[0] !== who) {
        overlap = { message: say(what, other[0], who), nodes: [other[1], node] };
        break;
      }
      seen.set(what, [who, node]);
    }
    return null;
  };
}

const serverMutex: Invariant = {
  id: 'server-mutex',
  name: 'One holder per lock, across masters',
  description: 'At no instant do two sessions hold the same lock in the view of masters whose master lease runs, whichever epochs they serve.',
  source: 'Chubby §2.4 (exclusive locks), §2.9; spectacle specs/lockserver.tla Inv',
  everyEvent: true,
  create: () =>
    atEachInstant(
      (nodes) =>
        live(nodes).flatMap((v) => {
          const s = stateOf(v);
          if (s.role !== 'cell' || s.status === 'standby' || !s.leaseOk) return [];
          return Object.entries((s as CellObservable).locks).flatMap(([l, x]) => (x.holder === null ? [] : [[l, x.holder, v.id] as [string, string, NodeId]]));
        }),
      (l, a, b) => `two masters' views grant ${l} to sessions ${a} and ${b} at once`,
    ),
};

const tokenMonotone: Invariant = {
  id: 'token-monotone',
  name: 'Sequencers strictly increase',
  description: 'Each time the database records a lock going to a holder, its generation number is higher than any the lock had before, across fail-overs.',
  source: 'Chubby §2.3 (lock generation number), §2.4 (sequencers)',
  create(): InvariantCheck {
    const max = new Map<string, number>();
    const last = new Map<string, string>();
    return ({ event, nodes }) => {
      const v = event.node === undefined ? undefined : nodes.get(event.node);
      const s = v?.state as LockObservable | undefined;
      if (!v || s?.role !== 'db') return null;
      for (const [l, x] of Object.entries(s.locks)) {
        const key = `${x.holder}|${x.gen}`;
        if (x.holder === null || last.get(l) === key) continue;
        last.set(l, key);
        const before = max.get(l);
        if (before !== undefined && x.gen <= before) return { message: `the database records ${l} granted to ${x.holder} with sequencer ${x.gen}, but ${l} already had sequencer ${before}`, nodes: [v.id, ...(s.master ? [s.master] : [])] };
        max.set(l, x.gen);
      }
      return null;
    };
  },
};

const isStorageWrite = (e: Parameters<InvariantCheck>[0]['event']) => e.kind === 'deliver' && e.message?.type === 'Write';
const acceptedWrite = (e: Parameters<InvariantCheck>[0]['event']) => isStorageWrite(e) && (e.sent ?? []).some((m) => m.type === 'WriteOk');

const storageFence: Invariant = {
  id: 'storage-fence',
  name: 'Storage never goes back to an older token',
  description: 'With fencing on, storage accepts no write whose token is lower than one it has already accepted for that resource.',
  source: 'Kleppmann 2016, "Making the lock safe with fencing"; Chubby §2.4',
  create(cfg: ProtocolConfig): InvariantCheck {
    const fencing = !cfg.params.bugs.includes(BUGS.storageIgnoresTokens);
    const max = new Map<string, number>();
    return ({ event }) => {
      if (!fencing || !acceptedWrite(event)) return null;
      const p = event.message!.payload as unknown as { resource: string; token?: number };
      if (p.token === undefined) return null;
      const before = max.get(p.resource);
      if (before !== undefined && p.token < before) return { message: `storage accepted token ${p.token} for ${p.resource} after token ${before}`, nodes: [event.node!, event.message!.from] };
      max.set(p.resource, Math.max(before ?? p.token, p.token));
      return null;
    };
  },
};

const storageMutex: Invariant = {
  id: 'storage-mutex',
  name: 'No older holder writes after a newer one',
  description: 'Once a write sent under a newer grant of the lock has landed in storage, no write sent under an older grant lands: the data never sees two holders interleave.',
  source: 'Kleppmann 2016, "Protecting a resource with a lock" (the corrupted-data diagram); protocols.md §4.5',
  everyEvent: true,
  create(): InvariantCheck {
    const ghost = new GrantGhost();
    const newest = new Map<string, { n: number; writer: NodeId }>();
    return ({ event, nodes }) => {
      ghost.update(event, nodes);
      if (!acceptedWrite(event)) return null;
      const g = ghost.writeGrant(event.message!);
      if (!g) return null;
      const before = newest.get(g.lock);
      const writer = event.message!.from;
      if (before && g.n < before.n) return { message: `${writer} wrote ${g.lock} under grant #${g.n} after ${before.writer}'s write under the newer grant #${before.n} had landed`, nodes: [writer, before.writer] };
      if (!before || g.n > before.n) newest.set(g.lock, { n: g.n, writer });
      return null;
    };
  },
};

const leaseBelief: Invariant = {
  id: 'lease-belief',
  name: 'Two clients never both believe they hold a lock',
  description: 'At no instant do two clients both act as the holder of the same lock. It rests on the assumed bound on clock drift: skew beyond it breaks this.',
  source: 'Chubby §2.8 (local lease, conservative about clock rate); protocols.md §4.5 L-LeaseBelief',
  everyEvent: true,
  create: () =>
    atEachInstant(
      (nodes) =>
        live(nodes).flatMap((v) => {
          const s = stateOf(v) as ClientObservable;
          if (s.role !== 'client' && s.role !== 'redis-client') return [];
          return Object.keys(s.believes).map((l) => [l, v.id, v.id] as [string, string, NodeId]);
        }),
      (l, a, b) => `${a} and ${b} both believe they hold ${l}`,
    ),
};

const noActInJeopardy: Invariant = {
  id: 'no-act-in-jeopardy',
  name: 'No client acts in jeopardy or after expiry',
  description: 'A client whose local lease ran out sends no write and no lock call until a KeepAlive makes it safe again.',
  source: 'Chubby §2.8 ("blocks all application calls" in jeopardy)',
  everyEvent: true,
  create(): InvariantCheck {
    const acting = new Set(['Write', 'Acquire', 'Release']);
    return ({ event, nodes }) => {
      const id = event.node;
      const v = id === undefined ? undefined : nodes.get(id);
      const s = v?.state as ClientObservable | undefined;
      if (!v || s?.role !== 'client') return null;
      const act = (event.sent ?? []).find((m) => acting.has(m.type) && m.duplicateOf === undefined);
      if (!act) return null;
      // The state after the step: a client made safe by this very step may act in it.
      const bad = s.session === 'jeopardy' || s.session === 'expired';
      return bad ? { message: `${v.id} sent ${act.type} while its session was ${s.session === 'jeopardy' ? 'in jeopardy' : 'expired'}`, nodes: [v.id] } : null;
    };
  },
};

export const lockInvariants: Invariant[] = [serverMutex, tokenMonotone, storageFence, storageMutex, leaseBelief, noActInJeopardy];
