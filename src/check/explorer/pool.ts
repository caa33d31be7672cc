/**
 * Runs batches on a pool of workers (worker threads in Node, Web Workers in the browser): the
 * batch is cut into contiguous slices, one per worker, and every worker learns every new
 * abstract state, so all of them judge novelty against the same set. Results come back in any
 * order; the search merges them by run number.
 */
import type { Executor } from './search';
import { runUntilViolation } from './run';
import type { RunResult, RunSpec } from './types';

/** What a worker receives and answers. */
export type WorkerRequest = { type: 'run'; id: number; specs: RunSpec[]; learned: readonly string[] };
export type WorkerReply = { type: 'ran'; id: number; results: RunResult[] } | { type: 'error'; id: number; message: string };

export interface Port {
  post(msg: WorkerRequest): void;
  listen(handler: (msg: WorkerReply) => void): void;
}

export function poolExecutor(ports: readonly Port[]): Executor {
  let next = 0;
  const waiting = new Map<number, { resolve: (r: RunResult[]) => void; reject: (e: Error) => void }>();
  for (const p of ports) {
    p.listen((msg) => {
      const w = waiting.get(msg.id);
      if (!w) return;
      waiting.delete(msg.id);
      if (msg.type === 'ran') w.resolve(msg.results);
      else w.reject(new Error(msg.message));
    });
  }
  return {
    run: async (specs, learned) => {
      const size = Math.ceil(specs.length / ports.length);
      const parts = ports.map((port, i) => {
        const slice = specs.slice(i * size, (i + 1) * size);
        const id = next++;
        return new Promise<RunResult[]>((resolve, reject) => {
          waiting.set(id, { resolve, reject });
          // Every worker gets the learned states, even one with no runs this batch.
          port.post({ type: 'run', id, specs: slice, learned });
        });
      });
      return (await Promise.all(parts)).flat();
    },
  };
}

/** A worker's side: keeps its own copy of the known states. */
export function serveRuns(run: (spec: RunSpec, known: ReadonlySet<string>) => RunResult): (msg: WorkerRequest) => WorkerReply {
  const known = new Set<string>();
  return (msg) => {
    try {
      for (const a of msg.learned) known.add(a);
      // A slice is contiguous, so nothing after its first violation can be the lowest one.
      return { type: 'ran', id: msg.id, results: runUntilViolation(msg.specs, (s) => run(s, known)) };
    } catch (e) {
      return { type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) };
    }
  };
}

/** Shrinking in a worker (the browser keeps its page responsive): steps are reported as they
 * start, then the result. */
export type ShrinkRequest = { type: 'shrink'; id: number; scenario: import('../../scenario/types').Scenario; invariant: string; budget?: number };
export type ShrinkReply =
  | { type: 'shrinkStep'; id: number; step: string; actions: number; runs: number }
  | { type: 'shrunk'; id: number; scenario: import('../../scenario/types').Scenario; runs: number; from: number; confirmed: boolean; message?: string };
