/** `faultline explore <protocol>`: searches fault schedules for an invariant violation,
 * shrinks it, prints its link and writes it (--out). Exit 1 on a violation, 0 without. */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { getProtocol, protocols } from '../protocols/registry';
import type { ProtocolModule } from '../protocols/types';
import { explore } from '../check/explorer/explorer';
import { localExecutor, type Executor } from '../check/explorer/search';
import { poolExecutor, type WorkerReply } from '../check/explorer/pool';
import { encodeScenarioUrl, scenarioToJson } from '../scenario/codec';
import type { Progress } from '../check/explorer/types';
import { InputError, type Args } from './args';

type Out = { log(line: string): void; error(line: string): void };

function nodePool(protocol: string, n: number): { exec: Executor; close: () => Promise<void> } {
  const workers = Array.from({ length: n }, () => new Worker(new URL('./exploreWorker.mjs', import.meta.url), { workerData: { protocol } }));
  const exec = poolExecutor(workers.map((w) => ({ post: (m) => w.postMessage(m), listen: (h) => w.on('message', (m: WorkerReply) => h(m)) })));
  return { exec, close: async () => void (await Promise.all(workers.map((w) => w.terminate()))) };
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

export function progressLine(p: Progress, seconds: number): string {
  if (p.phase === 'shrink' && p.shrink) return `  ${seconds.toFixed(0)}s: shrinking: ${p.shrink.step} (${p.shrink.actions} actions, ${fmt(p.shrink.runs ?? 0)} shrink runs)`;
  return `  ${seconds.toFixed(0)}s: ${fmt(p.runs)} runs, ${fmt(p.events)} events (${fmt(p.events / Math.max(seconds, 0.001))}/s), ${fmt(p.states)} abstract states, runs by strategy ${Object.entries(p.share).map(([k, v]) => `${k} ${v}`).join(', ')}`;
}

export function exploreModule(args: Args): ProtocolModule {
  const id = args.positional[0];
  if (!id) throw new InputError(`explore: which protocol? (${[...protocols.keys()].join(', ')})`);
  const module = getProtocol(id);
  if (!module) throw new InputError(`unknown protocol "${id}" (known: ${[...protocols.keys()].join(', ')})`);
  for (const b of args.bugs) if (!module.bugs.some((x) => x.id === b)) throw new InputError(`--bug: ${id} has no bug switch "${b}" (it has ${module.bugs.map((x) => x.id).join(', ') || 'none'})`);
  return module;
}

export async function exploreCommand(args: Args, out: Out): Promise<number> {
  const module = exploreModule(args);
  const budgetMs = args.time ?? 60_000;
  const workers = args.workers ?? Math.max(1, Math.min(2, availableParallelism()));
  const seed = args.seed ?? 1;
  const pool = workers > 1 ? nodePool(module.id, workers) : null;
  const exec = pool?.exec ?? localExecutor(module);
  const t0 = performance.now();
  let lastPrint = 0;
  let lastStep = '';
  const elapsed = () => (performance.now() - t0) / 1000;
  out.log(`exploring ${module.id}${args.bugs.length ? ` with ${args.bugs.join(', ')}` : ' (no bug switch)'}: seed ${seed}, ${workers} worker${workers === 1 ? '' : 's'}, ${budgetMs / 1000}s`);
  try {
    const r = await explore(module, { protocol: module.id, bugs: args.bugs, seed, ...(args.maxRuns ? { maxRuns: args.maxRuns } : {}) }, exec, {
      shouldStop: () => performance.now() - t0 >= budgetMs,
      onProgress: (p) => {
        // A line per shrinking step, and every 2 s within a step or the search.
        const step = p.phase === 'shrink' ? (p.shrink?.step ?? '') : '';
        if ((step && step !== lastStep) || elapsed() - lastPrint >= 2) {
          lastPrint = elapsed();
          lastStep = step;
          out.log(progressLine(p, elapsed()));
        }
      },
    });
    if (!r.found) {
      out.log(`no violation in ${fmt(r.runs)} runs, ${fmt(r.events)} events`);
      return 0;
    }
    const f = r.found;
    // The message is the shrunk run's (what the link opens on), not run N's (review).
    out.log(`✗ ${f.invariant} in run ${f.run} (${f.strategy}) after ${elapsed().toFixed(1)}s`);
    out.log(`shrunk from ${f.shrunkFrom} to ${f.shrunk.actions.length} actions on ${f.shrunk.nodes.length} nodes, ${f.shrunk.until} ms (${fmt(f.shrinkRuns)} shrink runs): ${f.message}`);
    out.log(`link: ${args.base ?? 'http://localhost:5173/'}${encodeScenarioUrl(f.shrunk)}`);
    if (args.out) {
      writeFileSync(args.out, scenarioToJson(f.shrunk));
      out.log(`scenario written to ${args.out}`);
    }
    return 1;
  } finally {
    await pool?.close();
  }
}
