/**
 * Where a long Raft run allocates, early and late (issue 12's drift): V8's sampling heap
 * profiler over the same 100k events of bench/speed.ts's scenario at 50k–150k and at 900k–1M,
 * every sample kept (objects a GC already collected included), top sites in bytes per event.
 * A site whose bytes per event grow between the two windows is a cost that grows with the run.
 * Sampled, so a site's figure is good to a few bytes per event; bench/speedCounts.ts gives the
 * exact totals. Lines and columns are of the code as tsx compiled it.
 *
 *   npx tsx bench/heapSites.ts [nodes=3] [top=12]
 */
import { Session } from 'node:inspector/promises';
import { raft } from '../src/protocols/raft';
import { Simulation } from '../src/sim/simulation';
import { speedScenario } from './speedCounts';

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  selfSize: number;
  id: number;
  children: SamplingNode[];
}
interface SamplingProfile {
  head: SamplingNode;
  samples: { size: number; nodeId: number }[];
}

const WINDOW = 100_000;

/** Bytes sampled per allocation site (function, file, line), from the samples themselves. */
function bySite(profile: SamplingProfile): Map<string, number> {
  const site = new Map<number, string>();
  // A built-in (a Set, an array copy) is named with the script function that called it.
  const walk = (n: SamplingNode, caller: string): void => {
    const f = n.callFrame;
    const here = f.url ? `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(src|bench|node_modules)\//, '$1/')}:${f.lineNumber + 1}:${f.columnNumber + 1}` : `${f.functionName || '(native)'} <- ${caller}`;
    site.set(n.id, here);
    n.children.forEach((c) => walk(c, f.url ? here : caller));
  };
  walk(profile.head, '(root)');
  const out = new Map<string, number>();
  for (const s of profile.samples) {
    const k = site.get(s.nodeId) ?? '?';
    out.set(k, (out.get(k) ?? 0) + s.size);
  }
  return out;
}

async function sample(session: Session, sim: Simulation): Promise<Map<string, number>> {
  await session.post('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  const from = sim.eventCount;
  sim.run(WINDOW);
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: SamplingProfile };
  const events = sim.eventCount - from;
  const sites = bySite(profile);
  for (const [k, v] of sites) sites.set(k, v / events);
  return sites;
}

async function main(): Promise<void> {
  const nodes = Number(process.argv[2] ?? 3);
  const top = Number(process.argv[3] ?? 12);
  const session = new Session();
  session.connect();
  const sim = new Simulation(raft, speedScenario(nodes), { record: false, checkpointEvery: 0 });
  sim.run(50_000);
  const early = await sample(session, sim);
  sim.run(900_000 - sim.eventCount);
  const late = await sample(session, sim);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const f = (x: number) => Math.round(x).toLocaleString('en-US').padStart(6);
  console.log(`${nodes} nodes, sampled bytes per event: 50k-150k ${f(total(early))}, 900k-1M ${f(total(late))}`);
  console.log(`  50k-150k  900k-1M  growth  site`);
  const keys = new Set([...[...early].sort((a, b) => b[1] - a[1]).slice(0, top), ...[...late].sort((a, b) => b[1] - a[1]).slice(0, top)].map((e) => e[0]));
  const rows = [...keys].map((k) => [k, early.get(k) ?? 0, late.get(k) ?? 0] as const).sort((a, b) => b[2] - a[2]);
  for (const [k, e, l] of rows) console.log(`  ${f(e)}    ${f(l)}  ${(l - e >= 0 ? '+' : '') + Math.round(l - e)}`.padEnd(32) + k);
  session.disconnect();
}

void main();
