/** The shrinker's pair, segment and trace-position passes on synthetic predicates, where what
 * the "bug" needs is known exactly and one-at-a-time removal (ddmin) is stuck. */
import { describe, expect, it } from 'vitest';
import type { Action, Scenario } from '../../scenario/types';
import { ddmin } from './ddmin';
import { dropSteps, excised, exciseSegments, lowerRates, pairsOf, removePairs } from './shrinkPasses';
import { simplify } from './shrinkSteps';

const base = (actions: Action[]): Scenario => ({
  format: 'faultline-scenario',
  version: 3,
  protocol: 'echo',
  nodes: ['n1', 'n2', 'n3'],
  seed: 1,
  params: { bugs: [] },
  network: { latency: [5, 25], drop: 0, duplicate: 0 },
  schedule: 'auto',
  actions,
  until: 2000,
});

/** A pass driver: `fails` is the synthetic bug; returns the final scenario and the candidates tried. */
function drive(start: Scenario, fails: (s: Scenario) => boolean, pass: (cur: () => Scenario, accept: (s: Scenario) => boolean) => void) {
  let cur = start;
  let tried = 0;
  pass(
    () => cur,
    (next) => {
      tried++;
      if (!fails(next)) return false;
      cur = next;
      return true;
    },
  );
  return { cur, tried };
}

const count = (s: Scenario, kind: string) => s.actions.filter((a) => a.do === kind).length;
const ping = (at: number): Action => ({ at, do: 'ping', node: 'n1', to: 'n2' });

describe('pairsOf', () => {
  it('pairs each fault with the first action that undoes it, then neighbours', () => {
    const acts: Action[] = [
      { at: 0, do: 'crash', node: 'n1' },
      { at: 5, do: 'pause', node: 'n2' },
      { at: 10, do: 'restart', node: 'n2' },
      { at: 20, do: 'restart', node: 'n1' },
      { at: 30, do: 'partition', groups: [['n1'], ['n2', 'n3']] },
      { at: 40, do: 'resume', node: 'n2' },
      { at: 50, do: 'heal' },
    ];
    const pairs = pairsOf(acts);
    expect(pairs.slice(0, 3)).toEqual([
      [0, 3],
      [1, 5],
      [4, 6],
    ]);
    // Then every neighbour pair once (none of the matched pairs are neighbours here).
    expect(pairs.slice(3)).toEqual([0, 1, 2, 3, 4, 5].map((i) => [i, i + 1]));
  });
});

describe('removePairs', () => {
  it('removes a crash with its restart when either alone loses the bug', () => {
    // The bug needs the ping and a node that is up at the end: a crash without its restart
    // leaves n2 down, a restart without its crash is a different run.
    const s = base([{ at: 100, do: 'crash', node: 'n2' }, ping(150), { at: 200, do: 'restart', node: 'n2' }, ping(300)]);
    const fails = (x: Scenario) => count(x, 'ping') >= 1 && count(x, 'crash') === count(x, 'restart');
    // ddmin alone keeps the crash and its restart only if removing one ping breaks it: here it
    // is 1-minimal for single removals with both in place.
    const one = ddmin(s.actions, (a) => fails({ ...s, actions: a.slice() }));
    expect(one.length).toBeGreaterThanOrEqual(1);
    const { cur } = drive({ ...s, actions: [s.actions[0]!, s.actions[2]!, s.actions[3]!] }, fails, removePairs);
    expect(cur.actions.map((a) => a.do)).toEqual(['ping']);
  });
});

describe('exciseSegments', () => {
  // The bug: a resume by 150 ms (the node starts paused), one resume more than pauses, and a
  // ping 210–230 ms after the latest resume. A pause/resume episode sits between the first
  // resume and the ping.
  const acts: Action[] = [
    { at: 100, do: 'resume', node: 'n1' },
    { at: 300, do: 'pause', node: 'n1' },
    { at: 500, do: 'resume', node: 'n1' },
    ping(720),
  ];
  const fails = (x: Scenario) => {
    const p = x.actions.find((a) => a.do === 'ping');
    if (!p || count(x, 'resume') !== count(x, 'pause') + 1 || !x.actions.some((a) => a.do === 'resume' && a.at <= 150)) return false;
    const r = x.actions.filter((a) => a.do === 'resume' && a.at <= p.at).pop();
    return r !== undefined && p.at - r.at >= 210 && p.at - r.at <= 230;
  };

  it('is needed: neither single nor pair removal lets the episode go', () => {
    expect(fails(base(acts))).toBe(true);
    expect(ddmin(acts, (a) => fails(base(a.slice())))).toHaveLength(4);
    expect(drive(base(acts), fails, removePairs).cur.actions).toHaveLength(4);
  });

  it('removes the episode and moves what follows earlier by its length, with an offset', () => {
    // The gap is 720 − 300 = 420: closed exactly, the ping lands at 300, 200 ms after the
    // first resume (outside 210–230); with the offset −20 (a shift of 400) it lands at 320.
    const { cur } = drive(base(acts), fails, (c, a) => exciseSegments(c, a, 1000));
    expect(cur.actions).toEqual([{ at: 100, do: 'resume', node: 'n1' }, ping(320)]);
    expect(cur.until).toBe(2000 - 400);
  });

  it('stops within its candidate budget', () => {
    const { cur, tried } = drive(base(acts), () => false, (c, a) => exciseSegments(c, a, 5));
    expect(tried).toBe(5);
    expect(cur.actions).toHaveLength(4);
  });

  it('drops the trace positions of the actions it moves, not of those before', () => {
    const s = base([{ ...acts[0]!, step: 3 }, acts[1]!, { ...acts[3]!, step: 40 }]);
    const out = excised(s, 1, 2, 100);
    expect(out.actions).toEqual([{ ...acts[0]!, step: 3 }, ping(620)]);
  });
});

describe('trace positions', () => {
  it('drops them one at a time when not all can go', () => {
    // The bug needs action 1's step; the others are noise.
    const s = base([{ ...ping(10), step: 4 }, { ...ping(20), step: 9 }, { ...ping(30), step: 12 }]);
    const fails = (x: Scenario) => x.actions[1]?.step === 9;
    const { cur } = drive(s, fails, simplify);
    expect(cur.actions.map((a) => a.step)).toEqual([undefined, 9, undefined]);
    expect(drive(s, fails, dropSteps).cur.actions.map((a) => a.step)).toEqual([undefined, 9, undefined]);
  });
});

describe('lowerRates', () => {
  it('zeroes a rate the bug does not need and halves one it does, down to the last that breaks', () => {
    const s = { ...base([ping(10)]), network: { latency: [5, 25] as [number, number], drop: 0.4, duplicate: 0.1 } };
    // The bug needs a loss rate of at least 5 %, and no duplication.
    const fails = (x: Scenario) => x.network.drop >= 0.05;
    const { cur, tried } = drive(s, fails, (c, a) => lowerRates(c, a));
    expect(cur.network).toMatchObject({ drop: 0.05, duplicate: 0 });
    // drop: 0 (no), 0.2, 0.1, 0.05, 0.025 (no, stop); duplicate: 0.
    expect(tried).toBe(6);
  });
});
