/** The short human summary `faultline run` prints. */
import type { ProtocolModule } from '../protocols/types';
import type { Simulation } from '../sim/simulation';
import type { Violation } from '../sim/types';

export function violationLines(sim: { events: readonly { time: number }[] }, violations: readonly Violation[]): string[] {
  return violations.map((v) => `  ✗ ${v.invariant} at step ${v.seq} (t=${sim.events[v.seq]?.time ?? '?'} ms): ${v.message}`);
}

export function summarize(module: ProtocolModule, sim: Simulation): string[] {
  const s = sim.scenario;
  let sent = 0;
  let lost = 0;
  for (const e of sim.events) {
    sent += e.sent?.length ?? 0;
    if (e.kind === 'lost' || (e.kind === 'drop' && !e.reason)) lost++;
  }
  const bugs = s.params.bugs.length ? `, bugs: ${s.params.bugs.join(', ')}` : '';
  return [
    `${s.protocol}${s.name ? `:${s.name}` : ''} — ${s.nodes.length} nodes, seed ${s.seed}${bugs}`,
    `events: ${sim.events.length}, simulated time: ${sim.current.time} ms, messages: ${sent} sent, ${lost} lost`,
    ...(module.summarize?.(sim.current.views, sim.events) ?? []),
    sim.violations.length === 0 ? 'violations: none' : `violations: ${sim.violations.length}`,
    ...violationLines(sim, sim.violations),
  ];
}
