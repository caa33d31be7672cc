import { describe, expect, it } from 'vitest';
import type { EventKind, TraceEvent, Violation } from '../../sim/types';
import { raft } from '../../protocols/raft';
import { createSession } from '../../store/session';
import { clusterMarkers, columnOf, densityBins, dominantFamily, faultCount, faultFamily, faultMarkers, faultsOf, jumpTarget, nextStep, prevStep, trackEnd, TRACK_STEP } from './markers';

/** The whole recorded run of a curated scenario, through the store as the app has it. */
function recorded(name: string) {
  const store = createSession(raft.scenarios.find((s) => s.name === name)!);
  store.getState().seekStep(1e9);
  return store.getState().sim;
}

let seq = 0;
function ev(time: number, kind: EventKind, extra: Partial<TraceEvent> = {}): TraceEvent {
  return { seq: seq++, time, kind, ...extra };
}
function run(...events: Omit<TraceEvent, 'seq'>[]): TraceEvent[] {
  return events.map((e, i) => ({ ...e, seq: i }));
}

describe('fault extraction', () => {
  it('keeps events caused by scenario actions whose kind is a fault, in order', () => {
    seq = 0;
    const events = [
      ev(0, 'start', { node: 'n1' }),
      ev(0, 'timeout', { node: 'n1', action: 0, timer: 'electionTimeout' }),
      ev(5, 'timer', { node: 'n2', timer: 'electionTimeout' }), // a timer firing on its own: not a fault
      ev(10, 'command', { node: 'n1', action: 1 }), // a client request: an action, not a fault
      ev(20, 'crash', { node: 'n3', action: 2 }),
      ev(25, 'lost', { reason: 'down' }),
      ev(30, 'partition', { action: 3 }),
      ev(31, 'deliver', { action: 4 }), // a manual-schedule delivery: not a fault
      ev(40, 'drop', { action: 5 }),
      ev(50, 'schedule', { action: 6 }),
    ];
    expect(faultMarkers(events)).toEqual([
      { seq: 1, time: 0, kind: 'timeout', node: 'n1' },
      { seq: 4, time: 20, kind: 'crash', node: 'n3' },
      { seq: 6, time: 30, kind: 'partition' },
      { seq: 8, time: 40, kind: 'drop' },
      { seq: 9, time: 50, kind: 'schedule' },
    ]);
    expect(faultMarkers(events, 5).map((m) => m.seq)).toEqual([6, 8, 9]);
  });

  it('finds the faults of a curated scenario: leader-crash has its timeout, crash and restart', () => {
    const sim = recorded('leader-crash');
    const faults = faultMarkers(sim.events);
    expect(faults.map((f) => [f.kind, f.node, f.time])).toEqual([
      ['timeout', 'n1', 0],
      ['crash', 'n1', 300],
      ['restart', 'n1', 1200],
    ]);
    for (const f of faults) expect(sim.events[f.seq]!.kind).toBe(f.kind);
  });

  it('faultsOf extends its answer as the run grows and keeps it while nothing new is a fault', () => {
    const events = run({ time: 0, kind: 'crash', node: 'n1', action: 0 }, { time: 1, kind: 'deliver' });
    const a = faultsOf(events);
    expect(a.map((m) => m.seq)).toEqual([0]);
    events.push({ seq: 2, time: 2, kind: 'deliver' });
    expect(faultsOf(events)).toBe(a);
    events.push({ seq: 3, time: 3, kind: 'heal', action: 1 });
    const b = faultsOf(events);
    expect(b).not.toBe(a);
    expect(b.map((m) => m.seq)).toEqual([0, 3]);
    expect(faultsOf(events)).toBe(b);
  });

  it('sorts kinds into marker families', () => {
    expect(faultFamily('crash')).toBe('node');
    expect(faultFamily('skew')).toBe('node');
    expect(faultFamily('cut')).toBe('network');
    expect(faultFamily('heal')).toBe('network');
    expect(faultFamily('delay')).toBe('message');
    expect(faultFamily('schedule')).toBe('schedule');
    expect(dominantFamily([{ kind: 'heal' }, { kind: 'crash' }, { kind: 'partition' }])).toBe('network');
    expect(dominantFamily([{ kind: 'drop' }, { kind: 'crash' }])).toBe('message');
  });
});

describe('jump targets', () => {
  // Markers at events 3, 7 and 7 (two violations at one event), 12: their steps are 4, 8, 13.
  const markers = [{ seq: 3 }, { seq: 7 }, { seq: 7 }, { seq: 12 }];

  it('next: the step right after the first marker the cursor has not applied', () => {
    expect(nextStep(markers, 0)).toBe(4);
    expect(nextStep(markers, 3)).toBe(4);
    expect(nextStep(markers, 4)).toBe(8); // at a marker's step: on to the next one
    expect(nextStep(markers, 8)).toBe(13);
    expect(nextStep(markers, 12)).toBe(13);
    expect(nextStep(markers, 13)).toBeNull();
    expect(nextStep([], 0)).toBeNull();
  });

  it('previous: the step right after the last marker before the cursor’s own', () => {
    expect(prevStep(markers, 0)).toBeNull();
    expect(prevStep(markers, 4)).toBeNull(); // at the first marker
    expect(prevStep(markers, 5)).toBe(4);
    expect(prevStep(markers, 8)).toBe(4);
    expect(prevStep(markers, 9)).toBe(8);
    expect(prevStep(markers, 13)).toBe(8);
    expect(prevStep(markers, 100)).toBe(13);
  });

  it('walks every marker forwards and back', () => {
    const forward: number[] = [];
    for (let s: number | null = 0; (s = nextStep(markers, s)) !== null; ) forward.push(s);
    expect(forward).toEqual([4, 8, 13]);
    const back: number[] = [];
    for (let s: number | null = 20; (s = prevStep(markers, s)) !== null; ) back.push(s);
    expect(back).toEqual([13, 8, 4]);
  });

  it('jumpTarget reads faults from the events and violations from the run', () => {
    const events = run(
      { time: 0, kind: 'start' },
      { time: 5, kind: 'crash', node: 'n1', action: 0 },
      { time: 9, kind: 'deliver' },
      { time: 12, kind: 'restart', node: 'n1', action: 1 },
      { time: 15, kind: 'deliver' },
    );
    const violations: Violation[] = [{ seq: 2, invariant: 'election-safety', message: 'x' }];
    const r = { events, violations };
    expect(jumpTarget(r, 0, 'nextFault')).toBe(2);
    expect(jumpTarget(r, 2, 'nextFault')).toBe(4);
    expect(jumpTarget(r, 4, 'nextFault')).toBeNull();
    expect(jumpTarget(r, 5, 'prevFault')).toBe(4);
    expect(jumpTarget(r, 4, 'prevFault')).toBe(2);
    expect(jumpTarget(r, 0, 'nextViolation')).toBe(3);
    expect(jumpTarget(r, 3, 'nextViolation')).toBeNull();
    expect(jumpTarget(r, 5, 'prevViolation')).toBe(3);
    expect(jumpTarget(r, 3, 'prevViolation')).toBeNull();
  });

  it('lands on figure-8-bug’s violations, each at the step right after its event', () => {
    const sim = recorded('figure-8-bug');
    expect(sim.violations.length).toBeGreaterThan(0);
    const first = sim.violations[0]!;
    expect(jumpTarget(sim, 0, 'nextViolation')).toBe(first.seq + 1);
    expect(jumpTarget(sim, sim.eventCount, 'prevViolation')).toBe(sim.violations.at(-1)!.seq + 1);
  });
});

describe('density', () => {
  it('maps times to columns, the end of the span in the last column', () => {
    expect(columnOf(0, 0, 100, 10)).toBe(0);
    expect(columnOf(9.99, 0, 100, 10)).toBe(0);
    expect(columnOf(10, 0, 100, 10)).toBe(1);
    expect(columnOf(99, 0, 100, 10)).toBe(9);
    expect(columnOf(100, 0, 100, 10)).toBe(9);
    expect(columnOf(-5, 0, 100, 10)).toBe(0);
    expect(columnOf(500, 0, 100, 10)).toBe(9);
    expect(columnOf(7, 5, 5, 10)).toBe(0); // an empty span
  });

  it('counts events per column exactly', () => {
    const times = [0, 0, 1, 9, 10, 10, 25, 49, 50, 99, 100, 100];
    const events = times.map((time) => ({ time }));
    // Columns of width 10 over [0, 100]: 0–9.99 | 10–19.99 | … | 90–100.
    expect([...densityBins(events, 0, 100, 10)]).toEqual([4, 2, 1, 0, 1, 1, 0, 0, 0, 3]);
    // Width 25: [0,25) [25,50) [50,75) [75,100].
    expect([...densityBins(events, 0, 100, 4)]).toEqual([6, 2, 1, 3]);
    // One column holds everything.
    expect([...densityBins(events, 0, 100, 1)]).toEqual([12]);
  });

  it('agrees with a plain loop on a large run, and sums to the event count', () => {
    const events: { time: number }[] = [];
    let t = 0;
    for (let i = 0; i < 20_000; i++) {
      t += (i * 7919) % 13 === 0 ? 37 : (i % 3) * 0.5;
      events.push({ time: t });
    }
    const cols = 731;
    const expected = new Uint32Array(cols);
    for (const e of events) expected[columnOf(e.time, 0, t, cols)]!++;
    const bins = densityBins(events, 0, t, cols);
    expect([...bins]).toEqual([...expected]);
    expect(bins.reduce((a, b) => a + b, 0)).toBe(events.length);
  });

  it('handles no events, no columns and an empty span', () => {
    expect([...densityBins([], 0, 100, 3)]).toEqual([0, 0, 0]);
    expect([...densityBins([{ time: 1 }], 0, 100, 0)]).toEqual([]);
    expect([...densityBins([{ time: 0 }, { time: 0 }], 0, 0, 4)]).toEqual([2, 0, 0, 0]);
  });

  it('clusters markers so that glyphs never overlap, each at its first marker', () => {
    const ms = [0, 4, 9, 10, 10.5, 30, 100].map((time, i) => ({ time, id: String.fromCharCode(97 + i) }));
    const x = (t: number) => 2 * t; // px
    const got = clusterMarkers(ms, x, 10).map((c) => [c.x, c.items.map((m) => m.id).join('')]);
    // 0 px: a (0), b (8); then c at 18 px starts a cluster; d (20), e (21) join it; f (60); g (200).
    expect(got).toEqual([
      [0, 'ab'],
      [18, 'cde'],
      [60, 'f'],
      [200, 'g'],
    ]);
    expect(clusterMarkers([], x, 10)).toEqual([]);
  });
});

describe('trackEnd', () => {
  it('is at or above the time reached, in steps of TRACK_STEP, so it rarely changes', () => {
    expect(trackEnd(50, 100)).toBe(100);
    expect(trackEnd(100, 100)).toBe(100);
    expect(trackEnd(101, 100)).toBe(125);
    expect(trackEnd(125, 100)).toBe(125);
    let changes = 0;
    let prev = trackEnd(0, 100);
    for (let t = 0; t <= 60_000; t += 16) {
      const e = trackEnd(t, 100);
      expect(e).toBeGreaterThanOrEqual(t);
      expect(e).toBeLessThanOrEqual(Math.max(100, t * TRACK_STEP + 1));
      if (e !== prev) changes++;
      prev = e;
    }
    // A minute of playback redraws the track about 29 times, not 3,750.
    expect(changes).toBeLessThan(30);
  });
});

describe('the fault count', () => {
  it('leaves out schedule switches, which are marked but are not faults', () => {
    expect(faultCount([{ kind: 'schedule' }, { kind: 'drop' }, { kind: 'schedule' }])).toBe(1);
    expect(faultCount([{ kind: 'crash' }, { kind: 'partition' }, { kind: 'heal' }])).toBe(3);
    expect(faultCount([])).toBe(0);
  });
});
