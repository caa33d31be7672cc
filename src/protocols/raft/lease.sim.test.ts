/**
 * Lease reads under random faults (lease.ts): with every clock within the drift bound the
 * lease assumes, every client history stays linearizable; the sweep counts the reads a lease
 * answered, so "no violation" is about leases and not about ReadIndex alone.
 */
import { describe, expect, it } from 'vitest';
import { randomScenario } from '../../check/explore';
import { runScenario } from '../../sim/simulation';
import type { Action, Scenario } from '../../scenario/types';
import type { TraceEvent } from '../../sim/types';
import { buildHistory } from '../../check/history';
import { raft } from '.';
import { withClients } from './testClients';

const SEEDS = Number(process.env.FAULTLINE_SEEDS ?? 200);
const BOUND = 1.2;

/** Leases on, and every skew the schedule draws (0.5 to 2) mapped into [1, bound]: any two
 * clocks then differ by at most the bound. Pauses, crashes, partitions and forced timeouts stay,
 * and every resumed server is asked a read in the very instant it resumes, when its overdue
 * lease timers have not fired yet (lease.ts, `leaseReadTimer`). */
function withLeases(s: Scenario): Scenario {
  const actions = s.actions.flatMap((a): Action[] =>
    a.do === 'skew' ? [{ ...a, rate: 1 + ((Number(a.rate) - 0.5) / 1.5) * (BOUND - 1) }] : a.do === 'resume' ? [a, { at: a.at, do: 'read', node: a.node, key: 'x' }] : [a],
  );
  return { ...s, params: { ...s.params, leaseReads: true, leaseDriftBound: BOUND }, actions };
}

/** Reads a lease answered: `ok` in the event of their `leaseRead` timer, at the instant asked. */
function leaseAnswered(events: readonly TraceEvent[]): number {
  return buildHistory(raft, events).ops.filter((o) => o.f === 'get' && o.status === 'ok' && o.endTime === o.invokeTime && events[o.endSeq!]?.timer?.startsWith('leaseRead:')).length;
}

describe('raft with lease reads under random faults', () => {
  it(`keeps every history linearizable over ${SEEDS} schedules with skew within the bound`, () => {
    let leaseReads = 0;
    let skews = 0;
    let resumes = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const s = withLeases(withClients(randomScenario(raft, seed, { until: 2000 })));
      skews += s.actions.filter((a) => a.do === 'skew' && a.rate !== 1).length;
      resumes += s.actions.filter((a) => a.do === 'resume').length;
      const sim = runScenario(raft, s);
      expect(sim.violations, `seed ${seed}: ${JSON.stringify(s)}`).toEqual([]);
      leaseReads += leaseAnswered(sim.events);
    }
    expect(skews).toBeGreaterThan(SEEDS / 4);
    // Random schedules resume rarely (about one in twenty): the curated pause case is in lease.test.ts.
    expect(resumes).toBeGreaterThan(SEEDS / 40);
    expect(leaseReads).toBeGreaterThan(SEEDS * 3);
  });
});
