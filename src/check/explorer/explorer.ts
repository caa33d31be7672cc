/**
 * The explorer from end to end: search batches until a violation or until the caller says
 * stop (the caller owns the clock: this layer has none), then shrink the counterexample.
 */
import type { ProtocolModule } from '../../protocols/types';
import { Search, type Executor } from './search';
import { shrink } from './shrink';
import type { ExploreConfig, Found, Progress, Shrunk } from './types';

export interface ExploreHooks {
  /** Asked after every batch. */
  shouldStop(): boolean;
  onProgress?(p: Progress): void;
  /** Shrinks elsewhere (a worker) when given; here otherwise. */
  shrinker?: (found: Omit<Found, 'shrunk' | 'shrinkRuns' | 'shrunkFrom'>) => Promise<Shrunk>;
  shrinkBudget?: number;
}

export interface ExploreOutcome {
  runs: number;
  events: number;
  states: number;
  found?: Found;
}

export async function explore(module: ProtocolModule, cfg: ExploreConfig, exec: Executor, hooks: ExploreHooks): Promise<ExploreOutcome> {
  const search = new Search(module, cfg);
  for (;;) {
    const hit = await search.step(exec);
    const p = search.progress();
    hooks.onProgress?.(p);
    if (hit) {
      const base = { run: hit.index, strategy: hit.strategy, invariant: hit.violation.invariant, message: hit.violation.message, original: hit.violation.scenario };
      let shrunk: Shrunk;
      if (hooks.shrinker) shrunk = await hooks.shrinker(base);
      else {
        const r = shrink(module, base.original, base.invariant, {
          budget: hooks.shrinkBudget,
          onStep: (step, s, runs) => hooks.onProgress?.({ ...p, phase: 'shrink', shrink: { step, actions: s.actions.length, runs } }),
          onRun: (r) => hooks.onProgress?.({ ...p, phase: 'shrink', shrink: r }),
        });
        shrunk = { shrunk: r.scenario, shrinkRuns: r.runs, shrunkFrom: r.from, ...(r.message !== undefined ? { message: r.message } : {}) };
      }
      hooks.onProgress?.({ ...p, phase: 'done' });
      return { runs: p.runs, events: p.events, states: p.states, found: { ...base, ...shrunk } };
    }
    if (hooks.shouldStop() || (cfg.maxRuns !== undefined && p.runs >= cfg.maxRuns)) {
      hooks.onProgress?.({ ...p, phase: 'done' });
      return { runs: p.runs, events: p.events, states: p.states };
    }
  }
}
