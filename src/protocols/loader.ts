/**
 * The protocols, loaded on demand (issue 17: first load). The app imports this, never
 * `registry.ts`, so that each protocol's machines, invariants and scenarios are a chunk of their
 * own, fetched when a run needs them; the CLI, the tests and the explorer worker import the
 * registry, which loads every protocol at once and marks them loaded here too.
 *
 * Adding a protocol adds one line here as well as in the registry (a test checks both agree).
 */
import type { ProtocolModule } from './types';

const loaders: Readonly<Record<string, () => Promise<ProtocolModule>>> = {
  raft: () => import('./raft').then((m) => m.raft),
  twopc: () => import('./twopc').then((m) => m.twopc),
  threepc: () => import('./threepc').then((m) => m.threepc),
  chash: () => import('./chash').then((m) => m.chash),
  paxos: () => import('./paxos').then((m) => m.paxos),
  zab: () => import('./zab').then((m) => m.zab),
  lock: () => import('./lock').then((m) => m.lock),
  multipaxos: () => import('./multipaxos').then((m) => m.multipaxos),
};

/** Every protocol id, in menu order, without loading any protocol. */
export const PROTOCOL_IDS: readonly string[] = Object.keys(loaders);

const loaded = new Map<string, ProtocolModule>();
/** What loads with a protocol besides its module (the app's strings for its views). */
let companion: (id: string) => Promise<unknown> = () => Promise.resolve();

/** Set once by the app: a protocol counts as loaded when this has loaded too (issue 17). */
export function loadWithEachProtocol(load: (id: string) => Promise<unknown>): void {
  companion = load;
}
const pending = new Map<string, Promise<ProtocolModule>>();
/** While `withProtocols` runs its function: the known ids it asked for that were not loaded. */
let misses: Set<string> | null = null;

/** The protocol if it is loaded (undefined otherwise, as for an unknown id). */
export function getProtocol(id: string): ProtocolModule | undefined {
  const m = loaded.get(id);
  if (!m && misses && Object.hasOwn(loaders, id)) misses.add(id);
  return m;
}

export function isLoaded(id: string): boolean {
  return loaded.has(id);
}

/** Loads a protocol's module (once; later calls share the first load). */
export function loadProtocol(id: string): Promise<ProtocolModule> {
  const ready = loaded.get(id);
  if (ready) return Promise.resolve(ready);
  const load = loaders[id];
  if (!Object.hasOwn(loaders, id) || !load) return Promise.reject(new Error(`unknown protocol ${id}`));
  let p = pending.get(id);
  if (!p) {
    // Its string table is a companion: should it fail to arrive, a view asking for a key fetches
    // it again (i18n/later.ts), so it does not fail the protocol.
    p = Promise.all([load(), companion(id).catch(() => undefined)]).then(([m]) => {
      loaded.set(id, m);
      pending.delete(id);
      return m;
    });
    // A failed fetch (offline) may be retried by the next call.
    p.catch(() => pending.delete(id));
    pending.set(id, p);
  }
  return p;
}

/** Every protocol, in menu order, for the menus that list them all. */
export function loadAllProtocols(): Promise<ReadonlyMap<string, ProtocolModule>> {
  return Promise.all(PROTOCOL_IDS.map(loadProtocol)).then((ms) => new Map(ms.map((m) => [m.id, m] as const)));
}

/** Marks modules loaded that were imported eagerly (the registry). */
export function markLoaded(modules: Iterable<ProtocolModule>): void {
  for (const m of modules) loaded.set(m.id, m);
}

/**
 * Runs a synchronous reader that looks protocols up with `getProtocol` (a link, a saved
 * session, an imported file: validation needs the protocol's params and commands). If it asked
 * for a known protocol that is not loaded yet, loads it and runs the reader again, so the
 * result is the one the reader gives with every protocol it needs at hand. The reader must be
 * free of side effects. Ends: each round loads at least one more of finitely many protocols.
 */
export async function withProtocols<T>(read: () => T): Promise<T> {
  for (;;) {
    const asked = new Set<string>();
    misses = asked;
    let out: T;
    try {
      out = read();
    } finally {
      misses = null;
    }
    if (asked.size === 0) return out;
    await Promise.all([...asked].map(loadProtocol));
  }
}
