/** A client's session lease from its very first request: regressions found in review. */
import { describe, expect, it } from 'vitest';
import { runScenario, type Simulation } from '../../sim/simulation';
import type { Action, Scenario } from '../../scenario/types';
import { lock } from '.';
import { happy } from './scenarios';
import type { ClientObservable } from './observe';

/** The curated scripts' cluster and network (every link 10 ms), with other actions. */
const scenario = (actions: Action[], until: number): Scenario => ({ ...happy, name: 'review', actions, until });
const sessionAt = (sim: Simulation, id: string, time: number) => (sim.events.filter((e) => e.node === id && e.state && e.time <= time).at(-1)?.state as ClientObservable | undefined)?.session;
const firstHeld = (sim: Simulation, id: string) => sim.events.find((e) => e.node === id && Object.keys((e.state as ClientObservable | undefined)?.held ?? {}).length > 0);

describe('the lease of a new session', () => {
  it('runs from the CreateSession the master answered, not from the first KeepAlive', () => {
    // m1 creates c1's session at 160 ms (the master's lease runs from there) and answers at
    // 190 ms, but c1 is paused until 900 ms. Its first KeepAlive is cut, its Acquire gets
    // through, then every later KeepAlive is cut. m1 expires the session at 1160 ms and,
    // after the lock-delay, grants L to c2. A lease started at the first KeepAlive (900 ms)
    // would last to 1809 ms, past c2's grant: both would believe they hold L.
    const sim = runScenario(
      lock,
      scenario(
        [
          { at: 185, do: 'pause', node: 'c1' },
          { at: 899, do: 'cut', from: 'c1', to: 'm1' },
          { at: 900, do: 'resume', node: 'c1' },
          { at: 915, do: 'heal' },
          { at: 920, do: 'acquire', node: 'c1', lock: 'L' },
          { at: 1000, do: 'cut', from: 'c1', to: 'm1' },
          { at: 1000, do: 'acquire', node: 'c2', lock: 'L' },
        ],
        2200,
      ),
    );
    expect(sim.violations).toEqual([]);
    // The story happened: c1 held L, then c2 did, and c1 had stopped believing by then.
    expect(firstHeld(sim, 'c1')?.time).toBe(960);
    const c2 = firstHeld(sim, 'c2')!;
    expect((c2.state as ClientObservable).held).toEqual({ L: 2 });
    expect(sessionAt(sim, 'c1', c2.time)).toBe('jeopardy');
  });
});
