/**
 * The linearizability checker's figures (issue 11), printed, never asserted: synthetic
 * histories of 1,000 and 10,000 ops (src/check/linearizability/synthetic.ts), checked offline
 * (the whole history once) and live (the invariant as a run feeds it, event by event), plus the
 * time to find and shrink a violation. Also runnable alone: `npx tsx bench/linearizability.ts`.
 */
import { checkHistory } from '../src/check/linearizability';
import { linearizabilityInvariant } from '../src/check/linearizability/invariant';
import { syntheticEvents, syntheticHistory, type SyntheticOptions } from '../src/check/linearizability/synthetic';
import type { ProtocolModule } from '../src/protocols/types';
import type { TraceEvent } from '../src/sim/types';

const ms = (x: number) => (x < 10 ? `${x.toFixed(2)} ms` : `${Math.round(x).toLocaleString('en-US')} ms`);

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

/** Feeds the live invariant one event at a time, as a run does; returns total and worst event.
 * The live check keeps its last order and searches only a window near each answer
 * (incremental.ts), so its total grows about linearly with the history. */
function live(o: SyntheticOptions): { total: number; worst: number; violated: boolean } {
  const events = syntheticEvents(o);
  const byEvent = new Map(events.map((e) => [e.seq, e.records]));
  const module = { clientHistory: (e: TraceEvent) => byEvent.get(e.seq) ?? [] } as unknown as ProtocolModule;
  const check = linearizabilityInvariant(module).create({ nodes: [], params: { bugs: [] } });
  let worst = 0;
  let violated = false;
  const t0 = performance.now();
  for (const e of events) {
    const t = performance.now();
    if (check({ event: { seq: e.seq, time: e.seq, kind: 'command' }, nodes: new Map() })) violated = true;
    worst = Math.max(worst, performance.now() - t);
    if (violated) break;
  }
  return { total: performance.now() - t0, worst, violated };
}

export function benchLinearizability(): void {
  // Warm the JIT.
  checkHistory(syntheticHistory({ ops: 2000, clients: 5, keys: 3, seed: 1 }));
  console.log('linearizability checker: synthetic register histories, 2% of writes never answered');
  console.log(`  ${'ops'.padStart(7)} ${'clients'.padStart(8)} ${'keys'.padStart(5)} ${'offline'.padStart(10)} ${'live total'.padStart(11)} ${'live worst event'.padStart(17)} ${'violation found + shrunk'.padStart(25)}`);
  for (const ops of [1000, 10_000]) {
    // One hot key (every op on it) and many keys; 8 clients on one key is about where the
    // exponential search starts to show (docs/linearizability.md, "How fast").
    for (const [clients, keys] of [[5, 1], [8, 1], [10, 10], [50, 100]] as const) {
      const o = { ops, clients, keys, seed: ops + clients };
      const [verdicts, offline] = timed(() => checkHistory(syntheticHistory(o)));
      if (verdicts.some((v) => !v.ok)) throw new Error('synthetic history should be linearizable');
      const undecided = verdicts.filter((v) => v.unknown).length;
      const l = live(o);
      // Finding and shrinking a violation runs a full search per bisection step: shown at 1,000
      // ops only, where it stays a few seconds.
      const [bad, badMs] = ops <= 1000 ? timed(() => checkHistory(syntheticHistory({ ...o, corrupt: true }))) : [[], NaN];
      const core = bad.find((v) => !v.ok)?.core?.length ?? 0;
      console.log(
        `  ${ops.toLocaleString('en-US').padStart(7)} ${String(clients).padStart(8)} ${String(keys).padStart(5)} ${(ms(offline) + (undecided ? ` (${undecided} out of budget)` : '')).padStart(10)} ${ms(l.total).padStart(11)} ${ms(l.worst).padStart(17)} ${(Number.isNaN(badMs) ? '—' : `${ms(badMs)} (core of ${core})`).padStart(25)}`,
      );
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) benchLinearizability();
