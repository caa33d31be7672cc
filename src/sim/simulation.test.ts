import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { raft } from '../protocols/raft';
import { twopc } from '../protocols/twopc';
import { randomScenario } from '../check/explore';
import { CHECKPOINT_EVERY, Simulation, forkScenario, runScenario } from './simulation';
import type { World } from './world';

/** Everything a world holds, as text: snapshots serialize through XState's toJSON. */
function fingerprint(world: World): string {
  return JSON.stringify(world.checkpoint(), (_k, v: unknown) => {
    if (v instanceof Map) return { map: [...v.entries()] };
    if (v instanceof Set) return { set: [...v.values()] };
    return v;
  });
}

describe('determinism', () => {
  it('the same scenario gives a byte-identical trace', () => {
    for (const seed of [1, 2, 3, 99, 12345]) {
      const s = randomScenario(raft, seed, { until: 3000, drop: 0.1, duplicate: 0.1 });
      const a = JSON.stringify(runScenario(raft, s).trace());
      const b = JSON.stringify(runScenario(raft, structuredClone(s)).trace());
      expect(b).toBe(a);
      expect(a.length).toBeGreaterThan(10_000);
    }
  });

  it('a different seed gives a different run', () => {
    const s = randomScenario(raft, 5, { until: 2000 });
    const a = JSON.stringify(runScenario(raft, s).events);
    const b = JSON.stringify(runScenario(raft, { ...s, seed: s.seed + 1 }).events);
    expect(b).not.toBe(a);
  });
});

describe('seek', () => {
  it('seek(k) equals a straight run to k, for random k', () => {
    const s = randomScenario(raft, 77, { nodes: 5, until: 4000, drop: 0.05, duplicate: 0.05 });
    const sim = new Simulation(raft, s, { checkpointEvery: 64 }).run();
    const total = sim.events.length;
    expect(total).toBeGreaterThan(300);
    fc.assert(
      fc.property(fc.integer({ min: -1, max: total - 1 }), (k) => {
        const straight = new Simulation(raft, s, { checkpointEvery: 0, invariants: false, record: false });
        straight.run(k + 1);
        const sought = sim.seek(k);
        expect(sought.eventCount).toBe(k + 1);
        expect(fingerprint(sought)).toBe(fingerprint(straight.current));
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it('a sought world continues exactly as the recorded run did', () => {
    const s = randomScenario(raft, 31, { until: 3000 });
    const sim = new Simulation(raft, s, { checkpointEvery: 100 }).run();
    const k = Math.floor(sim.events.length * 0.6);
    const world = sim.seek(k);
    const rest = [];
    for (let e = world.step(); e; e = world.step()) rest.push(e);
    expect(JSON.stringify(rest)).toBe(JSON.stringify(sim.events.slice(k + 1)));
  });

  it('a seek replays fewer events than its checkpoint interval, and checkpoints hold a bounded number of entries per event', () => {
    const s = randomScenario(raft, 2026, { nodes: 5, until: 20_000, faultEvery: 400, drop: 0.02, duplicate: 0.02 });
    const sim = new Simulation(raft, s).run();
    const total = sim.events.length;
    expect(total).toBeGreaterThan(1000);
    // The interval a checkpoint at event count c waited: CHECKPOINT_EVERY, or a quarter of its
    // queue, in-flight and pending entries when that is more (read from the world restored there).
    const interval = (c: number) => {
      const cp = sim.seek(c - 1).checkpoint();
      return Math.max(CHECKPOINT_EVERY, Math.ceil((cp.queue.length + cp.inflight.length + cp.pending.length) / 4));
    };
    let longest = 0;
    for (let k = -1; k < total; k++) {
      expect(sim.seek(k).eventCount).toBe(k + 1);
      const replayed = sim.lastSeekReplayed;
      longest = Math.max(longest, replayed);
      if (replayed >= CHECKPOINT_EVERY) expect(replayed).toBeLessThan(interval(k + 1 - replayed));
    }
    expect(longest).toBeGreaterThanOrEqual(CHECKPOINT_EVERY - 1);
    const { count, entries } = sim.checkpointStats;
    expect(count).toBeLessThanOrEqual(Math.ceil(total / CHECKPOINT_EVERY) + 1);
    // A checkpoint of n entries waits at least n / 4 events: memory stays linear in the run.
    expect(entries).toBeLessThanOrEqual(4 * (total + CHECKPOINT_EVERY));
  });

  it('refuses steps outside the run', () => {
    const sim = runScenario(raft, raft.scenarios[0]!);
    expect(() => sim.seek(sim.events.length)).toThrow(RangeError);
    expect(() => sim.seek(-2)).toThrow(RangeError);
  });
});

describe('forking at a past step', () => {
  it('keeps the past, places the new action right after step k, and drops the old future', () => {
    const s = raft.scenarios.find((x) => x.name === 'leader-crash')!;
    const sim = runScenario(raft, s);
    // Fork at an event that shares its time with others, to prove the placement is exact.
    const k = sim.events.findIndex((e, i) => i > 20 && e.time < 300 && sim.events[i + 1]?.time === e.time);
    const forked = forkScenario(sim, k, { do: 'crash', node: 'n2' });
    expect(forked.actions.at(-1)).toEqual({ do: 'crash', node: 'n2', at: sim.events[k]!.time, step: k + 1 });
    expect(forked.actions.filter((a) => a.do === 'crash' && (a as { node: string }).node === 'n1')).toEqual([]); // the old future
    const again = runScenario(raft, forked);
    expect(JSON.stringify(again.events.slice(0, k + 1))).toBe(JSON.stringify(sim.events.slice(0, k + 1)));
    expect(again.events[k + 1]).toMatchObject({ kind: 'crash', node: 'n2', time: sim.events[k]!.time });
  });
});

describe('acting at the head of a run', () => {
  it('appended actions land right after the last event, and the grown scenario replays exactly', () => {
    const base = { ...raft.scenarios.find((x) => x.name === 'happy-path')!, actions: [], until: 3000 };
    const live = new Simulation(raft, base);
    live.advanceTo(400.5);
    const crash = live.append({ do: 'crash', node: 'n2' }, Math.floor(400.5));
    expect(crash).toMatchObject({ do: 'crash', node: 'n2', at: 400, step: live.eventCount });
    live.advanceTo(900);
    live.append({ do: 'request', node: 'n1', command: 'x=1' }, 900);
    live.append({ do: 'restart', node: 'n2' }, 1200);
    live.advanceTo(3000);
    expect(base.actions).toEqual([]); // the caller's scenario is untouched
    const replay = runScenario(raft, live.scenario);
    expect(JSON.stringify(replay.events)).toBe(JSON.stringify(live.events));
  });

  it('scripted actions not yet reached stay in the plan, after the new one', () => {
    const script = raft.scenarios.find((x) => x.name === 'leader-crash')!; // crashes n1 at 300
    const live = new Simulation(raft, script);
    live.advanceTo(150);
    live.append({ do: 'crash', node: 'n3' }, 150);
    expect(live.scenario.actions.map((a) => [a.at, a.do])).toEqual([[0, 'timeout'], [100, 'request'], [150, 'crash'], [300, 'crash'], [1200, 'restart']]);
    live.run();
    expect(live.events.filter((e) => e.kind === 'crash').map((e) => [e.time, e.node])).toEqual([[150, 'n3'], [300, 'n1']]);
    expect(JSON.stringify(runScenario(raft, live.scenario).events)).toBe(JSON.stringify(live.events));
  });
});

describe('checkpoints under a large queue', () => {
  it('N begins at one instant (thousands of messages in flight) still seek exactly', () => {
    const base = twopc.scenarios.find((x) => x.name === 'happy-commit')!;
    const s = { ...base, actions: Array.from({ length: 300 }, () => ({ at: 0, do: 'begin' as const, node: 'n1', tx: '' })), until: 1000 };
    const sim = new Simulation(twopc, s, { invariants: false }).run();
    for (const k of [-1, 0, 5, 127, 128, 700, 1500, sim.eventCount - 1]) {
      const straight = new Simulation(twopc, s, { checkpointEvery: 0, invariants: false, record: false });
      straight.run(k + 1);
      expect(fingerprint(sim.seek(k)), `k=${k}`).toBe(fingerprint(straight.current));
    }
  });
});
