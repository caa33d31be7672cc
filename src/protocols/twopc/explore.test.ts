/** The bug explorer on 2PC (issue 12): both bug switches are found from scratch within a
 * small fixed budget and shrink to a few actions; without a switch the budget finds nothing. */
import { describe, expect, it } from 'vitest';
import { explore } from '../../check/explorer/explorer';
import { localExecutor } from '../../check/explorer/search';
import { breaksAt } from '../../check/explorer/shrink';
import { Simulation } from '../../sim/simulation';
import type { Scenario } from '../../scenario/types';
import { twopc } from './index';

const never = { shouldStop: () => false };

/** The message of the first violation of `invariant` in a full run of `s`, as the app shows it. */
function firstMessage(s: Scenario, invariant: string): string | undefined {
  const sim = new Simulation(twopc, s);
  while (sim.step() && !sim.violations.some((v) => v.invariant === invariant));
  return sim.violations.find((v) => v.invariant === invariant)?.message;
}

describe('explorer on 2pc', () => {
  it.each(['tm-no-log', 'rm-no-log'])('finds %s and shrinks it', async (bug) => {
    const r = await explore(twopc, { protocol: 'twopc', bugs: [bug], seed: 1, maxRuns: 400 }, localExecutor(twopc), never);
    expect(r.found, `no violation in ${r.runs} runs`).toBeDefined();
    const f = r.found!;
    expect(twopc.bugs.find((b) => b.id === bug)!.breaks).toContain(f.invariant);
    expect(f.shrunk.actions.length).toBeLessThanOrEqual(12);
    expect(breaksAt(twopc, f.shrunk, f.invariant)).toBeGreaterThanOrEqual(0);
    // The result names the violation of the run Open lands on, the shrunk one (walk-through: it
    // named the run as found; for tm-no-log that run says "aborted", the shrunk one "committed").
    expect(f.message).toBe(firstMessage(f.shrunk, f.invariant));
  }, 60_000);

  it('finds nothing without a bug switch in the same budget', async () => {
    const r = await explore(twopc, { protocol: 'twopc', bugs: [], seed: 1, maxRuns: 200 }, localExecutor(twopc), never);
    expect(r.found?.message).toBeUndefined();
    expect(r.runs).toBe(224);
  }, 60_000);
});
