/**
 * The search: batches of runs, each decided here from (explorer seed, run number, what the
 * earlier batches found), executed anywhere (this thread, worker threads, Web Workers), and
 * merged in run order. Hence a fixed seed gives the same first counterexample, and the lowest
 * failing run number, whatever the worker count.
 */
import type { ProtocolModule } from '../../protocols/types';
import type { Action, Scenario } from '../../scenario/types';
import { Rng, hashString } from '../../sim/rng';
import { Bandit } from './bandit';
import { baseScenario, faultActions, swarmPlan, triggers, uniformPlan } from './generate';
import { executeRun, runUntilViolation } from './run';
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
      return runUntilViolation(specs, (s) => executeRun(module, s, known));
    },
  };
}

interface ArchiveEntry {
  scenario: Scenario;
  time: number;
  node: string;
  step: number;
  sent: number[];
  /** The abstract state's space-separated parts (Raft's per-node tuples, its flags). */
  tokens: string[];
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
  private readonly tokenCount = new Map<string, number>();
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

  /** How many known states share the entry's rarest part. */
  private rarity(tokens: readonly string[]): number {
    let r = Infinity;
    for (const x of tokens) r = Math.min(r, this.tokenCount.get(x) ?? 1);
    return Number.isFinite(r) ? r : 1;
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
      // Favour prefixes whose state has a rare part (a flag or a node tuple few known states
      // show) and that were picked least, with weight 1 / (rarity² · (picks + 1)): each stage
      // of a deep bug is reached rarely, and the next stage starts from it.
      const weight = (e: ArchiveEntry) => 1 / (this.rarity(e.tokens) ** 2 * (e.picks + 1));
      let total = 0;
      for (const e of this.archive) total += weight(e);
      let x = rng.next() * total;
      let best = this.archive.length - 1;
      for (let j = 0; j < this.archive.length; j++) {
        x -= weight(this.archive[j]!);
        if (x < 0) {
          best = j;
          break;
        }
      }
      const entry = this.archive[best]!;
      entry.picks++;
      const plan = swarmPlan(rng);
      // A branch goes on for a whole run's length from its prefix, not to the end of the run it
      // came from: a deep bug's late stages come late in their runs (Figure 8's `!` states, one
      // election before the overwrite, came at 3.1-4.0 s of 4 s runs), and a branch cut off at
      // the old end had no time for the next stage, nor for the restarts and heals its prefix
      // schedules past that end (the overwrite needs the newer entry's holder back).
      const base = { ...entry.scenario, until: Math.max(entry.scenario.until, entry.time + until) };
      const tail = faultActions(this.module, base, plan, rng, entry.time);
      // A novel state is where the next fault matters most: half the branches cut short the
      // broadcast of the event that made it (keeping 0, majority - 2 or majority - 1 of its
      // messages) and/or crash its node at once, restarting it soon or late.
      if (rng.chance(0.5)) {
        const at = { at: entry.time, step: entry.step };
        const majority = Math.floor(entry.scenario.nodes.length / 2) + 1;
        const keep = rng.chance(0.6) ? Math.max(0, rng.pick([0, majority - 2, majority - 1])) : entry.sent.length;
        const head: Action[] = entry.sent.slice(keep).map((message) => ({ ...at, do: 'drop', message }));
        if (keep >= entry.sent.length || rng.chance(0.8)) {
          const down = rng.chance(0.5) ? rng.int(20, 300) : rng.int(300, 2500);
          head.push({ ...at, do: 'crash', node: entry.node }, { at: entry.time + down, do: 'restart', node: entry.node });
        }
        tail.unshift(...head);
      }
      const scenario = { ...base, actions: [...entry.scenario.actions, ...tail].sort((a, b) => a.at - b.at) };
      return { index, strategy, scenario, seed: runSeed, from: entry.time, ...(rng.chance(0.5) ? { triggers: triggers(rng) } : {}) };
    }
    const plan = strategy === 'uniform' ? uniformPlan(rng) : swarmPlan(rng);
    if (strategy === 'triggered') plan.every *= 3;
    // Half the triggered runs have no random faults at all, only their d triggered ones (PCT's
    // depth bound): random crashes, partitions and losses mask the stages of a deep bug.
    if (strategy === 'triggered' && rng.chance(0.5)) Object.assign(plan, { kinds: new Set(), drop: 0, duplicate: 0 });
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
        const tokens = [...new Set(nv.abstract.split(' '))];
        for (const x of tokens) this.tokenCount.set(x, (this.tokenCount.get(x) ?? 0) + 1);
        this.learned.push(nv.abstract);
        fresh++;
        // When full, the newest prefixes overwrite the oldest: a deep bug's later stages are
        // found late, and those are the ones worth branching from.
        const entry = { scenario: { ...spec.scenario, actions: nv.actions }, time: nv.time, node: nv.node, step: nv.step, sent: nv.sent, tokens, picks: 0 };
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
