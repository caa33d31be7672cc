/**
 * Raft's log is a persistent vector (sim/pvec.ts) seen as an array (sim/parray.ts): an append
 * shares every earlier entry with the log before it, and no version ever changes once made,
 * which checkpoints, seeks, branches and the step memo rely on.
 */
import { describe, expect, it } from 'vitest';
import { randomScenario } from '../../check/explore';
import { Simulation } from '../../sim/simulation';
import { firstDiff, vecOf } from '../../sim/parray';
import { raft } from '.';
import { withClients } from './testClients';
import type { RaftObservable } from './observe';
import type { Entry } from './messages';
import { ctx, send, start } from './testDriver';

const scenario = (seed: number) => withClients(randomScenario(raft, seed, { until: 4000 }));
const logs = (sim: Simulation) => new Map([...sim.current.views].map(([id, v]) => [id, (v.state as RaftObservable).log]));

describe("Raft's persistent log", () => {
  it('every log the machine makes is a persistent version, and a longer log with the same prefix shares it', () => {
    let appends = 0;
    let replaced = 0;
    for (const seed of [1, 2, 3, 4]) {
      const sim = new Simulation(raft, scenario(seed), { record: false, checkpointEvery: 0 });
      let before = logs(sim);
      while (sim.step()) {
        const after = logs(sim);
        for (const [id, log] of after) {
          const prev = before.get(id);
          if (!prev || prev === log) continue;
          expect(vecOf<Entry>(log)).toBeDefined();
          const kept = firstDiff(prev, log);
          // The same result as a scan of plain copies: the prefix really is shared.
          let scan = 0;
          while (scan < Math.min(prev.length, log.length) && prev[scan] === log[scan]) scan++;
          expect(kept).toBe(scan);
          if (kept === prev.length) appends++;
          else replaced++;
        }
        before = after;
      }
    }
    expect(appends).toBeGreaterThan(100);
    expect(replaced).toBeGreaterThan(0);
  });

  it('a branch that runs on, and the run that goes on after it, leave earlier states as they were', () => {
    const sim = new Simulation(raft, scenario(7), { checkpointEvery: 64 });
    sim.run(1500);
    const at = sim.eventCount - 1;
    const frozen = JSON.stringify([...sim.current.views]);
    const branch = sim.branch(null);
    branch.run(1500);
    expect(JSON.stringify([...sim.current.views])).toBe(frozen);
    sim.run(3000);
    expect(JSON.stringify([...sim.seek(at).views])).toBe(frozen);
    // The branch is a deterministic run: the same events the main run went on to record.
    expect(JSON.stringify([...branch.current.views])).toBe(JSON.stringify([...sim.seek(branch.eventCount - 1).views]));
  });

  it('a restart takes a durable log given as a plain array (as from JSON), and an overwrite replaces only the suffix', () => {
    const plain: Entry[] = [{ term: 1, command: 'a' }, { term: 1, command: 'b' }, { term: 2, command: 'c' }];
    const s0 = start({ durable: { currentTerm: 2, votedFor: null, log: plain } });
    const log0 = ctx(s0).log;
    expect(vecOf(log0)).toBeDefined();
    expect([...log0]).toEqual(plain);
    // A leader of term 3 replaces index 3 (Figure 2, receiver steps 3 and 4).
    const e = { term: 3, command: 'd' };
    const s1 = send(s0, { type: 'AppendEntries', from: 'n2', term: 3, leaderId: 'n2', prevLogIndex: 2, prevLogTerm: 1, entries: [e], leaderCommit: 0 });
    const log1 = ctx(s1).log;
    expect(JSON.stringify(log1)).toBe(JSON.stringify([...plain.slice(0, 2), e]));
    expect(firstDiff(log0, log1)).toBe(2);
    expect([...log0]).toEqual(plain);
  });
});
