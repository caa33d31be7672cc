/**
 * The linearizability checker's figures (issue 11), printed, never asserted: synthetic
 * histories of 1,000 and 10,000 ops (src/check/linearizability/synthetic.ts), checked offline
 * (the whole history once) and live (the invariant as a run feeds it, event by event: total,
 * per op and worst event), plus the time to find and shrink a stale read, live and offline.
 * Also runnable alone: `npx tsx bench/linearizability.ts`.
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

/** Feeds the live invariant one event at a time, as a run does; returns the total, the worst
 * event and the ops invoked until it stopped (at the end, or at a violation, which it names).
 * The live check keeps its last order and searches only a window near each answer
 * (incremental.ts), so its total grows about linearly with the history. */
function live(o: SyntheticOptions): { total: number; worst: number; ops: number; violation?: string } {
  const events = syntheticEvents(o);
  const byEvent = new Map(events.map((e) => [e.seq, e.records]));
  const module = { clientHistory: (e: TraceEvent) => byEvent.get(e.seq) ?? [] } as unknown as ProtocolModule;
  const check = linearizabilityInvariant(module).create({ nodes: [], params: { bugs: [] } });
  let worst = 0;
  let ops = 0;
  const t0 = performance.now();
  for (const e of events) {
    const t = performance.now();
    ops += e.records.filter((r) => r.kind === 'invoke').length;
    const v = check({ event: { seq: e.seq, time: e.seq, kind: 'command' }, nodes: new Map() });
    worst = Math.max(worst, performance.now() - t);
    if (v) return { total: performance.now() - t0, worst, ops, violation: v.message };
  }
  return { total: performance.now() - t0, worst, ops };
}

const us = (x: number) => `${Math.round(x * 1000).toLocaleString('en-US')} µs`;
const cols = ['ops', 'clients', 'keys', 'offline', 'live total', 'live per op', 'live worst event', 'live: stale read named', 'offline: found + shrunk'];
const widths = [7, 8, 5, 12, 11, 12, 17, 30, 24];
const row = (cells: string[]) => `  ${cells.map((c, i) => c.padStart(widths[i]!)).join(' ')}`;

export function benchLinearizability(): void {
  // Warm the JIT.
  checkHistory(syntheticHistory({ ops: 2000, clients: 5, keys: 3, seed: 1 }));
  console.log('linearizability checker: synthetic register histories, 2% of writes never answered');
  console.log('  live: the invariant fed event by event (total, per op invoked, worst event); live, stale read: the same run');
  console.log('  with one read made stale from the middle on, until the invariant names it (ops invoked by then, core size)');
  console.log(row(cols));
  for (const ops of [1000, 10_000]) {
    // One hot key (every op on it) and many keys; 8 clients on one key is about where the
    // exponential search starts to show (docs/linearizability.md, "Budgets").
    for (const [clients, keys] of [[5, 1], [8, 1], [10, 10], [50, 100]] as const) {
      const o = { ops, clients, keys, seed: ops + clients };
      const [verdicts, offline] = timed(() => checkHistory(syntheticHistory(o)));
      if (verdicts.some((v) => !v.ok)) throw new Error('synthetic history should be linearizable');
      const undecided = verdicts.filter((v) => v.unknown).length;
      const l = live(o);
      if (l.violation) throw new Error(`synthetic history should be linearizable: ${l.violation}`);
      const bad = live({ ...o, stale: true });
      const named = bad.violation ? `${ms(bad.total)} at ${bad.ops.toLocaleString('en-US')} (core ${bad.violation.match(/These (\d+)/)?.[1] ?? 1})` : 'missed';
      // Offline, finding the first failing answer bisects with a full search per step: shown at
      // 1,000 ops only, where it stays a few seconds.
      const [found, foundMs] = ops <= 1000 ? timed(() => checkHistory(syntheticHistory({ ...o, stale: true }))) : [[], NaN];
      const core = found.find((v) => !v.ok)?.core?.length ?? 0;
      console.log(
        row([
          ops.toLocaleString('en-US'),
          String(clients),
          String(keys),
          ms(offline) + (undecided ? ` (${undecided} out of budget)` : ''),
          ms(l.total),
          us(l.total / l.ops),
          ms(l.worst),
          named,
          Number.isNaN(foundMs) ? '—' : `${ms(foundMs)} (core of ${core})`,
        ]),
      );
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) benchLinearizability();
