/** For simulation tests: busy clients on top of a random fault schedule. */
import type { Action, Scenario } from '../../scenario/types';
import { Rng } from '../../sim/rng';

/** Busy clients on top of a random fault schedule: a write or a read to a random server every
 * 10 to 40 ms, with unique values, so most schedules give the checker dozens of answered ops
 * racing the faults (the explorer alone sends a handful). */
export function withClients(s: Scenario): Scenario {
  const rng = Rng.fromSeed(s.seed ^ 0xc11e);
  const extra: Action[] = [];
  for (let at = rng.int(0, 40), n = 0; at < s.until; at += rng.int(10, 40), n++) {
    const node = rng.pick(s.nodes);
    extra.push(rng.chance(0.5) ? { at, do: 'request', node, command: `x=${n}` } : { at, do: 'read', node, key: 'x' });
  }
  const actions = [...s.actions, ...extra].map((a, i) => [a, i] as const).sort((a, b) => a[0].at - b[0].at || a[1] - b[1]).map(([a]) => a);
  return { ...s, actions };
}
