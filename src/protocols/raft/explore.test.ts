/** The bug explorer on Raft (issue 12): it finds the forgotten vote from scratch within a small
 * fixed budget, shrinks it, and gives the same first counterexample whatever the worker count. */
import { describe, expect, it } from 'vitest';
import { explore } from '../../check/explorer/explorer';
import { localExecutor } from '../../check/explorer/search';
import { poolExecutor, serveRuns, type Port, type WorkerReply } from '../../check/explorer/pool';
import { executeRun } from '../../check/explorer/run';
import { breaksAt, shrink } from '../../check/explorer/shrink';
import type { Action } from '../../scenario/types';
import { raft } from './index';

/** Resolves after `ticks` microtask turns: later workers answer first. */
async function later(ticks: number): Promise<void> {
  for (let i = 0; i < ticks; i++) await Promise.resolve();
}

/** In-process "workers" that answer asynchronously and out of order, as threads would. */
function fakePool(n: number): Port[] {
  return Array.from({ length: n }, (_, i) => {
    const serve = serveRuns((spec, known) => executeRun(raft, spec, known));
    let handler: (m: WorkerReply) => void = () => {};
    return {
      post: (m) => void later((n - i) * 5).then(() => handler(serve(m))),
      listen: (h) => void (handler = h),
    };
  });
}

const cfg = { protocol: 'raft', bugs: ['forget-vote-on-restart'], seed: 6, maxRuns: 160 };
const never = { shouldStop: () => false };
/** One search with a single worker, shared by the tests below (each costs seconds). */
let first: ReturnType<typeof explore> | undefined;
const searchOnce = () => (first ??= explore(raft, cfg, poolExecutor(fakePool(1)), never));

describe('explorer on raft', () => {
  it('finds forget-vote-on-restart from scratch and shrinks it to a short run that breaks the same invariant', async () => {
    const r = await searchOnce();
    expect(r.found, `no violation in ${r.runs} runs`).toBeDefined();
    const f = r.found!;
    expect(['one-vote-per-term', 'election-safety']).toContain(f.invariant);
    expect(f.shrunk.actions.length).toBeLessThanOrEqual(12);
    // The count shrunk from includes the random losses made explicit: never fewer than result.
    expect(f.shrunkFrom).toBeGreaterThanOrEqual(f.original.actions.length);
    expect(f.shrunk.actions.length).toBeLessThanOrEqual(f.shrunkFrom);
    expect(breaksAt(raft, f.shrunk, f.invariant)).toBeGreaterThanOrEqual(0);
    // Without the bug switch the same counterexample is harmless.
    expect(breaksAt(raft, { ...f.shrunk, params: { ...f.shrunk.params, bugs: [] } }, f.invariant)).toBe(-1);
  }, 120_000);

  it('gives the same first counterexample with 1 and 2 workers and in-thread', async () => {
    const one = await searchOnce();
    expect(one.found).toBeDefined();
    const two = await explore(raft, { ...cfg, maxRuns: one.runs }, poolExecutor(fakePool(2)), never);
    const local = await explore(raft, { ...cfg, maxRuns: one.runs }, localExecutor(raft), never);
    for (const other of [two, local]) {
      expect(other.found?.run).toBe(one.found!.run);
      expect(other.found?.original).toEqual(one.found!.original);
      expect(other.found?.shrunk).toEqual(one.found!.shrunk);
    }
  }, 240_000);

  it('shrinking survives irrelevant actions: padding a counterexample does not stop it shrinking back', async () => {
    const f = (await searchOnce()).found!;
    // Client requests to every node, spread over the run: they change message counts on many
    // links, which keyed draws must not turn into a different run for the rest.
    const pad: Action[] = f.shrunk.nodes.flatMap((node, i) => [{ at: 5 + i, do: 'request', node, command: `pad=${i}` }]);
    const padded = { ...f.shrunk, actions: [...pad, ...f.shrunk.actions].sort((a, b) => a.at - b.at) };
    // Requests before any leader exists are only redirected: the bug must still happen.
    expect(breaksAt(raft, padded, f.invariant)).toBeGreaterThanOrEqual(0);
    const again = shrink(raft, padded, f.invariant);
    expect(again.confirmed).toBe(true);
    expect(again.scenario.actions.length).toBeLessThanOrEqual(f.shrunk.actions.length);
  }, 120_000);
});
