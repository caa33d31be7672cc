/**
 * Runs to find, machine-free: drives `Search` directly (no shrinking) for explorer seeds
 * 1..EXPLORER_SEEDS (default 10) with a run cap (EXPLORER_RUNS, default 1000), and prints per
 * seed the runs to find (lowest failing run + 1), the strategy that found it, and events and
 * CPU-seconds per run. `npx tsx bench/exploreRuns.ts raft:commit-previous-term[,p:bug…]`;
 * a bare protocol id means every switch of it; `p:` (empty bug) means no switch at all.
 */
import { protocols } from '../src/protocols/registry';
import { Search, localExecutor } from '../src/check/explorer/search';

const seeds = Number(process.env.EXPLORER_SEEDS ?? 10);
const cap = Number(process.env.EXPLORER_RUNS ?? 1000);
const first = Number(process.env.EXPLORER_FIRST ?? 1);
const targets = (process.argv[2] ?? 'raft:commit-previous-term').split(',').flatMap((t): [string, string[]][] => {
  const [id, bug] = t.split(':');
  const m = protocols.get(id!);
  if (!m) throw new Error(`unknown protocol ${id}`);
  return bug === undefined ? m.bugs.map((b) => [id!, [b.id]]) : [[id!, bug ? [bug] : []]];
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const [id, bugs] of targets) {
  const module = protocols.get(id)!;
  const found: number[] = [];
  const cells: string[] = [];
  const share: Record<string, number> = {};
  let runs = 0;
  let events = 0;
  const t0 = process.cpuUsage();
  for (let seed = first; seed < first + seeds; seed++) {
    const s = new Search(module, { protocol: id, bugs: [...bugs], seed });
    const exec = localExecutor(module);
    let hit;
    while (!hit && s.runs < cap) hit = await s.step(exec);
    runs += s.runs;
    for (const [k, v] of Object.entries(s.progress().share)) share[k] = (share[k] ?? 0) + v;
    events += s.events;
    if (hit) found.push(hit.index + 1);
    cells.push(hit ? `${hit.index + 1}${hit.strategy[0]}` : '–');
  }
  const cpu = process.cpuUsage(t0);
  const sec = (cpu.user + cpu.system) / 1e6;
  console.log(
    `${id}:${bugs.join('+') || '(none)'} found ${found.length}/${seeds} median ${found.length ? median(found) : '-'} | ${cells.join(', ')} | ${runs} runs, ${Math.round(events / runs)} events/run, ${(runs / sec).toFixed(1)} runs/cpu-s | ${Object.entries(share).map(([k, v]) => `${k} ${Math.round((100 * v) / runs)}%`).join(' ')}`,
  );
}
