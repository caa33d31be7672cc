import { describe, expect, it } from 'vitest';
import { protocols } from '../protocols/registry';
import { runScenario } from '../sim/simulation';
import type { TraceEvent } from '../sim/types';
import { KERNEL_ACTIONS } from '../scenario/types';
import { createSession } from './session';
import { lookAhead } from './lookAhead';

// As the timeline's markers.ts: an action the kernel carries out, other than a manual pick.
const isFault = (ev: TraceEvent) => ev.action !== undefined && (KERNEL_ACTIONS as readonly string[]).includes(ev.kind);

describe('a scripted run’s future, found ahead (issue 17 item 4)', () => {
  const curated = [...protocols.values()].flatMap((m) => m.scenarios.map((s) => [`${m.id}:${s.name}`, s] as const));

  it.each(curated)('%s: just opened, the look-ahead names every fault and violation plain play records, and the run is untouched', (_, scenario) => {
    const store = createSession(scenario);
    const { sim } = store.getState();
    const head = sim.eventCount;
    const whole = runScenario(protocols.get(scenario.protocol)!, scenario);
    const ahead = lookAhead(sim, isFault);
    if (scenario.actions.every((a) => a.at <= sim.current.time) && sim.current.actionIndex >= scenario.actions.length) {
      expect(ahead).toBeNull();
      return;
    }
    expect(ahead).not.toBeNull();
    expect(ahead!.complete).toBe(true);
    expect(ahead!.time).toBe(scenario.until);
    expect(ahead!.faults.map((f) => [f.seq, f.time, f.kind])).toEqual(whole.events.filter(isFault).map((e) => [e.seq, e.time, e.kind]));
    expect(ahead!.violations.map((v) => [v.seq, v.invariant])).toEqual(whole.violations.map((v) => [v.seq, v.invariant]));
    expect(sim.eventCount).toBe(head);
    // Asked again for the same script: the answer is kept, not simulated again.
    expect(lookAhead(sim, isFault)).toBe(ahead);
  });

  it('free play has no scripted future; an action appended at the head is a new script', () => {
    const scenario = { ...protocols.get('raft')!.scenarios.find((s) => s.name === 'figure-8-bug')! };
    const store = createSession(scenario);
    const before = lookAhead(store.getState().sim, isFault)!;
    expect(before.violations.length).toBe(2);
    store.getState().act({ do: 'crash', node: 'n2' });
    const after = lookAhead(store.getState().sim, isFault)!;
    expect(after).not.toBe(before);
    expect(after.faults.length).toBe(before.faults.length + 1);
    const free = createSession({ ...scenario, actions: [], name: 'free-play' });
    expect(lookAhead(free.getState().sim, isFault)).toBeNull();
  });
});
