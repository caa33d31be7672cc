import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { raft } from '../../protocols/raft';
import { getProtocol } from '../../protocols/registry';
import { createSession } from '../../store/session';
import { validateScenario } from '../../scenario/validate';
import type { Scenario } from '../../scenario/types';
import { CHECKPOINT, countEvents, extendCheckpoints, sortedRows, statsAt, utf8Bytes, type MessageStats } from './stats';
import type { TraceEvent } from '../../sim/types';

/** The run's events with every read of an event counted (a count, not a time). */
function countingReads(events: readonly TraceEvent[]): { events: TraceEvent[]; reads: { n: number } } {
  const reads = { n: 0 };
  const proxy = new Proxy(events as TraceEvent[], {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads.n++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { events: proxy, reads };
}

/** The whole run of a scenario, through the store as the app has it. */
function runAll(scenario: Scenario) {
  const store = createSession(scenario);
  store.getState().seekStep(1e9);
  return store.getState().sim;
}

/**
 * Three nodes, fixed 10 ms latency. n1 times out and sends RequestVote #1 (to n2) and #2 (to
 * n3); the user duplicates #1 (copy #3) and drops #2. n2 answers both copies (#4, #5); n1 leads
 * and sends AppendEntries #6, #7, which the partition at 30 ms loses; its heartbeat at 70 ms
 * sends #8 (lost to the partition at 80 ms) and #9 (in flight to n3 when n3 crashes at 75 ms).
 */
const raw = {
  format: 'faultline-scenario',
  version: 1,
  protocol: 'raft',
  nodes: ['n1', 'n2', 'n3'],
  seed: 1,
  params: { bugs: [], electionTimeout: [1000, 1000], heartbeatInterval: 50, leaderNoop: false }, // empty heartbeats, so each AppendEntries has the size below
  network: { latency: [10, 10], drop: 0, duplicate: 0 },
  schedule: 'auto',
  actions: [
    { at: 0, do: 'timeout', node: 'n1' },
    { at: 5, do: 'duplicate', message: 1 },
    { at: 5, do: 'drop', message: 2 },
    { at: 30, do: 'partition', groups: [['n1'], ['n2', 'n3']] },
    { at: 75, do: 'crash', node: 'n3' },
  ],
  until: 80,
};

function small(): Scenario {
  const v = validateScenario(raw, getProtocol);
  if (!v.ok) throw new Error(v.errors.join('\n'));
  return v.scenario;
}

/** Everything in a MessageStats, as plain data for deep equality. */
const plain = (s: MessageStats) => ({ ...s, byType: Object.fromEntries(s.byType), byNode: Object.fromEntries(s.byNode), lostBy: Object.fromEntries(s.lostBy) });

// {"type":"RequestVote","term":1,"candidateId":"n1","lastLogIndex":0,"lastLogTerm":0}
const RV = 83;
const RVR = 58;
const AE = 112;

describe('message statistics', () => {
  it('counts a small scripted run exactly', () => {
    const sim = runAll(small());
    expect(sim.eventCount).toBe(16);
    const s = statsAt(sim.events, sim.eventCount);
    expect(s.sent).toBe(9);
    expect(s.delivered).toBe(4);
    expect(s.lost).toBe(4);
    expect(Object.fromEntries(s.lostBy)).toEqual({ partition: 3, crash: 1 });
    expect(s.dropped).toBe(1);
    expect(s.duplicated).toBe(1);
    expect(s.bytes).toBe(3 * RV + 2 * RVR + 4 * AE);
    expect(Object.fromEntries(s.byType)).toEqual({
      RequestVote: { sent: 3, received: 2, lost: 1, bytesSent: 3 * RV, bytesReceived: 2 * RV },
      RequestVoteResponse: { sent: 2, received: 2, lost: 0, bytesSent: 2 * RVR, bytesReceived: 2 * RVR },
      AppendEntries: { sent: 4, received: 0, lost: 3, bytesSent: 4 * AE, bytesReceived: 0 },
    });
    expect(Object.fromEntries(s.byNode)).toEqual({
      n1: { sent: 7, received: 2, lost: 0, bytesSent: 3 * RV + 4 * AE, bytesReceived: 2 * RVR },
      n2: { sent: 2, received: 2, lost: 0, bytesSent: 2 * RVR, bytesReceived: 2 * RV },
    });
  });

  it('counts only events before the step', () => {
    const sim = runAll(small());
    // Step 7: events 0–6, up to n2 answering the first RequestVote.
    const s = statsAt(sim.events, 7);
    expect(s.step).toBe(7);
    expect([s.sent, s.delivered, s.lost, s.dropped, s.duplicated]).toEqual([4, 1, 0, 1, 1]);
    expect(statsAt(sim.events, 0)).toMatchObject({ step: 0, sent: 0, bytes: 0 });
    expect(statsAt(sim.events, 10_000).step).toBe(16);
  });

  it('measures payloads in UTF-8 bytes', () => {
    expect(utf8Bytes('{"c":"x"}')).toBe(9);
    expect(utf8Bytes('{"c":"节点"}')).toBe(14);
    expect(utf8Bytes('😀')).toBe(4);
  });

  it('cached and incremental equals a full recount, at random steps', () => {
    // A lossy, duplicating network and a crash: every counter moves.
    const base = raft.scenarios.find((s) => s.name === 'leader-crash')!;
    const scenario = { ...base, until: 20_000, network: { ...base.network, drop: 0.1, duplicate: 0.05 } };
    const sim = runAll(scenario);
    const all = countEvents(sim.events);
    for (const k of [all.lost, all.duplicated, all.lostBy.get('dropped'), all.lostBy.get('down')]) expect(k).toBeGreaterThan(0);
    expect(sim.eventCount).toBeGreaterThan(3 * CHECKPOINT);
    const n = sim.eventCount;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: n }), { minLength: 1, maxLength: 6 }), (steps) => {
        for (const k of steps) expect(plain(statsAt(sim.events, k))).toEqual(plain(countEvents(sim.events, k)));
      }),
      { numRuns: 40 },
    );
    // Exactly at checkpoints and next to them.
    for (const k of [CHECKPOINT - 1, CHECKPOINT, CHECKPOINT + 1, 2 * CHECKPOINT, n]) expect(plain(statsAt(sim.events, k))).toEqual(plain(countEvents(sim.events, k)));
  });

  it('does not let a caller change the cached counts', () => {
    const sim = runAll({ ...raft.scenarios.find((s) => s.name === 'happy-path')!, until: 8000 });
    const a = statsAt(sim.events, CHECKPOINT + 5);
    a.byType.get('AppendEntries')!.sent = -1;
    a.lostBy.set('x', 1);
    expect(plain(statsAt(sim.events, CHECKPOINT + 5))).toEqual(plain(countEvents(sim.events, CHECKPOINT + 5)));
  });

  it('counts the run ahead in bounded idle slices, after which any seek reads at most one block', () => {
    const sim = runAll({ ...raft.scenarios.find((s) => s.name === 'happy-path')!, until: 60_000 });
    const n = sim.eventCount;
    expect(n).toBeGreaterThan(8 * CHECKPOINT);
    // The events as the panel sees them, with every read of an event counted.
    const { events, reads } = countingReads(sim.events);
    // A far seek into the middle with nothing cached counts from the start, as before.
    statsAt(events, Math.floor(n / 2));
    expect(reads.n).toBe(Math.floor(n / 2));
    // Each idle slice of one block reads one block, until the run's last full block is cached.
    let slices = 0;
    for (;;) {
      reads.n = 0;
      const more = extendCheckpoints(events, 1);
      slices++;
      expect(reads.n).toBeLessThanOrEqual(CHECKPOINT);
      if (!more) break;
    }
    expect(slices).toBeLessThanOrEqual(Math.ceil(n / CHECKPOINT));
    reads.n = 0;
    expect(extendCheckpoints(events, 1)).toBe(false);
    expect(reads.n).toBe(0);
    // Now seeks anywhere, far apart, each read less than one block, and count what a full recount counts.
    for (const k of [n, 3, Math.floor(n / 3), n - 1, CHECKPOINT * 2 + 7]) {
      reads.n = 0;
      const s = statsAt(events, k);
      expect(reads.n).toBeLessThan(CHECKPOINT);
      expect(plain(s)).toEqual(plain(countEvents(sim.events, k)));
    }
  });

  it('stays cheap at 100,000 events: a frame reads one block, not the run', () => {
    const scenario = { ...raft.scenarios.find((s) => s.name === 'happy-path')!, until: 600_000 };
    const sim = runAll(scenario);
    expect(sim.eventCount).toBeGreaterThan(100_000);
    // Count the events each call reads (a count, not a time: the machine is shared).
    const { events: counted, reads } = countingReads(sim.events);
    statsAt(counted, sim.eventCount); // builds the checkpoints once
    expect(reads.n).toBe(sim.eventCount);
    reads.n = 0;
    for (let i = 0; i < 200; i++) statsAt(counted, 100_000 - i * 7);
    expect(reads.n).toBeLessThanOrEqual(200 * CHECKPOINT);
    expect(reads.n).toBeGreaterThan(0);
    expect(plain(statsAt(counted, 99_993))).toEqual(plain(countEvents(sim.events, 99_993)));
  });

  it('sorts rows by a column, ties and "none" in the given order', () => {
    const c = (sent: number) => ({ sent, received: 0, lost: 0, bytesSent: 0, bytesReceived: 0 });
    const m = new Map([
      ['n2', c(5)],
      ['n1', c(5)],
      ['n3', c(9)],
    ]);
    const order = ['n1', 'n2', 'n3'];
    expect(sortedRows(m, null, order).map(([k]) => k)).toEqual(['n1', 'n2', 'n3']);
    expect(sortedRows(m, { key: 'sent', desc: true }, order).map(([k]) => k)).toEqual(['n3', 'n1', 'n2']);
    expect(sortedRows(m, { key: 'sent', desc: false }, order).map(([k]) => k)).toEqual(['n1', 'n2', 'n3']);
    expect(sortedRows(m, { key: 'name', desc: true }, order).map(([k]) => k)).toEqual(['n3', 'n2', 'n1']);
  });
});
