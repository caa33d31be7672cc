/**
 * Where a long Raft run spends its CPU, early and late (issue 12's drift): V8's CPU profiler
 * over the same 100k events of bench/speed.ts's scenario at 50k–150k and at 900k–1M, each
 * function's self time as a share of the window's. Shares, not microseconds: the load moves
 * both windows' times but hardly what each function's share is, so a function whose share
 * grows from early to late is work that grows with the run (a scan as long as a log, say).
 *
 *   npx tsx bench/cpuSites.ts [nodes=3] [top=15]
 */
import { Session } from 'node:inspector/promises';
import { raft } from '../src/protocols/raft';
import { Simulation } from '../src/sim/simulation';
import { speedScenario } from './speedCounts';
import { selfTimes, type CpuProfile } from './profileTop';

const WINDOW = 100_000;

async function window(session: Session, sim: Simulation): Promise<Map<string, number>> {
  await session.post('Profiler.start');
  sim.run(WINDOW);
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
  const times = selfTimes(profile);
  // The inspector's own work (handing the profile over) and idle time are not the run's.
  for (const k of [...times.keys()]) if (/^(dispatch|\(idle\)|\(program\)|\(root\)) /.test(k)) times.delete(k);
  const total = [...times.values()].reduce((a, b) => a + b, 0);
  for (const [k, v] of times) times.set(k, (100 * v) / total);
  return times;
}

async function main(): Promise<void> {
  const nodes = Number(process.argv[2] ?? 3);
  const top = Number(process.argv[3] ?? 15);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  const sim = new Simulation(raft, speedScenario(nodes), { record: false, checkpointEvery: 0 });
  sim.run(50_000);
  const early = await window(session, sim);
  sim.run(900_000 - sim.eventCount);
  const late = await window(session, sim);
  const pick = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map((e) => e[0]);
  const keys = new Set([...pick(early), ...pick(late)]);
  const rows = [...keys].map((k) => [k, early.get(k) ?? 0, late.get(k) ?? 0] as const).sort((a, b) => b[2] - b[1] - (a[2] - a[1]));
  console.log(`${nodes} nodes, share of self time (%): 50k-150k, 900k-1M, change; largest growth first`);
  for (const [k, e, l] of rows) console.log(`  ${e.toFixed(1).padStart(5)}  ${l.toFixed(1).padStart(5)}  ${(l - e >= 0 ? '+' : '') + (l - e).toFixed(1)}`.padEnd(28) + k);
  session.disconnect();
}

void main();
