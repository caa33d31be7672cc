import { describe, expect, it } from 'vitest';
import { createSession } from '../../store/session';
import { chash } from '../../protocols/chash';
import { raft } from '../../protocols/raft';
import { buildHistory, type HistoryOp } from '../../check/history';
import { checkKey } from '../../check/linearizability';
import { chashGets } from '../../../bench/reproducers';
import type { Scenario } from '../../scenario/types';
import { historyUpTo, keyVerdict, stats } from './source';
import { drawnOps, historyModel } from './model';

function recorded(scenario: Scenario) {
  const store = createSession(scenario);
  store.getState().seekStep(1e9);
  return store.getState().sim;
}

const plain = (ops: readonly HistoryOp[]) => ops.map((o) => ({ ...o }));

describe('history source (issue 10)', () => {
  it('gives the history buildHistory gives at every head, reading each event’s records once', () => {
    const sim = recorded(chashGets(300));
    const n = sim.eventCount;
    const before = stats.hookCalls;
    for (const head of [0, 1, Math.floor(n / 5), Math.floor(n / 2), n - 1, n, Math.floor(n / 3)]) {
      const want = buildHistory(chash, sim.events.slice(0, head));
      const got = historyUpTo(chash, sim.events, head);
      expect(plain(got.ops)).toEqual(plain(want.ops));
      expect(got.keyNames()).toEqual(want.keyNames());
    }
    expect(stats.hookCalls - before).toBe(n);
  });

  it('keeps a key’s verdict until its ops change, and gives checkKey’s verdict', () => {
    const sim = recorded(raft.scenarios.find((s) => s.name === 'stale-read-bug')!);
    const events = sim.events;
    const heads = Array.from({ length: sim.eventCount + 1 }, (_, i) => i);
    let checks = 0;
    for (const head of heads) {
      const h = historyUpTo(raft, events, head);
      for (const key of h.keyNames()) {
        const before = stats.keyChecks;
        const got = keyVerdict(raft, events, h, key);
        checks += stats.keyChecks - before;
        const want = checkKey(h, key);
        expect(got.ok).toBe(want.ok);
        expect(got.why).toBe(want.why);
        expect(got.core?.map((o) => o.id)).toEqual(want.core?.map((o) => o.id));
      }
    }
    // Only heads where the key's ops changed were checked: far fewer than the heads.
    expect(checks).toBeGreaterThan(1);
    expect(checks).toBeLessThan(heads.length / 4);
  });

  it('draws the latest 200 ops of a long lane, and every violating one', () => {
    const sim = recorded(chashGets(450));
    const m = historyModel(chash, sim.events, sim.violations, sim.eventCount);
    const lane = m.lanes[0]!.ops;
    expect(lane.length).toBe(450);
    expect(drawnOps(lane, new Set()).map((o) => o.id)).toEqual(lane.slice(-200).map((o) => o.id));
    const old = lane[3]!.id;
    expect(drawnOps(lane, new Set([old])).map((o) => o.id)).toEqual([old, ...lane.slice(-200).map((o) => o.id)]);
    expect(drawnOps(lane.slice(0, 150), new Set())).toHaveLength(150);
  });
});
