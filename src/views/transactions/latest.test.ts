/**
 * The table with thousands of transactions (issue 10): the index reads only what each event's
 * transaction map changed, and a frame builds only the transactions shown. Both must give
 * exactly what a plain pass over every transaction of every event gives.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../store/session';
import { threePcScenarios } from '../../protocols/threepc/scenarios';
import type { TransactionHints } from '../../protocols/types';
import type { TraceEvent } from '../../sim/types';
import type { Scenario } from '../../scenario/types';
import { latestTransactions, transactionTable } from './model';
import { twopcBegins } from '../../../bench/reproducers';

/** Per transaction and node, the state after each event that changed it, read the slow way:
 * every transaction the node lists or ever listed, at every event. */
function reference(events: readonly TraceEvent[], hints: TransactionHints, roles: ReadonlyMap<string, string>): Map<string, Map<string, { seq: number; state: string }[]>> {
  const out = new Map<string, Map<string, { seq: number; state: string }[]>>();
  const seen = new Map<string, Map<string, string>>();
  for (const e of events) {
    if (!e.node || !e.state) continue;
    const mine = seen.get(e.node) ?? new Map<string, string>();
    seen.set(e.node, mine);
    const states = hints.states(e.state);
    for (const tx of new Set([...mine.keys(), ...Object.keys(states)])) {
      const state = Object.hasOwn(states, tx) ? states[tx]! : (hints.absent[roles.get(e.node)!] ?? '');
      if (mine.get(tx) === state) continue;
      mine.set(tx, state);
      if (!out.has(tx)) out.set(tx, new Map());
      const byNode = out.get(tx)!;
      byNode.set(e.node, [...(byNode.get(e.node) ?? []), { seq: e.seq, state }]);
    }
  }
  return out;
}

/** The whole run, recorded as the app records it. */
function record(scenario: Scenario) {
  const store = createSession(scenario);
  store.getState().seekStep(1e9);
  return store.getState();
}

function check({ sim, frame }: ReturnType<typeof record>, steps: number[]): void {
  const hints = sim.module.view.transactions!;
  const nodes = frame.nodes;
  const want = reference(sim.events, hints, new Map(nodes.map((n) => [n.id, n.role])));
  for (const step of steps) {
    const time = step > 0 ? sim.events[step - 1]!.time : 0;
    const all = transactionTable(sim.events, step, time, nodes, hints);
    const before = (tx: string, node: string) => (want.get(tx)!.get(node) ?? []).filter((c) => c.seq < step).map((c) => c.state);
    expect(all.map((v) => v.tx)).toEqual([...want.keys()].filter((tx) => [...want.get(tx)!.values()].some((l) => l[0]!.seq < step)));
    for (const v of all) for (const r of v.rows) expect(r.spans.map((s) => s.state)).toEqual(before(v.tx, r.node));
    const latest = latestTransactions(sim.events, step, time, nodes, hints, 8);
    expect(latest.count).toBe(all.length);
    expect(latest.views).toEqual(all.slice(-8));
  }
}

describe('transaction table at scale', () => {
  it('2PC, 150 transactions with a TM crash: the same states as a full pass, and the latest 8 as its tail', () => {
    const base = twopcBegins(150);
    const scenario: Scenario = { ...base, actions: [...base.actions, { at: 12, do: 'crash', node: 'n1' }, { at: 300, do: 'restart', node: 'n1' }, { at: 40, do: 'crash', node: 'n3' }, { at: 500, do: 'restart', node: 'n3' }] };
    const run = record(scenario);
    const { sim } = run;
    expect(sim.eventCount).toBeGreaterThan(1000);
    const n = sim.eventCount;
    check(run, [0, 5, 151, Math.floor(n / 3), Math.floor(n / 2), n - 1, n]);
  });

  it('3PC curated runs: the same with every transaction shown', () => {
    for (const s of threePcScenarios) {
      const run = record(s);
      const n = run.sim.eventCount;
      check(run, [Math.floor(n / 4), Math.floor(n / 2), n]);
    }
  });
});
