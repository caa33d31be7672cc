/**
 * Shares runs among the strategies by what they earn: new abstract states per run. Weights are
 * fixed for a whole batch (computed from the stats when it begins) and each run samples from
 * them with its own keyed generator, so the choice never depends on how workers interleave.
 */
import type { Rng } from '../../sim/rng';
import { STRATEGIES, type Strategy } from './types';

export class Bandit {
  private readonly runs = new Map<Strategy, number>();
  private readonly reward = new Map<Strategy, number>();

  record(s: Strategy, reward: number): void {
    this.runs.set(s, (this.runs.get(s) ?? 0) + 1);
    this.reward.set(s, (this.reward.get(s) ?? 0) + reward);
  }

  share(): Record<Strategy, number> {
    return Object.fromEntries(STRATEGIES.map((s) => [s, this.runs.get(s) ?? 0])) as Record<Strategy, number>;
  }

  /** UCB-style weights: mean reward plus an exploration bonus, with a floor so that every
   * available strategy keeps some share (the search never stops trying one). */
  weights(available: readonly Strategy[]): number[] {
    const total = available.reduce((t, s) => t + (this.runs.get(s) ?? 0), 0) + 1;
    return available.map((s) => {
      const n = this.runs.get(s) ?? 0;
      if (n === 0) return 2;
      const mean = (this.reward.get(s) ?? 0) / n;
      return mean + Math.sqrt((2 * Math.log(total)) / n) + 0.1;
    });
  }

  static pick(rng: Rng, available: readonly Strategy[], weights: readonly number[]): Strategy {
    const sum = weights.reduce((a, b) => a + b, 0);
    let x = rng.next() * sum;
    for (let i = 0; i < available.length; i++) {
      x -= weights[i]!;
      if (x < 0) return available[i]!;
    }
    return available[available.length - 1]!;
  }
}
