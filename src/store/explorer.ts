/**
 * The "Find a bug" panel's controller: starts the explorer on Web Workers, follows its
 * progress, cancels it, and keeps its result. A small store of its own: the session store
 * does not change while it searches.
 */
import { createStore } from 'zustand/vanilla';
import { getProtocol } from '../protocols/loader';
import { explore } from '../check/explorer/explorer';
import { poolExecutor, type Port } from '../check/explorer/pool';
import type { Found, Progress, Shrunk } from '../check/explorer/types';
import type { ExplorerWorkerReply, ExplorerWorkerRequest } from './explorerWorker';

export type ExplorerStatus = 'idle' | 'running' | 'found' | 'none' | 'cancelled' | 'error';

export interface ExplorerState {
  status: ExplorerStatus;
  progress: Progress | null;
  /** Events per second of wall time, over the whole search. */
  rate: number;
  elapsed: number;
  /** Seconds spent searching before shrinking began (null: not shrinking yet): the budget bounds
   * the search, and the dialog shows the shrinking's time apart so it does not read as overrun. */
  searched: number | null;
  found: Found | null;
  error: string | null;
  start(opts: { protocol: string; bugs: string[]; seconds: number; seed?: number }): void;
  cancel(): void;
}

function spawn(): Worker {
  return new Worker(new URL('./explorerWorker.ts', import.meta.url), { type: 'module' });
}

export function createExplorer(workerCount = Math.max(1, Math.min(2, globalThis.navigator?.hardwareConcurrency ?? 2))) {
  let workers: Worker[] = [];
  /** Bumped on every start and cancel: a stale search's updates are ignored. */
  let generation = 0;
  const stop = () => {
    for (const w of workers) w.terminate();
    workers = [];
  };
  return createStore<ExplorerState>()((set, get) => ({
    status: 'idle',
    progress: null,
    rate: 0,
    elapsed: 0,
    searched: null,
    found: null,
    error: null,

    start({ protocol, bugs, seconds, seed = 1 }) {
      const module = getProtocol(protocol);
      if (!module) return;
      stop();
      const gen = ++generation;
      workers = Array.from({ length: workerCount }, spawn);
      for (const w of workers) w.postMessage({ type: 'init', protocol } satisfies ExplorerWorkerRequest);
      const ports: Port[] = workers.map((w) => ({
        post: (m) => w.postMessage(m),
        listen: (h) => w.addEventListener('message', (e: MessageEvent<ExplorerWorkerReply>) => {
          if (e.data.type === 'ran' || e.data.type === 'error') h(e.data);
        }),
      }));
      const t0 = performance.now();
      const live = () => gen === generation;
      set({ status: 'running', progress: null, found: null, error: null, rate: 0, elapsed: 0, searched: null });
      const shrinker = (f: Omit<Found, 'shrunk' | 'shrinkRuns' | 'shrunkFrom'>) =>
        new Promise<Shrunk>((resolve) => {
          if (live()) set({ searched: (performance.now() - t0) / 1000 });
          const w = workers[0]!;
          const id = -1;
          w.addEventListener('message', (e: MessageEvent<ExplorerWorkerReply>) => {
            const m = e.data;
            if (!live() || m.id !== id) return;
            if (m.type === 'shrinkStep') set({ progress: { ...get().progress!, phase: 'shrink', shrink: { step: m.step, actions: m.actions, runs: m.runs } } });
            if (m.type === 'shrunk') resolve({ shrunk: m.scenario, shrinkRuns: m.runs, shrunkFrom: m.from, ...(m.message !== undefined ? { message: m.message } : {}) });
          });
          w.postMessage({ type: 'shrink', id, scenario: f.original, invariant: f.invariant } satisfies ExplorerWorkerRequest);
        });
      explore(module, { protocol, bugs, seed }, poolExecutor(ports), {
        shouldStop: () => !live() || performance.now() - t0 >= seconds * 1000,
        onProgress: (p) => {
          if (!live()) return;
          const elapsed = (performance.now() - t0) / 1000;
          set({ progress: p, elapsed, rate: p.events / Math.max(elapsed, 0.001) });
        },
        shrinker,
      })
        .then((r) => {
          if (!live()) return;
          set({ status: r.found ? 'found' : 'none', found: r.found ?? null, elapsed: (performance.now() - t0) / 1000 });
          stop();
        })
        .catch((e: unknown) => {
          if (!live()) return;
          set({ status: 'error', error: e instanceof Error ? e.message : String(e) });
          stop();
        });
    },

    cancel() {
      if (get().status !== 'running') return;
      generation++;
      stop();
      set({ status: 'cancelled' });
    },
  }));
}

export type ExplorerStore = ReturnType<typeof createExplorer>;
