/** The short human summary `faultline run` prints, folded event by event so that a long run
 * (a million events written with --out) keeps only what the summary reads. */
import type { ProtocolModule } from '../protocols/types';
import type { Simulation } from '../sim/simulation';
import type { NodeId, Observable, TraceEvent, Violation } from '../sim/types';
import { diff } from '../sim/patch';

export function violationLines(sim: { events: readonly { time: number }[] }, violations: readonly Violation[]): string[] {
  return violations.map((v) => `  ✗ ${v.invariant} at step ${v.seq} (t=${sim.events[v.seq]?.time ?? '?'} ms): ${v.message}`);
}

/** Counts as events pass, and keeps for the protocol's own lines only the events (or the
 * parts of them) its `summarize` declares it reads. */
export class SummaryFold {
  private events = 0;
  private sent = 0;
  private lost = 0;
  private readonly kept: TraceEvent[] = [];
  private readonly lastState = new Map<NodeId, Observable>();
  /** Times of the events violations point at: they are few. */
  private readonly times = new Map<number, number>();
  private seen = 0;

  constructor(private readonly module: ProtocolModule) {}

  add(e: TraceEvent, violations: readonly Violation[]): void {
    this.events++;
    this.sent += e.sent?.length ?? 0;
    if (e.kind === 'lost' || (e.kind === 'drop' && !e.reason)) this.lost++;
    for (; this.seen < violations.length; this.seen++) this.times.set(violations[this.seen]!.seq, NaN);
    if (this.times.has(e.seq)) this.times.set(e.seq, e.time);
    this.keep(e);
  }

  private keep(e: TraceEvent): void {
    if (!this.module.summarize) return;
    const reads = this.module.summaryReads;
    if (!reads) {
      this.kept.push(e);
      return;
    }
    const out: Partial<TraceEvent> = {};
    let any = false;
    if (reads.includes('state') && e.state !== undefined && e.node !== undefined) {
      const before = this.lastState.get(e.node);
      if (before === undefined || diff(before, e.state) !== null) {
        out.state = e.state;
        any = true;
      }
      this.lastState.set(e.node, e.state);
    }
    if (reads.includes('sent') && e.sent?.length) [out.sent, any] = [e.sent, true];
    if (reads.includes('output') && e.output?.length) [out.output, any] = [e.output, true];
    if (any) this.kept.push({ seq: e.seq, time: e.time, kind: e.kind, ...(e.node === undefined ? {} : { node: e.node }), ...out } as TraceEvent);
  }

  lines(sim: Simulation): string[] {
    const s = sim.scenario;
    const bugs = s.params.bugs.length ? `, bugs: ${s.params.bugs.join(', ')}` : '';
    return [
      `${s.protocol}${s.name ? `:${s.name}` : ''} — ${s.nodes.length} nodes, seed ${s.seed}${bugs}`,
      `events: ${this.events}, simulated time: ${sim.current.time} ms, messages: ${this.sent} sent, ${this.lost} lost`,
      ...(this.module.summarize?.(sim.current.views, this.kept) ?? []),
      sim.violations.length === 0 ? 'violations: none' : `violations: ${sim.violations.length}`,
      ...sim.violations.map((v) => `  ✗ ${v.invariant} at step ${v.seq} (t=${Number.isNaN(this.times.get(v.seq) ?? NaN) ? '?' : this.times.get(v.seq)} ms): ${v.message}`),
    ];
  }
}

/** The summary of a recorded run. */
export function summarize(module: ProtocolModule, sim: Simulation): string[] {
  const fold = new SummaryFold(module);
  for (const e of sim.events) fold.add(e, sim.violations);
  return fold.lines(sim);
}
