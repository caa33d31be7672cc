/**
 * `npm run bench` (explorer part, issue 12): for every bug switch of every protocol, the time
 * and runs to find a violation from scratch over several explorer seeds, and the shrunk size;
 * then each protocol without switches under the same budget (no false alarms expected, except
 * a textbook flaw a protocol shows without a switch, such as 3PC under a partition).
 * EXPLORER_BUDGET (s, default 60) and EXPLORER_SEEDS (default 5) scale it down.
 */
import { protocols } from '../src/protocols/registry';
import { explore } from '../src/check/explorer/explorer';
import { localExecutor } from '../src/check/explorer/search';

const budget = Number(process.env.EXPLORER_BUDGET ?? 60);
const seeds = Number(process.env.EXPLORER_SEEDS ?? 5);
const only = process.env.EXPLORER_ONLY;
/** EXPLORER_ONLY: a protocol id (exactly: `paxos` is not `multipaxos`), `id:bug`, or any part of
 * `id:bug`; comma-separated for several. */
const wanted = (id: string, bug?: string) =>
  !only || only.split(',').some((o) => o === id || (bug !== undefined && (`${id}:${bug}` === o || (!protocols.has(o) && `${id}:${bug}`.includes(o)))));
/** A run cap as well: on a shared machine wall time varies, runs to find do not. */
const maxRuns = process.env.EXPLORER_RUNS ? Number(process.env.EXPLORER_RUNS) : undefined;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pad = (s: string | number, n: number) => String(s).padEnd(n);

async function once(protocol: string, bugs: string[], seed: number) {
  const module = protocols.get(protocol)!;
  const t0 = performance.now();
  // The search's time, without the shrinking that follows a find (reported apart).
  let searched: number | undefined;
  const onProgress = (p: { phase: string }) => {
    if (p.phase !== 'search' && searched === undefined) searched = performance.now();
  };
  const r = await explore(module, { protocol, bugs, seed, ...(maxRuns ? { maxRuns } : {}) }, localExecutor(module), { shouldStop: () => performance.now() - t0 >= budget * 1000, onProgress });
  const end = performance.now();
  return { seconds: ((searched ?? end) - t0) / 1000, shrinkSeconds: (end - (searched ?? end)) / 1000, ...r };
}

export async function benchExplorer(): Promise<void> {
  console.log(`Bug explorer: ${seeds} explorer seeds, ${budget}s budget each${maxRuns ? ` or ${maxRuns} runs` : ''}, one thread (runs to find do not depend on threads or machine)`);
  console.log(`${pad('protocol', 11)}${pad('bug', 27)}${pad('found', 7)}${pad('median s', 10)}${pad('max s', 8)}${pad('median runs', 13)}${pad('shrunk actions', 16)}${pad('shrink s', 10)}invariant`);
  for (const module of protocols.values()) {
    for (const bug of module.bugs) {
      if (!wanted(module.id, bug.id)) continue;
      const rows = [];
      for (let seed = 1; seed <= seeds; seed++) rows.push(await once(module.id, [bug.id], seed));
      const hits = rows.filter((r) => r.found);
      const times = rows.map((r) => (r.found ? r.seconds : Infinity));
      const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : `>${budget}`);
      console.log(
        `${pad(module.id, 11)}${pad(bug.id, 27)}${pad(`${hits.length}/${seeds}`, 7)}${pad(f(median(times)), 10)}${pad(f(Math.max(...times)), 8)}${pad(hits.length ? median(hits.map((r) => r.found!.run + 1)) : '-', 13)}${pad(hits.map((r) => r.found!.shrunk.actions.length).join(',') || '-', 16)}${pad(hits.length ? median(hits.map((r) => r.shrinkSeconds)).toFixed(1) : '-', 10)}${[...new Set(hits.map((r) => r.found!.invariant))].join(', ')}`,
      );
      // Each seed's runs to find (the lowest failing run + 1; – when not found): machine-free.
      console.log(`${' '.repeat(38)}runs per seed: ${rows.map((r) => (r.found ? r.found.run + 1 : '–')).join(', ')}`);
    }
  }
  console.log('Without bug switches (seed 1):');
  for (const module of protocols.values()) {
    if (!wanted(module.id)) continue;
    const r = await once(module.id, [], 1);
    console.log(`  ${pad(module.id, 11)}${r.found ? `✗ ${r.found.invariant} in run ${r.found.run}: ${r.found.message}` : `no violation in ${r.runs.toLocaleString('en-US')} runs, ${r.events.toLocaleString('en-US')} events`}`);
  }
}

if (process.argv[1]?.endsWith('explorer.ts')) await benchExplorer();
