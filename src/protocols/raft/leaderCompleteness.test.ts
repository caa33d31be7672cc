/**
 * Leader Completeness checks a leader of a newer term incrementally (issue 12: a whole re-check
 * on every new term grew with the log). It must say exactly what the whole re-check said, at
 * the same step: here the checker as it was before, beside it on every step of random runs,
 * with and without the bug that breaks the property.
 */
import { describe, expect, it } from 'vitest';
import { randomScenario } from '../../check/explore';
import { Simulation } from '../../sim/simulation';
import type { Invariant, InvariantCheck, InvariantFailure, NodeId, NodeView, TraceEvent } from '../types';
import type { RaftObservable } from './observe';
import type { Entry } from './messages';
import { CommittedLog, checkLeaders, sameEntry } from './committedLog';
import { firstChange } from './logIndex';
import { itemAt } from '../../sim/parray';
import { raft } from '.';

/** The checker before issue 12's change: a new term re-checks every committed entry. */
function wholeRecheck(): InvariantCheck {
  const committed = new CommittedLog();
  const checked = new Map<NodeId, { term: number; log: readonly Entry[]; seen: number }>();
  const lacks = (id: NodeId, s: RaftObservable, i: number): InvariantFailure | null => {
    const c = committed.entries[i - 1];
    if (!c || c.term >= s.currentTerm || sameEntry(c.entry, itemAt(s.log, i - 1))) return null;
    return { message: `leader ${id} of term ${s.currentTerm} lacks ${c.entry.command}@t${c.entry.term} at index ${i}, committed in term ${c.term}`, nodes: [id, c.by] };
  };
  const missing = (id: NodeId, s: RaftObservable): InvariantFailure | null => {
    const last = checked.get(id);
    const { added, entries } = committed;
    if (last && last.term === s.currentTerm && last.log === s.log && last.seen === added.length) return null;
    const from = !last || last.term !== s.currentTerm ? 0 : last.log === s.log ? Infinity : firstChange(last.log, s.log);
    const seen = last && last.term === s.currentTerm ? last.seen : added.length;
    checked.set(id, { term: s.currentTerm, log: s.log, seen: added.length });
    for (let i = from + 1; i <= entries.length; i++) {
      const f = lacks(id, s, i);
      if (f) return f;
    }
    for (let k = seen; k < added.length; k++) {
      const f = lacks(id, s, added[k]!);
      if (f) return f;
    }
    return null;
  };
  return checkLeaders(committed, missing);
}

describe('Leader Completeness, checked incrementally', () => {
  it('finds what a whole re-check finds, at the same step, with the same message', () => {
    const real = raft.invariants.find((i) => i.id === 'leader-completeness')!;
    let steps = 0;
    let found = 0;
    const pair: Invariant = {
      ...real,
      create(cfg) {
        const a = real.create(cfg);
        const b = wholeRecheck();
        return (args) => {
          const x = a(args);
          const y = b(args);
          steps++;
          // Compared cheaply on every step; expect() only when they differ, to show how.
          if (x?.message !== y?.message || String(x?.nodes) !== String(y?.nodes)) expect([args.event.seq, x]).toEqual([args.event.seq, y]);
          if (x) found++;
          return x;
        };
      },
    };
    const module = { ...raft, invariants: [pair] };
    // Every curated scenario (Figure 8 with the bug breaks the property), then long runs of
    // the speed bench's kind (faults every 400 ms, 2 % drop and duplicate), so leaders of new
    // terms meet logs of hundreds of committed entries.
    for (const scenario of raft.scenarios) new Simulation(module, scenario, { record: false, checkpointEvery: 0 }).run();
    for (let seed = 1; seed <= 4; seed++) {
      const bugs = seed % 2 === 0 ? ['commit-previous-term'] : [];
      const scenario = randomScenario(raft, seed, { nodes: seed > 2 ? 5 : 3, until: 50_000_000, faultEvery: 400, drop: 0.02, duplicate: 0.02, bugs });
      scenario.actions = scenario.actions.filter((a) => a.do !== 'pause' && a.do !== 'resume');
      new Simulation(module, scenario, { record: false, checkpointEvery: 0 }).run(20_000);
    }
    // Shorter runs with pauses and lost disks, bug-free, so a term can go back (a restarted
    // node forgets it) and a leader's log can be cut between two checks.
    for (let seed = 11; seed <= 22; seed++) {
      const scenario = randomScenario(raft, seed, { nodes: seed % 2 ? 3 : 5, until: 6_000, faultEvery: 150, loseDisk: true, drop: 0.05, duplicate: 0.05 });
      new Simulation(module, scenario, { record: false, checkpointEvery: 0 }).run(5_000);
    }
    expect(steps).toBeGreaterThan(5_000);
    expect(found).toBeGreaterThan(0);
  });

  it('a leader of a newer term is held to entries committed in the terms between, though its log did not change', () => {
    // n1 leads term 1; n2 commits x in term 2 at index 1, which n1 of term 1 need not hold;
    // n1 then leads term 3 with the very same log object: now it must hold x, and does not.
    const log: readonly Entry[] = [{ term: 1, command: 'a' }];
    const view = (id: string, state: Partial<RaftObservable>): NodeView => ({ id, role: 'server', up: true, paused: false, state: { role: 'follower', currentTerm: 1, votedFor: null, log: [], commitIndex: 0, leaderId: null, ...state } });
    const steps: [string, Partial<RaftObservable>][] = [
      ['n1', { role: 'leader', currentTerm: 1, log }],
      ['n2', { currentTerm: 2, log: [{ term: 2, command: 'x' }], commitIndex: 1 }],
      ['n1', { role: 'leader', currentTerm: 3, log }],
    ];
    const real = raft.invariants.find((i) => i.id === 'leader-completeness')!.create({ nodes: ['n1', 'n2', 'n3'], params: { bugs: [] } });
    const reference = wholeRecheck();
    const nodes = new Map(['n1', 'n2', 'n3'].map((id) => [id, view(id, {})]));
    const said: (string | null)[] = [];
    steps.forEach(([id, state], seq) => {
      nodes.set(id, view(id, state));
      const args = { event: { seq, time: 0, kind: 'deliver', node: id } as TraceEvent, nodes };
      const x = real(args);
      expect(x?.message ?? null).toBe(reference(args)?.message ?? null);
      said.push(x?.message ?? null);
    });
    expect(said).toEqual([null, null, 'leader n1 of term 3 lacks x@t2 at index 1, committed in term 2']);
  });
});
