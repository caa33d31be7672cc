/** Regression seeds the explorer found (issue 12), kept as scenarios that must stay clean. */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../scenario/types';
import { runScenario } from '../../sim/simulation';
import { zab } from './index';

describe('zab: explorer regressions', () => {
  it('two servers that each opened a connection to the other keep them apart (CEPOCH is not read as a leader message)', () => {
    // Found by `faultline explore zab` (run 1667): n4 followed n5 on its connection 0.1 while n5,
    // following n4 before, had opened its own 0.1; n5's CEPOCH was read as the next message on
    // n4's link and flagged messageIllegal (ShouldNotBeTriggered). Connection ids now name their
    // opener.
    const s: Scenario = {
      format: 'faultline-scenario', version: 2, protocol: 'zab', nodes: ['n1', 'n2', 'n3', 'n4', 'n5'], seed: 2257824579,
      params: { bugs: [] }, network: { latency: [5, 23], drop: 0, duplicate: 0.02 }, schedule: 'auto', until: 1949,
      actions: [{"at": 111, "do": "delay", "message": 75, "step": 85, "by": 1838}, {"at": 133, "do": "delay", "message": 83, "step": 98, "by": 1816}, {"at": 190, "do": "timeout", "node": "n4"}, {"at": 190, "do": "request", "node": "n5", "command": "x=19"}, {"at": 190, "do": "cut", "from": "n3", "to": "n5"}, {"at": 520, "do": "partition", "groups": [["n5", "n3"], ["n4", "n2", "n1"]]}, {"at": 520, "do": "request", "node": "n1", "command": "x=97"}, {"at": 837, "do": "delay", "message": 244, "step": 293, "by": 1112}, {"at": 1420, "do": "heal"}, {"at": 1604, "do": "partition", "groups": [["n4"], ["n5", "n1", "n2", "n3"]]}, {"at": 1620, "do": "heal"}],
    } as Scenario;
    const sim = runScenario(zab, s);
    expect(sim.violations).toEqual([]);
    const flagged = sim.events.some((e) => ((e.state as { anomalies?: string[] } | undefined)?.anomalies ?? []).length > 0);
    expect(flagged).toBe(false);
  });
});
