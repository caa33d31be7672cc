/**
 * Shrinking steps 3 and 4 (simpler actions, earlier times), each a pass over the current
 * scenario that offers candidates to `accept` (kept only if the same invariant still breaks).
 */
import type { Action, Scenario } from '../../scenario/types';
import { dropSteps, type Accept, type Current } from './shrinkPasses';

/** A partition becomes a one-way cut, a drop a delay, restarts keep their disk, crashes keep
 * their outbox, and actions lose their trace positions (all at once, else one at a time). */
export function simplify(cur: Current, accept: Accept): void {
  for (let i = 0; i < cur().actions.length; i++) {
    const s = cur();
    const a = s.actions[i]!;
    const put = (b: Action) => accept({ ...s, actions: [...s.actions.slice(0, i), b, ...s.actions.slice(i + 1)] });
    if (a.do === 'partition') {
      const [g1, g2] = (a as { groups: string[][] }).groups;
      if (g1 && g2 && g1.length === 1 && g2.length === 1) {
        if (!put({ at: a.at, do: 'cut', from: g1[0]!, to: g2[0]! })) put({ at: a.at, do: 'cut', from: g2[0]!, to: g1[0]! });
      }
    } else if (a.do === 'drop') put({ ...a, do: 'delay', by: Math.max(100, s.until - a.at) } as Action);
    else if (a.do === 'restart' && (a as { loseDisk?: boolean }).loseDisk) put({ at: a.at, do: 'restart', node: (a as { node: string }).node });
    else if (a.do === 'crash' && a.loseOutbox) {
      // A plain crash: what the node sent still arrives.
      const { loseOutbox: _l, ...plain } = a;
      put(plain as Action);
    }
  }
  const s = cur();
  if (s.actions.some((a) => a.step !== undefined) && !accept({ ...s, actions: s.actions.map(({ step: _s, ...rest }) => rest as Action) })) dropSteps(cur, accept);
}

/** The run ends at the violation (`end`: its time); each action moves to the earliest round
 * time (after the action before it) that still breaks the invariant. */
export function earlier(cur: Current, accept: Accept, breaksAt: (s: Scenario) => number): void {
  const cut = () => {
    const end = breaksAt(cur());
    if (end >= 0 && end + 1 < cur().until) accept({ ...cur(), until: end + 1 });
  };
  cut();
  const moved = (i: number, t: number) => accept({ ...cur(), actions: cur().actions.map((b, j) => (j === i ? ({ ...b, at: t } as Action) : b)) });
  for (let i = 0; i < cur().actions.length; i++) {
    // Binary search on a 10 ms grid for the earliest time, after the action before, that
    // still breaks it (not every earlier time need work: the search is a heuristic).
    const acts = cur().actions;
    let lo = i === 0 ? 0 : acts[i - 1]!.at;
    let hi = acts[i]!.at;
    if (hi <= lo || moved(i, lo)) continue;
    while (hi - lo > 10) {
      const mid = Math.ceil((lo + hi) / 2 / 10) * 10;
      if (mid >= hi) break;
      if (moved(i, mid)) hi = mid;
      else lo = mid;
    }
  }
  cut();
}
