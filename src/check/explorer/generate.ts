/**
 * Fault schedules for the explorer's strategies. Every fault heals (a crash restarts, a
 * partition heals, a pause resumes), as Jepsen's flip-flop nemeses do: fault storms that
 * never heal stop all progress and mask the bugs that need progress between faults.
 */
import type { ProtocolModule } from '../../protocols/types';
import type { Action, Scenario } from '../../scenario/types';
import { SCENARIO_VERSION } from '../../scenario/types';
import { Rng } from '../../sim/rng';
import { FAULT_KINDS, type FaultKind, type Triggers } from './types';

export interface FaultPlan {
  kinds: ReadonlySet<FaultKind>;
  /** Mean gap between faults, ms. */
  every: number;
  /** Mean gap between client commands, ms. */
  commandEvery: number;
  drop: number;
  duplicate: number;
  latency: [number, number];
  /** How long a fault lasts before it heals, ms. */
  lasts: [number, number];
  /** Spread factor for range parameters (election timeouts): 1 keeps the default. */
  spread: number;
  /** Seed of the draws among parameters' `sample` values (swarm only; absent: defaults). */
  configure?: number;
}

export const UNIFORM: Omit<FaultPlan, 'latency'> = {
  kinds: new Set(FAULT_KINDS.filter((k) => k !== 'drop' && k !== 'duplicate')),
  every: 300,
  commandEvery: 250,
  drop: 0.02,
  duplicate: 0.02,
  lasts: [100, 1500],
  spread: 1,
};

/** Swarm testing: each run draws which fault kinds exist and its own rates and timing. */
export function swarmPlan(rng: Rng): FaultPlan {
  const kinds = new Set(FAULT_KINDS.filter(() => rng.chance(0.5)));
  const logUniform = (lo: number, hi: number) => Math.round(lo * Math.pow(hi / lo, rng.next()));
  const lo = rng.int(1, 15);
  return {
    kinds,
    every: logUniform(80, 1500),
    commandEvery: logUniform(40, 800),
    drop: kinds.has('drop') ? rng.pick([0.01, 0.05, 0.15, 0.3]) : 0,
    duplicate: kinds.has('duplicate') ? rng.pick([0.01, 0.05, 0.2]) : 0,
    latency: [lo, lo + rng.int(0, 40)],
    lasts: [rng.int(20, 300), rng.int(300, 3000)],
    spread: rng.pick([1, 1, 0.5, 0.2, 0.05]),
    configure: rng.nextUint32(),
  };
}

export function uniformPlan(rng: Rng): FaultPlan {
  return { ...UNIFORM, latency: [rng.int(5, 10), rng.int(20, 30)] };
}

export function nodeIds(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `n${i + 1}`);
}

/** Range parameters ([min, max] of numbers) narrowed towards their minimum by `spread`, and
 * parameters that list `sample` values drawn among them. */
function swarmParams(module: ProtocolModule, plan: FaultPlan): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rng = plan.configure === undefined ? undefined : Rng.fromSeed(plan.configure);
  for (const p of module.params) {
    const d = p.default;
    if (rng && p.sample && p.sample.length > 0) {
      const v = rng.pick(p.sample);
      if (p.check(v) === null) out[p.name] = v;
    } else if (plan.spread < 1 && Array.isArray(d) && d.length === 2 && typeof d[0] === 'number' && typeof d[1] === 'number' && d[1] > d[0]) {
      const narrowed = [d[0], d[0] + Math.max(1, Math.round((d[1] - d[0]) * plan.spread))];
      if (p.check(narrowed) === null) out[p.name] = narrowed;
    }
  }
  return out;
}

export function baseScenario(module: ProtocolModule, n: number, seed: number, bugs: string[], plan: FaultPlan, until: number): Scenario {
  return {
    format: 'faultline-scenario',
    version: SCENARIO_VERSION,
    protocol: module.id,
    name: 'explorer',
    nodes: nodeIds(n),
    seed,
    params: { bugs: [...bugs], ...swarmParams(module, plan) },
    network: { latency: plan.latency, drop: plan.drop, duplicate: plan.duplicate },
    schedule: 'auto',
    actions: [],
    until,
  };
}

/** Random faults and client commands in (from, until], each fault with its heal. */
export function faultActions(module: ProtocolModule, s: Scenario, plan: FaultPlan, rng: Rng, from: number): Action[] {
  const out: Action[] = [];
  const nodes = s.nodes;
  const roles = module.roles({ nodes, params: s.params });
  const kinds = [...plan.kinds].filter((k) => k !== 'drop' && k !== 'duplicate');
  const gap = (mean: number) => rng.int(1, Math.max(2, mean * 2));
  const lasting = () => rng.int(plan.lasts[0], plan.lasts[1]);
  if (kinds.length > 0) {
    for (let at = from + gap(plan.every); at < s.until; at += gap(plan.every)) {
      const node = rng.pick(nodes);
      const end = at + lasting();
      switch (rng.pick(kinds)) {
        case 'crash':
          out.push({ at, do: 'crash', node }, { at: end, do: 'restart', node });
          break;
        case 'partition': {
          const shuffled = nodes.map((x) => [rng.next(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
          const cut = rng.int(1, Math.max(1, Math.floor(nodes.length / 2)));
          out.push({ at, do: 'partition', groups: [shuffled.slice(0, cut), shuffled.slice(cut)] }, { at: end, do: 'heal' });
          break;
        }
        case 'cut':
          out.push({ at, do: 'cut', from: node, to: rng.pick(nodes.filter((x) => x !== node)) }, { at: end, do: 'heal' });
          break;
        case 'pause':
          out.push({ at, do: 'pause', node }, { at: end, do: 'resume', node });
          break;
        case 'skew':
          out.push({ at, do: 'skew', node, rate: rng.pick([0.5, 0.8, 1.5, 2]) }, { at: end, do: 'skew', node, rate: 1 });
          break;
        case 'timeout':
          out.push({ at, do: 'timeout', node });
          break;
      }
    }
  }
  const commands = module.commands.filter((c) => nodes.some((n) => !c.roles || c.roles.includes(roles[n]!)));
  if (commands.length > 0) {
    for (let at = from + gap(plan.commandEvery); at < s.until; at += gap(plan.commandEvery)) {
      const spec = rng.pick(commands);
      const node = rng.pick(nodes.filter((n) => !spec.roles || spec.roles.includes(roles[n]!)));
      const fields = Object.fromEntries(
        spec.fields.map((f) => [f.name, f.sample ? rng.pick(f.sample) : f.kind === 'string' && String(f.default).includes('=') ? `${String(f.default).split('=')[0]}=${rng.int(0, 99)}` : f.default]),
      );
      out.push({ at, do: spec.id, node, ...fields } as Action);
    }
  }
  const admit = module.explore?.admit;
  const kept = admit ? out.flatMap((a) => admit(a, { nodes, params: s.params }) ?? []) : out;
  return kept.sort((a, b) => a.at - b.at);
}

export function triggers(rng: Rng): Triggers {
  // PCT-style: a small depth, biased to the smallest.
  const budget = rng.pick([1, 1, 2, 2, 3, 4, 6]);
  return {
    budget,
    rate: rng.pick([0.02, 0.05, 0.15, 0.4]),
    active: rng.pick([0.25, 0.5, 0.75]),
    downFor: [rng.int(20, 100), rng.int(100, 300)],
    longFor: [rng.int(300, 800), rng.int(800, 2500)],
  };
}
