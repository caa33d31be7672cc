/**
 * Hashes the traces of many runs so that a hot-path change can be shown not to move any trace:
 * every curated scenario of every protocol, and random scenarios (half with a bug switch on)
 * under scenario versions 1, 2 and 3, and the speed bench's two long Raft runs (100k events). Prints one hash per protocol and one over all; with a
 * file argument, writes one line per run (`diff` two such files to find the first run that moved).
 *
 *   npx tsx bench/traceHash.ts [seedsPerVersion=34] [out.txt]
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { protocols } from '../src/protocols/registry';
import { randomScenario } from '../src/check/explore';
import { Simulation, runScenario } from '../src/sim/simulation';
import type { Scenario } from '../src/scenario/types';

const seeds = Number(process.argv[2] ?? 34);
const out = process.argv[3];
const lines: string[] = [];
const all = createHash('sha256');
let runs = 0;
let events = 0;

function hashRun(label: string, scenario: Scenario): string {
  const sim = runScenario(protocols.get(scenario.protocol)!, scenario, { checkpointEvery: 0 });
  const h = createHash('sha256').update(JSON.stringify(sim.trace())).digest('hex').slice(0, 16);
  lines.push(`${label} ${sim.eventCount} ${h}`);
  runs++;
  events += sim.eventCount;
  return h;
}

for (const module of protocols.values()) {
  const per = createHash('sha256');
  for (const s of module.scenarios) per.update(hashRun(`${module.id} curated ${s.name}`, s));
  for (const version of [1, 2, 3] as const) {
    for (let seed = 1; seed <= seeds; seed++) {
      const bug = seed % 2 === 0 && module.bugs.length > 0 ? [module.bugs[seed % module.bugs.length]!.id] : [];
      const s = randomScenario(module, seed * 7919 + version, { bugs: bug });
      s.version = version;
      per.update(hashRun(`${module.id} v${version} seed ${seed} ${bug.join(',')}`, s));
    }
  }
  const h = per.digest('hex').slice(0, 16);
  all.update(h);
  console.log(`${module.id.padEnd(10)} ${h}`);
}
// The speed bench's runs (bench/speed.ts), 100k events each: the hot path the bench measures.
for (const nodes of [3, 5]) {
  const s = randomScenario(protocols.get('raft')!, 2026, { nodes, until: 50_000_000, faultEvery: 400, drop: 0.02, duplicate: 0.02 });
  s.actions = s.actions.filter((a) => a.do !== 'pause' && a.do !== 'resume');
  const sim = new Simulation(protocols.get('raft')!, s, { checkpointEvery: 0 }).run(100_000);
  const h = createHash('sha256').update(JSON.stringify(sim.trace())).digest('hex').slice(0, 16);
  lines.push(`raft bench ${nodes} nodes ${sim.eventCount} ${h}`);
  all.update(h);
  console.log(`bench ${nodes}    ${h}`);
}
console.log(`all        ${all.digest('hex').slice(0, 16)}  (${runs} runs, ${events.toLocaleString('en-US')} events)`);
if (out) writeFileSync(out, lines.join('\n') + '\n');
