/** The shrinker's lean schedule on real counterexamples (explorer seeds of bench/shrinkCases.ts,
 * explorer seed 4 of forget-vote-on-restart first): fewer runs, no more actions. */
import { describe, expect, it } from 'vitest';
import { FULL, breaksAt, shrink } from '../../check/explorer/shrink';
import type { Scenario } from '../../scenario/types';
import { raft } from './index';

const found = {"format":"faultline-scenario","version":3,"protocol":"raft","name":"explorer","nodes":["n1","n2","n3"],"seed":133068261,"params":{"bugs":["forget-vote-on-restart"],"leaderNoop":false},"network":{"latency":[10,16],"drop":0,"duplicate":0.01},"schedule":"auto","actions":[{"at":222,"do":"read","node":"n3","key":"x"},{"at":471,"do":"crash","node":"n2"},{"at":548,"do":"crash","node":"n3"},{"at":854,"do":"read","node":"n1","key":"x"},{"at":917,"do":"restart","node":"n2"},{"at":1123,"do":"crash","node":"n3"},{"at":1320,"do":"pause","node":"n1"},{"at":1582,"do":"crash","node":"n2"},{"at":1591,"do":"crash","node":"n1"},{"at":1666,"do":"read","node":"n2","key":"x"},{"at":1915,"do":"restart","node":"n1"},{"at":2114,"do":"restart","node":"n2"}],"until":2151} as Scenario;
const inv = 'one-vote-per-term';
/** Explorer seed 2 of commit-previous-term in the same bench. */
const figure8 = {"format":"faultline-scenario","version":3,"protocol":"raft","name":"explorer","nodes":["n1","n2","n3"],"seed":1759223320,"params":{"bugs":["commit-previous-term"],"leaderNoop":false},"network":{"latency":[6,27],"drop":0,"duplicate":0},"schedule":"auto","actions":[{"at":705,"do":"request","node":"n2","command":"x=48"},{"at":705,"do":"request","node":"n1","command":"x=48","step":64},{"at":705,"do":"crash","node":"n1","loseOutbox":true,"step":65},{"at":1078,"do":"restart","node":"n1"},{"at":1198,"do":"request","node":"n2","command":"x=89"},{"at":1198,"do":"crash","node":"n2","loseOutbox":true,"step":100},{"at":1253,"do":"read","node":"n3","key":"x"},{"at":1253,"do":"read","node":"n2","key":"x","step":102},{"at":1452,"do":"crash","node":"n1","step":116},{"at":1896,"do":"request","node":"n1","command":"x=6"},{"at":2925,"do":"request","node":"n2","command":"x=96"},{"at":2990,"do":"read","node":"n2","key":"x"},{"at":3225,"do":"restart","node":"n2"},{"at":3309,"do":"read","node":"n3","key":"x"}],"until":3458} as Scenario;

describe('shrink schedule on raft', () => {
  it('the lean schedule tries segments no more after a fruitless pass: fewer runs, no more actions', () => {
    expect(breaksAt(raft, found, inv)).toBeGreaterThanOrEqual(0);
    const full = shrink(raft, found, inv, { schedule: FULL });
    const lean = shrink(raft, found, inv);
    expect(lean.confirmed && full.confirmed).toBe(true);
    expect(lean.scenario.actions.length).toBeLessThanOrEqual(full.scenario.actions.length);
    expect(lean.scenario.actions.length).toBeLessThanOrEqual(12);
    expect(lean.runs).toBeLessThan(full.runs);
    // Its first segment pass removed nothing: FULL tries segments again once an action has
    // gone, LEAN does not.
    const segments = (r: typeof lean) => [...r.perPass.keys()].filter((k) => k.startsWith('segments'));
    expect(segments(lean)).toEqual(['segments1']);
    expect(segments(full).length).toBeGreaterThan(1);
  });

  it('the lean schedule ends a round after a times-only one once its removals find nothing', () => {
    const full = shrink(raft, figure8, 'leader-completeness', { schedule: FULL });
    const lean = shrink(raft, figure8, 'leader-completeness');
    expect(lean.confirmed).toBe(true);
    expect(lean.scenario.actions.length).toBeLessThanOrEqual(full.scenario.actions.length);
    expect(lean.runs).toBeLessThan(full.runs);
    const rounds = (r: typeof lean) => [...r.perPass.keys()].filter((k) => /\d$/.test(k));
    // FULL ends each round with its times pass; LEAN's last round ends after the pairs.
    expect(rounds(full).at(-1)).toMatch(/^times\d$/);
    expect(rounds(lean).at(-1)).toMatch(/^pairs\d$/);
  });
});
