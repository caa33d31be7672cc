/**
 * The kernel skips observe() while a node's context holds the same top-level values as the
 * last one it observed (sim/worldIO.ts refreshView). That is sound only if no protocol mutates
 * a context, or anything reachable from it, in place: a `ctx.log.push(...)` would change the
 * state without changing any top-level reference, and the view, the trace and the invariants
 * would miss it. Here every context is deep-frozen as soon as the kernel observes it, and
 * every protocol runs its curated scenarios and random fault schedules: an in-place write
 * throws (ES modules are strict), and the frozen run's trace must equal the plain one.
 */
import { types } from 'node:util';
import { describe, expect, it } from 'vitest';
import { protocols } from './registry';
import type { ProtocolModule } from './types';
import { runScenario } from '../sim/simulation';
import { randomScenario } from '../check/explore';
import type { Scenario } from '../scenario/types';

const RANDOM_SEEDS = Number(process.env.FAULTLINE_FREEZE_SEEDS ?? 6);

function deepFreeze(value: unknown, seen: Set<object>): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  // The persistent maps (sim/pmap.ts) are proxies over shared structure, immutable by
  // construction; freezing one is refused by its traps.
  if (types.isProxy(value)) return;
  // Maps and Sets cannot be frozen by Object.freeze (their entries stay writable); walk their
  // contents so at least what they hold is frozen.
  if (value instanceof Map) {
    for (const [k, v] of value) {
      deepFreeze(k, seen);
      deepFreeze(v, seen);
    }
  }
  else if (value instanceof Set) for (const v of value) deepFreeze(v, seen);
  for (const v of Object.values(value)) deepFreeze(v, seen);
  Object.freeze(value);
}

function freezing(module: ProtocolModule): ProtocolModule {
  return {
    ...module,
    observe: (snapshot) => {
      deepFreeze((snapshot as { context?: unknown }).context, new Set());
      return module.observe(snapshot);
    },
  };
}

function trace(module: ProtocolModule, scenario: Scenario): string {
  const sim = runScenario(module, scenario);
  return JSON.stringify({ events: sim.events.map((e) => [e.time, e.kind, e.node, e.state]), violations: sim.violations });
}

describe('no protocol mutates its context in place', () => {
  for (const module of protocols.values()) {
    it(`${module.id}: curated and random runs are unchanged with every observed context frozen`, () => {
      const runs = [
        ...module.scenarios,
        // Odd seeds on scenario version 3 (causal draw keys, the explorer's), even ones on 2.
        ...Array.from({ length: RANDOM_SEEDS }, (_, i) => ({ ...randomScenario(module, 7000 + i, { until: 1500 }), ...(i % 2 ? { version: 3 as const } : {}) })),
      ];
      expect(runs.length).toBeGreaterThan(RANDOM_SEEDS);
      for (const scenario of runs) {
        const plain = trace(module, scenario);
        let frozen: string;
        try {
          frozen = trace(freezing(module), scenario);
        } catch (err) {
          throw new Error(`${module.id} ${scenario.name ?? `seed ${scenario.seed}`}: a context was written in place (${String(err)})`, { cause: err });
        }
        expect(frozen, `${module.id} ${scenario.name ?? scenario.seed}`).toBe(plain);
      }
    });
  }
});
