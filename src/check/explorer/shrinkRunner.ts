/**
 * The shrinker's candidate runs, counted and remembered. A run is deterministic in its scenario,
 * so a candidate tried before (the same scenario offered again by a later pass or round) is
 * answered from memory instead of run again: the answer is the same, only the run is saved.
 * The key is the scenario's JSON without its name; two equal scenarios written with their
 * fields in another order only miss the memory, they never share a wrong answer.
 */
import type { ProtocolModule } from '../../protocols/types';
import type { Scenario } from '../../scenario/types';
import { Simulation } from '../../sim/simulation';
import { ScenarioRuntimeError } from '../../sim/world';

/** The first violation of `invariant` and its time, or null (another invariant broke first, or
 * the run ended without one, or the scenario cannot run). */
export function firstBreak(module: ProtocolModule, s: Scenario, invariant: string): { time: number; message: string } | null {
  try {
    const sim = new Simulation(module, s, { record: false, checkpointEvery: 0 });
    while (sim.step()) {
      const v = sim.violations.find((x) => x.invariant === invariant);
      if (v) return { time: sim.current.time, message: v.message };
      if (sim.violations.length > 0) return null;
    }
  } catch (e) {
    if (!(e instanceof ScenarioRuntimeError)) throw e;
  }
  return null;
}

/** The time of the first violation of `invariant`, or -1 (as `firstBreak`). */
export function breaksAt(module: ProtocolModule, s: Scenario, invariant: string): number {
  return firstBreak(module, s, invariant)?.time ?? -1;
}

export const scenarioKey = (s: Scenario): string => JSON.stringify({ ...s, name: '' });

export class ShrinkRunner {
  /** Candidate runs made (memory hits are not runs). */
  runs = 0;
  /** Candidates answered from memory. */
  hits = 0;
  /** The pass now offering candidates, for `perPass`. */
  pass = 'check';
  readonly perPass = new Map<string, { runs: number; hits: number; kept: number }>();
  private readonly memo = new Map<string, number>();

  constructor(
    private readonly module: ProtocolModule,
    private readonly invariant: string,
    private readonly budget: number,
    /** Called after every run (not after a memory hit). */
    private readonly onRun?: (runs: number) => void,
    private readonly remember = true,
  ) {}

  get spent(): boolean {
    return this.runs >= this.budget;
  }

  /** Counts a candidate the shrinker kept, for `perPass`. */
  count(kind: 'runs' | 'hits' | 'kept'): void {
    const p = this.perPass.get(this.pass) ?? { runs: 0, hits: 0, kept: 0 };
    p[kind]++;
    this.perPass.set(this.pass, p);
  }

  /** The candidate's first violation time of the invariant, or -1; -1 once the budget is spent. */
  breaksAt(s: Scenario): number {
    const key = this.remember ? scenarioKey(s) : '';
    const known = this.remember ? this.memo.get(key) : undefined;
    if (known !== undefined) {
      this.hits++;
      this.count('hits');
      return known;
    }
    if (this.spent) return -1;
    this.runs++;
    this.count('runs');
    const t = breaksAt(this.module, s, this.invariant);
    if (this.remember) this.memo.set(key, t);
    this.onRun?.(this.runs);
    return t;
  }

  fails(s: Scenario): boolean {
    return this.breaksAt(s) >= 0;
  }
}
