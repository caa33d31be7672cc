/** Figure 8 from scratch (issue 12): the explorer finds commit-previous-term within a small
 * fixed run budget, the protocol's own faults are not held to the generic points' depth, and a
 * batch stops at its first violation. */
import { describe, expect, it } from 'vitest';
import { Search, localExecutor } from '../../check/explorer/search';
import { executeRun } from '../../check/explorer/run';
import type { RunSpec } from '../../check/explorer/types';
import { raft } from './index';

const crashes = (actions: readonly { do: string }[]) => actions.filter((a) => a.do === 'crash').length;

describe('explorer on Raft: Figure 8', () => {
  it.each([1, 2, 4])('finds commit-previous-term from scratch within 48 runs (explorer seed %i)', async (seed) => {
    const search = new Search(raft, { protocol: 'raft', bugs: ['commit-previous-term'], seed });
    const exec = localExecutor(raft);
    let hit;
    while (!hit && search.runs < 48) hit = await search.step(exec);
    expect(hit, `not found in ${search.runs} runs`).toBeDefined();
    expect(hit!.violation.invariant).toBe('leader-completeness');
  }, 60_000);

  it('stops a batch at its first violation: the runs after it could not change the find', async () => {
    const search = new Search(raft, { protocol: 'raft', bugs: ['commit-previous-term'], seed: 9 });
    const local = localExecutor(raft);
    let ran = 0;
    const hit = await search.step({ run: async (specs, learned) => {
      const results = await local.run(specs, learned);
      ran += results.length;
      return results;
    } });
    expect(hit).toBeDefined();
    expect(ran).toBe(hit!.index + 1);
    expect(ran).toBeLessThan(32);
  }, 60_000);

  it("fires more of Raft's own faults than a depth of 1 allows: they have a budget of their own", () => {
    const search = new Search(raft, { protocol: 'raft', bugs: ['commit-previous-term'], seed: 3 });
    let most = 0;
    for (let i = 0; i < 24; i++) {
      const planned = search.spec(i, [1], ['triggered']);
      // Depth 1 and no generic point ever fires (rate 0): every crash added is the protocol's.
      const spec: RunSpec = { ...planned, triggers: { ...planned.triggers!, budget: 1, rate: 0 } };
      let added = 0;
      executeRun(raft, spec, new Set(), (sim) => (added = crashes(sim.scenario.actions) - crashes(spec.scenario.actions)));
      most = Math.max(most, added);
    }
    expect(most).toBeGreaterThan(1);
  });
});
