/**
 * The search: batches of runs, each decided here from (explorer seed, run number, what the
 * earlier batches found), executed anywhere (this thread, worker threads, Web Workers), and
 * merged in run order. Hence a fixed seed gives the same first counterexample, and the lowest
 * failing run number, whatever the worker count.
 */
import type { ProtocolModule } from '../../protocols/types';
import type { Scenario } from '../../scenario/types';
import { Rng, hashString } from '../../sim/rng';
import { Bandit } from './bandit';
import { baseScenario, faultActions, swarmPlan, triggers, uniformPlan } from './generate';
import { executeRun } from './run';
import type { ExploreConfig, Progress, RunResult, RunSpec, Strategy } from './types';

export interface Executor {
  /** Runs a batch; `learned` lists abstract states found since the last batch, in order. */
  run(specs: RunSpec[], learned: readonly string[]): Promise<RunResult[]>;
}

/** Runs in this thread: tests, and hosts without workers. */
export function localExecutor(module: ProtocolModule): Executor {
  const known = new Set<string>();
  return {
    run: async (specs, learned) => {
      for (const a of learned) known.add(a);
      return specs.map((s) => executeRun(module, s, known));
    },
  };
}

interface ArchiveEntry {
  scenario: Scenario;
  time: number;
  picks: number;
}

export interface SearchOutcome {
  runs: number;
  events: number;
  violation?: RunResult & { violation: NonNullable<RunResult['violation']> };
}

const ARCHIVE_MAX = 4000;

export class Search {
  readonly known = new Set<string>();
  private readonly archive: ArchiveEntry[] = [];
  private readonly bandit = new Bandit();
  private learned: string[] = [];
  private archived = 0;
  runs = 0;
  events = 0;
  private readonly batch: number;
  private readonly nodeCounts: number[];

  constructor(
    private readonly module: ProtocolModule,
    private readonly cfg: ExploreConfig,
  ) {
    this.batch = cfg.batch ?? 32;
    const wanted = cfg.nodes ?? module.explore?.nodes ?? [3, 5];
    const fit = wanted.filter((n) => n >= module.minNodes && n <= module.maxNodes);
    this.nodeCounts = fit.length > 0 ? fit : [module.minNodes];
  }

  progress(): Progress {
    return { runs: this.runs, events: this.events, states: this.known.size, archive: this.archive.length, share: this.bandit.share(), phase: 'search' };
  }

  /** Run `index`'s spec: a pure function of the seed, the index and the state at batch start. */
  spec(index: number, weights: readonly number[], available: readonly Strategy[]): RunSpec {
    const rng = Rng.fromSeed((hashString(`${this.cfg.seed}:${index}`) ^ this.cfg.seed) >>> 0);
    const strategy = Bandit.pick(rng, available, weights);
    const until = this.cfg.until ?? 4000;
    const seed = rng.nextUint32();
    const runSeed = rng.nextUint32();
    if (strategy === 'branch') {
      // Favour prefixes picked least: each stage of a deep bug needs reaching once, then keeping.
      let best = rng.int(0, this.archive.length - 1);
      for (let k = 0; k < 3; k++) {
        const j = rng.int(0, this.archive.length - 1);
        if (this.archive[j]!.picks < this.archive[best]!.picks || (this.archive[j]!.picks === this.archive[best]!.picks && j > best)) best = j;
      }
      const entry = this.archive[best]!;
      entry.picks++;
      const plan = swarmPlan(rng);
      const tail = faultActions(this.module, entry.scenario, plan, rng, entry.time);
      const scenario = { ...entry.scenario, actions: [...entry.scenario.actions, ...tail] };
      return { index, strategy, scenario, seed: runSeed, from: entry.time, ...(rng.chance(0.5) ? { triggers: triggers(rng) } : {}) };
    }
    const plan = strategy === 'uniform' ? uniformPlan(rng) : swarmPlan(rng);
    if (strategy === 'triggered') plan.every *= 3;
    const n = rng.pick(this.nodeCounts);
    const scenario = baseScenario(this.module, n, seed, this.cfg.bugs, plan, until);
    scenario.actions = faultActions(this.module, scenario, plan, rng, 0).filter((a) => a.at <= until);
    return { index, strategy, scenario, seed: runSeed, from: 0, ...(strategy === 'triggered' ? { triggers: triggers(rng) } : {}) };
  }

  /** Plans, runs and merges one batch; returns the first violation in run order, if any. */
  async step(exec: Executor): Promise<SearchOutcome['violation']> {
    const available: Strategy[] = ['uniform', 'swarm', 'triggered'];
    if (this.module.explore && this.archive.length > 0) available.push('branch');
    const weights = this.bandit.weights(available);
    const specs: RunSpec[] = [];
    for (let i = 0; i < this.batch; i++) specs.push(this.spec(this.runs + i, weights, available));
    const learned = this.learned;
    this.learned = [];
    const results = (await exec.run(specs, learned)).slice().sort((a, b) => a.index - b.index);
    let found: SearchOutcome['violation'];
    for (const r of results) {
      this.runs++;
      this.events += r.events;
      let fresh = 0;
      const spec = specs[r.index - specs[0]!.index]!;
      for (const nv of r.novel) {
        if (this.known.has(nv.abstract)) continue;
        this.known.add(nv.abstract);
        this.learned.push(nv.abstract);
        fresh++;
        // When full, the newest prefixes overwrite the oldest: a deep bug's later stages are
        // found late, and those are the ones worth branching from.
        const entry = { scenario: { ...spec.scenario, actions: nv.actions }, time: nv.time, picks: 0 };
        if (this.archive.length < ARCHIVE_MAX) this.archive.push(entry);
        else this.archive[this.archived % ARCHIVE_MAX] = entry;
        this.archived++;
      }
      this.bandit.record(r.strategy, Math.min(1, fresh / 3) + (r.violation ? 5 : 0));
      if (r.violation && !found) found = r as NonNullable<SearchOutcome['violation']>;
      if (found) break;
    }
    return found;
  }
}
