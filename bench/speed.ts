/**
 * Explorer speed (issue 12): events/s of a Raft run with every invariant checked and no trace
 * or checkpoints, at 100k and 1M events, for 3 and 5 nodes. The per-100k-event chunk rates
 * show whether checking costs the same late in a run as early. Rates are per CPU-second of
 * this process; the load average beside them says how busy the machine was.
 */
import { loadavg } from 'node:os';
import { raft } from '../src/protocols/raft';
import { randomScenario } from '../src/check/explore';
import { Simulation } from '../src/sim/simulation';
import { stepperFor } from '../src/sim/effects';

/** CPU time of this process in ms: on a shared machine, wall time measures the neighbours. */
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const CHUNK = 100_000;
const f = (x: number) => Math.round(x).toLocaleString('en-US').padStart(9);
const load = () => loadavg()[0]!.toFixed(1);

export function benchSpeed(total = 1_000_000, nodesList = [3, 5]): void {
  console.log('Raft with every invariant, no trace, no checkpoints (random faults, 2% drop and duplicate), events per CPU-second:');
  console.log(`  nodes  ${'first 100k'.padStart(9)}  ${`all ${total / 1000}k`.padStart(9)}  ${'last 100k'.padStart(9)}  drift(all)  drift(last)  load1 before/after  violations`);
  const perChunk: string[] = [];
  // Deterministic beside the noisy rates: XState transitions per event, and events skipped as ignored.
  const counts = stepperFor(raft.machine('server'), null).counts;
  for (const nodes of nodesList) {
    const scenario = randomScenario(raft, 2026, { nodes, until: 50_000_000, faultEvery: 400, drop: 0.02, duplicate: 0.02 });
    scenario.actions = scenario.actions.filter((a) => a.do !== 'pause' && a.do !== 'resume');
    new Simulation(raft, scenario, { record: false, checkpointEvery: 0 }).run(30_000); // warm-up
    const loadBefore = load();
    const sim = new Simulation(raft, scenario, { record: false, checkpointEvery: 0 });
    const chunks: number[] = [];
    const c0 = { ...counts };
    const t0 = cpuNow();
    let last = t0;
    while (sim.eventCount < total && !sim.done) {
      const from = sim.eventCount;
      sim.run(CHUNK);
      const now = cpuNow();
      chunks.push((sim.eventCount - from) / ((now - last) / 1000));
      last = now;
    }
    const first = chunks[0]!;
    const all = sim.eventCount / ((last - t0) / 1000);
    const pct = (x: number) => {
      const d = ((x - first) / first) * 100;
      return `${d >= 0 ? '+' : ''}${d.toFixed(1)}%`;
    };
    console.log(
      `  ${String(nodes).padStart(5)}  ${f(first)}  ${f(all)}  ${f(chunks.at(-1)!)}  ${pct(all).padStart(10)}  ${pct(chunks.at(-1)!).padStart(11)}  ${`${loadBefore} / ${load()}`.padStart(18)}  ${sim.violations.length}`,
    );
    const per = (n: number) => (n / sim.eventCount).toFixed(3);
    perChunk.push(`    ${nodes} nodes per 100k chunk: ${chunks.map((c) => Math.round(c / 1000) + 'k').join(' ')}; per event: ${per(counts.transitions - c0.transitions)} transition() calls, ${per(counts.skipped - c0.skipped)} skipped as ignored`);
  }
  console.log(perChunk.join('\n'));
}

if (process.argv[1]?.endsWith('speed.ts')) benchSpeed(Number(process.argv[2] ?? 1_000_000));
