/**
 * Lease reads under random faults (lease.ts): with every clock within the drift bound the
 * lease assumes, every client history stays linearizable; the sweep counts the reads a lease
 * answered, so "no violation" is about leases and not about ReadIndex alone.
 */
import { describe, expect, it } from 'vitest';
import { randomScenario } from '../../check/explore';
import { runScenario } from '../../sim/simulation';
import type { Scenario } from '../../scenario/types';
import { buildHistory } from '../../check/history';
import { raft } from '.';
import { withClients } from './testClients';

const SEEDS = Number(process.env.FAULTLINE_SEEDS ?? 200);
const BOUND = 1.2;

/** Leases on, and every skew the schedule draws (0.5 to 2) mapped into [1, bound]: any two
 * clocks then differ by at most the bound. Pauses, crashes, partitions and forced timeouts stay. */
function withLeases(s: Scenario): Scenario {
  const actions = s.actions.map((a) => (a.do === 'skew' ? { ...a, rate: 1 + ((Number(a.rate) - 0.5) / 1.5) * (BOUND - 1) } : a));
  return { ...s, params: { ...s.params, leaseReads: true, leaseDriftBound: BOUND }, actions };
}

describe('raft with lease reads under random faults', () => {
  it(`keeps every history linearizable over ${SEEDS} schedules with skew within the bound`, () => {
    let leaseReads = 0;
    let skews = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const s = withLeases(withClients(randomScenario(raft, seed, { until: 2000 })));
      skews += s.actions.filter((a) => a.do === 'skew' && a.rate !== 1).length;
      const sim = runScenario(raft, s);
      expect(sim.violations, `seed ${seed}: ${JSON.stringify(s)}`).toEqual([]);
      // A read answered in the event that took it was served from a lease (followers redirect
      // with a fail; ReadIndex waits for a round).
      leaseReads += buildHistory(raft, sim.events).ops.filter((o) => o.f === 'get' && o.status === 'ok' && o.endSeq === o.invokeSeq).length;
    }
    expect(skews).toBeGreaterThan(SEEDS / 4);
    expect(leaseReads).toBeGreaterThan(SEEDS * 3);
  });
});
