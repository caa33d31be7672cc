/**
 * Random fault schedules: a seeded generator of scenarios with crashes, restarts, partitions,
 * one-way cuts, pauses, skew, forced timeouts, client commands, and link drop/duplicate rates.
 * The same seed always gives the same scenario, so a failure is replayable from its seed alone.
 */
import type { ProtocolModule } from '../protocols/types';
import type { Action, Scenario } from '../scenario/types';
import { Rng } from '../sim/rng';

export interface ExploreOptions {
  nodes?: number;
  /** Simulated ms. */
  until?: number;
  /** Mean gap between faults, in ms. */
  faultEvery?: number;
  /** Include restarts that lose the disk (they break persistence invariants on purpose). */
  loseDisk?: boolean;
  /** Include pause/resume and clock skew. */
  pauses?: boolean;
  bugs?: string[];
  drop?: number;
  duplicate?: number;
}

export function randomScenario(module: ProtocolModule, seed: number, opts: ExploreOptions = {}): Scenario {
  const rng = Rng.fromSeed(seed ^ 0x5eed);
  const n = opts.nodes ?? rng.int(module.minNodes, Math.min(module.maxNodes, 7));
  const nodes = Array.from({ length: n }, (_, i) => `n${i + 1}`);
  const until = opts.until ?? 3000;
  const every = opts.faultEvery ?? 150;
  const down = new Set<string>();
  const paused = new Set<string>();
  const actions: Action[] = [];
  const commands = module.commands;

  for (let at = rng.int(0, every); at < until; at += rng.int(Math.ceil(every / 2), every * 2)) {
    const node = rng.pick(nodes);
    const roll = rng.int(0, 99);
    if (roll < 14) {
      if (down.has(node)) {
        down.delete(node);
        actions.push({ at, do: 'restart', node, ...(opts.loseDisk && rng.chance(0.3) ? { loseDisk: true } : {}) });
      } else if (down.size < n - 1) {
        down.add(node);
        paused.delete(node);
        actions.push({ at, do: 'crash', node });
      }
    } else if (roll < 26) {
      const shuffled = nodes.map((x) => [rng.next(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
      const cut = rng.int(1, n - 1);
      actions.push({ at, do: 'partition', groups: [shuffled.slice(0, cut), shuffled.slice(cut)] });
    } else if (roll < 34) {
      actions.push({ at, do: 'heal' });
    } else if (roll < 40) {
      const to = rng.pick(nodes.filter((x) => x !== node));
      actions.push({ at, do: 'cut', from: node, to });
    } else if (roll < 48 && opts.pauses !== false) {
      if (paused.has(node)) {
        paused.delete(node);
        actions.push({ at, do: 'resume', node });
      } else if (!down.has(node)) {
        paused.add(node);
        actions.push({ at, do: 'pause', node });
      }
    } else if (roll < 52 && opts.pauses !== false) {
      actions.push({ at, do: 'skew', node, rate: rng.pick([0.5, 0.8, 1, 1.5, 2]) });
    } else if (roll < 64) {
      actions.push({ at, do: 'timeout', node });
    } else if (commands.length > 0) {
      const spec = rng.pick(commands);
      const fields = Object.fromEntries(
        spec.fields.map((f) => [f.name, f.sample ? rng.pick(f.sample) : f.kind === 'string' ? `${String(f.default).split('=')[0]}=${rng.int(0, 999)}` : f.default]),
      );
      actions.push({ at, do: spec.id, node, ...fields });
    }
  }
  return {
    format: 'faultline-scenario',
    version: 2,
    protocol: module.id,
    name: `explore-${seed}`,
    nodes,
    seed,
    params: { bugs: opts.bugs ?? [] },
    network: { latency: [rng.int(1, 10), rng.int(10, 40)], drop: opts.drop ?? rng.pick([0, 0, 0.05, 0.2]), duplicate: opts.duplicate ?? rng.pick([0, 0, 0.05, 0.2]) },
    schedule: 'auto',
    actions,
    until,
  };
}
