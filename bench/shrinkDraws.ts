/**
 * How much one removed client operation re-draws (issue 12, "removing one action must not
 * reshuffle every later random draw"). For explorer-style runs of each protocol (uniform
 * faults and commands, 2 % loss and duplication), remove one client operation at a time and
 * compare the run with the full one:
 *  - re-drawn: of the later messages both runs send (same from, to, type and send time), the
 *    share whose network draw differs (latency, loss, duplication);
 *  - unchanged: the share of the later messages of the shorter run that the full run sent
 *    identically, draws included (what a shrinker keeps when it removes the operation).
 * Scenario versions 2 (per-link counts) and 3 (causal keys) side by side.
 * `npx tsx bench/shrinkDraws.ts [protocols] [seeds]`, e.g. `raft,zab 6`.
 */
import { protocols } from '../src/protocols/registry';
import { baseScenario, faultActions, uniformPlan } from '../src/check/explorer/generate';
import { Rng } from '../src/sim/rng';
import { Simulation } from '../src/sim/simulation';
import { isKernelAction, type Scenario, type ScenarioVersion } from '../src/scenario/types';
import { ScenarioRuntimeError } from '../src/sim/world';
import type { ProtocolModule } from '../src/protocols/types';

const ids = (process.argv[2] ?? 'raft,zab,multipaxos,lock').split(',');
const seeds = Number(process.argv[3] ?? 5);
/** Operations removed per run, spread over the run. */
const PER_RUN = 6;

/** Each message sent after `after`, as "where and when" → "what the network drew". */
function draws(module: ProtocolModule, s: Scenario, after: number): Map<string, string> | null {
  let sim: Simulation;
  try {
    sim = new Simulation(module, s, { checkpointEvery: 0, invariants: false }).run();
  } catch (e) {
    if (e instanceof ScenarioRuntimeError) return null;
    throw e;
  }
  const lost = new Set<number>();
  const copied = new Set<number>();
  for (const e of sim.events) {
    if (e.kind === 'lost' && e.reason === 'dropped') lost.add(e.message!.id);
    for (const m of e.sent ?? []) if (m.duplicateOf !== undefined) copied.add(m.duplicateOf);
  }
  const out = new Map<string, string>();
  for (const e of sim.events) {
    for (const m of e.sent ?? []) {
      if (m.duplicateOf !== undefined || m.sentAt <= after) continue;
      let where = `${m.from}>${m.to}:${m.type}@${m.sentAt}`;
      for (let k = 2; out.has(where); k++) where = `${m.from}>${m.to}:${m.type}@${m.sentAt}#${k}`;
      out.set(where, `${m.arriveAt - m.sentAt}${lost.has(m.id) ? 'L' : ''}${copied.has(m.id) ? 'D' : ''}`);
    }
  }
  return out;
}

const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)} %`);

for (const id of ids) {
  const module = protocols.get(id);
  if (!module) throw new Error(`no protocol ${id}`);
  for (const version of [2, 3] as ScenarioVersion[]) {
    let matched = 0;
    let redrawn = 0;
    let later = 0;
    let same = 0;
    let removals = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const rng = Rng.fromSeed(seed);
      const nodes = module.explore?.nodes?.[0] ?? Math.max(module.minNodes, 3);
      const plan = uniformPlan(rng);
      const base = baseScenario(module, nodes, seed, [], plan, 4000);
      const s: Scenario = { ...base, version, actions: faultActions(module, base, plan, rng, 0) };
      const ops = s.actions.map((a, i) => [a, i] as const).filter(([a]) => !isKernelAction(a));
      for (let j = 0; j < PER_RUN && ops.length > 0; j++) {
        const [op, i] = ops[Math.floor(((j + 0.5) * ops.length) / PER_RUN)]!;
        const full = draws(module, s, op.at);
        const less = draws(module, { ...s, actions: s.actions.filter((_, k) => k !== i) }, op.at);
        if (!full || !less) continue;
        removals++;
        for (const [where, drawn] of less) {
          later++;
          const was = full.get(where);
          if (was === undefined) continue;
          matched++;
          if (was !== drawn) redrawn++;
          else same++;
        }
      }
    }
    console.log(`${id.padEnd(11)} v${version}  ${String(removals).padStart(3)} removals  re-drawn ${pct(redrawn, matched).padStart(7)} of ${String(matched).padStart(6)} matched later messages   unchanged ${pct(same, later).padStart(7)} of ${later}`);
  }
}
