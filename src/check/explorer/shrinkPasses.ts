/**
 * Removal passes of the shrinker that ddmin's one-at-a-time 1-minimality misses, for every
 * protocol (they know kernel actions, never a protocol's commands):
 * - pairs: a fault and the action that undoes it (crash/restart, pause/resume, partition or cut
 *   and the next heal), and any two neighbours: either alone changes the run so much that the
 *   bug goes, both together leave a run like the one without the episode;
 * - segments with the gap closed: a run of consecutive actions goes and every later action moves
 *   earlier by the time the segment took, so what came after happens to the same state it
 *   met before the segment (a re-election, say) instead of long after it; a few small offsets
 *   of that shift are tried too, since the state is like, not equal;
 * - trace positions one at a time: a `step` ties an action to one event of the original run.
 * Each pass reads the current scenario through `cur` and offers candidates to `accept`, which
 * keeps one only if it still breaks the same invariant.
 */
import type { Action, Scenario } from '../../scenario/types';

export type Accept = (next: Scenario) => boolean;
export type Current = () => Scenario;

const nodeOf = (a: Action): string | undefined => ('node' in a && typeof a.node === 'string' ? a.node : undefined);

/** Whether `b` undoes `a` (the first such action after `a` is its partner). */
function undoes(a: Action, b: Action): boolean {
  if (a.do === 'crash') return b.do === 'restart' && nodeOf(b) === nodeOf(a);
  if (a.do === 'pause') return b.do === 'resume' && nodeOf(b) === nodeOf(a);
  if (a.do === 'partition' || a.do === 'cut') return b.do === 'heal';
  return false;
}

/** Index pairs to try removing together: each fault with its undoing action, then neighbours. */
export function pairsOf(actions: readonly Action[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < actions.length; i++) {
    for (let j = i + 1; j < actions.length; j++) {
      if (undoes(actions[i]!, actions[j]!)) {
        out.push([i, j]);
        break;
      }
    }
  }
  for (let i = 0; i + 1 < actions.length; i++) if (!out.some(([a, b]) => a === i && b === i + 1)) out.push([i, i + 1]);
  return out;
}

/** Removes pairs of actions, from the last pair, until none goes. */
export function removePairs(cur: Current, accept: Accept): void {
  for (let changed = true; changed; ) {
    changed = false;
    const s = cur();
    const pairs = pairsOf(s.actions).sort((x, y) => y[0] - x[0] || y[1] - x[1]);
    for (const [i, j] of pairs) {
      if (accept({ ...s, actions: s.actions.filter((_, k) => k !== i && k !== j) })) {
        changed = true;
        break;
      }
    }
  }
}

/** The scenario without actions [i, j), every later action `shift` ms earlier (and its trace
 * position dropped: it named an event of the run with the segment). */
export function excised(s: Scenario, i: number, j: number, shift: number): Scenario {
  const moved = (a: Action): Action => {
    const { step: _s, ...rest } = a;
    return { ...rest, at: Math.max(0, a.at - shift) } as Action;
  };
  const actions = [...s.actions.slice(0, i), ...s.actions.slice(j).map(shift > 0 ? moved : (a) => a)];
  return { ...s, actions, until: Math.max(1, s.until - shift) };
}

/** Offsets tried around the gap's length: the run after the segment meets a like state, not the
 * same one, so its timing is a little off. */
export const EXCISE_OFFSETS: readonly number[] = [0, 20, -20, 40, -40];

/**
 * Removes segments of consecutive actions with the gap closed, longest first. Runs at most
 * `budget` candidates (so a long counterexample cannot spend the shrinker's whole budget here).
 */
export function exciseSegments(cur: Current, accept: Accept, budget: number, offsets: readonly number[] = EXCISE_OFFSETS): void {
  let tried = 0;
  let s = cur();
  for (let len = s.actions.length - 1; len >= 1; len--) {
    for (let i = 0; i + len <= s.actions.length; i++) {
      const j = i + len;
      // The gap: from the segment's first action to the first action after it.
      const gap = j < s.actions.length ? s.actions[j]!.at - s.actions[i]!.at : 0;
      if (gap <= 0) continue; // A plain removal: ddmin and the pairs tried it.
      const start = i === 0 ? 0 : s.actions[i - 1]!.at;
      for (const off of offsets) {
        const shift = gap + off;
        // After the shift the first later action must not come before the action before i.
        if (shift <= 0 || s.actions[j]!.at - shift < start) continue;
        if (tried++ >= budget) return;
        if (accept(excised(s, i, j, shift))) {
          s = cur();
          len = Math.min(len, s.actions.length);
          i = -1;
          break;
        }
      }
    }
  }
}

/** Drops each action's trace position, one at a time, from the last. */
export function dropSteps(cur: Current, accept: Accept): void {
  for (let i = cur().actions.length - 1; i >= 0; i--) {
    const s = cur();
    const a = s.actions[i];
    if (a?.step === undefined) continue;
    const { step: _s, ...rest } = a;
    accept({ ...s, actions: s.actions.map((b, k) => (k === i ? (rest as Action) : b)) });
  }
}

/**
 * Lower random loss and duplication rates: each is tried at zero, then halved while the bug
 * survives (`tries` candidates per rate at most, zero included). Both scenario versions 2 and 3 lose a message when its own draw
 * falls under the rate, so a lower rate keeps a subset of the losses (until the first message
 * it spares changes what follows): the counterexample keeps fewer hidden faults.
 */
export function lowerRates(cur: Current, accept: Accept, tries = 5): void {
  for (const k of ['drop', 'duplicate'] as const) {
    for (let t = 0; t < tries; t++) {
      const s = cur();
      const rate = s.network[k];
      if (rate <= 0) break;
      if (!accept({ ...s, network: { ...s.network, [k]: t === 0 ? 0 : Math.round((rate / 2) * 1000) / 1000 } }) && t > 0) break;
    }
  }
}
