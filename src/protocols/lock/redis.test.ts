/** The Redis-style client answers a release only when the server has deleted its key. */
import { describe, expect, it } from 'vitest';
import { runScenario, type Simulation } from '../../sim/simulation';
import type { Action } from '../../scenario/types';
import { lock } from '.';
import { redisPause } from './scenarios';

const run = (actions: Action[]) => runScenario(lock, { ...redisPause, name: 'review', actions, until: 700 });

/** c1's releases as [time answered, outcome]; unanswered ones are absent. */
function releaseAnswers(sim: Simulation): [number, string][] {
  const ops = new Set<string>();
  const out: [number, string][] = [];
  for (const e of sim.events.filter((x) => x.node === 'c1'))
    for (const o of (e.output ?? []) as { kind: string; op: string; f?: string }[]) {
      if (o.kind === 'invoke' && o.f === 'release') ops.add(o.op);
      else if (ops.has(o.op)) out.push([e.time, o.kind]);
    }
  return out;
}

describe('Redis-mode release', () => {
  const script: Action[] = [{ at: 300, do: 'acquire', node: 'c1', lock: 'L' }, { at: 400, do: 'release', node: 'c1', lock: 'L' }];

  it('is answered when the DelReply arrives, once, even if the network duplicates it', () => {
    const sim = runScenario(lock, { ...redisPause, name: 'review', network: { latency: [10, 10], drop: 0, duplicate: 1 }, actions: script, until: 700 });
    expect(sim.events.filter((e) => e.kind === 'deliver' && e.message?.type === 'DelReply').length).toBeGreaterThan(1);
    expect(releaseAnswers(sim)).toEqual([[420, 'ok']]);
  });

  it('is not answered when the Del is lost: the key is left to its TTL', () => {
    const sim = run([...script.slice(0, 1), { at: 399, do: 'cut', from: 'c1', to: 'redis' }, script[1]!]);
    expect(releaseAnswers(sim)).toEqual([]);
    // c1 stopped believing it holds L when it sent the Del.
    expect((sim.current.views.get('c1')!.state as { believes: object }).believes).toEqual({});
  });
});
