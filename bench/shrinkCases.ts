/**
 * The shrinker alone, on fixed counterexamples (issue 12's "at most 12 actions"): finds each
 * switch's first counterexample for explorer seeds 1..EXPLORER_SEEDS (cached as JSON in
 * SHRINK_CACHE, default /tmp/faultline-shrink-cases.json, so that shrinker changes are compared
 * on the same inputs), then shrinks each and prints actions before and after, shrink runs and
 * seconds. EXPLORER_ONLY as in bench/explorer.ts (`zab:epoch-before-log,…`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { protocols } from '../src/protocols/registry';
import { Search, localExecutor } from '../src/check/explorer/search';
import { FULL, LEAN, breaksAt, shrink } from '../src/check/explorer/shrink';
import type { Scenario } from '../src/scenario/types';

const seeds = Number(process.env.EXPLORER_SEEDS ?? 5);
const only = (process.env.EXPLORER_ONLY ?? 'zab').split(',');
const cacheFile = process.env.SHRINK_CACHE ?? '/tmp/faultline-shrink-cases.json';
const maxRuns = Number(process.env.EXPLORER_RUNS ?? 3000);
/** SHRINK_SEEDS: only these explorer seeds (comma-separated), e.g. the slow shrinks. */
const seedList = process.env.SHRINK_SEEDS?.split(',').map(Number);
type Case = { protocol: string; bug: string; seed: number; run: number; invariant: string; original: Scenario };
const cache: Record<string, Case | null> = existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : {};

async function find(protocol: string, bug: string, seed: number): Promise<Case | null> {
  const key = `${protocol}:${bug}:${seed}`;
  if (key in cache) return cache[key]!;
  const module = protocols.get(protocol)!;
  const search = new Search(module, { protocol, bugs: [bug], seed });
  const exec = localExecutor(module);
  let c: Case | null = null;
  for (;;) {
    const hit = await search.step(exec);
    if (hit) {
      c = { protocol, bug, seed, run: hit.index, invariant: hit.violation.invariant, original: hit.violation.scenario };
      break;
    }
    if (search.progress().runs >= maxRuns) break;
  }
  cache[key] = c;
  writeFileSync(cacheFile, JSON.stringify(cache));
  return c;
}

const want = (p: string, b: string) => only.some((o) => o === p || o === `${p}:${b}`);
let total = 0;
for (const module of protocols.values()) {
  for (const bug of module.bugs) {
    if (!want(module.id, bug.id)) continue;
    const sizes: string[] = [];
    for (let seed = 1; seed <= seeds; seed++) {
      if (seedList && !seedList.includes(seed)) continue;
      const c = await find(module.id, bug.id, seed);
      if (!c) {
        sizes.push('–');
        continue;
      }
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      // Runs and actions each step took (summed over the rounds of steps 2–4).
      const per = new Map<string, { runs: number; gone: number }>();
      let last: { step: string; runs: number; actions: number } | undefined;
      const r = shrink(module, c.original, c.invariant, {
        // SHRINK_FULL=1: session 5's shrinker (no memory, every round in full), to compare.
        memo: !process.env.SHRINK_FULL,
        schedule: process.env.SHRINK_FULL ? FULL : LEAN,
        onStep: (step, sc, runs) => {
          if (last) {
            const p = per.get(last.step) ?? { runs: 0, gone: 0 };
            per.set(last.step, { runs: p.runs + runs - last.runs, gone: p.gone + last.actions - sc.actions.length });
          }
          last = { step, runs, actions: sc.actions.length };
        },
      });
      const s = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const cpuS = (cpu.user + cpu.system) / 1e6;
      total += s;
      const ok = r.confirmed && breaksAt(module, r.scenario, c.invariant) >= 0;
      sizes.push(`${r.scenario.actions.length}`);
      console.log(`${module.id}:${bug.id} seed ${seed}: ${c.original.actions.length} → ${r.scenario.actions.length} actions, ${r.scenario.nodes.length} nodes, ${r.runs} runs (${r.hits} from memory), until ${r.scenario.until}, ${s.toFixed(1)} s (${cpuS.toFixed(1)} CPU s)${ok ? '' : ' NOT CONFIRMED'}`);
      console.log(`  ${[...per].map(([k, v]) => `${k} ${v.runs} runs −${v.gone}`).join(', ')}`);
      console.log(`  passes (runs/memory hits/kept): ${[...r.perPass].map(([k, v]) => `${k} ${v.runs}/${v.hits}/${v.kept}`).join(', ')}`);
      if (process.env.SHRINK_SHOW) console.log(JSON.stringify({ ...r.scenario, actions: undefined }), '\n  ' + r.scenario.actions.map((a) => JSON.stringify(a)).join('\n  '));
      if (process.env.SHRINK_SAVE) writeFileSync(`${process.env.SHRINK_SAVE}/${module.id}-${bug.id}-${seed}.json`, JSON.stringify(r.scenario, null, 1));
    }
    console.log(`${module.id}:${bug.id}: ${sizes.join(', ')}`);
  }
}
console.log(`shrink time total ${total.toFixed(1)} s`);
